package nl.kansrijkewijk.dossier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.render.SpreadsheetText;
import nl.kansrijkewijk.xlsx.ZipBytes;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The reviewer's columns in bevindingen.xlsx, and reading them back. Added after the report writer has made the
 * workbook, so the report's own layout can change without touching this: to the right of the findings sheet
 * "Bevindingen" the finding id and the judgement (a drop-down: akkoord, afwijzen, niet van toepassing), the amount,
 * the reason and the article; a sheet "Beoordeling" for name, role and date, the art. 12 judgement per activity
 * (drop-down ja/nee) and free additions to the motivering. The reviewer fills these in and uploads the workbook to
 * {@code beoordelingen/<CBS>/}; {@link #read} turns it into a {@link Beoordeling}.
 */
public final class BeoordelingWorkbook {
    static final String FINDINGS_SHEET = "Bevindingen";
    static final String SHEET = "Beoordeling";
    static final String COL_ID = "Bevinding-id";
    static final String COL_OORDEEL = "Oordeel (beoordelaar)";
    static final String COL_BEDRAG = "Bedrag afwijzing (€)";
    static final String COL_REDEN = "Reden";
    static final String COL_ARTIKEL = "Artikel afwijzing";
    static final String KENMERK = "Kenmerk";
    static final String NAAM = "Naam beoordelaar";
    static final String ROL = "Rol";
    static final String DATUM = "Datum (dd-mm-jjjj)";
    static final String ACTIVITEITEN = "Activiteiten: bijdrage aan de doelen (art. 12, eerste lid)";
    static final String MOTIVERING = "Aanvullende motivering (één alinea per regel)";
    private static final String[] OORDELEN = {"akkoord", "afwijzen", "niet van toepassing"};
    private static final int MOTIVERING_ROWS = 6;

    private BeoordelingWorkbook() {}

    /**
     * @param findings the findings the workbook lists, with their ids ({@link FindingIds}) in the same order
     * @param current  the judgements in effect, to show them pre-filled (may be empty)
     */
    public static byte[] addColumns(byte[] xlsx, String kenmerk, List<Finding> findings, List<String> ids,
                                    Aanvraag aanvraag, List<Beoordeling> current, LocalDate date) {
        ReviewerFindings.Effective eff = ReviewerFindings.Effective.of(current);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sh = wb.getSheet(FINDINGS_SHEET);
            if (sh != null && sh.getRow(0) != null) {
                findingColumns(sh, findings, ids, eff);
            }
            reviewerSheet(wb, kenmerk, aanvraag, eff);
            return ZipBytes.write(wb, date.atStartOfDay());
        } catch (IOException e) {
            throw new IllegalStateException("cannot add the beoordeling columns to bevindingen.xlsx", e);
        }
    }

    private static void findingColumns(Sheet sh, List<Finding> findings, List<String> ids,
                                       ReviewerFindings.Effective eff) {
        Row head = sh.getRow(0);
        Map<String, Integer> cols = headers(head);
        Integer ruleCol = cols.get("Regel");
        // bevindingen.xlsx calls the message "Melding", the vaststelling's werkpapier "Bevinding".
        Integer messageCol = cols.getOrDefault("Melding", cols.get("Bevinding"));
        int first = head.getLastCellNum();
        String[] names = {COL_ID, COL_OORDEEL, COL_BEDRAG, COL_REDEN, COL_ARTIKEL};
        int[] widths = {30, 22, 18, 50, 26};
        for (int i = 0; i < names.length; i++) {
            Cell c = head.createCell(first + i);
            c.setCellValue(names[i]);
            if (head.getCell(first - 1) != null) {
                c.setCellStyle(head.getCell(first - 1).getCellStyle());
            }
            sh.setColumnWidth(first + i, widths[i] * 256);
        }
        // Rows are matched on rule and message, not position, so the report may sort as it likes.
        Map<String, Deque<String>> byText = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            byText.computeIfAbsent(f.rule() + "\u0000" + SpreadsheetText.safe(f.message()), k -> new ArrayDeque<>())
                    .add(ids.get(i));
        }
        int last = sh.getLastRowNum();
        for (int r = 1; r <= last && ruleCol != null && messageCol != null; r++) {
            Row row = sh.getRow(r);
            if (row == null) {
                continue;
            }
            Deque<String> q = byText.get(raw(row.getCell(ruleCol)) + "\u0000" + raw(row.getCell(messageCol)));
            if (q == null || q.isEmpty()) {
                continue;
            }
            String id = q.poll();
            row.createCell(first).setCellValue(id);
            var j = eff.bevindingen().get(id);
            if (j != null) {
                Beoordeling.BevindingOordeel o = j.oordeel();
                row.createCell(first + 1).setCellValue(o.oordeel().label());
                if (o.bedrag() != null) {
                    row.createCell(first + 2).setCellValue(o.bedrag().doubleValue());
                }
                row.createCell(first + 3).setCellValue(SpreadsheetText.safe(nvl(o.reden())));
                row.createCell(first + 4).setCellValue(SpreadsheetText.safe(nvl(o.artikel())));
            }
        }
        DataValidationHelper h = sh.getDataValidationHelper();
        int lastRow = Math.max(1, last);
        DataValidation list = h.createValidation(h.createExplicitListConstraint(OORDELEN),
                new CellRangeAddressList(1, lastRow, first + 1, first + 1));
        list.setShowErrorBox(true);
        list.createErrorBox("Oordeel", "Kies akkoord, afwijzen of niet van toepassing.");
        sh.addValidationData(list);
        DataValidation amount = h.createValidation(
                h.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_THAN, "0", null),
                new CellRangeAddressList(1, lastRow, first + 2, first + 2));
        amount.setShowErrorBox(true);
        amount.createErrorBox("Bedrag", "Vul een bedrag in euro's in, groter dan nul.");
        sh.addValidationData(amount);
    }

    private static void reviewerSheet(XSSFWorkbook wb, String kenmerk, Aanvraag aanvraag, ReviewerFindings.Effective eff) {
        Sheet sh = wb.createSheet(SHEET);
        sh.setColumnWidth(0, 34 * 256);
        sh.setColumnWidth(1, 40 * 256);
        for (int c = 2; c < 7; c++) {
            sh.setColumnWidth(c, (c == 6 ? 60 : 18) * 256);
        }
        int r = 0;
        pair(sh.createRow(r++), KENMERK, kenmerk);
        pair(sh.createRow(r++), NAAM, "");
        pair(sh.createRow(r++), ROL, "beoordelaar");
        int dateRow = r;
        pair(sh.createRow(r++), DATUM, "");
        r++;
        if (aanvraag != null) {
            r = activities(sh, r, aanvraag, eff);
        }
        r++;
        sh.createRow(r++).createCell(0).setCellValue(MOTIVERING);
        for (int i = 0; i < MOTIVERING_ROWS; i++) {
            sh.createRow(r++);
        }
        DataValidationHelper h = sh.getDataValidationHelper();
        DataValidation d = h.createValidation(h.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                "DATE(2023,1,1)", "DATE(2030,12,31)", null), new CellRangeAddressList(dateRow, dateRow, 1, 1));
        d.setShowErrorBox(false);
        sh.addValidationData(d);
    }

    /** The art. 12 table, one row per activity of the aanvraag; returns the next free row. */
    private static int activities(Sheet sh, int r, Aanvraag aanvraag, ReviewerFindings.Effective eff) {
        sh.createRow(r++).createCell(0).setCellValue(ACTIVITEITEN);
        Row head = sh.createRow(r++);
        String[] cols = {"Activiteit", "Naam", "Onderdeel", "Focusgebied", "Begroting (€)", "Bijdrage verwacht (ja/nee)", "Reden"};
        for (int i = 0; i < cols.length; i++) {
            head.createCell(i).setCellValue(cols[i]);
        }
        int firstActivity = r;
        List<Activity> activities = aanvraag.activities() == null ? List.of() : aanvraag.activities();
        for (Activity a : activities) {
            if (a == null) {
                continue;
            }
            Row row = sh.createRow(r++);
            row.createCell(0).setCellValue(a.number());
            row.createCell(1).setCellValue(SpreadsheetText.safe(nvl(a.name())));
            row.createCell(2).setCellValue(nvl(a.onderdeel()));
            row.createCell(3).setCellValue(SpreadsheetText.safe(nvl(a.focusgebied())));
            row.createCell(4).setCellValue(a.total().doubleValue());
            var j = eff.activiteiten().get(a.number());
            if (j != null) {
                row.createCell(5).setCellValue(j.oordeel().bijdrageVerwacht() ? "ja" : "nee");
                row.createCell(6).setCellValue(SpreadsheetText.safe(nvl(j.oordeel().reden())));
            }
        }
        if (r > firstActivity) {
            DataValidationHelper h = sh.getDataValidationHelper();
            DataValidation v = h.createValidation(h.createExplicitListConstraint(new String[] {"ja", "nee"}),
                    new CellRangeAddressList(firstActivity, r - 1, 5, 5));
            v.setShowErrorBox(true);
            sh.addValidationData(v);
        }
        return r;
    }

    /** Reads a filled workbook back; a judgement left empty is no judgement. Errors are Dutch, for the reviewer. */
    public static Beoordeling read(byte[] xlsx) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sh = wb.getSheet(SHEET);
            if (sh == null) {
                throw new DossierException("Het werkblad '" + SHEET + "' ontbreekt: upload de bevindingen.xlsx van het dossier.");
            }
            List<String> errors = new ArrayList<>();
            String kenmerk = null;
            String naam = null;
            String rol = null;
            LocalDate datum = null;
            List<Beoordeling.ActiviteitOordeel> activiteiten = new ArrayList<>();
            List<String> motivering = new ArrayList<>();
            String section = "";
            for (int r = 0; r <= sh.getLastRowNum(); r++) {
                Row row = sh.getRow(r);
                String label = row == null ? "" : text(row.getCell(0));
                String value = row == null ? "" : text(row.getCell(1));
                switch (label) {
                    case KENMERK -> kenmerk = value;
                    case NAAM -> naam = value;
                    case ROL -> rol = value;
                    case DATUM -> datum = date(row.getCell(1)).orElse(null);
                    case ACTIVITEITEN, MOTIVERING -> section = label;
                    default -> {
                        if (section.equals(ACTIVITEITEN) && row != null && !label.isEmpty() && label.matches("\\d+")) {
                            String ja = text(row.getCell(5)).toLowerCase(Locale.ROOT);
                            if (!ja.isEmpty()) {
                                if (!ja.equals("ja") && !ja.equals("nee")) {
                                    errors.add("activiteit " + label + ": vul ja of nee in bij bijdrage verwacht, niet '" + ja + "'");
                                } else {
                                    activiteiten.add(new Beoordeling.ActiviteitOordeel(Integer.parseInt(label),
                                            ja.equals("ja"), blankToNull(text(row.getCell(6)))));
                                }
                            }
                        } else if (section.equals(MOTIVERING) && !label.isEmpty()) {
                            motivering.add(label);
                        }
                    }
                }
            }
            List<Beoordeling.BevindingOordeel> bevindingen = findingJudgements(wb.getSheet(FINDINGS_SHEET), errors);
            if (!errors.isEmpty()) {
                throw new DossierException("De beoordeling in bevindingen.xlsx is niet volledig:\n- " + String.join("\n- ", errors));
            }
            return new Beoordeling(blankToNull(kenmerk), null, new Beoordeling.Reviewer(naam, blankToNull(rol)), datum,
                    bevindingen, activiteiten, motivering);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DossierException d) {
                throw d;
            }
            throw new DossierException("Het bestand is geen leesbare bevindingen.xlsx van het dossier.", e);
        }
    }

    private static List<Beoordeling.BevindingOordeel> findingJudgements(Sheet sh, List<String> errors) {
        List<Beoordeling.BevindingOordeel> out = new ArrayList<>();
        if (sh == null || sh.getRow(0) == null) {
            return out;
        }
        Map<String, Integer> cols = headers(sh.getRow(0));
        Integer id = cols.get(COL_ID);
        Integer oordeel = cols.get(COL_OORDEEL);
        if (id == null || oordeel == null) {
            return out;
        }
        for (int r = 1; r <= sh.getLastRowNum(); r++) {
            Row row = sh.getRow(r);
            if (row == null || text(row.getCell(oordeel)).isEmpty()) {
                continue;
            }
            String fid = text(row.getCell(id));
            try {
                Beoordeling.Oordeel o = Beoordeling.Oordeel.parse(text(row.getCell(oordeel)));
                BigDecimal bedrag = amount(row.getCell(cols.get(COL_BEDRAG))).orElse(null);
                out.add(new Beoordeling.BevindingOordeel(fid, o, bedrag,
                        blankToNull(text(row.getCell(cols.get(COL_REDEN)))),
                        blankToNull(text(row.getCell(cols.get(COL_ARTIKEL))))));
            } catch (IllegalArgumentException e) {
                errors.add("rij " + (r + 1) + " (" + fid + "): " + e.getMessage());
            }
        }
        return out;
    }

    private static Map<String, Integer> headers(Row head) {
        Map<String, Integer> m = new HashMap<>();
        for (Cell c : head) {
            m.putIfAbsent(text(c), c.getColumnIndex());
        }
        return m;
    }

    private static Optional<BigDecimal> amount(Cell c) {
        if (c == null) {
            return Optional.empty();
        }
        if (c.getCellType() == CellType.NUMERIC) {
            return Optional.of(Money.scale(BigDecimal.valueOf(c.getNumericCellValue())));
        }
        String t = text(c);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Money.parse(t).orElseThrow(() -> new IllegalArgumentException("'" + t + "' is geen bedrag")));
    }

    private static Optional<LocalDate> date(Cell c) {
        if (c == null) {
            return Optional.empty();
        }
        if (c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            return Optional.of(c.getLocalDateTimeCellValue().toLocalDate());
        }
        if (c.getCellType() == CellType.NUMERIC) {
            return Optional.of(DateUtil.getLocalDateTime(c.getNumericCellValue()).toLocalDate());
        }
        return DutchDates.parse(text(c));
    }

    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    static String text(Cell c) {
        if (c == null) {
            return "";
        }
        String t = c.getCellType() == CellType.STRING ? c.getStringCellValue() : FORMAT.formatCellValue(c);
        t = t.strip();
        return t.startsWith("'") ? t.substring(1) : t;
    }

    private static String raw(Cell c) {
        return c == null || c.getCellType() != CellType.STRING ? "" : c.getStringCellValue();
    }

    private static void pair(Row row, String label, String value) {
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nvl(String s) {
        return s == null ? "" : s;
    }

}
