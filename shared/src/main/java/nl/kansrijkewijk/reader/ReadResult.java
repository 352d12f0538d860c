package nl.kansrijkewijk.reader;

import java.util.List;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.finding.Finding;

/** An Aanvraag as read, plus findings about values that could not be read (rule ids LEES-*). */
public record ReadResult(Aanvraag aanvraag, List<Finding> findings) {}
