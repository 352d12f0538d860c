package nl.kansrijkewijk.functions.aanvraag;

import nl.kansrijkewijk.processing.AanvraagProcessor;
import nl.kansrijkewijk.processing.DocumentProcessor;

/** THE place that chooses the processor the deployed Lambda (and ./kw, through Processors.standard()) runs. */
public final class DefaultProcessor {
    private DefaultProcessor() {}

    public static DocumentProcessor create() {
        return new AanvraagProcessor();
    }
}
