package nl.kansrijkewijk.sisa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The SiSa verantwoording reader on hostile input: whatever comes in, the answer is a {@link Verantwoording} or a
 * {@link NietPlausibelException} with a Dutch message; any other exception or error is a finding (the reader maps
 * POI's exceptions where it calls POI and catches nothing else). The document-kind probe never throws.
 *
 * <p>Two targets, as for the aanvraag readers ({@code reader.ReaderFuzzTest}): {@link #verantwoordingReader} takes
 * raw bytes (zip and XML damage); {@link #verantwoordingCells} takes the filled Amsterdam bijlage and overwrites
 * cells with fuzzed text, numbers and formulas before reading it, which reaches the reader's own logic (codes,
 * amounts, gemeente, year, blocks) that byte mutations of a zip almost never get past. In {@code mvn verify} each
 * replays its committed corpus (src/test/resources/nl/kansrijkewijk/sisa/VerantwoordingReaderFuzzTestInputs/);
 * to fuzz: {@code JAZZER_FUZZ=1 mvn -o -pl shared test -Dtest=VerantwoordingReaderFuzzTest#verantwoordingCells}.
 */
class VerantwoordingReaderFuzzTest {
    private static final byte[] AMSTERDAM = VerantwoordingWorkbook.filled(SisaSamples.CONFIG, SisaSamples.REGELING,
            SisaSamples.amsterdam2024(), EnumSet.of(SisaQuirk.FORMULAS, SisaQuirk.TEXT_AMOUNTS));

    @FuzzTest(maxDuration = "10m")
    void verantwoordingReader(byte[] input) {
        VerantwoordingReader.isVerantwoording(input);
        readOrRefuse(input);
    }

    @FuzzTest(maxDuration = "10m")
    void verantwoordingCells(FuzzedDataProvider data) {
        readOrRefuse(edited(data));
    }

    private static void readOrRefuse(byte[] input) {
        try {
            Verantwoording v = VerantwoordingReader.read("fuzz.xlsx", input, SisaSamples.REGELING, SisaSamples.CONFIG,
                    null);
            assertNotNull(v.gemeente());
            assertFalse(v.regels().isEmpty(), "a plausible verantwoording has rows");
        } catch (NietPlausibelException e) {
            assertFalse(e.userMessage() == null || e.userMessage().isBlank(), "a Dutch message");
        }
    }

    /** Up to 12 cells of the first sheet's top 40 rows and 20 columns set to fuzzed values. */
    private static byte[] edited(FuzzedDataProvider data) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(AMSTERDAM))) {
            XSSFSheet s = wb.getSheetAt(0);
            int edits = data.consumeInt(1, 12);
            for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
                int r = data.consumeInt(0, 39);
                int c = data.consumeInt(0, 19);
                Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
                XSSFCell cell = (XSSFCell) row.createCell(c);
                switch (data.consumeInt(0, 3)) {
                    case 0 -> cell.setCellValue(data.consumeString(60));
                    case 1 -> cell.setCellValue(data.consumeDouble());
                    case 2 -> cell.setCellValue(data.consumeBoolean());
                    default -> {
                        try {
                            cell.setCellFormula(data.consumeString(80));
                        } catch (RuntimeException e) {
                            cell.setCellValue("=" + e.getClass().getSimpleName()); // POI refuses to store it
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
