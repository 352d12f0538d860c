package nl.kansrijkewijk.local; final class Placeholder {}
