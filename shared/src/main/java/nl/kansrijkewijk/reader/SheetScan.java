package nl.kansrijkewijk.reader;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import nl.kansrijkewijk.form.XlsxKeyIndex;
import nl.kansrijkewijk.limits.Deadline;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A streamed first pass over every sheet of a workbook (POI's SAX event API, constant memory per sheet): counts
 * cells and finds which sheets hold form keys. Only those (and small sheets a formula may refer to) are then
 * loaded into POI's in-memory model, whose memory grows ~20× the sheet's XML: a 99 MB hidden data sheet is
 * streamed past, not loaded.
 */
final class SheetScan {
    /** Sheets without form keys up to this many cells stay loaded, so formulas that refer to them still compute. */
    static final long SMALL_SHEET_CELLS = 10_000;
    private static final Pattern VERSION = Pattern.compile("\\bKW-\\d{4}-\\d+\\b");

    record Sheet(String name, PackagePartName part, boolean keyed, long cells) {}

    final List<Sheet> sheets = new ArrayList<>();
    final Set<String> versions = new LinkedHashSet<>();
    boolean titleSeen;
    private final Predicate<String> isKey;

    private SheetScan(Predicate<String> isKey) {
        this.isKey = isKey;
    }

    static SheetScan of(OPCPackage pkg, Deadline deadline)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        return of(pkg, deadline, XlsxKeyIndex::isFormKey);
    }

    /** @param isKey whether a cell's text marks its sheet as one to read (a form key, a SiSa header) */
    static SheetScan of(OPCPackage pkg, Deadline deadline, Predicate<String> isKey)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        SheetScan scan = new SheetScan(isKey);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        XSSFReader reader = new XSSFReader(pkg);
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (it.hasNext()) {
            deadline.check();
            try (InputStream in = it.next()) {
                Handler h = scan.new Handler(strings, deadline);
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(h);
                xml.parse(new InputSource(in));
                scan.sheets.add(new Sheet(it.getSheetName(), it.getSheetPart().getPartName(), h.keyed, h.cells));
            }
        }
        return scan;
    }

    private void marker(String text) {
        if (XlsxKeyIndex.isMarker(text)) {
            Matcher m = VERSION.matcher(text);
            while (m.find()) {
                versions.add(m.group());
            }
            if (text.toLowerCase(java.util.Locale.ROOT).contains("regeling kansrijke wijk")) {
                titleSeen = true;
            }
        }
    }

    private final class Handler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final Deadline deadline;
        private final StringBuilder text = new StringBuilder();
        private String type;
        private boolean collecting;
        boolean keyed;
        long cells;

        Handler(ReadOnlySharedStringsTable strings, Deadline deadline) {
            this.strings = strings;
            this.deadline = deadline;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "c" -> {
                    if (++cells % 10_000 == 0) {
                        deadline.check();
                    }
                    type = atts.getValue("t");
                    text.setLength(0);
                }
                case "v", "t" -> collecting = type != null;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting && text.length() < 4096) {
                text.append(ch, start, Math.min(length, 4096 - text.length()));
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if ("v".equals(local) || "t".equals(local)) {
                collecting = false;
            } else if ("c".equals(local) && type != null) {
                String value = switch (type) {
                    case "s" -> shared(text.toString());
                    case "inlineStr", "str" -> text.toString();
                    default -> null;
                };
                if (value != null) {
                    keyed |= isKey.test(value);
                    marker(value);
                }
                type = null;
            }
        }

        private String shared(String index) {
            try {
                return strings.getItemAt(Integer.parseInt(index.strip())).getString();
            } catch (RuntimeException e) {
                return null; // a broken reference: POI's own model will judge the cell
            }
        }
    }
}
