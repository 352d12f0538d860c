package nl.kansrijkewijk.sisa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.form.BlankFormXlsx;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class VerantwoordingReaderTest {

    static Verantwoording read(byte[] xlsx, String expected) throws NietPlausibelException {
        return VerantwoordingReader.read("upload.xlsx", xlsx, SisaSamples.REGELING, SisaSamples.CONFIG, expected);
    }

    static byte[] amsterdam(Set<SisaQuirk> quirks) {
        return VerantwoordingWorkbook.filled(SisaSamples.CONFIG, SisaSamples.REGELING, SisaSamples.amsterdam2024(), quirks);
    }

    /** Opens a workbook, lets the test change it as a person would, and saves it again. */
    static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> change) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            change.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static Cell find(XSSFSheet s, String text) {
        for (Row r : s) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no cell " + text);
    }

    static List<Finding> lees(Verantwoording v) {
        return v.leesFindings();
    }

    @Test
    void everyQuirkReadsBackTheSameValues() throws Exception {
        Verantwoording expected = SisaSamples.amsterdam2024();
        for (Set<SisaQuirk> quirks : List.of(Set.<SisaQuirk>of(), EnumSet.allOf(SisaQuirk.class),
                Set.of(SisaQuirk.TEXT_AMOUNTS), Set.of(SisaQuirk.SPACED_CODES, SisaQuirk.ONE_BLOCK),
                Set.of(SisaQuirk.FORMULAS, SisaQuirk.EXTRA_ROWS))) {
            Verantwoording v = read(amsterdam(quirks), "GM0363");
            assertEquals(2024, v.verslagjaar(), quirks.toString());
            assertEquals("Amsterdam", v.gemeente());
            assertEquals("E99", v.uitkeringscode());
            assertEquals(List.of(), v.leesFindings(), quirks.toString());
            assertEquals(11, v.regels().size(), quirks.toString());
            for (VerantwoordingRegel e : expected.regels()) {
                VerantwoordingRegel r = v.regel(e.key()).orElseThrow();
                assertEquals(0, e.besteding().compareTo(r.besteding()), quirks + " " + e.key());
                assertEquals(0, e.reserveVorigJaar().compareTo(r.reserveVorigJaar()), quirks + " " + e.key());
                // -1.250,25 typed as text keeps its sign
                assertEquals(0, e.correctieVorigJaar().compareTo(r.correctieVorigJaar()), quirks + " " + e.key());
                assertEquals(0, e.cumulatief().compareTo(r.cumulatief()), quirks + " " + e.key());
                assertEquals(Boolean.FALSE, r.eindverantwoording());
                assertEquals(e.toelichting(), r.toelichting());
            }
            assertTrue(v.regel("REI/Nieuw-West").get().location("besteding", "upload.xlsx").cell()
                    .startsWith("'SiSa-bijlage'!G"), quirks.toString());
        }
    }

    @Test
    void insertedColumnsReorderedIndicatorsAndAnUnknownColumnStillRead() throws Exception {
        byte[] xlsx = edit(amsterdam(Set.of(SisaQuirk.ONE_BLOCK)), wb -> {
            XSSFSheet s = wb.getSheetAt(0);
            // a column inserted before everything, as people do for their own numbering
            s.shiftColumns(0, 20, 1);
            // the Besteding and Cumulatief columns swapped, headers and all (found by code, not by position)
            int a = find(s, "Besteding (jaar T)").getColumnIndex();
            int b = find(s, "Cumulatieve besteding tot en met (jaar T)").getColumnIndex();
            for (Row r : s) {
                Cell ca = r.getCell(a);
                Cell cb = r.getCell(b);
                if (ca == null || cb == null) {
                    continue;
                }
                String ta = ca.getCellType() == CellType.NUMERIC ? null : ca.getStringCellValue();
                double na = ca.getCellType() == CellType.NUMERIC ? ca.getNumericCellValue() : 0;
                if (cb.getCellType() == CellType.NUMERIC) {
                    ca.setCellValue(cb.getNumericCellValue());
                } else {
                    ca.setCellValue(cb.getStringCellValue());
                }
                if (ta == null) {
                    cb.setCellValue(na);
                } else {
                    cb.setCellValue(ta);
                }
            }
            Row header = find(s, "Verstrekker").getRow();
            header.createCell(20).setCellValue("Eigen controlekolom");
        });
        Verantwoording v = read(xlsx, null);
        assertEquals(0, new BigDecimal("100000").compareTo(v.regel("ORG").get().besteding()));
        assertEquals(0, new BigDecimal("180000.75").compareTo(v.regel("ORG").get().cumulatief()));
        assertEquals(1, lees(v).size());
        assertTrue(lees(v).get(0).message().contains("Eigen controlekolom"));
    }

    @Test
    void unreadableValuesAndRowsBecomeFindingsAndDoNotCount() throws Exception {
        byte[] xlsx = edit(amsterdam(Set.of()), wb -> {
            XSSFSheet s = wb.getSheetAt(0);
            Cell org = find(s, SisaRows.label(SisaSamples.REGELING, "ORG", null));
            org.getRow().getCell(org.getColumnIndex() + 1).setCellValue("veel");       // Besteding
            Cell arm = find(s, SisaRows.label(SisaSamples.REGELING, "ARM", "Zuidoost"));
            arm.setCellValue("ARM — Preventie van armoede en schulden");              // focusgebied lost
            Cell rei = find(s, SisaRows.label(SisaSamples.REGELING, "REI", "Zuidoost"));
            rei.setCellValue("Overige uitgaven");                                    // no onderdeel
            Cell vee = find(s, SisaRows.label(SisaSamples.REGELING, "VEE", "Zuidoost"));
            vee.setCellValue(SisaRows.label(SisaSamples.REGELING, "VEE", "Nieuw-West")); // twice
            // second block: Eindverantwoording "misschien" for OJK Nieuw-West
            Cell ojk = null;
            for (Row r : s) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.STRING && c.getStringCellValue()
                            .equals(SisaRows.label(SisaSamples.REGELING, "OJK", "Nieuw-West"))) {
                        ojk = c;
                    }
                }
            }
            ojk.getRow().getCell(ojk.getColumnIndex() + 1).setCellValue("misschien");
        });
        Verantwoording v = read(xlsx, "GM0363");
        assertNull(v.regel("ORG").get().besteding());
        assertNull(v.regel("OJK/Nieuw-West").get().eindverantwoording());
        // only the first block's key cells were spoiled: those rows keep just the second block's values
        assertNull(v.regel("ARM/Zuidoost").get().besteding());
        assertNull(v.regel("REI/Zuidoost").get().besteding());
        assertNull(v.regel("VEE/Zuidoost").get().besteding());
        assertEquals(5, lees(v).size(), lees(v).toString());
        assertTrue(lees(v).stream().allMatch(f -> f.rule().equals("VJ-LEES-WAARDE") && f.location().cell() != null));
        assertTrue(lees(v).stream().anyMatch(f -> f.message().contains("'veel' is geen bedrag")), lees(v).toString());
        assertTrue(lees(v).stream().anyMatch(f -> f.message().contains("komt twee keer voor")));
    }

    @Test
    void anotherSheetBeforeItAndHiddenSheetsDoNotMatter() throws Exception {
        byte[] xlsx = edit(amsterdam(Set.of()), wb -> {
            wb.createSheet("Notities").createRow(0).createCell(0).setCellValue("werkblad van de controller");
            wb.setSheetOrder("Notities", 0);
            wb.createSheet("Verborgen").createRow(0).createCell(0).setCellValue("x");
            wb.setSheetHidden(2, true);
        });
        assertEquals(11, read(xlsx, "GM0363").regels().size());
    }

    @Test
    void gemeenteProblemsAreNietPlausibel() throws Exception {
        byte[] mismatch = edit(amsterdam(Set.of()), wb -> find(wb.getSheetAt(0), "GM0363").setCellValue("GM0599"));
        NietPlausibelException e = assertThrows(NietPlausibelException.class, () -> read(mismatch, null));
        assertTrue(e.userMessage().contains("horen niet bij elkaar"), e.userMessage());
        byte[] unknown = edit(amsterdam(Set.of()), wb -> find(wb.getSheetAt(0), "Amsterdam").setCellValue("Amersfoort"));
        e = assertThrows(NietPlausibelException.class, () -> read(unknown, null));
        assertTrue(e.userMessage().contains("‘Amersfoort’ is geen gemeente"), e.userMessage());
        byte[] ontvanger = edit(amsterdam(Set.of()), wb -> {
            XSSFSheet s = wb.getSheetAt(0);
            find(s, "Gemeente Amsterdam").setCellValue("Gemeente Utrecht");
        });
        e = assertThrows(NietPlausibelException.class, () -> read(ontvanger, null));
        assertTrue(e.userMessage().contains("Ontvanger noemt de gemeente Utrecht"), e.userMessage());
    }

    @Test
    void onlyTheTypedExceptionEscapesWhateverTheBytes() {
        Random random = new Random(42);
        byte[] good = amsterdam(Set.of());
        for (int i = 0; i < 40; i++) {
            byte[] b = good.clone();
            for (int k = 0; k < 1 + random.nextInt(20); k++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            try {
                read(b, "GM0363");
            } catch (NietPlausibelException expected) {
                assertFalse(expected.userMessage().isBlank());
            }
        }
        for (byte[] b : List.of(new byte[0], "%PDF-1.7 hallo".getBytes(StandardCharsets.UTF_8),
                new byte[VerantwoordingReader.MAX_BYTES + 1], BlankFormXlsx.generate())) {
            assertThrows(NietPlausibelException.class, () -> read(b, "GM0363"));
        }
        assertThrows(NietPlausibelException.class, () -> read(null, "GM0363"));
    }

    @Test
    void rowsBeyondTheCapAreNotLookedAt() throws Exception {
        byte[] xlsx = edit(VerantwoordingWorkbook.filled(SisaSamples.CONFIG, SisaSamples.REGELING,
                new Verantwoording(null, null, "Arnhem", "GM0202", 2024, null, null, false,
                        List.of(VerantwoordingRegel.of("ORG", null, BigDecimal.ONE, null, null, null, null, null, null)),
                        List.of()), Set.of(SisaQuirk.ONE_BLOCK)), wb -> {
            XSSFSheet s = wb.getSheetAt(0);
            int keyColumn = find(s, "Onderdeel (artikel) en focusgebied").getColumnIndex();
            for (int r = 12; r < VerantwoordingReader.MAX_ROWS + 500; r += 50) {
                s.createRow(r).createCell(keyColumn).setCellValue("toelichting " + r);
            }
            s.createRow(VerantwoordingReader.MAX_ROWS + 400).createCell(keyColumn).setCellValue("VEE");
        });
        Verantwoording v = read(xlsx, "GM0202");
        assertTrue(v.regel("VEE").isEmpty(), "the VEE row below the cap is not read");
        assertEquals(40, v.leesFindings().size(), "one per unrecognisable note row above the cap");
    }

    @Test
    void probeTellsTheBijlageFromOtherDocuments() {
        assertTrue(VerantwoordingReader.isVerantwoording(amsterdam(Set.of())));
        assertTrue(VerantwoordingReader.isVerantwoording(
                VerantwoordingWorkbook.blank(SisaSamples.CONFIG, SisaSamples.REGELING, 2025)));
        assertFalse(VerantwoordingReader.isVerantwoording(BlankFormXlsx.generate()));
        assertFalse(VerantwoordingReader.isVerantwoording("%PDF-1.7".getBytes(StandardCharsets.UTF_8)));
        assertFalse(VerantwoordingReader.isVerantwoording(null));
        assertFalse(VerantwoordingReader.isVerantwoording(new byte[] {'P', 'K', 3, 4, 0, 0}));
    }
}
