package nl.kansrijkewijk.sisa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.xlsx.ZipBytes;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The SiSa bijlage of the regeling as a workbook, in the layout of published SiSa bijlagen: a title line with the
 * format's version date, gemeente and verslagjaar, then per indicator block the five fixed columns (Verstrekker,
 * Uitkeringscode, Specifieke uitkering, Juridische grondslag, Ontvanger) and the indicator columns, each stacking its
 * name, "Aard controle", its code and one value per row (one row per onderdeel, per focusgebied where the Bijlage
 * splits it). Blocks wrap after {@link SisaConfig#indicatorsPerBlock()} columns; the row key (indicator 01) repeats in
 * each block so the rows of the blocks belong together by content, not by position.
 *
 * <p>Same input, same bytes ({@link ZipBytes}, entry time from the format's version date).
 */
public final class VerantwoordingWorkbook {
    public static final String SHEET = "SiSa-bijlage";
    public static final String TITLE_PREFIX = "SiSa-bijlage verantwoordingsinformatie specifieke uitkering";
    public static final String LABEL_GEMEENTE = "Gemeente";
    public static final String LABEL_CBS = "CBS-gemeentecode";
    public static final String LABEL_JAAR = "Verslagjaar";
    public static final String LABEL_LEVERING = "Soort levering";
    public static final String EERSTE_LEVERING = "Eerste levering";
    public static final String CORRECTIE = "Correctie van een eerdere levering";
    public static final List<String> FIXED_COLUMNS =
            List.of("Verstrekker", "Uitkeringscode", "Specifieke uitkering", "Juridische grondslag", "Ontvanger");

    private final SisaConfig config;
    private final Regeling regeling;
    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final Styles st = new Styles(wb);

    private VerantwoordingWorkbook(SisaConfig config, Regeling regeling) {
        this.config = config;
        this.regeling = regeling;
    }

    /** The blank bijlage for a verslagjaar, before CBS makes it "op maat": one row per onderdeel, no gemeente. */
    public static byte[] blank(SisaConfig config, Regeling regeling, int year) {
        List<VerantwoordingRegel> rows = SisaRows.generic(regeling).stream()
                .map(r -> VerantwoordingRegel.of(r.onderdeel(), null, null, null, null, null, null, null, null))
                .toList();
        Verantwoording v = new Verantwoording(null, null, null, null, year, null, null, false, rows, List.of());
        return write(config, regeling, v, Set.of(), true);
    }

    /** The bijlage "op maat" for a gemeente: its own rows, values empty. */
    public static byte[] opMaat(SisaConfig config, Regeling regeling, Regeling.Gemeente g, int year) {
        List<VerantwoordingRegel> rows = SisaRows.forGemeente(regeling, g.name(), config.rowsPerFocusgebiedWhereSplit())
                .stream()
                .map(r -> VerantwoordingRegel.of(r.onderdeel(), r.focusgebied(), null, null, null, null, null, null, null))
                .toList();
        Verantwoording v = new Verantwoording(null, null, g.name(), g.cbsCode(), year, null, null, false, rows, List.of());
        return write(config, regeling, v, Set.of(), false);
    }

    /** A filled bijlage (fixtures, tests, the demo), optionally with what people do to workbooks. */
    public static byte[] filled(SisaConfig config, Regeling regeling, Verantwoording v, Set<SisaQuirk> quirks) {
        return write(config, regeling, v, quirks, false);
    }

    private static byte[] write(SisaConfig config, Regeling regeling, Verantwoording v, Set<SisaQuirk> quirks,
            boolean generic) {
        SisaConfig.Year year = config.year(v.verslagjaar())
                .orElseThrow(() -> new IllegalArgumentException("no SiSa configuration for " + v.verslagjaar()));
        VerantwoordingWorkbook w = new VerantwoordingWorkbook(config, regeling);
        try (XSSFWorkbook wb = w.wb) {
            w.build(year, v, quirks.isEmpty() ? EnumSet.noneOf(SisaQuirk.class) : EnumSet.copyOf(quirks), generic);
            return ZipBytes.write(wb, LocalDateTime.of(year.versionDate(), java.time.LocalTime.MIDNIGHT));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void build(SisaConfig.Year year, Verantwoording v, EnumSet<SisaQuirk> quirks, boolean generic) {
        XSSFSheet s = wb.createSheet(SHEET);
        int r = 0;
        set(s, r++, 0, TITLE_PREFIX + " " + config.specifiekeUitkering() + " — verslagjaar " + year.year()
                + " — versie " + DutchDates.format(year.versionDate()), st.title);
        r++;
        set(s, r, 0, LABEL_GEMEENTE, st.bold);
        set(s, r, 1, v.gemeente() == null ? "" : v.gemeente(), st.input);
        set(s, r, 2, LABEL_CBS, st.bold);
        set(s, r, 3, v.cbsCode() == null ? "" : v.cbsCode(), st.input);
        set(s, r, 4, LABEL_JAAR, st.bold);
        set(s, r++, 5, Integer.toString(year.year()), st.plain);
        set(s, r, 0, LABEL_LEVERING, st.bold);
        set(s, r, 1, v.correctie() ? CORRECTIE : EERSTE_LEVERING, st.input);
        set(s, r++, 2, "Kies “" + CORRECTIE + "” alleen als dit blad een eerder geleverd blad over hetzelfde "
                + "verslagjaar vervangt.", st.note);
        set(s, r++, 0, "Bedragen in euro's inclusief btw. Eén regel per onderdeel"
                + (generic ? "; verdeelt de bijlage bij de regeling een onderdeel over focusgebieden (Amsterdam), "
                        + "vul dan per focusgebied een eigen regel in en noem het focusgebied in de eerste indicator"
                        : ", per focusgebied waar de bijlage bij de regeling het onderdeel verdeelt")
                + ". Een reservering (artikel 11, eerste lid) geldt voor hetzelfde onderdeel in het volgende "
                + "kalenderjaar.", st.note);
        r++;
        List<List<SisaConfig.Indicator>> blocks = quirks.contains(SisaQuirk.ONE_BLOCK)
                ? List.of(config.indicators()) : config.blocks();
        String ontvanger = v.gemeente() == null ? "" : "Gemeente " + v.gemeente();
        int maxCols = 0;
        for (List<SisaConfig.Indicator> block : blocks) {
            maxCols = Math.max(maxCols, block.size());
            for (int c = 0; c < FIXED_COLUMNS.size(); c++) {
                set(s, r, c, FIXED_COLUMNS.get(c), st.header);
                set(s, r + 1, c, "", st.header);
                set(s, r + 2, c, "", st.header);
            }
            for (int i = 0; i < block.size(); i++) {
                SisaConfig.Indicator ind = block.get(i);
                int c = FIXED_COLUMNS.size() + i;
                set(s, r, c, ind.name(), st.header);
                set(s, r + 1, c, ind.aardControleText(), st.sub);
                set(s, r + 2, c, quirks.contains(SisaQuirk.SPACED_CODES)
                        ? year.uitkeringscode() + " / " + ind.number() : year.code(ind), st.sub);
            }
            s.getRow(r).setHeightInPoints(54);
            r += 3;
            int n = 0;
            for (VerantwoordingRegel row : v.regels()) {
                Row xr = s.createRow(r);
                set(s, r, 0, config.verstrekker(), st.plain);
                set(s, r, 1, year.uitkeringscode(), st.plain);
                set(s, r, 2, config.specifiekeUitkering(), st.plain);
                set(s, r, 3, config.juridischeGrondslag(), st.plain);
                set(s, r, 4, ontvanger, st.plain);
                Map<String, Integer> columns = new java.util.HashMap<>();
                for (int i = 0; i < block.size(); i++) {
                    columns.put(block.get(i).key(), FIXED_COLUMNS.size() + i);
                }
                for (int i = 0; i < block.size(); i++) {
                    value(s, xr, FIXED_COLUMNS.size() + i, block.get(i), row, quirks, columns);
                }
                r++;
                if (quirks.contains(SisaQuirk.EXTRA_ROWS) && n++ == 0) {
                    Row hidden = s.createRow(r);
                    set(s, r, 0, "hulpregel", st.plain);
                    set(s, r, 5, "controle: niet invullen", st.plain);
                    hidden.setZeroHeight(true);
                    r++;
                    set(s, r++, 4, "(opmerking van de opsteller: bedragen afgestemd met de afdeling Financiën)",
                            st.note);
                }
            }
            r++;
        }
        set(s, r + 1, 0, "Codes en indeling van deze bijlage zijn door de dienst aangenomen: de regeling noemt geen "
                + "SiSa-uitkeringscode (zie README).", st.note);
        int[] widths = {15, 15, 22, 46, 22};
        for (int c = 0; c < widths.length; c++) {
            s.setColumnWidth(c, widths[c] * 256);
        }
        for (int c = FIXED_COLUMNS.size(); c < FIXED_COLUMNS.size() + maxCols; c++) {
            s.setColumnWidth(c, (c == FIXED_COLUMNS.size() ? 46 : 20) * 256);
        }
        // printed (and converted to PDF) one page wide, landscape, as the bijlage is read on paper too
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        if (quirks.contains(SisaQuirk.FORMULAS)) {
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
        }
        // POI stamps "now" into the core properties; the version date keeps the bytes reproducible
        org.apache.poi.ooxml.POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        java.util.Date fixed = java.util.Date.from(year.versionDate().atStartOfDay(DutchDates.AMSTERDAM).toInstant());
        core.setCreated(java.util.Optional.of(fixed));
        core.setModified(java.util.Optional.of(fixed));
        core.setCreator("Regeling kansrijke wijk — documentservice");
        core.setTitle(TITLE_PREFIX + " " + config.specifiekeUitkering() + " " + year.year());
    }

    private void value(XSSFSheet s, Row xr, int c, SisaConfig.Indicator ind, VerantwoordingRegel row,
            EnumSet<SisaQuirk> quirks, Map<String, Integer> columns) {
        Cell cell = xr.createCell(c);
        switch (ind.kind()) {
            case row -> {
                cell.setCellValue(SisaRows.label(regeling, row.onderdeel(), row.focusgebied()));
                cell.setCellStyle(st.plain);
            }
            case amount -> {
                BigDecimal a = amount(ind.key(), row);
                cell.setCellStyle(st.amount);
                if (a == null) {
                    return;
                }
                if (ind.key().equals("cumulatief") && quirks.contains(SisaQuirk.FORMULAS)
                        && columns.containsKey("besteding") && columns.containsKey("correctieVorigJaar")) {
                    // cumulative = earlier cumulative (a constant) + this year's besteding + correction
                    BigDecimal earlier = a.subtract(nz(row.besteding())).subtract(nz(row.correctieVorigJaar()));
                    cell.setCellFormula(earlier.toPlainString() + "+"
                            + ref(xr.getRowNum(), columns.get("besteding")) + "+"
                            + ref(xr.getRowNum(), columns.get("correctieVorigJaar")));
                } else if (quirks.contains(SisaQuirk.TEXT_AMOUNTS) && !(quirks.contains(SisaQuirk.FORMULAS)
                        && (ind.key().equals("besteding") || ind.key().equals("correctieVorigJaar")))) {
                    // (cells a formula adds up stay numbers: Excel's "+" on text gives #VALUE!)
                    cell.setCellValue(Money.format(a) + (a.remainder(BigDecimal.ONE).signum() == 0 ? ",00" : ""));
                    cell.setCellStyle(st.plain);
                } else {
                    cell.setCellValue(a.doubleValue());
                }
            }
            case yesno -> {
                cell.setCellStyle(st.input);
                if (row.eindverantwoording() != null) {
                    cell.setCellValue(row.eindverantwoording() ? "Ja" : "Nee");
                }
            }
            case text -> {
                cell.setCellStyle(st.wrap);
                if (row.toelichting() != null) {
                    cell.setCellValue(row.toelichting());
                }
            }
        }
    }

    private static String ref(int row, int col) {
        return new CellReference(row, col).formatAsString();
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    /** The value of an amount indicator of a row, by configuration key. */
    static BigDecimal amount(String key, VerantwoordingRegel row) {
        return AMOUNTS.getOrDefault(key, x -> null).apply(row);
    }

    static final Map<String, Function<VerantwoordingRegel, BigDecimal>> AMOUNTS = Map.of(
            "besteding", VerantwoordingRegel::besteding,
            "reserveVorigJaar", VerantwoordingRegel::reserveVorigJaar,
            "reservering", VerantwoordingRegel::reservering,
            "correctieVorigJaar", VerantwoordingRegel::correctieVorigJaar,
            "cumulatief", VerantwoordingRegel::cumulatief);

    private static void set(XSSFSheet s, int r, int c, String text, CellStyle style) {
        Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
        Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    /** Blank workbooks for every configured verslagjaar, by file name ("verantwoording-kansrijke-wijk-2023.xlsx"). */
    public static Map<String, byte[]> blanks(SisaConfig config, Regeling regeling) {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        for (SisaConfig.Year y : config.years()) {
            out.put(fileName(y.year()), blank(config, regeling, y.year()));
        }
        return out;
    }

    public static String fileName(int year) {
        return "verantwoording-kansrijke-wijk-" + year + ".xlsx";
    }

    /** Indicator names in column order, for the letter of art. 13(2)(c) and the README. */
    public static List<String> indicatorNames(SisaConfig config) {
        return config.indicators().stream().map(SisaConfig.Indicator::name).collect(Collectors.toList());
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle header;
        final CellStyle sub;
        final CellStyle plain;
        final CellStyle input;
        final CellStyle amount;
        final CellStyle wrap;
        final CellStyle note;

        Styles(XSSFWorkbook wb) {
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 13);
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            Font noteFont = wb.createFont();
            noteFont.setItalic(true);
            noteFont.setFontHeightInPoints((short) 9);
            title = wb.createCellStyle();
            title.setFont(titleFont);
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            header = bordered(wb);
            header.setFont(boldFont);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            sub = bordered(wb);
            sub.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            sub.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            plain = bordered(wb);
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            input = bordered(wb);
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            amount = bordered(wb);
            amount.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            amount.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            wrap = bordered(wb);
            // no wrap: a long toelichting runs on into the empty cells to its right (row heights do not grow)
            wrap.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            wrap.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            note = wb.createCellStyle();
            note.setFont(noteFont);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
