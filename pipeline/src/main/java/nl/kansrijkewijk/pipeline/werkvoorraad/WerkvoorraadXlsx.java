package nl.kansrijkewijk.pipeline.werkvoorraad;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.pipeline.status.DocumentStatus;
import nl.kansrijkewijk.xlsx.ZipBytes;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The werkvoorraad as a workbook: "Werkvoorraad" (one row per aanvraag, as the HTML page), "Onderdelen" (one row
 * per aanvraag and onderdeel) and "Bevindingen" (every finding of every aanvraag, with gemeente and kenmerk
 * columns to filter across the stack). Same input, same bytes (xlsx.ZipBytes, dated by the latest receipt).
 */
public final class WerkvoorraadXlsx {
    private WerkvoorraadXlsx() {}

    public static byte[] write(Werkvoorraad w, Links links) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Sheet main = sheet(wb, st, "Werkvoorraad", List.of("Gemeente", "CBS-code", "Kenmerk", "Ontvangen documenten",
                    "Eerste ontvangst", "Status", "Uitkomst", "Uiterste beslisdatum", "Aangevraagd", "Maximum",
                    "Te verlenen", "Afwijzingen", "Open waarschuwingen", "Conceptbeschikking", "Werkdocument", "Dossier"));
            Sheet parts = sheet(wb, st, "Onderdelen", List.of("Gemeente", "Kenmerk", "Onderdeel", "Naam", "Focusgebied",
                    "Aangevraagd", "Maximum", "Te verlenen", "Afgewezen"));
            Sheet findings = sheet(wb, st, "Bevindingen", List.of("Gemeente", "CBS-code", "Kenmerk", "Document",
                    "Ernst", "Regel", "Artikel", "Onderdeel", "Bevinding"));
            int m = 1;
            int p = 1;
            int f = 1;
            for (Werkvoorraad.Row r : w.rows()) {
                DocumentStatus lead = r.lead();
                Row row = main.createRow(m++);
                text(row, 0, r.gemeenteName());
                text(row, 1, r.gemeenteCode());
                text(row, 2, r.kenmerk());
                text(row, 3, String.join("\n", r.documents().stream()
                        .map(d -> d.documentName() + " (" + WerkvoorraadFormat.received(d.receivedAt()) + ")").toList()));
                text(row, 4, WerkvoorraadFormat.received(r.documents().get(0).receivedAt()));
                text(row, 5, r.status().label());
                text(row, 6, lead.outcome());
                if (r.decisionDeadline() != null) {
                    Cell c = row.createCell(7);
                    c.setCellValue(r.decisionDeadline());
                    c.setCellStyle(st.date);
                }
                if (!lead.onderdelen().isEmpty()) {
                    money(row, 8, r.total(DocumentStatus.Onderdeel::requested), st);
                    money(row, 9, r.total(DocumentStatus.Onderdeel::maximum), st);
                    money(row, 10, r.total(DocumentStatus.Onderdeel::granted), st);
                }
                row.createCell(11).setCellValue(lead.afwijzingen());
                row.createCell(12).setCellValue(r.openWaarschuwingen());
                link(wb, st, row, 13, lead, "concept-verleningsbeschikking.pdf", "conceptbeschikking", links);
                link(wb, st, row, 14, lead, "bevindingen.xlsx", "werkdocument", links);
                Cell dossier = row.createCell(15);
                dossier.setCellValue("dossier " + r.gemeenteName());
                Hyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.URL);
                h.setAddress(links.dossier(r.gemeenteCode()));
                dossier.setHyperlink(h);
                dossier.setCellStyle(st.link);

                for (DocumentStatus.Onderdeel o : lead.onderdelen()) {
                    Row pr = parts.createRow(p++);
                    text(pr, 0, r.gemeenteName());
                    text(pr, 1, r.kenmerk());
                    text(pr, 2, o.onderdeel());
                    text(pr, 3, o.name());
                    text(pr, 4, o.focusgebied());
                    money(pr, 5, o.requested(), st);
                    money(pr, 6, o.maximum(), st);
                    money(pr, 7, o.granted(), st);
                    money(pr, 8, o.refused(), st);
                }
                for (DocumentStatus.Finding x : lead.findings()) {
                    Row fr = findings.createRow(f++);
                    text(fr, 0, r.gemeenteName());
                    text(fr, 1, r.gemeenteCode());
                    text(fr, 2, r.kenmerk());
                    text(fr, 3, lead.documentName());
                    text(fr, 4, x.severity());
                    text(fr, 5, x.rule());
                    text(fr, 6, x.article());
                    text(fr, 7, x.onderdeel());
                    text(fr, 8, x.message());
                }
            }
            // POI stamps "created" with the clock; the werkvoorraad is dated by its latest receipt instead.
            POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
            Date asOf = Date.from(w.asOf());
            core.setCreated(Optional.of(asOf));
            core.setModified(Optional.of(asOf));
            core.setCreator("Kansrijke Wijk documentservice");
            core.setTitle("Werkvoorraad Regeling kansrijke wijk");
            finish(main, m, new int[] {14, 9, 24, 48, 17, 12, 22, 14, 15, 15, 15, 11, 11, 22, 16, 22});
            finish(parts, p, new int[] {16, 24, 10, 40, 20, 15, 15, 15, 15});
            finish(findings, f, new int[] {16, 9, 24, 36, 13, 28, 30, 10, 100});
            return ZipBytes.write(wb, LocalDateTime.ofInstant(w.asOf(), DutchDates.AMSTERDAM).withNano(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Styles(CellStyle header, CellStyle money, CellStyle date, CellStyle link, CellStyle wrap) {
        Styles(XSSFWorkbook wb) {
            this(wb.createCellStyle(), wb.createCellStyle(), wb.createCellStyle(), wb.createCellStyle(), wb.createCellStyle());
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            money.setDataFormat(wb.createDataFormat().getFormat("€ #,##0.00"));
            date.setDataFormat(wb.createDataFormat().getFormat("d-m-yyyy"));
            Font underline = wb.createFont();
            underline.setUnderline(Font.U_SINGLE);
            underline.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
            link.setFont(underline);
            wrap.setWrapText(true);
        }
    }

    private static Sheet sheet(XSSFWorkbook wb, Styles st, String name, List<String> headers) {
        Sheet s = wb.createSheet(name);
        Row h = s.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(st.header);
        }
        s.createFreezePane(0, 1);
        return s;
    }

    private static void finish(Sheet s, int rows, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.setAutoFilter(new CellRangeAddress(0, Math.max(rows - 1, 0), 0, widths.length - 1));
    }

    /** Always a text cell: a value starting with "=" stays text, never a formula. */
    private static void text(Row row, int col, String value) {
        if (value != null) {
            row.createCell(col).setCellValue(value);
        }
    }

    private static void money(Row row, int col, BigDecimal amount, Styles st) {
        if (amount != null) {
            Cell c = row.createCell(col);
            c.setCellValue(amount.doubleValue());
            c.setCellStyle(st.money);
        }
    }

    private static void link(XSSFWorkbook wb, Styles st, Row row, int col, DocumentStatus lead, String output, String label,
            Links links) {
        for (DocumentStatus.Output o : lead.outputs()) {
            if (o.name().equals(output)) {
                Cell c = row.createCell(col);
                c.setCellValue(label);
                Hyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.URL);
                h.setAddress(links.output(o.key()));
                c.setHyperlink(h);
                c.setCellStyle(st.link);
            }
        }
    }
}
