package nl.kansrijkewijk.functions.aanvraag; final class Placeholder {}
