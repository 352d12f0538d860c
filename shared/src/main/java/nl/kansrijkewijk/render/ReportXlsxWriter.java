package nl.kansrijkewijk.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.Besluit.OnderdeelBesluit;
import nl.kansrijkewijk.besluit.Besluit.Refusal;
import nl.kansrijkewijk.check.Finding;
import nl.kansrijkewijk.check.Severity;
import nl.kansrijkewijk.check.Texts;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.regeling.Regeling;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import nl.kansrijkewijk.xlsx.ZipBytes;

/**
 * Writes bevindingen.xlsx, the reviewer's working file. A ministry reviewer works in Excel: the findings
 * can be filtered (autofilter) and sorted, amounts add up, and the last column is where the reviewer notes
 * how each waarschuwing was cleared before the beschikking is signed. Three sheets:
 * <ul>
 *   <li>"Bevindingen": every finding, most serious first, with its article, place in the upload, refused
 *       amount (a number in euros) and the trail (inputs, computation, outcome);</li>
 *   <li>"Besluit": the decision outline per onderdeel (per focusgebied where split), the termijnen, and the
 *       refused parts with reason and article;</li>
 *   <li>"Samenvatting": the upload, the totals and the waarschuwingen to clear.</li>
 * </ul>
 * Every text cell is a plain string run through {@link SpreadsheetText#safe(String)}; no cell holds a
 * formula. Same input, same bytes: fixed document dates (the submission date) and fixed zip entry times.
 */
public final class ReportXlsxWriter {
    public static final String FILE_NAME = "bevindingen.xlsx";
    static final String SHEET_FINDINGS = "Bevindingen";
    static final String SHEET_BESLUIT = "Besluit";
    static final String SHEET_SUMMARY = "Samenvatting";

    public byte[] write(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling) {
        ReportContent content = new ReportContent(besluit, aanvraag, findings, regeling);
        LocalDate date = BeschikkingPdfWriter.documentDate(besluit, regeling);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            findingsSheet(wb.createSheet(SHEET_FINDINGS), content, st);
            besluitSheet(wb.createSheet(SHEET_BESLUIT), content, st);
            summarySheet(wb.createSheet(SHEET_SUMMARY), content, st);
            properties(wb, content, date);
            return ZipBytes.write(wb, date.atStartOfDay());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + FILE_NAME + " failed", e);
        }
    }

    // ------------------------------------------------------------------ sheets

    private static void findingsSheet(XSSFSheet sh, ReportContent c, Styles st) {
        int[] widths = {13, 24, 26, 30, 14, 34, 60, 34, 16, 36, 44, 30, 30};
        Row head = sh.createRow(0);
        for (int i = 0; i < ReportContent.FINDING_COLUMNS.size(); i++) {
            text(head, i, ReportContent.FINDING_COLUMNS.get(i), st.header);
            sh.setColumnWidth(i, widths[i] * 256);
        }
        int r = 1;
        for (ReportContent.Row f : c.rows()) {
            Row row = sh.createRow(r++);
            text(row, 0, f.severity(), st.severity(f.level()));
            text(row, 1, f.rule(), st.wrap);
            text(row, 2, f.article(), st.wrap);
            text(row, 3, f.onderdeel(), st.wrap);
            text(row, 4, f.focusgebied(), st.wrap);
            text(row, 5, f.activity(), st.wrap);
            text(row, 6, f.message(), st.wrap);
            text(row, 7, f.location(), st.wrap);
            money(row, 8, f.refused(), st.money);
            text(row, 9, f.inputs(), st.wrap);
            text(row, 10, f.computation(), st.wrap);
            text(row, 11, f.outcome(), st.wrap);
            text(row, 12, "", st.wrap);
        }
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, ReportContent.FINDING_COLUMNS.size() - 1));
        sh.createFreezePane(0, 1);
    }

    private static void besluitSheet(XSSFSheet sh, ReportContent c, Styles st) {
        Besluit b = c.besluit;
        List<Integer> years = c.years();
        int r = 0;
        text(sh.createRow(r++), 0, "Besluit (concept) — kenmerk " + b.kenmerk(), st.title);
        pair(sh.createRow(r++), "Gemeente", b.gemeente(), st);
        pair(sh.createRow(r++), "Uitkomst", c.outcome(), st);
        if (b.rejectedWhole() != null) {
            pair(sh.createRow(r++), "Hele aanvraag afgewezen", b.rejectedWhole(), st);
        }
        pair(sh.createRow(r++), "Periode (art. 13, tweede lid, onder d)",
                DutchDates.format(b.periodFrom()) + " t/m " + DutchDates.format(b.periodThrough()), st);
        pair(sh.createRow(r++), "Beslissen uiterlijk (art. 13, eerste lid)", DutchDates.format(b.decisionDeadline()),
                st);
        r++;

        List<String> cols = new java.util.ArrayList<>(List.of("Onderdeel", "Code", "Focusgebied", "Grondslag",
                "Maximumartikel", "Aangevraagd", "Maximum (bijlage)", "Toegekend incl. btw", "Afgewezen", "Btw (raming)",
                "Btw-component (BTW-compensatiefonds)", "Verleend excl. btw (voorschot)"));
        for (Integer y : years) {
            cols.add("Termijn " + y + " (incl. btw)");
        }
        for (Integer y : years) {
            cols.add("Voorschot " + y);
        }
        Row head = sh.createRow(r++);
        for (int i = 0; i < cols.size(); i++) {
            text(head, i, cols.get(i), st.header);
            sh.setColumnWidth(i, (i == 0 ? 36 : i == 3 || i == 4 ? 26 : i == 1 ? 7 : i == 2 ? 14 : 17) * 256);
        }
        for (OnderdeelBesluit o : b.onderdelen()) {
            Row row = sh.createRow(r++);
            text(row, 0, Texts.capitalise(o.name()), st.wrap);
            text(row, 1, o.onderdeel(), st.wrap);
            text(row, 2, o.focusgebied(), st.wrap);
            text(row, 3, o.legalBasis(), st.wrap);
            text(row, 4, o.maximumArticle(), st.wrap);
            money(row, 5, o.requested(), st.money);
            money(row, 6, o.maximum(), st.money);
            money(row, 7, o.grantedInclBtw(), st.money);
            money(row, 8, o.refused(), st.money);
            percent(row, 9, o.btwPercent(), st.percent);
            money(row, 10, o.btwComponent(), st.money);
            money(row, 11, o.granted(), st.money);
            int col = 12;
            for (Integer y : years) {
                money(row, col++, o.installmentsInclBtw() == null ? null : o.installmentsInclBtw().get(y), st.money);
            }
            for (Integer y : years) {
                money(row, col++, o.installments() == null ? null : o.installments().get(y), st.money);
            }
        }
        // totals come from the Besluit (values, not formulas: the sheet must not compute anything itself)
        Row total = sh.createRow(r++);
        text(total, 0, "Totaal", st.totalText);
        money(total, 5, b.totalRequested(), st.totalMoney);
        money(total, 7, b.totalGrantedInclBtw(), st.totalMoney);
        money(total, 8, b.totalRefused(), st.totalMoney);
        money(total, 10, b.totalBtw(), st.totalMoney);
        money(total, 11, b.totalGranted(), st.totalMoney);
        int col = 12 + years.size();
        for (Integer y : years) {
            money(total, col++, b.installments() == null ? null : b.installments().get(y),
                    st.totalMoney);
        }
        r++;

        text(sh.createRow(r++), 0, "Afgewezen delen (art. 13, derde lid)", st.title);
        Row rh = sh.createRow(r++);
        List<String> rcols = List.of("Onderdeel", "Code", "Focusgebied", "Activiteit", "Niet toegekend",
                "Reden", "Artikel", "Regel");
        for (int i = 0; i < rcols.size(); i++) {
            text(rh, i, rcols.get(i), st.header);
        }
        int refusals = 0;
        for (OnderdeelBesluit o : b.onderdelen()) {
            for (Refusal f : Dutch.orEmpty(o.refusals())) {
                Row row = sh.createRow(r++);
                refusals++;
                text(row, 0, Texts.capitalise(o.name()), st.wrap);
                text(row, 1, o.onderdeel(), st.wrap);
                text(row, 2, o.focusgebied(), st.wrap);
                text(row, 3, c.activity(f.activity()), st.wrap);
                money(row, 4, f.amount(), st.money);
                text(row, 5, f.reason(), st.wrap);
                text(row, 6, f.article(), st.wrap);
                text(row, 7, f.rule(), st.wrap);
            }
        }
        if (refusals == 0) {
            text(sh.createRow(r), 0, "Geen", st.wrap);
        }
    }

    private static void summarySheet(XSSFSheet sh, ReportContent c, Styles st) {
        sh.setColumnWidth(0, 34 * 256);
        sh.setColumnWidth(1, 28 * 256);
        sh.setColumnWidth(2, 26 * 256);
        sh.setColumnWidth(3, 70 * 256);
        sh.setColumnWidth(4, 34 * 256);
        sh.setColumnWidth(5, 30 * 256);
        int r = 0;
        text(sh.createRow(r++), 0, "Samenvatting — " + c.regeling.title(), st.title);
        for (String[] p : c.summary()) {
            pair(sh.createRow(r++), p[0], p[1], st);
        }
        r++;
        text(sh.createRow(r++), 0, "Bedragen (inclusief btw, tenzij anders vermeld)", st.title);
        for (Map.Entry<String, BigDecimal> t : c.totals()) {
            Row row = sh.createRow(r++);
            text(row, 0, t.getKey(), st.label);
            money(row, 1, t.getValue(), st.money);
        }
        r++;
        text(sh.createRow(r++), 0, "Waarschuwingen om af te handelen vóór ondertekening", st.title);
        Row head = sh.createRow(r++);
        List<String> cols = List.of("Nr.", "Regel", "Artikel", "Melding", "Vindplaats", "Afgehandeld (beoordelaar)");
        for (int i = 0; i < cols.size(); i++) {
            text(head, i, cols.get(i), st.header);
        }
        List<ReportContent.Row> open = c.openWarnings();
        int n = 0;
        for (ReportContent.Row w : open) {
            Row row = sh.createRow(r++);
            row.createCell(0).setCellValue(++n);
            text(row, 1, w.rule(), st.wrap);
            text(row, 2, w.article(), st.wrap);
            text(row, 3, w.message(), st.wrap);
            text(row, 4, w.location(), st.wrap);
            text(row, 5, "", st.wrap);
        }
        if (open.isEmpty()) {
            text(sh.createRow(r), 0, "Geen waarschuwingen.", st.wrap);
        }
    }

    // ------------------------------------------------------------------ cells

    private static void text(Row row, int col, String value, XSSFCellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(SpreadsheetText.safe(value));
        cell.setCellStyle(style);
    }

    private static void pair(Row row, String label, String value, Styles st) {
        text(row, 0, label, st.label);
        text(row, 1, value, st.plain);
    }

    /** Excel stores numbers as doubles; euro amounts with cents are exact enough there for display and sums. */
    private static void money(Row row, int col, BigDecimal amount, XSSFCellStyle style) {
        Cell cell = row.createCell(col);
        if (amount != null) {
            cell.setCellValue(amount.doubleValue());
        }
        cell.setCellStyle(style);
    }

    private static void percent(Row row, int col, BigDecimal percent, XSSFCellStyle style) {
        Cell cell = row.createCell(col);
        if (percent != null) {
            cell.setCellValue(percent.movePointLeft(2).doubleValue());
        }
        cell.setCellStyle(style);
    }

    private static void properties(XSSFWorkbook wb, ReportContent c, LocalDate date) {
        POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        Date fixed = Date.from(date.atStartOfDay(DutchDates.AMSTERDAM).toInstant());
        core.setCreated(Optional.of(fixed));
        core.setModified(Optional.of(fixed));
        core.setCreator("Kansrijke Wijk documentservice");
        core.setTitle(SpreadsheetText.safe("Bevindingen " + c.besluit.kenmerk()));
        core.setSubjectProperty(SpreadsheetText.safe(c.regeling.title() + " — gemeente " + c.besluit.gemeente()));
    }

    // ------------------------------------------------------------------ styles

    private static final class Styles {
        final XSSFCellStyle header;
        final XSSFCellStyle title;
        final XSSFCellStyle label;
        final XSSFCellStyle plain;
        final XSSFCellStyle wrap;
        final XSSFCellStyle money;
        final XSSFCellStyle percent;
        final XSSFCellStyle totalText;
        final XSSFCellStyle totalMoney;
        final XSSFCellStyle afwijzing;
        final XSSFCellStyle waarschuwing;
        final XSSFCellStyle info;

        Styles(XSSFWorkbook wb) {
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            XSSFFont big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 12);
            short euro = wb.createDataFormat().getFormat("[$€-413] #,##0.00;[$€-413] -#,##0.00");
            short pct = wb.createDataFormat().getFormat("0%");

            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(color(0xDC, 0xE6, 0xF1));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);

            title = wb.createCellStyle();
            title.setFont(big);

            label = wb.createCellStyle();
            label.setFont(bold);
            label.setVerticalAlignment(VerticalAlignment.TOP);

            plain = wb.createCellStyle();
            plain.setVerticalAlignment(VerticalAlignment.TOP);

            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);

            money = wb.createCellStyle();
            money.setDataFormat(euro);
            money.setVerticalAlignment(VerticalAlignment.TOP);
            money.setAlignment(HorizontalAlignment.RIGHT);

            percent = wb.createCellStyle();
            percent.setDataFormat(pct);
            percent.setVerticalAlignment(VerticalAlignment.TOP);

            totalText = wb.createCellStyle();
            totalText.setFont(bold);
            totalText.setBorderTop(BorderStyle.THIN);
            totalMoney = wb.createCellStyle();
            totalMoney.cloneStyleFrom(money);
            totalMoney.setFont(bold);
            totalMoney.setBorderTop(BorderStyle.THIN);

            afwijzing = severity(wb, bold, 0xF8, 0xD7, 0xDA);
            waarschuwing = severity(wb, bold, 0xFF, 0xEB, 0xC2);
            info = severity(wb, null, 0xE3, 0xF0, 0xFA);
        }

        XSSFCellStyle severity(Severity s) {
            if (s == null) {
                return wrap;
            }
            return switch (s) {
                case AFWIJZING -> afwijzing;
                case WAARSCHUWING -> waarschuwing;
                case INFO -> info;
            };
        }

        private static XSSFCellStyle severity(XSSFWorkbook wb, XSSFFont font, int r, int g, int b) {
            XSSFCellStyle s = wb.createCellStyle();
            if (font != null) {
                s.setFont(font);
            }
            s.setVerticalAlignment(VerticalAlignment.TOP);
            s.setFillForegroundColor(color(r, g, b));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return s;
        }

        private static XSSFColor color(int r, int g, int b) {
            return new XSSFColor(new byte[] {(byte) r, (byte) g, (byte) b}, null);
        }
    }
}
