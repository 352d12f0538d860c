package nl.kansrijkewijk.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.xlsx.ZipBytes;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An editable copy (DOCX) of a beschikking for the ministry's document system, made from the same XHTML as the
 * PDF so the two cannot say different things: headings, paragraphs, lists and tables, in plain Word styles.
 * Same input, same bytes: fixed document dates (the date of the letter) and fixed zip entry times.
 */
public final class BeschikkingDocx {
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private BeschikkingDocx() {}

    public static byte[] write(String xhtml, LocalDate date) {
        Document html = BeschikkingVariants.parse(xhtml);
        try (XWPFDocument doc = new XWPFDocument()) {
            String title = "";
            var titles = html.getElementsByTagNameNS(BeschikkingVariants.XHTML_NS, "title");
            if (titles.getLength() > 0) {
                title = titles.item(0).getTextContent().strip();
            }
            block(doc, BeschikkingVariants.body(html));
            POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
            Date at = Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC));
            core.setCreated(Optional.of(at));
            core.setModified(Optional.of(at));
            core.setTitle(title);
            core.setCreator("Kansrijke Wijk documentservice");
            return ZipBytes.writeDocument(doc, date.atStartOfDay());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the DOCX copy failed", e);
        }
    }

    private static void block(XWPFDocument doc, Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String cls = e.getAttribute("class");
            if (cls.contains("running-") || cls.contains("watermark")) {
                continue; // page furniture of the PDF
            }
            switch (e.getLocalName()) {
                case "h1" -> paragraph(doc, text(e), 16, true);
                case "h2" -> paragraph(doc, text(e), 13, true);
                case "h3", "h4" -> paragraph(doc, text(e), 11, true);
                case "p" -> paragraph(doc, text(e), 10, cls.contains("concept-status"));
                case "ul", "ol" -> {
                    int i = 1;
                    for (Element li : children(e, "li")) {
                        paragraph(doc, (e.getLocalName().equals("ol") ? (i++) + ". " : "• ") + text(li), 10, false);
                    }
                }
                case "table" -> table(doc, e);
                default -> block(doc, e);
            }
        }
    }

    private static void table(XWPFDocument doc, Element table) {
        List<List<String>> rows = new ArrayList<>();
        collectRows(table, rows);
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        if (rows.isEmpty() || cols == 0) {
            return;
        }
        XWPFTable t = doc.createTable(rows.size(), cols);
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = t.getRow(r);
            List<String> cells = rows.get(r);
            for (int c = 0; c < cols; c++) {
                row.getCell(c).setText(c < cells.size() ? cells.get(c) : "");
            }
        }
        doc.createParagraph();
    }

    private static void collectRows(Element e, List<List<String>> rows) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                if (c.getLocalName().equals("tr")) {
                    List<String> cells = new ArrayList<>();
                    for (Node d = c.getFirstChild(); d != null; d = d.getNextSibling()) {
                        if (d instanceof Element cell && (cell.getLocalName().equals("td") || cell.getLocalName().equals("th"))) {
                            cells.add(text(cell));
                        }
                    }
                    rows.add(cells);
                } else if (!c.getLocalName().equals("caption")) {
                    collectRows(c, rows);
                }
            }
        }
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getLocalName().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    private static void paragraph(XWPFDocument doc, String text, int size, boolean bold) {
        if (text.isEmpty()) {
            return;
        }
        XWPFParagraph p = doc.createParagraph();
        XWPFRun run = p.createRun();
        run.setFontFamily("DejaVu Sans");
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }

    private static String text(Element e) {
        return e.getTextContent().replaceAll("\\s+", " ").strip();
    }
}
