package nl.kansrijkewijk.render;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Trail;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.verantwoording.Vaststelling;
import nl.kansrijkewijk.xlsx.ZipBytes;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * vaststelling-werkpapier.xlsx: the reviewer's workpaper behind the concept-vaststellingsbeschikking — per onderdeel
 * the five amounts and their arithmetic, the verantwoordingen that counted, and every finding with its trail. Text
 * from uploads goes through {@link SpreadsheetText#safe(String)} (no formula injection).
 */
public final class VaststellingWerkpapier {
    public static final String FILE_NAME = "vaststelling-werkpapier.xlsx";

    public byte[] write(Vaststelling v, List<Finding> findings) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));

            XSSFSheet s = wb.createSheet("Vaststelling");
            int r = 0;
            text(s.createRow(r++), 0, "Vaststelling " + v.kenmerk() + " — gemeente " + v.gemeente()
                    + (v.ambtshalve() ? " (ambtshalve, artikel 15, derde lid)" : ""), bold);
            text(s.createRow(r++), 0, "Einde bestedingstermijn: " + DutchDates.format(v.eindeBestedingstermijn())
                    + "; verantwoording laatste jaar ontvangen: " + DutchDates.format(v.ontvangenLaatsteJaar())
                    + "; vaststelling uiterlijk: " + DutchDates.format(v.vaststellingUiterlijk())
                    + "; mededeling terugvordering uiterlijk: " + DutchDates.format(v.mededelingTerugvorderingUiterlijk()),
                    null);
            r++;
            Row h = s.createRow(r++);
            String[] head = {"Onderdeel", "Focusgebied", "Verleend", "Uitbetaald", "Besteed", "Telt niet",
                    "Vastgesteld", "Terug te vorderen", "Na te betalen", "Berekening"};
            for (int c = 0; c < head.length; c++) {
                text(h, c, head[c], bold);
            }
            for (Vaststelling.Regel g : v.regels()) {
                Row row = s.createRow(r++);
                text(row, 0, g.onderdeel() + " " + g.naam(), null);
                text(row, 1, g.focusgebied() == null ? "" : g.focusgebied(), null);
                BigDecimal[] amounts = {g.verleend(), g.uitbetaald(), g.besteed(), g.nietAanvaard(), g.vastgesteld(),
                        g.terugTeVorderen(), g.nabetaling()};
                for (int i = 0; i < amounts.length; i++) {
                    row.createCell(2 + i).setCellValue(amounts[i].doubleValue());
                    row.getCell(2 + i).setCellStyle(money);
                }
                StringBuilder b = new StringBuilder();
                g.trails().forEach((k, t) -> b.append(k).append(": ").append(describe(t)).append('\n'));
                text(row, 9, b.toString().strip(), null);
            }
            Row total = s.createRow(r++);
            text(total, 0, "Totaal", bold);
            BigDecimal[] totals = {v.totaalVerleend(), v.totaalUitbetaald(), v.totaalBesteed(), v.totaalNietAanvaard(),
                    v.totaalVastgesteld(), v.totaalTerugTeVorderen(), v.totaalNabetaling()};
            for (int i = 0; i < totals.length; i++) {
                total.createCell(2 + i).setCellValue(totals[i].doubleValue());
                total.getCell(2 + i).setCellStyle(money);
            }
            r++;
            text(s.createRow(r++), 0, "Verantwoordingen", bold);
            for (Vaststelling.Jaar j : v.jaren()) {
                Row row = s.createRow(r++);
                text(row, 0, Integer.toString(j.verslagjaar()), null);
                text(row, 1, j.document() == null ? "" : j.document(), null);
                text(row, 2, DutchDates.format(j.ontvangen()), null);
                text(row, 3, (j.correctie() ? "correctie; " : "") + (j.meegeteld() ? "telt mee" : "telt niet mee")
                        + (j.tijdig() ? "" : " (niet binnen achttien maanden)"), null);
                text(row, 4, j.sha256() == null ? "" : "SHA-256 " + j.sha256(), null);
            }
            int[] widths = {34, 14, 14, 14, 14, 12, 14, 16, 14, 90};
            for (int c = 0; c < widths.length; c++) {
                s.setColumnWidth(c, widths[c] * 256);
            }

            XSSFSheet fs = wb.createSheet("Bevindingen");
            Row fh = fs.createRow(0);
            String[] fhead = {"Ernst", "Regel", "Artikel", "Onderdeel", "Focusgebied", "Bedrag", "Bevinding", "Plaats",
                    "Invoer en berekening"};
            for (int c = 0; c < fhead.length; c++) {
                text(fh, c, fhead[c], bold);
            }
            int fr = 1;
            for (Finding x : findings) {
                Row row = fs.createRow(fr++);
                text(row, 0, x.severity().label(), null);
                text(row, 1, x.rule(), null);
                text(row, 2, x.article(), null);
                text(row, 3, x.onderdeel(), null);
                text(row, 4, x.focusgebied(), null);
                if (x.refusedAmount() != null) {
                    row.createCell(5).setCellValue(x.refusedAmount().doubleValue());
                    row.getCell(5).setCellStyle(money);
                }
                text(row, 6, x.message(), null);
                text(row, 7, x.location() == null ? "" : x.location().describe(), null);
                text(row, 8, x.trail() == null ? "" : describe(x.trail()), null);
            }
            int[] fw = {13, 30, 28, 10, 14, 14, 90, 30, 90};
            for (int c = 0; c < fw.length; c++) {
                fs.setColumnWidth(c, fw[c] * 256);
            }
            var core = wb.getProperties().getCoreProperties();
            java.time.LocalDate day = v.ontvangenLaatsteJaar() != null ? v.ontvangenLaatsteJaar()
                    : v.eindeBestedingstermijn();
            Date fixed = Date.from(day.atStartOfDay(DutchDates.AMSTERDAM).toInstant());
            core.setCreated(Optional.of(fixed));
            core.setModified(Optional.of(fixed));
            core.setCreator("Regeling kansrijke wijk — documentservice");
            return ZipBytes.write(wb, LocalDateTime.of(day, java.time.LocalTime.MIDNIGHT));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String describe(Trail t) {
        StringBuilder b = new StringBuilder();
        t.inputs().forEach((k, v) -> b.append(k).append(" = ").append(v).append("; "));
        t.computation().forEach(c -> b.append(c).append("; "));
        b.append("→ ").append(t.outcome());
        return b.toString();
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        var cell = row.createCell(col);
        cell.setCellValue(SpreadsheetText.safe(value == null ? "" : value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
