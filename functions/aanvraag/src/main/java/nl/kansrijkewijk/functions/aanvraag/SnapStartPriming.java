package nl.kansrijkewijk.functions.aanvraag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import nl.kansrijkewijk.form.BlankFormPdf;
import nl.kansrijkewijk.processing.DocumentProcessor;
import nl.kansrijkewijk.processing.Receipt;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda SnapStart priming: before the snapshot of an initialised execution environment is taken, run the core
 * over two documents in memory, so that the restored JVM already has the classes of the read, check and render
 * paths loaded, initialised and C1-compiled (regeling YAML, PDFBox, POI, openhtmltopdf, fonts). The blank
 * aanvraagformulier (PDF, generated) primes the PDF form reader; a filled Amsterdam workbook (bundled, 25 kB)
 * primes the XLSX reader, every check and both rendered reports. No S3 call is made: the snapshot must hold no
 * open connection and no credentials.
 *
 * <p>Without SnapStart (or a CRaC JVM) org.crac's global context never calls {@link #beforeCheckpoint}; then this
 * class costs one registration at init.
 */
final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    /** Inside the aanvraag window: the priming form goes the whole way (check, decision, beschikking). */
    private static final Instant RECEIVED = Instant.parse("2023-09-01T10:00:00Z");

    private final DocumentProcessor processor;

    private SnapStartPriming(DocumentProcessor processor) {
        this.processor = processor;
    }

    /** Registers a priming hook; the caller keeps the result (CRaC holds resources weakly). */
    static SnapStartPriming register(DocumentProcessor processor) {
        SnapStartPriming priming = new SnapStartPriming(processor);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long t0 = System.nanoTime();
        prime();
        LOG.info("SnapStart priming took {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing held across the snapshot needs renewing: the S3 client made no connection before it.
    }

    /** The priming itself; package-visible so a test can prove it runs the real core. */
    void prime() {
        processor.process(new Receipt("priming.pdf", "GM0363", RECEIVED, null, null), BlankFormPdf.generate());
        processor.process(new Receipt("priming.xlsx", "GM0363", RECEIVED, null, null), resource("priming/aanvraag.xlsx"));
    }

    private static byte[] resource(String name) {
        try (InputStream in = SnapStartPriming.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("priming document missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
