package nl.kansrijkewijk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class ReportHtmlWriterTest {
    private static final ReportHtmlWriter WRITER = new ReportHtmlWriter();

    @Test
    void accessibleSelfContainedPageWithTheFindings() throws Exception {
        Scenarios.Case c = Scenarios.amsterdam();
        byte[] bytes = WRITER.write(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
        Files.createDirectories(Path.of("target", "rendered"));
        Files.write(Path.of("target", "rendered", "amsterdam.html"), bytes);
        String html = new String(bytes, StandardCharsets.UTF_8);
        Document dom = parse(html);
        assertEquals("nl", dom.getDocumentElement().getAttribute("lang"));
        assertTrue(dom.getElementsByTagName("title").item(0).getTextContent().contains(c.besluit().kenmerk()));
        assertEquals(0, dom.getElementsByTagName("script").getLength());
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src="),
                "no external resources");
        assertTrue(dom.getElementsByTagName("caption").getLength() >= 3, "captioned tables");
        assertTrue(html.contains("<th scope=\"col\">Ernst</th>"), "column headers");
        // the trail is folded, words break only between words, and the vindplaats links to the page of the upload
        long withTrail = c.findings().stream().filter(f -> f.trail() != null && (!f.trail().inputs().isEmpty()
                || !f.trail().computation().isEmpty() || f.trail().outcome() != null)).count();
        assertTrue(withTrail > 0);
        assertEquals(withTrail, dom.getElementsByTagName("details").getLength(), "each trail folded in details");
        assertFalse(html.contains("overflow-wrap:anywhere") || html.contains("word-break:break-all"), "no mid-word breaks");
        assertTrue(html.contains("href=\"aanvraag-amsterdam.pdf#page="), "vindplaats links to the page");
        // no column that is empty for every row: each header has at least one non-empty cell below it
        var table = (org.w3c.dom.Element) dom.getElementsByTagName("table").item(1);
        var heads = table.getElementsByTagName("thead").item(0).getChildNodes().item(0).getChildNodes();
        var bodyRows = ((org.w3c.dom.Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        for (int col = 0; col < heads.getLength(); col++) {
            boolean filled = false;
            for (int r = 0; r < bodyRows.getLength(); r++) {
                var cells = bodyRows.item(r).getChildNodes();
                filled |= !cells.item(col).getTextContent().isBlank();
            }
            assertTrue(filled, "column " + heads.item(col).getTextContent() + " is not empty");
        }
        assertTrue(html.contains("€ 50.000"), "refused amount");
        assertTrue(html.contains("€ 14.327.051,75"), "payable");
        // afwijzingen first
        assertTrue(html.indexOf("BTW-COMPENSABEL</span>") < html.indexOf("TERMIJN-JAAR</span>"));
    }

    @Test
    void hostileTextIsEscapedAndOutputIsDeterministic() throws Exception {
        Scenarios.Case c = Scenarios.hostileUnknownGemeente();
        byte[] bytes = WRITER.write(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
        assertArrayEquals(bytes, WRITER.write(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING));
        String html = new String(bytes, StandardCharsets.UTF_8);
        Document dom = parse(html);
        assertEquals(0, dom.getElementsByTagName("script").getLength());
        assertTrue(html.contains("@SUM(A1:A9) &lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(dom.getDocumentElement().getTextContent().contains(Scenarios.EVIL_GEMEENTE));
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }
}
