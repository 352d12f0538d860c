package nl.kansrijkewijk.local;

import nl.kansrijkewijk.functions.aanvraag.DefaultProcessor;
import nl.kansrijkewijk.processing.DocumentProcessor;

/** THE wiring point of ./kw for the document processor. */
public final class Processors {
    private Processors() {}

    /**
     * The processor ./kw runs. It is the deployed Lambda's own choice, so local runs and AWS can never drift
     * apart: switching {@link DefaultProcessor#create()} to {@code new AanvraagProcessor()} switches both.
     * (Until then that is a clearly marked temporary stand-in that writes samenvatting.json.)
     */
    public static DocumentProcessor standard() {
        return DefaultProcessor.create();
    }
}
