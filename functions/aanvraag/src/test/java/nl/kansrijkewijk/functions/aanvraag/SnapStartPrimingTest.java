package nl.kansrijkewijk.functions.aanvraag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nl.kansrijkewijk.processing.DocumentProcessor;
import nl.kansrijkewijk.processing.ProcessingResult;
import nl.kansrijkewijk.processing.Receipt;
import org.junit.jupiter.api.Test;

/** The SnapStart priming must walk the paths a real upload takes, or the snapshot holds nothing useful. */
class SnapStartPrimingTest {

    @Test
    void primingReadsBothShapesAndRendersTheBeschikking() {
        DocumentProcessor real = DefaultProcessor.create();
        List<ProcessingResult> results = new ArrayList<>();
        DocumentProcessor recording = new DocumentProcessor() {
            @Override
            public ProcessingResult process(String documentName, byte[] content) {
                throw new AssertionError("priming must pass the upload context");
            }

            @Override
            public ProcessingResult process(Receipt receipt, byte[] content) {
                ProcessingResult r = real.process(receipt, content);
                results.add(r);
                return r;
            }
        };

        SnapStartPriming.register(recording).prime();

        assertEquals(2, results.size());
        ProcessingResult workbook = results.get(1);
        // The bundled workbook is a correct Amsterdam aanvraag received in the window: read, checked, decided, rendered.
        assertEquals(ProcessingResult.Status.VERWERKT, workbook.status(), workbook.outcome());
        assertTrue(workbook.outputs().containsKey("concept-verleningsbeschikking.pdf"), workbook.outputs().keySet().toString());
        assertTrue(workbook.outputs().containsKey("bevindingen.xlsx"), workbook.outputs().keySet().toString());
    }
}
