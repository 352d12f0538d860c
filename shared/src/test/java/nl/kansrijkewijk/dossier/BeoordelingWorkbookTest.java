package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The reviewer's columns in bevindingen.xlsx: drop-downs written, a filled workbook read back, the prefix checked. */
class BeoordelingWorkbookTest {

    /** The workbook of the first concept of the XLSX upload (before any beoordeling). */
    static byte[] firstConceptWorkbook(DordrechtDossier d) {
        DossierState.Zaak z = d.service.state(DordrechtDossier.CBS).zaken().stream()
                .filter(x -> x.kenmerk().equals(DordrechtDossier.KENMERK)).findFirst().orElseThrow();
        return z.eerdereVersies().stream()
                .map(v -> d.store.read(EventKeys.view(DordrechtDossier.CBS, z.kenmerk(), v) + "bevindingen.xlsx").orElseThrow())
                .filter(b -> !new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).isEmpty())
                .findFirst().orElseThrow();
    }

    static Map<String, Integer> headers(Row head) {
        Map<String, Integer> m = new HashMap<>();
        head.forEach(c -> m.put(BeoordelingWorkbook.text(c), c.getColumnIndex()));
        return m;
    }

    @Test
    void aFilledWorkbookBecomesABeoordelingOfTheNamedFindings() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        byte[] xlsx = firstConceptWorkbook(d);
        String diploma = DordrechtDossier.id(d.service, DordrechtDossier.KENMERK, "OJK-DIPLOMA-ONBEKEND", 7);
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sh = wb.getSheet("Bevindingen");
            Map<String, Integer> cols = headers(sh.getRow(0));
            assertNotNull(cols.get(BeoordelingWorkbook.COL_OORDEEL));
            assertTrue(sh.getDataValidations().stream().anyMatch(v -> List.of(v.getValidationConstraint().getExplicitListValues())
                    .equals(List.of("akkoord", "afwijzen", "niet van toepassing"))), "drop-down on the judgement column");
            Row target = null;
            for (Row r : sh) {
                Cell id = r.getCell(cols.get(BeoordelingWorkbook.COL_ID));
                if (diploma.equals(BeoordelingWorkbook.text(id))) {
                    target = r;
                }
            }
            assertNotNull(target, "the row of " + diploma + " carries its id");
            target.createCell(cols.get(BeoordelingWorkbook.COL_OORDEEL)).setCellValue("afwijzen");
            target.createCell(cols.get(BeoordelingWorkbook.COL_BEDRAG)).setCellValue(490000);
            target.createCell(cols.get(BeoordelingWorkbook.COL_REDEN)).setCellValue("Geen diploma aangetoond");
            Sheet b = wb.getSheet(BeoordelingWorkbook.SHEET);
            for (Row r : b) {
                String label = BeoordelingWorkbook.text(r.getCell(0));
                if (label.equals(BeoordelingWorkbook.NAAM)) {
                    r.createCell(1).setCellValue("E. Smit");
                } else if (label.equals(BeoordelingWorkbook.DATUM)) {
                    r.createCell(1).setCellValue("17-10-2023");
                } else if (label.equals("3")) {
                    r.createCell(5).setCellValue("nee");
                    r.createCell(6).setCellValue("geen onderbouwing");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        Beoordeling read = BeoordelingWorkbook.read(filled);
        assertEquals(DordrechtDossier.KENMERK, read.kenmerk());
        assertEquals("E. Smit", read.door().naam());
        assertEquals(LocalDate.of(2023, 10, 17), read.datum());
        assertEquals(List.of(new Beoordeling.BevindingOordeel(diploma, Beoordeling.Oordeel.AFWIJZEN,
                new BigDecimal("490000.00"), "Geen diploma aangetoond", null)), read.bevindingen());
        assertEquals(List.of(new Beoordeling.ActiviteitOordeel(3, false, "geen onderbouwing")), read.activiteiten());

        // Uploaded to a gemeente's inbox it is refused, and nothing is recorded.
        List<String> before = d.store.list(EventKeys.gemeente(DordrechtDossier.CBS));
        ReviewerUploads uploads = new ReviewerUploads(d.service);
        DossierException e = assertThrows(DossierException.class,
                () -> uploads.accept("inbox/GM0505/bevindingen.xlsx", filled, "gemeente-GM0505", Instant.now()));
        assertTrue(e.getMessage().contains("beoordelingen/"), e.getMessage());
        assertThrows(DossierException.class,
                () -> uploads.accept("beoordelingen/GM0363/bevindingen.xlsx", filled, "x", Instant.now()), "another gemeente's folder");
        assertEquals(before, d.store.list(EventKeys.gemeente(DordrechtDossier.CBS)));
    }
}
