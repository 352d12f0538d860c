package nl.kansrijkewijk.form;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.kansrijkewijk.form.FontMetrics.Face;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import nl.kansrijkewijk.xlsx.ZipBytes;

/**
 * Fills the blank forms with text exactly as a person would type it (field key → text), and "prints" a filled
 * PDF to a flattened PDF. Used by tests and by {@link FixtureGenerator}; the output is deterministic.
 *
 * <p>PDF appearances are drawn here rather than by PDFBox: PDFBox spaces multi-line text by the font's bounding
 * box (1.7 em for DejaVu), so little fits; this filler shrinks the text until it fits its box, the way a viewer's
 * auto-size does, so a flattened print still shows every word inside its field.
 */
public final class FormFiller {
    static final float MIN_FONT = 4f;
    static final float MIN_SINGLE_LINE_FONT = 5.5f;

    private FormFiller() {}

    // ------------------------------------------------------------------------------------------------ PDF

    /** The blank PDF form filled with these values. */
    public static byte[] fillPdf(Map<String, String> values) {
        return fillPdf(BlankFormPdf.generate(), values);
    }

    /**
     * Fills a PDF form. Blank values are skipped; an unknown key, or a character the form font cannot show,
     * is an {@link IllegalArgumentException}.
     */
    public static byte[] fillPdf(byte[] blankPdf, Map<String, String> values) {
        Map<String, String> ordered = inFormOrder(values);
        try (PDDocument doc = Loader.loadPDF(blankPdf)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDFont font = form.getDefaultResources().getFont(COSName.getPDFName(BlankFormPdf.FIELD_FONT));
            FontMetrics metrics = FontMetrics.of(Face.REGULAR);
            for (Map.Entry<String, String> e : ordered.entrySet()) {
                PDField field = form.getField(e.getKey());
                if (!(field instanceof PDTextField tf)) {
                    throw new IllegalArgumentException("the PDF form has no text field " + e.getKey());
                }
                String value = normalise(e.getValue(), tf.isMultiline());
                checkGlyphs(e.getKey(), value, metrics);
                PDAnnotationWidget widget = tf.getWidgets().get(0);
                PDRectangle r = widget.getRectangle();
                PdfLayout.Field placed = PdfLayout.standard().field(e.getKey());
                float max = placed != null ? placed.maxFontSize() : PdfLayout.SINGLE_FONT;
                Fit fit = fit(value, r.getWidth(), r.getHeight(), tf.isMultiline(), max);
                tf.setDefaultAppearance("/" + BlankFormPdf.FIELD_FONT + " " + fmt(fit.size) + " Tf 0 g");
                tf.getCOSObject().setString(COSName.V, value);
                widget.setAppearance(appearance(doc, font, r, fit));
            }
            return PdfBytes.save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill the PDF form", e);
        }
    }

    /**
     * The "printed to PDF" shape: every field's appearance drawn into the page content, no AcroForm left, so
     * the values are only page text.
     */
    public static byte[] flatten(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            if (form != null) {
                form.flatten();
                doc.getDocumentCatalog().setAcroForm(null);
            }
            return PdfBytes.save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flatten the PDF", e);
        }
    }

    record Fit(float size, List<String> lines, boolean multiline) {}

    /**
     * The largest font size up to max at which the text fits the box; multi-line text is wrapped. No glyph is ever
     * placed outside the box.
     */
    static Fit fit(String value, float width, float height, boolean multiline, float max) {
        FontMetrics m = FontMetrics.of(Face.REGULAR);
        float innerWidth = width - 4;
        if (!multiline) {
            float size = Math.min(max, (height - 3) / 1.05f);
            float w = m.width(value, 1);
            if (w > 0) {
                size = Math.min(size, innerWidth / w);
            }
            if (size >= MIN_SINGLE_LINE_FONT) {
                return new Fit(floorQuarter(size), List.of(value), false);
            }
            // Too long for one line at a readable size: wrap inside the box rather than let text run out of it,
            // where a print would show it over the next field.
        }
        for (float size = max; size >= MIN_FONT; size -= 0.25f) {
            List<String> lines = m.wrap(value, size, innerWidth);
            if (lines.size() <= linesThatFit(height, size)) {
                return new Fit(size, lines, true);
            }
        }
        // Even the smallest size does not hold it all: show what fits, as a print of the field would.
        List<String> lines = m.wrap(value, MIN_FONT, innerWidth);
        return new Fit(MIN_FONT, lines.subList(0, Math.min(lines.size(), linesThatFit(height, MIN_FONT))), true);
    }

    private static int linesThatFit(float height, float size) {
        return (int) Math.floor((height - 3 - 0.95f * size) / leading(size)) + 1;
    }

    static float leading(float size) {
        return 1.17f * size;
    }

    private static float floorQuarter(float f) {
        return (float) Math.floor(f * 4) / 4f;
    }

    private static PDAppearanceDictionary appearance(PDDocument doc, PDFont font, PDRectangle r, Fit fit)
            throws IOException {
        PDAppearanceStream ap = new PDAppearanceStream(doc);
        ap.setBBox(new PDRectangle(r.getWidth(), r.getHeight()));
        PDResources res = new PDResources();
        res.put(COSName.getPDFName(BlankFormPdf.FIELD_FONT), font);
        ap.setResources(res);
        try (PDPageContentStream cs = new PDPageContentStream(doc, ap)) {
            cs.beginMarkedContent(COSName.TX);
            cs.saveGraphicsState();
            cs.addRect(1, 1, r.getWidth() - 2, r.getHeight() - 2);
            cs.clip();
            cs.beginText();
            cs.setFont(font, fit.size);
            cs.setNonStrokingColor(0f);
            float baseline = fit.multiline ? r.getHeight() - 1.5f - 0.95f * fit.size
                    : (r.getHeight() - 0.73f * fit.size) / 2;
            cs.newLineAtOffset(2, baseline);
            for (int i = 0; i < fit.lines.size(); i++) {
                if (i > 0) {
                    cs.newLineAtOffset(0, -leading(fit.size));
                }
                cs.showText(fit.lines.get(i));
            }
            cs.endText();
            cs.restoreGraphicsState();
            cs.endMarkedContent();
        }
        PDAppearanceDictionary d = new PDAppearanceDictionary();
        d.setNormalAppearance(ap);
        return d;
    }

    private static String normalise(String value, boolean multiline) {
        String v = value.replace('\t', ' ').replace("\r\n", "\n").replace('\r', '\n');
        return multiline ? v.strip() : v.replace('\n', ' ').strip();
    }

    private static void checkGlyphs(String key, String value, FontMetrics m) {
        value.codePoints().filter(cp -> cp != '\n' && !m.canDisplay(cp)).findFirst().ifPresent(cp -> {
            throw new IllegalArgumentException("field " + key + ": character U+" + Integer.toHexString(cp).toUpperCase(
                    Locale.ROOT) + " is not in the form font");
        });
    }

    private static String fmt(float f) {
        return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
    }

    /** Non-blank values in form order (so output does not depend on the caller's map order); unknown keys fail. */
    private static Map<String, String> inFormOrder(Map<String, String> values) {
        FormCatalogue c = FormCatalogue.standard();
        List<String> unknown = values.keySet().stream().filter(k -> c.field(k) == null).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not form fields: " + unknown);
        }
        Map<String, Integer> order = new HashMap<>();
        List<FieldDef> all = c.fields();
        for (int i = 0; i < all.size(); i++) {
            order.put(all.get(i).key(), i);
        }
        TreeMap<String, String> sorted = new TreeMap<>(Comparator.comparing((String k) -> order.getOrDefault(k,
                Integer.MAX_VALUE)).thenComparing(Comparator.naturalOrder()));
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                sorted.put(k, v);
            }
        });
        return new LinkedHashMap<>(sorted);
    }

    // ------------------------------------------------------------------------------------------------ XLSX

    public static byte[] fillXlsx(Map<String, String> values) {
        return fillXlsx(BlankFormXlsx.generate(), values, Set.of());
    }

    public static byte[] fillXlsx(Map<String, String> values, Set<XlsxQuirk> quirks) {
        return fillXlsx(BlankFormXlsx.generate(), values, quirks);
    }

    /**
     * Fills the workbook as a user of a Dutch Excel would: a typed amount or count becomes a number (unless the
     * {@link XlsxQuirk#TEXT_AMOUNTS} quirk keeps it text), a date stays text unless {@link XlsxQuirk#EXCEL_DATES};
     * text that is no number stays text. Then applies the quirks.
     */
    public static byte[] fillXlsx(byte[] blankXlsx, Map<String, String> values, Set<XlsxQuirk> quirks) {
        Map<String, String> ordered = inFormOrder(values);
        Set<XlsxQuirk> q = quirks.isEmpty() ? EnumSet.noneOf(XlsxQuirk.class) : EnumSet.copyOf(quirks);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(blankXlsx))) {
            XlsxKeyIndex index = XlsxKeyIndex.of(wb);
            ExtraStyles styles = new ExtraStyles(wb);
            for (Map.Entry<String, String> e : ordered.entrySet()) {
                XlsxKeyIndex.CellPos pos = index.get(e.getKey());
                if (pos == null) {
                    throw new IllegalArgumentException("the workbook has no cell for " + e.getKey());
                }
                FieldDef def = FormCatalogue.standard().field(e.getKey());
                write(cell(pos), def.type(), e.getValue().replace("\r\n", "\n").strip(), q, styles);
            }
            if (q.contains(XlsxQuirk.FORMULAS)) {
                formulas(wb, index);
            }
            if (q.contains(XlsxQuirk.MERGED_CELLS)) {
                merge(wb, index);
            }
            if (q.contains(XlsxQuirk.BLANK_ROWS)) {
                blankRows(wb, index);
            }
            if (q.contains(XlsxQuirk.HIDDEN_SHEET)) {
                hiddenSheet(wb);
            }
            wb.getProperties().getCoreProperties().setModified(Optional.of(PdfBytes.fixedDate().getTime()));
            return ZipBytes.write(wb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill the workbook", e);
        }
    }

    private static Cell cell(XlsxKeyIndex.CellPos pos) {
        Row row = pos.sheet().getRow(pos.row());
        if (row == null) {
            row = pos.sheet().createRow(pos.row());
        }
        Cell c = row.getCell(pos.col());
        return c != null ? c : row.createCell(pos.col());
    }

    private static void write(Cell cell, FieldType type, String text, Set<XlsxQuirk> q, ExtraStyles styles) {
        switch (type) {
            case AMOUNT -> {
                Optional<BigDecimal> amount = q.contains(XlsxQuirk.TEXT_AMOUNTS) ? Optional.empty() : tryMoney(text);
                if (amount.isPresent()) {
                    cell.setCellValue(amount.get().doubleValue());
                } else {
                    cell.setCellStyle(styles.text(cell.getCellStyle()));
                    cell.setCellValue(text);
                }
            }
            case COUNT -> {
                if (text.matches("\\d{1,6}")) {
                    cell.setCellValue(Integer.parseInt(text));
                } else {
                    cell.setCellValue(text);
                }
            }
            case DATE -> {
                Optional<LocalDate> date = q.contains(XlsxQuirk.EXCEL_DATES) ? tryDate(text) : Optional.empty();
                if (date.isPresent()) {
                    cell.setCellValue(date.get());
                    cell.setCellStyle(styles.date(cell.getCellStyle()));
                } else {
                    cell.setCellValue(text);
                }
            }
            default -> cell.setCellValue(text);
        }
    }

    private static Optional<BigDecimal> tryMoney(String text) {
        try {
            return Money.parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> tryDate(String text) {
        try {
            return DutchDates.parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Text and date variants of the value styles, created once per workbook. */
    private static final class ExtraStyles {
        private final XSSFWorkbook wb;
        private final Map<Short, CellStyle> text = new HashMap<>();
        private final Map<Short, CellStyle> date = new HashMap<>();

        ExtraStyles(XSSFWorkbook wb) {
            this.wb = wb;
        }

        CellStyle text(CellStyle base) {
            return text.computeIfAbsent(base.getIndex(), i -> derived(base, "@"));
        }

        CellStyle date(CellStyle base) {
            return date.computeIfAbsent(base.getIndex(), i -> derived(base, "d mmmm yyyy"));
        }

        private CellStyle derived(CellStyle base, String format) {
            CellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(base);
            s.setDataFormat(wb.createDataFormat().getFormat(format));
            return s;
        }
    }

    // ------------------------------------------------------------------------------------------------ quirks

    private static void formulas(XSSFWorkbook wb, XlsxKeyIndex index) {
        FormCatalogue c = FormCatalogue.standard();
        for (String o : FormFields.ONDERDELEN) {
            for (int slot = 1; slot <= FormFields.MAX_FOCUSGEBIEDEN; slot++) {
                Cell total = existing(index.get(FormFields.budgetTotal(o, slot)));
                if (total == null || total.getCellType() != CellType.NUMERIC) {
                    continue;
                }
                List<Cell> years = new ArrayList<>();
                BigDecimal sum = BigDecimal.ZERO;
                for (int y : FormFields.YEARS) {
                    Cell yc = existing(index.get(FormFields.budget(o, slot, y)));
                    if (yc != null && yc.getCellType() == CellType.STRING) {
                        years = null;
                        break;
                    }
                    if (yc != null && yc.getCellType() == CellType.NUMERIC) {
                        sum = sum.add(BigDecimal.valueOf(yc.getNumericCellValue()));
                    }
                    years.add(yc);
                }
                if (years == null || sum.compareTo(BigDecimal.valueOf(total.getNumericCellValue())) != 0) {
                    continue;
                }
                XlsxKeyIndex.CellPos first = index.get(FormFields.budget(o, slot, FormFields.YEARS.get(0)));
                XlsxKeyIndex.CellPos last = index.get(FormFields.budget(o, slot, FormFields.YEARS.get(FormFields.YEARS.size() - 1)));
                total.setCellFormula("SUM(" + first.a1() + ":" + last.a1() + ")");
            }
        }
        for (Map.Entry<String, XlsxKeyIndex.CellPos> e : index.cells().entrySet()) {
            FieldDef def = c.field(e.getKey());
            if (def == null || def.group() == null || !def.section().equals("C") || !def.sub().startsWith("begroting.")) {
                continue;
            }
            Cell cell = existing(e.getValue());
            if (cell == null || cell.getCellType() != CellType.NUMERIC) {
                continue;
            }
            BigDecimal v = BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
            if (v.compareTo(new BigDecimal("0.02")) < 0) {
                continue;
            }
            BigDecimal half = v.divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN);
            cell.setCellFormula(plain(v.subtract(half)) + "+" + plain(half));
        }
        XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }

    private static Cell existing(XlsxKeyIndex.CellPos pos) {
        if (pos == null || pos.sheet().getRow(pos.row()) == null) {
            return null;
        }
        return pos.sheet().getRow(pos.row()).getCell(pos.col());
    }

    private static boolean filled(Cell c) {
        return c != null && c.getCellType() != CellType.BLANK
                && !(c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank());
    }

    private static void merge(XSSFWorkbook wb, XlsxKeyIndex index) {
        for (Map.Entry<String, XlsxKeyIndex.CellPos> e : index.cells().entrySet()) {
            FieldDef def = FormCatalogue.standard().field(e.getKey());
            XlsxKeyIndex.CellPos p = e.getValue();
            if (def.group() == null && def.onderdeel() == null && filled(existing(p))) {
                // Merging an answer with the explanation column, as Excel does: only the top-left value survives.
                Row row = p.sheet().getRow(p.row());
                Cell right = row.getCell(p.col() + 1);
                if (right != null) {
                    row.removeCell(right);
                }
                p.sheet().addMergedRegion(new CellRangeAddress(p.row(), p.row(), p.col(), p.col() + 1));
            }
        }
        Sheet b = wb.getSheet(BlankFormXlsx.SHEET_B);
        for (String o : FormFields.ONDERDELEN) {
            XlsxKeyIndex.CellPos fg1 = index.get(FormFields.budget(o, 1, FormFields.YEARS.get(0)));
            XlsxKeyIndex.CellPos fg2 = index.get(FormFields.budget(o, 2, FormFields.YEARS.get(0)));
            if (b != null && fg1 != null && fg2 != null && fg2.row() == fg1.row() + 1) {
                Row second = b.getRow(fg2.row());
                Cell label = second.getCell(1);
                if (label != null) {
                    second.removeCell(label);
                }
                b.addMergedRegion(new CellRangeAddress(fg1.row(), fg2.row(), 1, 1));
            }
        }
        for (String name : List.of(BlankFormXlsx.SHEET_A, BlankFormXlsx.SHEET_B, BlankFormXlsx.SHEET_C,
                BlankFormXlsx.SHEET_D, BlankFormXlsx.SHEET_E)) {
            Sheet s = wb.getSheet(name);
            if (s != null) {
                s.addMergedRegion(new CellRangeAddress(0, 0, 1, 5));
            }
        }
    }

    /** Inserts a blank row after every filled activity and school row and after every third question. */
    private static void blankRows(XSSFWorkbook wb, XlsxKeyIndex index) {
        Map<Sheet, java.util.TreeSet<Integer>> after = new LinkedHashMap<>();
        Map<Sheet, Integer> questionCount = new HashMap<>();
        for (Map.Entry<String, XlsxKeyIndex.CellPos> e : index.cells().entrySet()) {
            FieldDef def = FormCatalogue.standard().field(e.getKey());
            XlsxKeyIndex.CellPos p = e.getValue();
            if (def.group() != null) {
                if (filled(existing(p))) {
                    after.computeIfAbsent(p.sheet(), s -> new java.util.TreeSet<>()).add(p.row());
                }
            } else if (def.onderdeel() == null) {
                int n = questionCount.merge(p.sheet(), 1, Integer::sum);
                if (n % 3 == 0) {
                    after.computeIfAbsent(p.sheet(), s -> new java.util.TreeSet<>()).add(p.row());
                }
            }
        }
        for (Map.Entry<Sheet, java.util.TreeSet<Integer>> e : after.entrySet()) {
            Sheet s = e.getKey();
            for (int r : e.getValue().descendingSet()) {
                if (r < s.getLastRowNum()) {
                    s.shiftRows(r + 1, s.getLastRowNum(), 1);
                }
            }
        }
    }

    private static void hiddenSheet(XSSFWorkbook wb) {
        Sheet s = wb.createSheet("Kladblok");
        String[][] rows = {
            {"Kladversie van de wijkaanpak — niet indienen"},
            {"Overleg met stadsdeel", "2023-08-14"},
            {"Raming totaal", "=SUM('" + BlankFormXlsx.SHEET_B + "'!D5:F18)"},
            {"Oude raming", "1250000"},
        };
        for (int i = 0; i < rows.length; i++) {
            Row row = s.createRow(i);
            for (int j = 0; j < rows[i].length; j++) {
                String v = rows[i][j];
                if (v.startsWith("=")) {
                    row.createCell(j).setCellFormula(v.substring(1));
                } else {
                    row.createCell(j).setCellValue(v);
                }
            }
        }
        XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
        wb.setSheetVisibility(wb.getSheetIndex(s), SheetVisibility.HIDDEN);
        int e = wb.getSheetIndex(BlankFormXlsx.SHEET_E);
        if (e >= 0) {
            wb.setSheetVisibility(e, SheetVisibility.HIDDEN);
        }
    }
}
