package nl.kansrijkewijk.local;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.reader.AanvraagReader;
import nl.kansrijkewijk.reader.UnreadableDocumentException;

/**
 * When ./kw demo says a fixture was received: at noon (Amsterdam) on the date typed on the form, as if each
 * gemeente uploaded on the day it signed. A real clock would make every run's manifests differ; one fixed day
 * for all would put a wijziging before its aanvraag.
 */
final class DemoReceipt {
    /** For a document without a readable date: the last working day of the art. 10 aanvraag window (Friday). */
    static final Instant FALLBACK = Instant.parse("2023-09-29T10:00:00Z");

    private DemoReceipt() {}

    static Instant time(String name, byte[] content) {
        LocalDate date;
        try {
            date = AanvraagReader.read(name, content).aanvraag().submissionDate();
        } catch (UnreadableDocumentException | RuntimeException e) {
            return FALLBACK;
        }
        return date == null ? FALLBACK : date.atTime(LocalTime.NOON).atZone(Receipt.AMSTERDAM).toInstant();
    }
}
