package nl.kansrijkewijk.reader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The readers on arbitrary bytes: whatever comes in, the answer is a ReadResult or an
 * {@link UnreadableDocumentException} with a reason and a Dutch message. Any other exception or error is a
 * finding: the readers map library exceptions themselves and catch nothing else, so the fuzzer sees real faults.
 *
 * <p>In {@code mvn verify} each method replays its committed seed corpus
 * (src/test/resources/nl/kansrijkewijk/reader/ReaderFuzzTestInputs/&lt;method&gt;/: fixtures plus the small
 * hostile kinds, written by scripts/generate-hostile.sh). To fuzz for real, one method at a time (README,
 * "Fuzzing"): {@code JAZZER_FUZZ=1 mvn -o -pl shared test -Dtest=ReaderFuzzTest#xlsxReader}.
 *
 * <p>The reader routes by content, so the three targets share one entry point and differ in their corpus (and
 * therefore in where mutation starts): the fillable PDF, the printed PDF, the workbook. The SiSa verantwoording
 * reader has its own targets next to it: sisa.VerantwoordingReaderFuzzTest.
 */
class ReaderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void pdfFormReader(byte[] input) {
        readOrRefuse("fuzz.pdf", input);
    }

    @FuzzTest(maxDuration = "10m")
    void flattenedPdfReader(byte[] input) {
        readOrRefuse("fuzz-afgedrukt.pdf", input);
    }

    @FuzzTest(maxDuration = "10m")
    void xlsxReader(byte[] input) {
        readOrRefuse("fuzz.xlsx", input);
    }

    private static void readOrRefuse(String name, byte[] input) {
        try {
            ReadResult r = AanvraagReader.read(name, input);
            assertNotNull(r.aanvraag());
            assertNotNull(r.findings());
        } catch (UnreadableDocumentException e) {
            assertNotNull(e.reason());
            assertFalse(e.userMessage() == null || e.userMessage().isBlank(), "a Dutch message");
        }
    }
}
