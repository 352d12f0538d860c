package nl.kansrijkewijk.xlsx;

import nl.kansrijkewijk.limits.Deadline;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.EvaluationSheet;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.udf.UDFFinder;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.BaseXSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * POI's formula evaluator with a budget. POI visits every cell of a referenced area, empty or not, and never checks
 * the time: one {@code =SUM(A:XFD)} in an upload is 17 billion cell visits, and no deadline between cells could
 * stop it. Here every cell the evaluator looks up is counted (sheets are wrapped where POI asks the workbook for
 * them); past {@code maxCellVisits}, or past the deadline (checked every 4 096 visits), evaluation stops with
 * {@link TooComplex} or {@link Deadline.Exceeded}, which the readers turn into a Dutch refusal. Unsupported
 * functions and broken formulas still fail as POI's own runtime exceptions, answered from the cached result.
 */
public final class BoundedFormulaEvaluator extends BaseXSSFFormulaEvaluator {

    /** More cell visits than any form needs; the readers refuse the upload as too complex. */
    public static final class TooComplex extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooComplex(long visits) {
            super("formula evaluation visited more than " + visits + " cells", null, false, false);
        }
    }

    private final XSSFWorkbook workbook;
    private final XSSFEvaluationWorkbook book;

    private BoundedFormulaEvaluator(XSSFWorkbook workbook, XSSFEvaluationWorkbook book, WorkbookEvaluator evaluator) {
        super(evaluator);
        this.workbook = workbook;
        this.book = book;
    }

    /**
     * @param maxCellVisits cell look-ups by all formulas of this workbook together (cached results included)
     */
    public static BoundedFormulaEvaluator of(XSSFWorkbook wb, Deadline deadline, long maxCellVisits) {
        Budget budget = new Budget(deadline, maxCellVisits);
        XSSFEvaluationWorkbook book = XSSFEvaluationWorkbook.create(wb);
        return new BoundedFormulaEvaluator(wb, book,
                new WorkbookEvaluator(new CountingWorkbook(book, budget), null, null));
    }

    @Override
    protected EvaluationCell toEvaluationCell(Cell cell) {
        // POI's own evaluation cell (its class is not public), through the uncounted sheet
        EvaluationCell c = book.getSheet(workbook.getSheetIndex(cell.getSheet()))
                .getCell(cell.getRowIndex(), cell.getColumnIndex());
        if (c == null) {
            throw new IllegalArgumentException("cell " + cell.getAddress() + " is not in its sheet");
        }
        return c;
    }

    @Override
    public void notifySetFormula(Cell cell) {
        _bookEvaluator.notifyUpdateCell(toEvaluationCell(cell));
    }

    @Override
    public void notifyDeleteCell(Cell cell) {
        _bookEvaluator.notifyDeleteCell(toEvaluationCell(cell));
    }

    @Override
    public void notifyUpdateCell(Cell cell) {
        _bookEvaluator.notifyUpdateCell(toEvaluationCell(cell));
    }

    @Override
    public void evaluateAll() {
        throw new UnsupportedOperationException("the readers evaluate cell by cell");
    }

    @Override
    public Cell evaluateInCell(Cell cell) {
        throw new UnsupportedOperationException("the readers never change an upload's cells");
    }

    private static final class Budget {
        private final Deadline deadline;
        private final long max;
        private long visits;

        Budget(Deadline deadline, long max) {
            this.deadline = deadline;
            this.max = max;
        }

        void visit() {
            if (++visits > max) {
                throw new TooComplex(max);
            }
            if ((visits & 4095) == 0) {
                deadline.check();
            }
        }
    }

    private record CountingSheet(EvaluationSheet sheet, Budget budget) implements EvaluationSheet {
        @Override
        public EvaluationCell getCell(int rowIndex, int columnIndex) {
            budget.visit();
            return sheet.getCell(rowIndex, columnIndex);
        }

        @Override
        public void clearAllCachedResultValues() {
            sheet.clearAllCachedResultValues();
        }

        @Override
        public int getLastRowNum() {
            return sheet.getLastRowNum();
        }

        @Override
        public boolean isRowHidden(int rowIndex) {
            return sheet.isRowHidden(rowIndex);
        }
    }

    /** Hands out counting sheets; everything else is POI's own XSSF evaluation workbook. */
    private record CountingWorkbook(XSSFEvaluationWorkbook book, Budget budget) implements EvaluationWorkbook {
        @Override
        public EvaluationSheet getSheet(int sheetIndex) {
            return new CountingSheet(book.getSheet(sheetIndex), budget);
        }

        @Override
        public int getSheetIndex(EvaluationSheet sheet) {
            return book.getSheetIndex(sheet instanceof CountingSheet c ? c.sheet() : sheet);
        }

        @Override
        public String getSheetName(int sheetIndex) {
            return book.getSheetName(sheetIndex);
        }

        @Override
        public int getSheetIndex(String sheetName) {
            return book.getSheetIndex(sheetName);
        }

        @Override
        public ExternalSheet getExternalSheet(int externSheetIndex) {
            return book.getExternalSheet(externSheetIndex);
        }

        @Override
        public ExternalSheet getExternalSheet(String firstSheetName, String lastSheetName, int externalWorkbookNumber) {
            return book.getExternalSheet(firstSheetName, lastSheetName, externalWorkbookNumber);
        }

        @Override
        public int convertFromExternSheetIndex(int externSheetIndex) {
            return book.convertFromExternSheetIndex(externSheetIndex);
        }

        @Override
        public ExternalName getExternalName(int externSheetIndex, int externNameIndex) {
            return book.getExternalName(externSheetIndex, externNameIndex);
        }

        @Override
        public ExternalName getExternalName(String nameName, String sheetName, int externalWorkbookNumber) {
            return book.getExternalName(nameName, sheetName, externalWorkbookNumber);
        }

        @Override
        public EvaluationName getName(NamePtg namePtg) {
            return book.getName(namePtg);
        }

        @Override
        public EvaluationName getName(String name, int sheetIndex) {
            return book.getName(name, sheetIndex);
        }

        @Override
        public String resolveNameXText(NameXPtg ptg) {
            return book.resolveNameXText(ptg);
        }

        @Override
        public Ptg[] getFormulaTokens(EvaluationCell cell) {
            budget.visit(); // parsing a formula is work too: a sheet of 10 000 formulas each referring to the next
            return book.getFormulaTokens(cell);
        }

        @Override
        public UDFFinder getUDFFinder() {
            return book.getUDFFinder();
        }

        @Override
        public SpreadsheetVersion getSpreadsheetVersion() {
            return book.getSpreadsheetVersion();
        }

        @Override
        public void clearAllCachedResultValues() {
            book.clearAllCachedResultValues();
        }
    }
}
