package nl.kansrijkewijk.form;

import static nl.kansrijkewijk.form.FormFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.Optional;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.regeling.Regeling;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import nl.kansrijkewijk.xlsx.ZipBytes;

/**
 * The aanvraagformulier as an XLSX workbook with the same fields as the PDF. Every value cell has its
 * FormFields key next to it (a narrow grey column A on question sheets, a grey key header row plus a row key in
 * column A on table sheets), so readers find fields by key rather than by position and survive inserted rows and
 * columns. A hidden sheet "Keuzelijsten" feeds the dropdowns (warnings only: other spellings stay allowed).
 */
public final class BlankFormXlsx {
    public static final String SHEET_TOELICHTING = "Toelichting";
    public static final String SHEET_A = "A Aanvrager";
    public static final String SHEET_B = "B Begroting";
    public static final String SHEET_C = "C Activiteiten";
    public static final String SHEET_D = "D School en omgeving";
    public static final String SHEET_E = "E Verklaringen";
    public static final String SHEET_LISTS = "Keuzelijsten";
    /** Form sheets in form order. */
    public static final List<String> FORM_SHEETS = List.of(SHEET_A, SHEET_B, SHEET_C, SHEET_D, SHEET_E);

    /** Header of the key column and of the key header row. */
    public static final String KEY_HEADER = "Sleutel";
    /** Header above the value column of question sheets. */
    public static final String ANSWER_HEADER = "Antwoord";
    /** Custom document property holding the form version. */
    public static final String VERSION_PROPERTY = "Formulierversie";

    private static byte[] cached;

    private final FormCatalogue catalogue = FormCatalogue.standard();
    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final Styles styles = new Styles(wb);

    private BlankFormXlsx() {}

    /** The blank workbook; byte-identical on every call. */
    public static synchronized byte[] generate() {
        if (cached == null) {
            cached = render();
        }
        return cached.clone();
    }

    /** Builds the workbook from scratch (no cache). */
    static byte[] render() {
        BlankFormXlsx b = new BlankFormXlsx();
        try (XSSFWorkbook wb = b.wb) {
            b.build();
            return ZipBytes.write(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void build() {
        Sheet toelichting = wb.createSheet(SHEET_TOELICHTING);
        Sheet a = wb.createSheet(SHEET_A);
        Sheet b = wb.createSheet(SHEET_B);
        Sheet c = wb.createSheet(SHEET_C);
        Sheet d = wb.createSheet(SHEET_D);
        Sheet e = wb.createSheet(SHEET_E);
        Sheet l = wb.createSheet(SHEET_LISTS);
        buildLists(l);
        buildToelichting(toelichting);
        buildQuestions(a, "A. Aanvrager",
                "Vul de gele cellen in. Kolom A bevat de veldnamen waarmee het formulier wordt verwerkt: niet wijzigen.",
                catalogue.section("A"), 0);
        buildBudget(b);
        buildActivities(c);
        buildSchools(d);
        buildQuestions(e, "E. Verklaringen van het college",
                "Typ bij elke verklaring ja of nee. Het college verklaart:", catalogue.section("E"), 0);
        for (Sheet s : List.of(toelichting, a, b, c, d, e)) {
            fitRowsAndPrinting(s);
        }
        wb.setSheetVisibility(wb.getSheetIndex(l), SheetVisibility.HIDDEN);
        wb.setActiveSheet(0);
        wb.setFirstVisibleTab(0);

        POIXMLProperties props = wb.getProperties();
        POIXMLProperties.CoreProperties core = props.getCoreProperties();
        Date fixed = PdfBytes.fixedDate().getTime();
        core.setCreated(Optional.of(fixed));
        core.setModified(Optional.of(fixed));
        core.setCreator("Regeling kansrijke wijk — formuliergenerator");
        core.setTitle(FORM_TITLE + " (" + FORM_VERSION + ")");
        core.setKeywords(FORM_VERSION);
        core.setSubjectProperty("Formulier als bedoeld in artikel 10, tweede lid, van de Regeling kansrijke wijk");
        props.getCustomProperties().addProperty(VERSION_PROPERTY, FORM_VERSION);
    }

    // ------------------------------------------------------------------------------------------------ sheets

    private void buildToelichting(Sheet s) {
        Regeling r = catalogue.regeling();
        s.setColumnWidth(0, 22 * 256);
        s.setColumnWidth(1, 100 * 256);
        set(s, 0, 0, FORM_TITLE, styles.title);
        set(s, 1, 0, "Formulierversie", styles.bold);
        set(s, 1, 1, FORM_VERSION, styles.bold);
        set(s, 2, 0, "Regeling", styles.bold);
        set(s, 2, 1, r.title() + ", " + r.citation() + " (artikel 10, tweede lid: het door de minister ter "
                + "beschikking gestelde formulier)", styles.wrap);
        Regeling.Deadlines dl = r.deadlines();
        List<String> windows = dl.wijzigingWindows().stream()
                .map(p -> DutchDates.format(p.from()) + " tot en met " + DutchDates.format(p.through())).toList();
        String[][] rows = {
            {"Indienen", "Een aanvraag dient u in van " + DutchDates.format(dl.aanvraagWindow().from()) + " tot en met "
                    + DutchDates.format(dl.aanvraagWindow().through()) + " (artikel 10, eerste lid); een wijziging van "
                    + String.join(", van ", windows) + " (artikel 10, derde lid)."},
            {"Invullen", "Vul op de tabbladen A tot en met E de gele cellen in. Laat velden die niet voor u gelden leeg. "
                    + "Hetzelfde formulier bestaat als invulbare PDF; u mag elk van beide gebruiken."},
            {"Bedragen", "In euro inclusief btw, als getal of als tekst: 1234567, 1.234.567 of € 1.234.567,00."},
            {"Datums", "Als datum of als tekst: 30-09-2023 of 30 september 2023."},
            {"Ja/nee", "Typ ja of nee (de keuzelijst helpt)."},
            {"Onderdelen", "Met hun code of naam: ORG (artikel 3), INT (4), ARM (5), VEE (6), REI (7), SEO (8), OJK (9)."},
            {"A Aanvrager", "Gemeente, gemeentecode, focusgebied(en), soort aanvraag, datum, ondertekenaar en contactpersoon."},
            {"B Begroting", "Het aangevraagde bedrag per onderdeel en per jaar. Amsterdam vult per focusgebied een regel in; "
                    + "alle andere gemeenten alleen focusgebied 1. Verleend: alleen bij een wijziging."},
            {"C Activiteiten", "Eén regel per activiteit (maximaal " + MAX_ACTIVITIES + " in dit blad; u mag regels "
                    + "toevoegen). De begrotingen van de activiteiten van een onderdeel tellen op tot het bedrag in B."},
            {"D School en omgeving", "Alleen voor de gemeenten van artikel 8, derde lid: de lokale coalitie en haar scholen."},
            {"E Verklaringen", "De verklaringen van het college (artikel 2, tweede en vierde lid; Toelichting 1.11)."},
            {"Kolom Sleutel", "De grijze kolom en rij 'Sleutel' bevatten de veldnamen waarmee het formulier automatisch "
                    + "wordt gelezen. Laat ze staan; regels of kolommen invoegen mag."},
        };
        for (int i = 0; i < rows.length; i++) {
            set(s, 4 + i, 0, rows[i][0], styles.bold);
            set(s, 4 + i, 1, rows[i][1], styles.wrap);
        }
    }

    private void buildQuestions(Sheet s, String title, String intro, List<FieldDef> fields, int firstRow) {
        keyColumn(s);
        s.setColumnWidth(1, 48 * 256);
        s.setColumnWidth(2, 42 * 256);
        s.setColumnWidth(3, 70 * 256);
        set(s, firstRow, 1, title, styles.title);
        set(s, firstRow + 1, 1, intro, styles.intro);
        header(s, firstRow + 2, new String[] {KEY_HEADER, "Vraag", ANSWER_HEADER, "Toelichting en toegestane waarden"});
        int r = firstRow + 3;
        for (FieldDef f : fields) {
            questionRow(s, r++, f);
        }
    }

    private void questionRow(Sheet s, int r, FieldDef f) {
        set(s, r, 0, f.key(), styles.key);
        set(s, r, 1, f.caption(), styles.wrap);
        valueCell(s, r, 2, f);
        set(s, r, 3, f.help() + " (" + f.article() + ")", styles.note);
        validate(s, r, 2, f);
    }

    private void buildBudget(Sheet s) {
        keyColumn(s);
        s.setColumnWidth(1, 54 * 256);
        s.setColumnWidth(2, 30 * 256);
        for (int i = 3; i <= 7; i++) {
            s.setColumnWidth(i, 17 * 256);
        }
        set(s, 0, 1, "B. Aangevraagd bedrag per onderdeel en per jaar (inclusief btw)", styles.title);
        set(s, 1, 1, "Bedragen in euro inclusief btw. Focusgebied 1 en 2 zijn de focusgebieden uit A; alleen Amsterdam "
                + "gebruikt focusgebied 2. Totaal = som van de jaren. Verleend: alleen bij een wijziging.", styles.intro);
        List<FormCatalogue.Sub> cols = catalogue.budgetColumns();
        String[] visible = new String[3 + cols.size()];
        String[] keys = new String[3 + cols.size()];
        visible[0] = KEY_HEADER;
        keys[0] = KEY_HEADER;
        visible[1] = "Onderdeel";
        visible[2] = "Focusgebied";
        for (int i = 0; i < cols.size(); i++) {
            visible[3 + i] = cols.get(i).caption();
            keys[3 + i] = cols.get(i).sub();
        }
        header(s, 2, visible);
        keyHeader(s, 3, keys);
        int r = 4;
        for (String code : ONDERDELEN) {
            Regeling.Onderdeel o = catalogue.regeling().onderdeel(code).orElseThrow();
            for (int slot = 1; slot <= MAX_FOCUSGEBIEDEN; slot++) {
                set(s, r, 0, budgetRow(code, slot), styles.key);
                set(s, r, 1, FormCatalogue.capitalise(o.name()) + " (artikel " + o.article() + ", " + code + ")",
                        styles.wrap);
                set(s, r, 2, slot == 1 ? "focusgebied 1" : "focusgebied 2 (alleen Amsterdam)", styles.wrap);
                for (int i = 0; i < cols.size(); i++) {
                    valueCell(s, r, 3 + i, catalogue.field(budgetRow(code, slot) + "." + cols.get(i).sub()));
                }
                r++;
            }
        }
        s.createFreezePane(3, 4);
    }

    private void buildActivities(Sheet s) {
        keyColumn(s);
        s.setColumnWidth(1, 6 * 256);
        List<FormCatalogue.Sub> subs = catalogue.activitySubs();
        set(s, 0, 1, "C. Activiteiten", styles.title);
        set(s, 1, 1, "Eén regel per activiteit. Regels toevoegen mag (laat kolom A dan leeg of typ C.61, C.62, …). "
                + "Rij 4 noemt de toegestane waarden.", styles.intro);
        String[] visible = new String[2 + subs.size()];
        String[] allowed = new String[2 + subs.size()];
        String[] keys = new String[2 + subs.size()];
        visible[0] = KEY_HEADER;
        keys[0] = KEY_HEADER;
        visible[1] = "Nr.";
        keys[1] = "nr";
        for (int i = 0; i < subs.size(); i++) {
            FormCatalogue.Sub sub = subs.get(i);
            visible[2 + i] = sub.caption();
            allowed[2 + i] = sub.help();
            keys[2 + i] = sub.sub();
            s.setColumnWidth(2 + i, columnWidth(sub.type()) * 256);
        }
        header(s, 2, visible);
        Row allowedRow = s.createRow(3);
        allowedRow.setHeightInPoints(96);
        for (int i = 2; i < allowed.length; i++) {
            Cell cell = allowedRow.createCell(i);
            cell.setCellValue(allowed[i]);
            cell.setCellStyle(styles.note);
        }
        keyHeader(s, 4, keys);
        tableRows(s, 5, MAX_ACTIVITIES, subs, n -> "C." + n, (n, sub) -> activity(n, sub));
        s.createFreezePane(3, 5);
    }

    /**
     * The numbered rows of a table sheet (activities, schools): the row key in column A, the number in B, one
     * value cell per sub-field, and a validation per column over all rows.
     */
    private void tableRows(Sheet s, int firstRow, int count, List<FormCatalogue.Sub> subs,
            IntFunction<String> rowKey,
            BiFunction<Integer, String, String> fieldKey) {
        for (int n = 1; n <= count; n++) {
            int r = firstRow - 1 + n;
            set(s, r, 0, rowKey.apply(n), styles.key);
            Cell nr = s.getRow(r).createCell(1);
            nr.setCellValue(n);
            nr.setCellStyle(styles.plain);
            for (int i = 0; i < subs.size(); i++) {
                valueCell(s, r, 2 + i, catalogue.field(fieldKey.apply(n, subs.get(i).sub())));
            }
        }
        for (int i = 0; i < subs.size(); i++) {
            FormCatalogue.Sub sub = subs.get(i);
            validateColumn(s, firstRow, firstRow - 1 + count, 2 + i, sub.type(), sub.caption(), sub.help());
        }
    }

    private static int columnWidth(FieldType t) {
        return switch (t) {
            case LONG_TEXT -> 60;
            case TEXT -> 32;
            case AMOUNT -> 16;
            case YES_NO -> 13;
            case OBJECTIVES, BRIN_LIST, ONTWIKKELGEBIED, ONDERDEEL -> 24;
            default -> 18;
        };
    }

    private void buildSchools(Sheet s) {
        buildQuestions(s, "D. School en omgeving",
                "Alleen voor " + String.join(", ", catalogue.regeling().onderdeel("SEO")
                        .map(Regeling.Onderdeel::onlyGemeenten).orElse(List.of()))
                        + " (artikel 8, derde lid). Minimaal 85 procent van de scholen in het focusgebied neemt deel aan "
                        + "de lokale coalitie (artikel 8, eerste lid).",
                catalogue.section("D"), 0);
        int top = 3 + catalogue.section("D").size() + 1;
        set(s, top, 1, "Deelnemende scholen", styles.bold);
        List<FormCatalogue.Sub> subs = catalogue.schoolSubs();
        String[] visible = new String[2 + subs.size()];
        String[] keys = new String[2 + subs.size()];
        visible[0] = KEY_HEADER;
        keys[0] = KEY_HEADER;
        visible[1] = "Nr.";
        keys[1] = "nr";
        for (int i = 0; i < subs.size(); i++) {
            visible[2 + i] = subs.get(i).caption() + (subs.get(i).type() == FieldType.YES_NO ? " (ja/nee)" : "");
            keys[2 + i] = subs.get(i).sub();
        }
        header(s, top + 1, visible);
        keyHeader(s, top + 2, keys);
        tableRows(s, top + 3, MAX_SCHOOLS, subs, n -> "D.school." + n, (n, sub) -> school(n, sub));
    }

    private void buildLists(Sheet s) {
        Regeling r = catalogue.regeling();
        List<String> focus = new ArrayList<>();
        r.gemeenten().forEach(g -> g.focusgebieden().stream().filter(f -> !focus.contains(f)).forEach(focus::add));
        list(s, 0, "Lijst_Gemeente", "Gemeente", r.gemeenten().stream().map(Regeling.Gemeente::name).toList());
        list(s, 1, "Lijst_Focusgebied", "Focusgebied", focus);
        list(s, 2, "Lijst_Onderdeel", "Onderdeel",
                r.onderdelen().stream().map(o -> o.code() + " – " + o.name()).toList());
        list(s, 3, "Lijst_JaNee", "Ja/nee", List.of("ja", "nee"));
        list(s, 4, "Lijst_SoortAanvraag", "Soort aanvraag", List.of("aanvraag", "wijziging"));
        list(s, 5, "Lijst_SoortActiviteit", "Soort activiteit", List.of("nieuw", "uitbreiding", "voortzetting"));
        List<String> art6 = new ArrayList<>();
        r.letteredList("art6lid2").forEach((k, v) -> art6.add(k + " – " + v));
        art6.add("anders");
        list(s, 6, "Lijst_Art6", "Aspect art. 6", art6);
        List<String> art9 = new ArrayList<>();
        r.letteredList("art9lid2").forEach((k, v) -> art9.add(k + " – " + v));
        list(s, 7, "Lijst_Art9", "Activiteit art. 9", art9);
        list(s, 8, "Lijst_Ontwikkelgebied", "Ontwikkelgebied", r.ontwikkelgebieden());
    }

    private void list(Sheet s, int col, String name, String title, List<String> values) {
        set(s, 0, col, title, styles.bold);
        for (int i = 0; i < values.size(); i++) {
            set(s, 1 + i, col, values.get(i), null);
        }
        Name n = wb.createName();
        n.setNameName(name);
        String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(col);
        n.setRefersToFormula("'" + SHEET_LISTS + "'!$" + letter + "$2:$" + letter + "$" + (1 + values.size()));
        s.setColumnWidth(col, 40 * 256);
    }

    private static String listFor(FieldType t) {
        return switch (t) {
            case GEMEENTE -> "Lijst_Gemeente";
            case FOCUSGEBIED -> "Lijst_Focusgebied";
            case ONDERDEEL -> "Lijst_Onderdeel";
            case YES_NO -> "Lijst_JaNee";
            case AANVRAAG_SOORT -> "Lijst_SoortAanvraag";
            case ACTIVITY_SOORT -> "Lijst_SoortActiviteit";
            case ART6 -> "Lijst_Art6";
            case ART9 -> "Lijst_Art9";
            case ONTWIKKELGEBIED -> "Lijst_Ontwikkelgebied";
            default -> null;
        };
    }

    private void validate(Sheet s, int r, int c, FieldDef f) {
        validateColumn(s, r, r, c, f.type(), f.label(), f.help());
    }

    private void validateColumn(Sheet s, int firstRow, int lastRow, int col, FieldType type, String title, String help) {
        String list = listFor(type);
        if (list == null) {
            return;
        }
        XSSFDataValidationHelper h = new XSSFDataValidationHelper((XSSFSheet) s);
        DataValidationConstraint constraint = h.createFormulaListConstraint(list);
        DataValidation dv = h.createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, col, col));
        dv.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        dv.setShowErrorBox(true);
        dv.createErrorBox("Waarde niet uit de lijst", "Deze waarde staat niet in de keuzelijst. Weet u zeker dat u "
                + "deze schrijfwijze wilt gebruiken?");
        dv.setShowPromptBox(true);
        dv.createPromptBox(truncate(title, 32), truncate(help, 255));
        // XSSF inverts this flag: true shows the dropdown arrow.
        dv.setSuppressDropDownArrow(true);
        s.addValidationData(dv);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    // ------------------------------------------------------------------------------------------------ cells

    private void keyColumn(Sheet s) {
        s.setColumnWidth(0, 16 * 256);
    }

    private void header(Sheet s, int r, String[] texts) {
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                set(s, r, i, texts[i], i == 0 ? styles.key : styles.header);
            }
        }
    }

    private void keyHeader(Sheet s, int r, String[] keys) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                set(s, r, i, keys[i], styles.key);
            }
        }
    }

    private void valueCell(Sheet s, int r, int c, FieldDef f) {
        Row row = s.getRow(r) != null ? s.getRow(r) : s.createRow(r);
        Cell cell = row.createCell(c);
        cell.setCellStyle(f.type() == FieldType.AMOUNT ? styles.amount
                : f.type() == FieldType.LONG_TEXT ? styles.valueWrap : styles.value);
    }

    /**
     * Row heights for wrapped text (Excel does not grow rows written by a program until they are edited) and a
     * landscape, fit-to-width print setup, so a printed sheet stays legible.
     */
    private static void fitRowsAndPrinting(Sheet s) {
        for (Row row : s) {
            float needed = 0;
            for (Cell cell : row) {
                if (cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING || !cell.getCellStyle().getWrapText()) {
                    continue;
                }
                // Column widths count characters of the default 11 pt font; the notes use 9 pt.
                short points = s.getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getFontHeightInPoints();
                float scale = 11f / points;
                float chars = Math.max(4, (s.getColumnWidth(cell.getColumnIndex()) / 256f - 1) * scale);
                int lines = 0;
                for (String paragraph : cell.getStringCellValue().split("\\R")) {
                    lines += Math.max(1, (int) Math.ceil(paragraph.length() / chars));
                }
                needed = Math.max(needed, lines * points * 1.3f + 2);
            }
            if (needed > s.getDefaultRowHeightInPoints() && row.getHeightInPoints() < needed) {
                row.setHeightInPoints(Math.min(needed, 400));
            }
        }
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
    }

    private static void set(Sheet s, int r, int c, String text, CellStyle style) {
        Row row = s.getRow(r) != null ? s.getRow(r) : s.createRow(r);
        Cell cell = row.createCell(c);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** The workbook's few styles, created once (Excel limits the number of styles). */
    static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle header;
        final CellStyle key;
        final CellStyle note;
        final CellStyle intro;
        final CellStyle wrap;
        final CellStyle plain;
        final CellStyle value;
        final CellStyle valueWrap;
        final CellStyle amount;

        Styles(XSSFWorkbook wb) {
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            Font keyFont = wb.createFont();
            keyFont.setFontHeightInPoints((short) 7);
            keyFont.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            Font noteFont = wb.createFont();
            noteFont.setFontHeightInPoints((short) 9);
            noteFont.setItalic(true);
            noteFont.setColor(IndexedColors.GREY_80_PERCENT.getIndex());

            title = wb.createCellStyle();
            title.setFont(titleFont);
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            bold.setVerticalAlignment(VerticalAlignment.TOP);
            header = wb.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            key = wb.createCellStyle();
            key.setFont(keyFont);
            key.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            key.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            key.setVerticalAlignment(VerticalAlignment.TOP);
            note = wb.createCellStyle();
            note.setFont(noteFont);
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
            intro = wb.createCellStyle();
            intro.setFont(noteFont);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            plain = wb.createCellStyle();
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            value = valueStyle(wb);
            valueWrap = valueStyle(wb);
            valueWrap.setWrapText(true);
            amount = valueStyle(wb);
            amount.setDataFormat(wb.createDataFormat().getFormat("\"€ \"#,##0.00"));
        }

        private static CellStyle valueStyle(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setBottomBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
            s.setTopBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
            s.setLeftBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
            s.setRightBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
            s.setVerticalAlignment(VerticalAlignment.TOP);
            s.setLocked(false);
            return s;
        }
    }
}
