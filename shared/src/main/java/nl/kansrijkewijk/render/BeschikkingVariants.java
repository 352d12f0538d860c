package nl.kansrijkewijk.render;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.config.AfzenderLoader;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.regeling.Regeling;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The letter after a reviewer has acted, made from the concept's XHTML rather than by a second letter generator:
 * the reviewer's free additions to the motivering as a section of their own, and the definitive letter — the
 * concept without its CONCEPT marks (every element of class {@code watermark} or {@code concept-status}, the
 * "CONCEPT" in the title, the page box's running head), dated on the vaststelling and signed with the vaststeller's
 * name.
 *
 * <p>Contract with {@link BeschikkingHtml}: CONCEPT marks carry those classes, the date is the row headed
 * "Datum" of the first table, the section headings are {@code <h2>} numbered "n. …" with "Bezwaar" among them,
 * and the signature is {@code div.signature} with a {@code p.sign-space} followed by the signatory's name and
 * function; the reviewer's working notes are {@code div.invullen-blok}. {@code BeschikkingVariantsTest} fails
 * when the concept stops keeping it.
 */
public final class BeschikkingVariants {
    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)\\. (.*)$", Pattern.DOTALL);
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    private BeschikkingVariants() {}

    /** Who fixed the verlening, and when; the signature names the vaststeller. */
    public record Vaststelling(LocalDate datum, String vaststeller, String rol) {}

    public static String xhtml(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling,
                               List<String> motivering, Vaststelling vaststelling) {
        String concept = BeschikkingHtml.build(besluit, aanvraag, findings, regeling, AfzenderLoader.standard());
        if ((motivering == null || motivering.isEmpty()) && vaststelling == null) {
            return concept;
        }
        Document doc = parse(concept);
        if (motivering != null && !motivering.isEmpty()) {
            addMotivering(doc, motivering);
        }
        if (vaststelling != null) {
            definitive(doc, vaststelling);
        }
        return serialise(doc);
    }

    /**
     * The same revision of any concept letter that keeps the contract above (the vaststellingsbeschikking does): the
     * reviewer's motivering as its own section, and when {@code vaststelling} is given the definitive letter.
     */
    public static String revise(String conceptXhtml, List<String> motivering, Vaststelling vaststelling) {
        if ((motivering == null || motivering.isEmpty()) && vaststelling == null) {
            return conceptXhtml;
        }
        Document doc = parse(conceptXhtml);
        if (motivering != null && !motivering.isEmpty()) {
            addMotivering(doc, motivering);
        }
        if (vaststelling != null) {
            definitive(doc, vaststelling);
        }
        return serialise(doc);
    }

    /** The PDF of such an XHTML, dated on {@code date} (PDF/A-2a, PDF/UA-1 as the concept). */
    public static byte[] pdf(String xhtml, LocalDate date) {
        return AccessiblePdf.render(xhtml, date);
    }

    private static void addMotivering(Document doc, List<String> paragraphs) {
        List<Element> numbered = new ArrayList<>();
        Element bezwaar = null;
        NodeList h2s = doc.getElementsByTagNameNS(XHTML_NS, "h2");
        for (int i = 0; i < h2s.getLength(); i++) {
            Element h = (Element) h2s.item(i);
            Matcher m = NUMBERED.matcher(h.getTextContent().strip());
            if (m.matches()) {
                numbered.add(h);
                if (bezwaar == null && m.group(2).strip().equals("Bezwaar")) {
                    bezwaar = h;
                }
            }
        }
        Element section = doc.createElementNS(XHTML_NS, "div");
        section.setAttribute("class", "motivering aanvullende-motivering");
        Element h = doc.createElementNS(XHTML_NS, "h2");
        section.appendChild(h);
        for (String p : paragraphs) {
            Element para = doc.createElementNS(XHTML_NS, "p");
            para.setTextContent(p.strip());
            section.appendChild(para);
        }
        if (bezwaar == null) {
            h.setTextContent("Aanvullende motivering");
            Element signature = byClass(doc, "signature").stream().findFirst().orElse(null);
            if (signature != null) {
                signature.getParentNode().insertBefore(section, signature);
            } else {
                body(doc).appendChild(section);
            }
            return;
        }
        int from = numbered.indexOf(bezwaar);
        Matcher m = NUMBERED.matcher(bezwaar.getTextContent().strip());
        m.matches();
        h.setTextContent(m.group(1) + ". Aanvullende motivering");
        for (int i = from; i < numbered.size(); i++) {
            Matcher n = NUMBERED.matcher(numbered.get(i).getTextContent().strip());
            n.matches();
            numbered.get(i).setTextContent((Integer.parseInt(n.group(1)) + 1) + ". " + n.group(2));
        }
        bezwaar.getParentNode().insertBefore(section, bezwaar);
    }

    private static void definitive(Document doc, Vaststelling v) {
        // The running head "CONCEPT — niet ondertekend" comes from the style sheet's page box; a later rule wins.
        Element head = (Element) doc.getElementsByTagNameNS(XHTML_NS, "head").item(0);
        Element style = doc.createElementNS(XHTML_NS, "style");
        style.setAttribute("type", "text/css");
        style.setTextContent("@page { @top-left { content: \"\"; } }");
        head.appendChild(style);
        // "reviewer": the vaststellingsbeschikking's box for the reviewer, "verwijderen vóór ondertekening".
        for (String cls : List.of("watermark", "concept-status", "reviewer")) {
            for (Element e : byClass(doc, cls)) {
                e.getParentNode().removeChild(e);
            }
        }
        NodeList titles = doc.getElementsByTagNameNS(XHTML_NS, "title");
        for (int i = 0; i < titles.getLength(); i++) {
            Node t = titles.item(i);
            t.setTextContent(t.getTextContent().replaceFirst("^CONCEPT ", ""));
            String s = t.getTextContent();
            t.setTextContent(s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1));
        }
        NodeList metas = doc.getElementsByTagNameNS(XHTML_NS, "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element m = (Element) metas.item(i);
            if ("description".equals(m.getAttribute("name"))) {
                m.setAttribute("content", m.getAttribute("content").replaceFirst("^Concept van de beschikking", "Beschikking"));
            }
        }
        NodeList ths = doc.getElementsByTagNameNS(XHTML_NS, "th");
        for (int i = 0; i < ths.getLength(); i++) {
            Element th = (Element) ths.item(i);
            if (th.getTextContent().strip().equals("Datum")) {
                Node td = th.getNextSibling();
                while (td != null && !(td instanceof Element)) {
                    td = td.getNextSibling();
                }
                if (td != null) {
                    td.setTextContent(DutchDates.format(v.datum()));
                }
                break;
            }
        }
        // The minister stays the one who decides ("De Minister …, namens deze,"); the vaststeller signs under the
        // signature space, in place of the configured signatory's name and function.
        for (Element sig : byClass(doc, "signature")) {
            List<Element> space = byClass(sig, "sign-space");
            Element name = space.isEmpty() ? null : nextElement(space.get(0));
            if (name == null) {
                continue;
            }
            name.setTextContent(v.vaststeller() + (v.rol() == null || v.rol().isBlank() ? "" : ", " + v.rol()));
            Element function = nextElement(name);
            if (function != null) {
                function.getParentNode().removeChild(function);
            }
        }
        // The reviewer's marked box (art. 12 judgement, open waarschuwingen) is a working note: the judgements are in
        // the dossier and their motivering in the letter; a signed letter does not carry the note.
        for (Element box : byClass(doc, "invullen-blok")) {
            box.getParentNode().removeChild(box);
        }
    }

    private static Element nextElement(Node n) {
        for (Node s = n.getNextSibling(); s != null; s = s.getNextSibling()) {
            if (s instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    static Element body(Document doc) {
        return (Element) doc.getElementsByTagNameNS(XHTML_NS, "body").item(0);
    }

    static List<Element> byClass(Node root, String cls) {
        List<Element> out = new ArrayList<>();
        collect(root, cls, out);
        return out;
    }

    private static void collect(Node n, String cls, List<Element> out) {
        if (n instanceof Element e && List.of(e.getAttribute("class").split("\\s+")).contains(cls)) {
            out.add(e);
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            collect(c, cls, out);
        }
    }

    static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("the concept letter is not well-formed XHTML", e);
        }
    }

    private static String serialise(Document doc) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.METHOD, "xml");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc.getDocumentElement()), new StreamResult(w));
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n" + w;
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise the letter", e);
        }
    }
}
