package nl.kansrijkewijk.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import nl.kansrijkewijk.regeling.Names;
import org.apache.poi.ss.util.CellReference;

/**
 * Finds the value cell of every form field in a workbook by the keys written next to the values, not by fixed
 * positions, so inserted rows and columns, moved sheets and extra sheets do not matter:
 * <ul>
 *   <li>question sheets: a cell holding a key ("A.gemeente"); its value is in the column headed "Antwoord"
 *       (nearest such header above), else two columns to the right;</li>
 *   <li>table sheets: a row key ("B.ARM.fg1", "C.12", "D.school.3") and, above it, a key header row naming the
 *       column sub-keys ("2024", "naam", "begroting.2023"); without that header the blank form's column order
 *       is assumed;</li>
 *   <li>rows a user added to the activity or school table without a row key get the next free number when they
 *       hold an activity (onderdeel plus naam or omschrijving) or a school (BRIN).</li>
 * </ul>
 * The form's own sheets are searched first; a key found twice keeps its first place (a copied sheet cannot
 * override the form). Used by the XLSX reader and by the filler.
 */
public final class XlsxKeyIndex {

    /** A cell position; {@link #a1()} is e.g. "H12". */
    public record CellPos(Sheet sheet, int row, int col) {
        public String a1() {
            return new CellReference(row, col).formatAsString(false);
        }

        public String sheetName() {
            return sheet.getSheetName();
        }
    }

    private static final Pattern B_ROW = Pattern.compile("B\\.[A-Z]{3}\\.fg\\d");
    private static final Pattern C_ROW = Pattern.compile("C\\.(\\d{1,4})");
    private static final Pattern D_ROW = Pattern.compile("D\\.school\\.(\\d{1,4})");
    private static final Pattern VERSION = Pattern.compile("\\bKW-\\d{4}-\\d+\\b");
    private static final int MAX_ROWS_SCANNED = 5000;
    private static final int MAX_COLS_SCANNED = 200;

    private final FormCatalogue catalogue = FormCatalogue.standard();
    private final Map<String, CellPos> cells = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> captionsByKind = new HashMap<>();
    private final Set<String> versions = new java.util.LinkedHashSet<>();
    /** Where each row key ("C.12") was first registered: makes "taken" and "duplicate" checks constant-time. */
    private final Map<String, CellPos> rowKeyFirst = new HashMap<>();
    /** Per header signature: the last row asked about and the nearest header row above it (see headerRow). */
    private final Map<String, int[]> headerMemo = new HashMap<>();
    private final Map<String, String> signatures = new HashMap<>();
    private int maxRows = MAX_ROWS_SCANNED;
    private boolean truncated;
    private boolean titleSeen;
    private int nextActivity;
    private int nextSchool;

    private XlsxKeyIndex() {}

    public static XlsxKeyIndex of(Workbook wb) {
        return of(wb, MAX_ROWS_SCANNED);
    }

    /**
     * @param maxRows rows beyond this in any sheet are not scanned; {@link #truncated()} then says so, so that a
     *                reader can refuse the workbook rather than silently miss rows
     */
    public static XlsxKeyIndex of(Workbook wb, int maxRows) {
        XlsxKeyIndex index = new XlsxKeyIndex();
        index.maxRows = maxRows;
        index.nextActivity = FormFields.MAX_ACTIVITIES;
        index.nextSchool = FormFields.MAX_SCHOOLS;
        for (Sheet s : sheetsInSearchOrder(wb)) {
            index.scan(s);
        }
        return index;
    }

    /** Value cells by field key, in discovery order. */
    public Map<String, CellPos> cells() {
        return Collections.unmodifiableMap(cells);
    }

    public CellPos get(String key) {
        return cells.get(key);
    }

    /** Form versions ("KW-2023-1") found in cells, in order. */
    public Set<String> versions() {
        return Collections.unmodifiableSet(versions);
    }

    /** Whether some sheet has rows beyond the scanned maximum (those rows were not read). */
    public boolean truncated() {
        return truncated;
    }

    /** Whether any cell mentions the regeling's name (a form whose keys were removed is still recognisable). */
    public boolean titleSeen() {
        return titleSeen;
    }

    /**
     * Whether a cell text is a key this index looks for (a question key or a table row key): a sheet without any
     * such cell holds nothing of the form, so a reader may skip it unread.
     */
    public static boolean isFormKey(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > 40) {
            return false;
        }
        FieldDef simple = FormCatalogue.standard().field(t);
        return (simple != null && simple.group() == null && simple.onderdeel() == null) || rowKind(t) != null;
    }

    /** Whether a cell text names the regeling or a form version (the markers {@link #titleSeen()} and versions). */
    public static boolean isMarker(String text) {
        return text != null && (VERSION.matcher(text).find()
                || text.toLowerCase(Locale.ROOT).contains("regeling kansrijke wijk"));
    }

    static List<Sheet> sheetsInSearchOrder(Workbook wb) {
        List<Sheet> ordered = new ArrayList<>();
        for (String name : BlankFormXlsx.FORM_SHEETS) {
            Sheet s = wb.getSheet(name);
            if (s != null) {
                ordered.add(s);
            }
        }
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            Sheet s = wb.getSheetAt(i);
            if (!ordered.contains(s) && !BlankFormXlsx.SHEET_LISTS.equals(s.getSheetName())) {
                ordered.add(s);
            }
        }
        return ordered;
    }

    // ---------------------------------------------------------------------------------------------- scanning

    private record Str(int col, String text) {}

    private void scan(Sheet sheet) {
        TreeMap<Integer, List<Str>> strings = new TreeMap<>();
        if (sheet.getLastRowNum() > maxRows) {
            truncated = true;
        }
        int last = Math.min(sheet.getLastRowNum(), maxRows);
        headerMemo.clear();
        for (int r = 0; r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            List<Str> list = new ArrayList<>();
            int lastCol = Math.min(row.getLastCellNum(), MAX_COLS_SCANNED);
            for (int c = 0; c < lastCol; c++) {
                Cell cell = row.getCell(c);
                if (cell != null && cell.getCellType() == CellType.STRING) {
                    String t = cell.getStringCellValue();
                    if (t != null && !t.isBlank()) {
                        list.add(new Str(c, t.strip()));
                        noteMarkers(t);
                    }
                }
            }
            if (!list.isEmpty()) {
                strings.put(r, list);
            }
        }

        Map<Integer, Map<Integer, String>> tableHeaders = new HashMap<>();
        Map<Integer, String> headerKind = new HashMap<>();
        Set<Integer> keyedRows = new HashSet<>();
        Map<Integer, Integer> firstDataRow = new HashMap<>();
        // Rows holding an "Antwoord" header, in order, with those columns: the answer column is looked up among
        // these few rows instead of every row above (which made reading quadratic in the number of rows).
        TreeMap<Integer, List<Integer>> answerRows = new TreeMap<>();
        for (Map.Entry<Integer, List<Str>> e : strings.entrySet()) {
            int r = e.getKey();
            for (Str s : e.getValue()) {
                if (s.text.equalsIgnoreCase(BlankFormXlsx.ANSWER_HEADER)) {
                    answerRows.computeIfAbsent(r, k -> new ArrayList<>()).add(s.col);
                }
            }
        }
        for (Map.Entry<Integer, List<Str>> e : strings.entrySet()) {
            int r = e.getKey();
            for (Str s : e.getValue()) {
                FieldDef simple = catalogue.field(s.text);
                if (simple != null && simple.group() == null && simple.onderdeel() == null) {
                    if (!cells.containsKey(s.text)) {
                        cells.put(s.text, new CellPos(sheet, r, answerColumn(answerRows, r, s.col)));
                    }
                    continue;
                }
                String kind = rowKind(s.text);
                if (kind == null) {
                    continue;
                }
                keyedRows.add(r);
                String rowKey = s.text;
                if (isTaken(rowKey)) {
                    continue; // a duplicated row key: the row is treated as an added row below
                }
                Integer headerRow = headerRow(strings, r, rowKey);
                Map<Integer, String> columns = headerRow == null ? defaultColumns(kind, rowKey, s.col)
                        : headerColumns(strings.get(headerRow), rowKey);
                if (headerRow != null) {
                    tableHeaders.put(headerRow, columns);
                    headerKind.put(headerRow, kind);
                    firstDataRow.merge(headerRow, r, Math::min);
                }
                register(rowKey, sheet, r, columns);
                noteNumber(kind, rowKey);
            }
        }
        for (Map.Entry<Integer, Map<Integer, String>> h : tableHeaders.entrySet()) {
            addUnkeyedRows(sheet, strings, firstDataRow.get(h.getKey()), headerKind.get(h.getKey()), h.getValue(),
                    keyedRows);
        }
    }

    private void noteMarkers(String t) {
        Matcher m = VERSION.matcher(t);
        while (m.find()) {
            versions.add(m.group());
        }
        if (t.toLowerCase(Locale.ROOT).contains("regeling kansrijke wijk")) {
            titleSeen = true;
        }
    }

    private static String rowKind(String text) {
        if (B_ROW.matcher(text).matches()) {
            return "B";
        }
        if (C_ROW.matcher(text).matches()) {
            return "C";
        }
        if (D_ROW.matcher(text).matches()) {
            return "D";
        }
        return null;
    }

    private boolean isTaken(String rowKey) {
        return rowKeyFirst.containsKey(rowKey);
    }

    /** Registers a row's value cells; only keys the form knows (a made-up row key names no field). */
    private void register(String rowKey, Sheet sheet, int r, Map<Integer, String> columns) {
        for (Map.Entry<Integer, String> col : columns.entrySet()) {
            String key = rowKey + "." + col.getValue();
            if (catalogue.field(key) != null && !cells.containsKey(key)) {
                CellPos pos = new CellPos(sheet, r, col.getKey());
                cells.put(key, pos);
                rowKeyFirst.putIfAbsent(rowKey, pos);
            }
        }
    }

    private void noteNumber(String kind, String rowKey) {
        Matcher m = ("C".equals(kind) ? C_ROW : D_ROW).matcher(rowKey);
        if (!"B".equals(kind) && m.matches()) {
            int n = Integer.parseInt(m.group(1));
            if ("C".equals(kind)) {
                nextActivity = Math.max(nextActivity, n);
            } else {
                nextSchool = Math.max(nextSchool, n);
            }
        }
    }

    private static int answerColumn(TreeMap<Integer, List<Integer>> answerRows, int row, int keyCol) {
        for (List<Integer> cols : answerRows.headMap(row, false).descendingMap().values()) {
            for (int c : cols) {
                if (c > keyCol) {
                    return c;
                }
            }
        }
        return keyCol + 2;
    }

    /**
     * The nearest row above {@code row} that names at least two of the row key's columns. Which rows qualify
     * depends on the row key only through its kind and the sub-keys the form defines for it (its signature), and
     * keyed rows are visited top to bottom, so per signature the search resumes where the previous one stopped:
     * every row is examined at most once per signature (linear, not quadratic, in the number of rows).
     */
    private Integer headerRow(TreeMap<Integer, List<Str>> strings, int row, String rowKey) {
        String sig = signatures.computeIfAbsent(rowKey, this::signature);
        int[] memo = headerMemo.get(sig);
        int from = memo == null ? -1 : memo[0];
        int found = memo == null ? -1 : memo[1];
        if (from > row) { // not top to bottom (cannot happen in scan order): search all rows again
            from = -1;
            found = -1;
        }
        for (Map.Entry<Integer, List<Str>> e : strings.subMap(from, false, row, false).descendingMap().entrySet()) {
            if (headerColumns(e.getValue(), rowKey).size() >= 2) {
                found = e.getKey();
                break;
            }
        }
        headerMemo.put(sig, new int[] {row - 1, found});
        return found < 0 ? null : found;
    }

    private String signature(String rowKey) {
        String kind = rowKind(rowKey);
        List<FormCatalogue.Sub> subs = switch (kind) {
            case "B" -> catalogue.budgetColumns();
            case "C" -> catalogue.activitySubs();
            default -> catalogue.schoolSubs();
        };
        StringBuilder b = new StringBuilder(kind).append(':');
        for (FormCatalogue.Sub s : subs) {
            b.append(catalogue.field(rowKey + "." + s.sub()) != null ? '1' : '0');
        }
        return b.toString();
    }

    /**
     * Columns of a header row: cells naming a sub-key ("2024", "naam") or, when the grey key header row was
     * deleted, the visible caption ("Totaal", "Naam van de activiteit").
     */
    private Map<Integer, String> headerColumns(List<Str> row, String rowKey) {
        Map<Integer, String> columns = new TreeMap<>();
        Map<String, String> captions = captions(rowKind(rowKey));
        for (Str s : row) {
            if (catalogue.field(rowKey + "." + s.text) != null) {
                columns.put(s.col, s.text);
            } else {
                String sub = captions.get(captionKey(s.text));
                if (sub != null && !columns.containsValue(sub)) {
                    columns.put(s.col, sub);
                }
            }
        }
        return columns;
    }

    private Map<String, String> captions(String kind) {
        return captionsByKind.computeIfAbsent(kind, k -> {
            List<FormCatalogue.Sub> subs = switch (k) {
                case "B" -> catalogue.budgetColumns();
                case "C" -> catalogue.activitySubs();
                default -> catalogue.schoolSubs();
            };
            Map<String, String> m = new HashMap<>();
            for (FormCatalogue.Sub s : subs) {
                m.put(captionKey(s.caption()), s.sub());
            }
            return m;
        });
    }

    private static String captionKey(String caption) {
        return Names.normalise(caption.replace("(ja/nee)", ""));
    }

    /** The blank form's column order relative to the key column, for a table whose key header row was deleted. */
    private Map<Integer, String> defaultColumns(String kind, String rowKey, int keyCol) {
        Map<Integer, String> columns = new TreeMap<>();
        switch (kind) {
            case "B" -> {
                List<FormCatalogue.Sub> cols = catalogue.budgetColumns();
                for (int i = 0; i < cols.size(); i++) {
                    columns.put(keyCol + 3 + i, cols.get(i).sub());
                }
            }
            case "C" -> {
                List<FormCatalogue.Sub> subs = catalogue.activitySubs();
                for (int i = 0; i < subs.size(); i++) {
                    columns.put(keyCol + 2 + i, subs.get(i).sub());
                }
            }
            default -> {
                List<FormCatalogue.Sub> subs = catalogue.schoolSubs();
                for (int i = 0; i < subs.size(); i++) {
                    columns.put(keyCol + 2 + i, subs.get(i).sub());
                }
            }
        }
        return columns;
    }

    /**
     * Rows a user added to a table without a row key (or with a duplicated one). Only rows below the table's first
     * keyed row count: what sits between the header and the first row is header material (captions, hints).
     */
    private void addUnkeyedRows(Sheet sheet, TreeMap<Integer, List<Str>> strings, int firstRow, String kind,
            Map<Integer, String> columns, Set<Integer> keyedRows) {
        if ("B".equals(kind)) {
            return;
        }
        Map<String, Integer> colOf = new HashMap<>();
        columns.forEach((c, sub) -> colOf.put(sub, c));
        int last = Math.min(sheet.getLastRowNum(), maxRows);
        for (int r = firstRow + 1; r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            boolean keyed = keyedRows.contains(r) && !duplicateRow(strings.get(r), sheet, r);
            if (keyed || isHeaderLike(strings.get(r), kind)) {
                continue;
            }
            boolean holds = "C".equals(kind)
                    ? filled(row, colOf.get(FormFields.C_ONDERDEEL))
                            && (filled(row, colOf.get(FormFields.C_NAAM)) || filled(row, colOf.get(FormFields.C_OMSCHRIJVING)))
                    : filled(row, colOf.get(FormFields.D_BRIN));
            if (!holds) {
                continue;
            }
            String rowKey = "C".equals(kind) ? "C." + (++nextActivity) : "D.school." + (++nextSchool);
            register(rowKey, sheet, r, columns);
        }
    }

    /** A row whose row key was already taken by an earlier row: its own cells are not registered under that key. */
    private boolean duplicateRow(List<Str> row, Sheet sheet, int r) {
        if (row == null) {
            return false;
        }
        for (Str s : row) {
            if (rowKind(s.text) != null) {
                CellPos first = rowKeyFirst.get(s.text);
                if (first != null) {
                    return first.sheet() != sheet || first.row() != r;
                }
            }
        }
        return false;
    }

    private boolean isHeaderLike(List<Str> row, String kind) {
        if (row == null) {
            return false;
        }
        String probe = "C".equals(kind) ? "C.1" : "D.school.1";
        int subs = 0;
        for (Str s : row) {
            if (s.text.equalsIgnoreCase(BlankFormXlsx.KEY_HEADER) || catalogue.field(probe + "." + s.text) != null) {
                subs++;
            }
        }
        return subs >= 2;
    }

    private static boolean filled(Row row, Integer col) {
        if (col == null) {
            return false;
        }
        Cell c = row.getCell(col);
        if (c == null) {
            return false;
        }
        return switch (c.getCellType()) {
            case BLANK, _NONE -> false;
            case STRING -> !c.getStringCellValue().isBlank();
            default -> true;
        };
    }
}
