package nl.kansrijkewijk.finding;

/** A catalogue entry: what a rule is, the article it rests on, and its severity. */
public record RuleDefinition(String id, String article, Severity severity, String summary) {}
