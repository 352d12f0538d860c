package nl.kansrijkewijk.reader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.form.BlankFormXlsx;
import nl.kansrijkewijk.form.FieldDef;
import nl.kansrijkewijk.form.FieldType;
import nl.kansrijkewijk.form.FormCatalogue;
import nl.kansrijkewijk.form.XlsxKeyIndex;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.reader.UnreadableDocumentException.Reason;
import nl.kansrijkewijk.xlsx.BoundedFormulaEvaluator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the XLSX shape: finds every field by its key ({@link XlsxKeyIndex}) and renders the cell as the text a
 * person typed: numbers in Dutch notation, Excel dates as dd-mm-jjjj, formulas by their computed value.
 */
final class XlsxReader {
    private static final Logger LOG = LoggerFactory.getLogger(XlsxReader.class);
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private XlsxReader() {}

    static RawForm read(XSSFWorkbook wb, String documentName, Limits limits, Deadline deadline)
            throws UnreadableDocumentException {
        XlsxKeyIndex index = XlsxKeyIndex.of(wb, limits.maxRows());
        deadline.check();
        if (index.truncated()) {
            throw new UnreadableDocumentException(Reason.TE_GROOT, "Een werkblad van de Excel-werkmap heeft meer dan "
                    + limits.maxRows() + " rijen; zo'n werkmap wordt niet gelezen (anders zouden rijen ongelezen "
                    + "blijven). Verwijder lege of overbodige rijen en upload het formulier opnieuw.",
                    "sheet with more than " + limits.maxRows() + " rows");
        }
        Set<String> versions = new LinkedHashSet<>(index.versions());
        try {
            CTProperty p = wb.getProperties().getCustomProperties().getProperty(BlankFormXlsx.VERSION_PROPERTY);
            if (p != null && p.isSetLpwstr()) {
                PdfFormReader.addVersions(versions, p.getLpwstr());
            }
        } catch (RuntimeException e) {
            LOG.debug("no readable custom properties", e);
        }
        RawForm raw = new RawForm(DocumentShape.XLSX, versions, limits.maxTextLength());
        raw.titleSeen = index.titleSeen();
        FormulaEvaluator evaluator = BoundedFormulaEvaluator.of(wb, deadline, limits.maxFormulaCellVisits());
        Map<Sheet, List<CellRangeAddress>> merged = new HashMap<>();
        FormCatalogue catalogue = FormCatalogue.standard();
        int n = 0;
        for (Map.Entry<String, XlsxKeyIndex.CellPos> e : index.cells().entrySet()) {
            if (++n % 1000 == 0) {
                deadline.check();
            }
            XlsxKeyIndex.CellPos pos = e.getValue();
            FieldDef def = catalogue.field(e.getKey());
            Cell cell = valueCell(pos, merged);
            Location loc = Location.cell(documentName, pos.sheetName(), pos.a1(), e.getKey());
            raw.put(e.getKey(), render(cell, def.type(), evaluator, wb.isDate1904(), loc));
        }
        return raw;
    }

    /** The cell itself, or for a blank cell inside a vertical merge, the merge's top cell (that holds the value). */
    private static Cell valueCell(XlsxKeyIndex.CellPos pos, Map<Sheet, List<CellRangeAddress>> merged) {
        Sheet s = pos.sheet();
        Cell cell = cell(s, pos.row(), pos.col());
        if (cell != null && cell.getCellType() != CellType.BLANK) {
            return cell;
        }
        for (CellRangeAddress r : merged.computeIfAbsent(s, Sheet::getMergedRegions)) {
            if (r.isInRange(pos.row(), pos.col()) && r.getFirstColumn() == pos.col() && r.getFirstRow() < pos.row()) {
                return cell(s, r.getFirstRow(), r.getFirstColumn());
            }
        }
        return cell;
    }

    private static Cell cell(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    private static RawValue render(Cell cell, FieldType type, FormulaEvaluator ev, boolean date1904, Location loc) {
        if (cell == null) {
            return new RawValue("", loc, null);
        }
        switch (cell.getCellType()) {
            case STRING:
                return new RawValue(cell.getStringCellValue(), loc, null);
            case NUMERIC:
                return new RawValue(number(cell.getNumericCellValue(), dateFormatted(cell), type, date1904), loc, null);
            case BOOLEAN:
                return new RawValue(cell.getBooleanCellValue() ? "ja" : "nee", loc, null);
            case ERROR:
                String error = errorText(cell.getErrorCellValue());
                return new RawValue(error, loc, "de cel bevat de foutwaarde " + error);
            case FORMULA:
                return formula(cell, type, ev, date1904, loc);
            default:
                return new RawValue("", loc, null);
        }
    }

    private static RawValue formula(Cell cell, FieldType type, FormulaEvaluator ev, boolean date1904, Location loc) {
        String formula = "=" + safeFormula(cell);
        CellValue v;
        try {
            v = ev.evaluate(cell);
        } catch (BoundedFormulaEvaluator.TooComplex | Deadline.Exceeded e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // an unsupported function, a reference loop, a chain of formulas deeper than the stack
            LOG.info("formula {} in {} not evaluated ({}); using the cached result", formula, loc.cell(), e.toString());
            v = cached(cell);
        }
        if (v == null) {
            return new RawValue(formula, loc, "de formule " + formula + " is niet uit te rekenen");
        }
        return switch (v.getCellType()) {
            case NUMERIC -> new RawValue(number(v.getNumberValue(), dateFormatted(cell), type, date1904), loc, null);
            case STRING -> new RawValue(v.getStringValue(), loc, null);
            case BOOLEAN -> new RawValue(v.getBooleanValue() ? "ja" : "nee", loc, null);
            case ERROR -> new RawValue(formula, loc, "de formule " + formula + " geeft de fout "
                    + errorText(v.getErrorValue()));
            default -> new RawValue("", loc, null);
        };
    }

    private static CellValue cached(Cell cell) {
        try {
            return switch (cell.getCachedFormulaResultType()) {
                case NUMERIC -> new CellValue(cell.getNumericCellValue());
                case STRING -> new CellValue(cell.getStringCellValue());
                case BOOLEAN -> CellValue.valueOf(cell.getBooleanCellValue());
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String safeFormula(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (RuntimeException e) {
            return "#" + code;
        }
    }

    private static boolean dateFormatted(Cell cell) {
        try {
            return DateUtil.isCellDateFormatted(cell);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A number as Dutch text: amounts with a decimal comma and two decimals ("510000,00"), counts as integers,
     * dates (a date-formatted cell, or a plausible serial in a date field) as dd-mm-jjjj.
     */
    static String number(double d, boolean dateFormatted, FieldType type, boolean date1904) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        if (type == FieldType.DATE && (dateFormatted || (d >= 1 && d < 2958466))) {
            LocalDateTime t = DateUtil.getLocalDateTime(d, date1904);
            if (t != null) {
                return DMY.format(t.toLocalDate());
            }
        }
        BigDecimal b = new BigDecimal(Double.toString(d));
        if (type == FieldType.AMOUNT) {
            return b.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
        }
        b = b.stripTrailingZeros();
        if (b.scale() < 0) {
            b = b.setScale(0);
        }
        return b.toPlainString().replace('.', ',');
    }
}
