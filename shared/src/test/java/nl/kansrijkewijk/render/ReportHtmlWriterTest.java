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
        assertTrue(html.contains("€ 50.000"), "refused amount");
        assertTrue(html.contains("€ 14.327.051,75"), "payable");
        // afwijzingen first
        assertTrue(html.indexOf("BTW-COMPENSABEL") < html.indexOf("TERMIJN-JAAR</td>"));
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
