package nl.kansrijkewijk.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain text table with aligned columns; numbers right-aligned. */
final class SummaryTable {
    private final List<String> headers;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    SummaryTable(List<String> headers, boolean... numeric) {
        this.headers = headers;
        this.numeric = numeric;
    }

    void add(List<String> row) {
        rows.add(row);
    }

    void print(PrintStream out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(headers, widths));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            b.append(i == 0 ? "" : "  ");
            boolean right = i < numeric.length && numeric[i];
            b.append(right ? pad + cell : i == cells.size() - 1 ? cell : cell + pad);
        }
        return b.toString();
    }
}
