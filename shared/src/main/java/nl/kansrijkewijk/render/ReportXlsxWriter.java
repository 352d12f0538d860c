package nl.kansrijkewijk.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.Besluit.OnderdeelBesluit;
import nl.kansrijkewijk.besluit.Besluit.Refusal;
import nl.kansrijkewijk.config.Afzender;
import nl.kansrijkewijk.config.AfzenderLoader;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.xlsx.ZipBytes;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes bevindingen.xlsx, the reviewer's working file. A ministry reviewer works in Excel: every sheet is a table
 * with its header in row 1 (frozen, filterable, repeated on every printed page), printed landscape and fitted to
 * the page width; amounts are numbers in euros, dates real date cells, and rows are as high as their wrapped text.
 * Gemeente and kenmerk are on every row, so workbooks of several gemeenten can be combined. Four sheets:
 * <ul>
 *   <li>"Bevindingen": every finding, most serious first, with its article, place in the upload, refused
 *       amount and the trail (inputs, computation, outcome), and a column for how the reviewer cleared it;</li>
 *   <li>"Activiteiten": section C as the art. 12 judgement needs it — omschrijving, onderbouwing, begroting per
 *       year, the amount refused and the findings per activity;</li>
 *   <li>"Besluit": the decision outline per onderdeel (per focusgebied where split) with the termijnen, then the
 *       refused parts with reason and article;</li>
 *   <li>"Samenvatting": the upload, dates, totals, configuration stand-ins, and the waarschuwingen to clear.</li>
 * </ul>
 * Every text cell is a plain string run through {@link SpreadsheetText#safe(String)}; no cell holds a
 * formula. Same input, same bytes: fixed document dates (the submission date) and fixed zip entry times.
 */
public final class ReportXlsxWriter {
    public static final String FILE_NAME = "bevindingen.xlsx";
    static final String SHEET_FINDINGS = "Bevindingen";
    static final String SHEET_ACTIVITIES = "Activiteiten";
    static final String SHEET_BESLUIT = "Besluit";
    static final String SHEET_SUMMARY = "Samenvatting";
    /** Points per line of 11 pt text (Excel's default row height), and Excel's maximum row height. */
    private static final float LINE_POINTS = 15f;
    private static final float MAX_ROW_POINTS = 409f;

    private final Afzender afzender;

    public ReportXlsxWriter() {
        this(AfzenderLoader.standard());
    }

    public ReportXlsxWriter(Afzender afzender) {
        this.afzender = afzender;
    }

    public byte[] write(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling) {
        ReportContent content = new ReportContent(besluit, aanvraag, findings, regeling, afzender);
        LocalDate date = BeschikkingPdfWriter.documentDate(besluit, regeling);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            findingsSheet(wb.createSheet(SHEET_FINDINGS), content, st);
            activitiesSheet(wb.createSheet(SHEET_ACTIVITIES), content, st);
            besluitSheet(wb.createSheet(SHEET_BESLUIT), content, st);
            summarySheet(wb.createSheet(SHEET_SUMMARY), content, st);
            properties(wb, content, date);
            return ZipBytes.write(wb, date.atStartOfDay());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + FILE_NAME + " failed", e);
        }
    }

    // ------------------------------------------------------------------ sheets

    /** Column headers of the findings sheet: gemeente and kenmerk, the shared columns, the reviewer's column. */
    static List<String> findingColumns() {
        List<String> cols = new ArrayList<>(List.of("Gemeente", "Kenmerk"));
        cols.addAll(ReportContent.FINDING_COLUMNS);
        return cols;
    }

    private static void findingsSheet(XSSFSheet sh, ReportContent c, Styles st) {
        int[] widths = {14, 18, 13, 24, 26, 30, 14, 34, 60, 34, 16, 36, 44, 30, 30};
        List<String> cols = findingColumns();
        header(sh, cols, widths, st);
        int r = 1;
        for (ReportContent.Row f : c.rows()) {
            Row row = sh.createRow(r++);
            text(row, 0, c.besluit.gemeente(), st.wrap);
            text(row, 1, c.besluit.kenmerk(), st.wrap);
            text(row, 2, f.severity(), st.severity(f.level()));
            text(row, 3, f.rule(), st.wrap);
            text(row, 4, f.article(), st.wrap);
            text(row, 5, f.onderdeel(), st.wrap);
            text(row, 6, f.focusgebied(), st.wrap);
            text(row, 7, f.activity(), st.wrap);
            text(row, 8, f.message(), st.wrap);
            text(row, 9, f.location(), st.wrap);
            money(row, 10, f.refused(), st.money);
            text(row, 11, f.inputs(), st.wrap);
            text(row, 12, f.computation(), st.wrap);
            text(row, 13, f.outcome(), st.wrap);
            text(row, 14, "", st.wrap);
            fit(row, widths);
        }
        table(sh, 0, r - 1, cols.size() - 1);
    }

    private static void activitiesSheet(XSSFSheet sh, ReportContent c, Styles st) {
        List<Integer> years = c.years();
        List<String> cols = new ArrayList<>(List.of("Gemeente", "Kenmerk", "Nr.", "Onderdeel", "Focusgebied",
                "Activiteit", "Soort", "Omschrijving", "Onderbouwing"));
        years.forEach(y -> cols.add("Begroting " + y));
        cols.addAll(List.of("Begroting totaal", "Afgewezen", "Bevindingen", "Oordeel art. 12 (beoordelaar)"));
        int[] widths = new int[cols.size()];
        int[] fixed = {14, 18, 6, 28, 14, 32, 12, 50, 50};
        System.arraycopy(fixed, 0, widths, 0, fixed.length);
        for (int i = fixed.length; i < cols.size(); i++) {
            widths[i] = 16;
        }
        widths[cols.size() - 2] = 60;
        widths[cols.size() - 1] = 36;
        header(sh, cols, widths, st);
        int r = 1;
        for (ReportContent.ActivityRow a : c.activities()) {
            Row row = sh.createRow(r++);
            text(row, 0, c.besluit.gemeente(), st.wrap);
            text(row, 1, c.besluit.kenmerk(), st.wrap);
            row.createCell(2).setCellValue(a.number());
            row.getCell(2).setCellStyle(st.plain);
            text(row, 3, a.onderdeel(), st.wrap);
            text(row, 4, a.focusgebied(), st.wrap);
            text(row, 5, a.name(), st.wrap);
            text(row, 6, a.kind(), st.wrap);
            text(row, 7, a.description(), st.wrap);
            text(row, 8, a.onderbouwing(), st.wrap);
            int col = 9;
            for (Integer y : years) {
                money(row, col++, a.budget().get(y), st.money);
            }
            money(row, col++, a.total(), st.money);
            money(row, col++, a.refused(), st.money);
            text(row, col++, a.findings(), st.wrap);
            text(row, col, "", st.wrap);
            fit(row, widths);
        }
        if (r == 1) {
            text(sh.createRow(r++), 0, "Geen activiteiten in de aanvraag.", st.plain);
        }
        table(sh, 0, r - 1, cols.size() - 1);
    }

    /** Columns 14–23 of the Besluit sheet for a wijziging (art. 10(3)–(4), 13(4)). */
    static final List<String> WIJZIGING_COLUMNS = List.of("Eerder verleend (incl. btw)",
            "Eerder verleend (excl. btw)", "Al betaald (excl. btw)", "Nieuw verleend (excl. btw)",
            "Verschil verleend (excl. btw)", "Nog te betalen (excl. btw)", "Te verrekenen (excl. btw)",
            "Gevraagde wijziging (incl. btw)", "Wijziging t.o.v. eerder verleend",
            "25 %-toets (art. 10, vierde lid, onder a)");

    private static int wijzigingCells(Row row, int col, Besluit.WijzigingRegel w, Styles st) {
        if (w == null) {
            return col + WIJZIGING_COLUMNS.size();
        }
        money(row, col++, w.previousKnown() ? w.previousGrantedInclBtw() : null, st.money);
        money(row, col++, w.previousKnown() ? w.previousGranted() : null, st.money);
        money(row, col++, w.alreadyPaidTotal(), st.money);
        money(row, col++, w.newlyGranted(), st.money);
        money(row, col++, nz(w.newlyGranted()).subtract(nz(w.previousGranted())), st.money);
        money(row, col++, w.stillToPay(), st.money);
        money(row, col++, w.toSettle(), st.money);
        money(row, col++, w.changeInclBtw(), st.money);
        percent(row, col++, w.changePercent(), st.percent2);
        text(row, col++, !w.previousKnown() ? "nieuw onderdeel (geen eerder verleend bedrag)"
                : w.meetsThreshold() ? "ja, ten minste 25 %" : "nee, minder dan 25 %", st.wrap);
        return col;
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static void besluitSheet(XSSFSheet sh, ReportContent c, Styles st) {
        Besluit b = c.besluit;
        List<Integer> years = c.years();
        List<String> cols = new ArrayList<>(List.of("Gemeente", "Kenmerk", "Onderdeel", "Code", "Focusgebied",
                "Grondslag", "Maximumartikel", "Aangevraagd", "Maximum (bijlage)", "Toegekend (incl. btw)", "Afgewezen",
                "Btw (raming)", "Btw-component", "Verleend (excl. btw)"));
        // a wijziging changes a verlening: the reviewer needs before, paid, after and the art. 10(4) test side by side
        boolean wijziging = b.wijziging() != null;
        if (wijziging) {
            cols.addAll(WIJZIGING_COLUMNS);
        }
        int firstYearCol = cols.size();
        for (Integer y : years) {
            cols.add("Toegekend " + y + " (incl. btw)");
        }
        for (Integer y : years) {
            cols.add("Voorschot " + y + " (excl. btw)");
        }
        int[] widths = new int[cols.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = i == 0 ? 14 : i == 1 ? 18 : i == 2 ? 32 : i == 3 ? 7 : i == 4 ? 14 : i == 5 || i == 6 ? 26 : 17;
        }
        header(sh, cols, widths, st);
        int r = 1;
        for (OnderdeelBesluit o : b.onderdelen()) {
            Row row = sh.createRow(r++);
            text(row, 0, b.gemeente(), st.wrap);
            text(row, 1, b.kenmerk(), st.wrap);
            text(row, 2, Texts.capitalise(o.name()), st.wrap);
            text(row, 3, o.onderdeel(), st.wrap);
            text(row, 4, o.focusgebied(), st.wrap);
            text(row, 5, o.legalBasis(), st.wrap);
            text(row, 6, o.maximumArticle(), st.wrap);
            money(row, 7, o.requested(), st.money);
            money(row, 8, o.maximum(), st.money);
            money(row, 9, o.grantedInclBtw(), st.money);
            money(row, 10, o.refused(), st.money);
            percent(row, 11, o.btwPercent(), st.percent);
            money(row, 12, o.btwComponent(), st.money);
            money(row, 13, o.granted(), st.money);
            int col = 14;
            if (wijziging) {
                col = wijzigingCells(row, col, o.wijziging(), st);
            }
            for (Integer y : years) {
                money(row, col++, o.installmentsInclBtw() == null ? null : o.installmentsInclBtw().get(y), st.money);
            }
            for (Integer y : years) {
                money(row, col++, o.installments() == null ? null : o.installments().get(y), st.money);
            }
            fit(row, widths);
        }
        int lastDataRow = r - 1;
        // totals come from the Besluit (values, not formulas: the sheet must not compute anything itself)
        Row total = sh.createRow(r++);
        text(total, 2, "Totaal", st.totalText);
        money(total, 7, b.totalRequested(), st.totalMoney);
        money(total, 9, b.totalGrantedInclBtw(), st.totalMoney);
        money(total, 10, b.totalRefused(), st.totalMoney);
        money(total, 12, b.totalBtw(), st.totalMoney);
        money(total, 13, b.totalGranted(), st.totalMoney);
        if (wijziging) {
            Besluit.WijzigingBesluit w = b.wijziging();
            BigDecimal previousInclBtw = BigDecimal.ZERO;
            for (OnderdeelBesluit o : b.onderdelen()) {
                if (o.wijziging() != null && o.wijziging().previousKnown()) {
                    previousInclBtw = previousInclBtw.add(nz(o.wijziging().previousGrantedInclBtw()));
                }
            }
            money(total, 14, previousInclBtw, st.totalMoney);
            money(total, 15, w.totalPreviousGranted(), st.totalMoney);
            money(total, 16, w.totalAlreadyPaid(), st.totalMoney);
            money(total, 17, w.totalNewlyGranted(), st.totalMoney);
            money(total, 18, nz(w.totalNewlyGranted()).subtract(nz(w.totalPreviousGranted())), st.totalMoney);
            money(total, 19, w.totalStillToPay(), st.totalMoney);
            money(total, 20, w.totalToSettle(), st.totalMoney);
            money(total, 21, w.totalChangeInclBtw(), st.totalMoney);
        }
        int col = firstYearCol + years.size();
        for (Integer y : years) {
            money(total, col++, b.installments() == null ? null : b.installments().get(y),
                    st.totalMoney);
        }
        table(sh, 0, Math.max(1, lastDataRow), cols.size() - 1);
        r++;

        text(sh.createRow(r++), 2, "Afgewezen delen (art. 13, derde lid)", st.title);
        Row rh = sh.createRow(r++);
        List<String> rcols = List.of("Gemeente", "Kenmerk", "Onderdeel", "Code", "Focusgebied", "Activiteit",
                "Niet toegekend", "Reden", "Artikel", "Regel");
        int[] rwidths = {14, 18, 32, 7, 14, 26, 17, 60, 26, 26};
        for (int i = 0; i < rcols.size(); i++) {
            text(rh, i, rcols.get(i), st.header);
        }
        int refusals = 0;
        for (OnderdeelBesluit o : b.onderdelen()) {
            for (Refusal f : Dutch.orEmpty(o.refusals())) {
                Row row = sh.createRow(r++);
                refusals++;
                text(row, 0, b.gemeente(), st.wrap);
                text(row, 1, b.kenmerk(), st.wrap);
                text(row, 2, Texts.capitalise(o.name()), st.wrap);
                text(row, 3, o.onderdeel(), st.wrap);
                text(row, 4, o.focusgebied(), st.wrap);
                text(row, 5, c.activity(f.activity()), st.wrap);
                money(row, 6, f.amount(), st.money);
                text(row, 7, f.reason(), st.wrap);
                text(row, 8, f.article(), st.wrap);
                text(row, 9, f.rule(), st.wrap);
                fit(row, rwidths);
            }
        }
        if (refusals == 0) {
            text(sh.createRow(r), 2, "Geen", st.wrap);
        }
    }

    private static void summarySheet(XSSFSheet sh, ReportContent c, Styles st) {
        int[] widths = {40, 70, 26, 70, 34, 30};
        for (int i = 0; i < widths.length; i++) {
            sh.setColumnWidth(i, widths[i] * 256);
        }
        Row head = sh.createRow(0);
        text(head, 0, "Gegeven", st.header);
        text(head, 1, "Waarde", st.header);
        int r = 1;
        for (ReportContent.Item p : c.summary()) {
            Row row = sh.createRow(r++);
            text(row, 0, p.label(), st.label);
            value(row, 1, p.value(), st);
            fit(row, widths);
        }
        for (Map.Entry<String, BigDecimal> t : c.totals()) {
            Row row = sh.createRow(r++);
            text(row, 0, t.getKey(), st.label);
            money(row, 1, t.getValue(), st.money);
        }
        table(sh, 0, r - 1, 1);
        r++;
        text(sh.createRow(r++), 0, "Waarschuwingen om af te handelen vóór ondertekening", st.title);
        Row wh = sh.createRow(r++);
        List<String> cols = List.of("Nr.", "Regel", "Artikel", "Melding", "Vindplaats", "Afgehandeld (beoordelaar)");
        for (int i = 0; i < cols.size(); i++) {
            text(wh, i, cols.get(i), st.header);
        }
        List<ReportContent.Row> open = c.openWarnings();
        int n = 0;
        int[] wwidths = {40, 70, 26, 70, 34, 30};
        for (ReportContent.Row w : open) {
            Row row = sh.createRow(r++);
            row.createCell(0).setCellValue(++n);
            text(row, 1, w.rule(), st.wrap);
            text(row, 2, w.article(), st.wrap);
            text(row, 3, w.message(), st.wrap);
            text(row, 4, w.location(), st.wrap);
            text(row, 5, "", st.wrap);
            fit(row, wwidths);
        }
        if (open.isEmpty()) {
            text(sh.createRow(r), 0, "Geen waarschuwingen.", st.wrap);
        }
    }

    // ------------------------------------------------------------------ layout

    private static void header(XSSFSheet sh, List<String> cols, int[] widths, Styles st) {
        Row head = sh.createRow(0);
        for (int i = 0; i < cols.size(); i++) {
            text(head, i, cols.get(i), st.header);
            sh.setColumnWidth(i, widths[i] * 256);
        }
        fit(head, widths);
    }

    /**
     * A table whose header is {@code headerRow}: filter over the header and data rows, the header frozen and
     * repeated on every printed page, landscape A4 fitted to one page wide.
     */
    private static void table(XSSFSheet sh, int headerRow, int lastRow, int lastCol) {
        sh.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, lastRow), 0, lastCol));
        sh.createFreezePane(0, headerRow + 1);
        sh.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        PrintSetup ps = sh.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sh.setFitToPage(true);
        sh.setAutobreaks(true);
    }

    /**
     * Excel does not grow a row for wrapped text written by a program: without an explicit height, long text
     * overlaps the next row. The height is estimated from the text: lines per cell at the column's width in
     * characters (on the generous side: a cut-off line is worse than some white space).
     */
    static void fit(Row row, int[] widths) {
        int lines = 1;
        for (Cell cell : row) {
            if (cell.getCellType() != CellType.STRING || !cell.getCellStyle().getWrapText()) {
                continue;
            }
            int col = cell.getColumnIndex();
            int chars = Math.max(4, (col < widths.length ? widths[col] : 10) - 2);
            int n = 0;
            for (String line : cell.getStringCellValue().split("\\R", -1)) {
                n += Math.max(1, (line.length() + chars - 1) / chars);
            }
            lines = Math.max(lines, n);
        }
        row.setHeightInPoints(Math.min(MAX_ROW_POINTS, lines * LINE_POINTS));
    }

    // ------------------------------------------------------------------ cells

    private static void text(Row row, int col, String value, XSSFCellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(SpreadsheetText.safe(value));
        cell.setCellStyle(style);
    }

    /** A summary value as its own cell type: a date cell, an amount, or text. */
    private static void value(Row row, int col, Object value, Styles st) {
        if (value instanceof LocalDate d) {
            Cell cell = row.createCell(col);
            cell.setCellValue(d);
            cell.setCellStyle(st.date);
        } else if (value instanceof BigDecimal b) {
            money(row, col, b, st.money);
        } else {
            text(row, col, value == null ? "" : value.toString(), st.wrap);
        }
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
        /** A change percentage: 24,99 % must not read as 25 % beside the 25 % test. */
        final XSSFCellStyle percent2;
        final XSSFCellStyle date;
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

            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("d-m-yyyy"));
            date.setVerticalAlignment(VerticalAlignment.TOP);
            date.setAlignment(HorizontalAlignment.LEFT);

            percent = wb.createCellStyle();
            percent.setDataFormat(pct);
            percent.setVerticalAlignment(VerticalAlignment.TOP);

            percent2 = wb.createCellStyle();
            percent2.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            percent2.setVerticalAlignment(VerticalAlignment.TOP);

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
