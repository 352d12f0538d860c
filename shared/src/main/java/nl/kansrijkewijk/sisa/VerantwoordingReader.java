package nl.kansrijkewijk.sisa;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.RuleDefinition;
import nl.kansrijkewijk.finding.Trail;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.reader.BoundedWorkbook;
import nl.kansrijkewijk.reader.UnreadableDocumentException;
import nl.kansrijkewijk.reader.ValueParsers;
import nl.kansrijkewijk.reader.ZipDirectory;
import nl.kansrijkewijk.regeling.Names;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.xlsx.BoundedFormulaEvaluator;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a SiSa bijlage of the regeling from a workbook as people deliver it: found by content (the row with the five
 * fixed columns), not by position, so inserted, extra and hidden rows, amounts typed as Dutch text, formulas (their
 * value, else the cached result), both code styles ("E99 / 01", "E99/01") and indicators wrapped into several blocks
 * all read the same. A sheet of another format version, another regeling or another gemeente is "niet plausibel"
 * ({@link NietPlausibelException}, a Dutch message saying what to fix); so is anything that is not such a workbook.
 * Bounded: at most {@link #MAX_BYTES} bytes, {@link #MAX_ROWS} rows and {@link #MAX_COLUMNS} columns per sheet are
 * looked at. No other exception leaves {@link #read}.
 */
public final class VerantwoordingReader {
    private static final Logger LOG = LoggerFactory.getLogger(VerantwoordingReader.class);
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 2_000;
    static final int MAX_COLUMNS = 100;
    static final int MAX_SHEETS = 50;
    public static final String LEES_RULE = "VJ-LEES-WAARDE";

    private static final String NIET_PLAUSIBEL = "Niet plausibel: ";
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final int PROBE_BYTES = 4 * 1024 * 1024;
    private static final String VERSTREKKER = Names.normalise(VerantwoordingWorkbook.FIXED_COLUMNS.get(0));
    private static final String OPNIEUW = " Pas het blad aan en lever het opnieuw aan.";
    private static final String DAMAGED = "Het bestand is beschadigd of onvolledig en kan niet worden gelezen. Sla de "
            + "SiSa-bijlage opnieuw op als Excel-werkmap (xlsx) en lever haar opnieuw aan.";
    /** "E99/01", "E99 / 01", "D1 / 01", "A16/01", "E27B / 03". */
    static final Pattern CODE = Pattern.compile("\\s*([A-Z]{1,3}\\d{1,3}[A-Z]?)\\s*/\\s*(\\d{1,2})\\s*");
    private static final Pattern VERSION = Pattern.compile("(?i)versie\\s+(.+?)\\s*$");
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("(?i)verslagjaar\\s+(\\d{4})");
    private static final Pattern ONDERDEEL_CODE = Pattern.compile("^\\s*([A-Za-z]{3})(?![A-Za-z])");
    private static final Pattern ARTICLE = Pattern.compile("(?i)art(?:ikel)?\\.?\\s*(\\d{1,2})");

    private final String documentName;
    private final Regeling regeling;
    private final SisaConfig config;
    private final RuleDefinition leesRule = RuleCatalogue.standard().get(LEES_RULE);
    private final List<Finding> findings = new ArrayList<>();
    private final Limits limits;
    private final Deadline deadline;
    private FormulaEvaluator evaluator;

    private VerantwoordingReader(String documentName, Regeling regeling, SisaConfig config, Limits limits,
            Deadline deadline) {
        this.documentName = documentName;
        this.regeling = regeling;
        this.config = config;
        this.limits = limits;
        this.deadline = deadline;
    }

    /**
     * Reads with the standard limits, within the standard processing time.
     *
     * @param expectedCbsCode the gemeente the upload belongs to (upload folder or dossier); null when unknown
     */
    public static Verantwoording read(String documentName, byte[] content, Regeling regeling, SisaConfig config,
            String expectedCbsCode) throws NietPlausibelException {
        Limits limits = Limits.standard();
        return read(documentName, content, regeling, config, expectedCbsCode, limits,
                Deadline.after(limits.maxProcessingTime()));
    }

    /**
     * @param expectedCbsCode the gemeente the upload belongs to (upload folder or dossier); null when unknown
     * @param limits          what is read at most (the zip, parts, cells and formula bounds of the aanvraag reader)
     * @param deadline        by when reading must have given up
     */
    public static Verantwoording read(String documentName, byte[] content, Regeling regeling, SisaConfig config,
            String expectedCbsCode, Limits limits, Deadline deadline) throws NietPlausibelException {
        try {
            return new VerantwoordingReader(documentName, regeling, config, limits, deadline)
                    .readChecked(content, expectedCbsCode);
        } catch (NietPlausibelException e) {
            LOG.info("verantwoording {} niet plausibel: {}", documentName, e.getMessage());
            throw e;
        } catch (Plausibility e) {
            LOG.info("verantwoording {} niet plausibel: {}", documentName, e.getMessage());
            throw new NietPlausibelException(e.userMessage, e.getMessage());
        } catch (Deadline.Exceeded | BoundedFormulaEvaluator.TooComplex e) {
            LOG.warn("verantwoording {} not read within its bounds: {}", documentName, e.getMessage());
            throw new NietPlausibelException("Het bestand is te ingewikkeld om binnen de verwerkingstijd te lezen "
                    + "(bijvoorbeeld formules die naar hele kolommen of werkbladen verwijzen). Lever alleen de "
                    + "SiSa-bijlage van de Regeling kansrijke wijk aan, met de bedragen als waarden, zonder andere "
                    + "bladen.", "bounds: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException | ClassCastException
                | UnsupportedOperationException | POIXMLException | XmlRuntimeException e) {
            // POI signals a broken workbook with runtime exceptions from deep in its model (and XmlBeans)
            LOG.warn("verantwoording {} could not be read", documentName, e);
            throw new NietPlausibelException(DAMAGED, "read: " + e, e);
        }
    }

    /**
     * A cheap probe for the pipeline's document-kind detection: a workbook whose shared strings name the SiSa fixed
     * columns. Looks at entry names and at most 4 MB of one entry; never throws. The zip's central directory is read
     * first (workbooks from streaming writers, with data descriptors, only read that way); a cut-off upload without
     * one is scanned by its local headers, so that it still gets the SiSa reader's answer.
     */
    public static boolean isVerantwoording(byte[] content) {
        if (content == null || content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            return false;
        }
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            ZipArchiveEntry e = zip.getEntry(SHARED_STRINGS);
            if (e == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(e)) {
                return namesFixedColumns(in.readNBytes(PROBE_BYTES));
            }
        } catch (IOException | RuntimeException e) {
            return scanLocalHeaders(content);
        }
    }

    private static boolean scanLocalHeaders(byte[] content) {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(content))) {
            int n = 0;
            for (ZipEntry e; (e = z.getNextEntry()) != null && n < 1_000; n++) {
                if (e.getName().equals(SHARED_STRINGS)) {
                    return namesFixedColumns(z.readNBytes(PROBE_BYTES));
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static boolean namesFixedColumns(byte[] head) {
        String s = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        return s.contains("Verstrekker") && s.contains("Uitkeringscode") && s.contains("Ontvanger");
    }

    // ------------------------------------------------------------------------------------------------ reading

    private Verantwoording readChecked(byte[] content, String expectedCbsCode) throws NietPlausibelException {
        if (content == null || content.length == 0) {
            throw new NietPlausibelException("Het bestand is leeg.", "empty upload");
        }
        if (content.length > Math.min(MAX_BYTES, limits.maxUploadBytes())) {
            throw new NietPlausibelException("Het bestand is groter dan 5 MB. Lever alleen de SiSa-bijlage van de "
                    + "Regeling kansrijke wijk aan.", "upload of " + content.length + " bytes");
        }
        if (!(content[0] == 'P' && content[1] == 'K')) {
            throw new NietPlausibelException(NIET_PLAUSIBEL + "het bestand is geen Excel-werkmap (xlsx). Lever de "
                    + "SiSa-bijlage aan als xlsx.", "not a zip archive");
        }
        XSSFWorkbook wb = open(content);
        try (wb) {
            evaluator = BoundedFormulaEvaluator.of(wb, deadline, limits.maxFormulaCellVisits());
            Sheet sheet = findSheet(wb);
            if (sheet == null) {
                throw new NietPlausibelException(NIET_PLAUSIBEL + "de werkmap bevat geen SiSa-bijlage: er is geen regel "
                        + "met de kolommen Verstrekker, Uitkeringscode, Specifieke uitkering, Juridische grondslag en "
                        + "Ontvanger." + OPNIEUW, "no SiSa header row in " + wb.getNumberOfSheets() + " sheets");
            }
            return readSheet(sheet, Sha256.hex(content), expectedCbsCode);
        } catch (IOException e) {
            throw new NietPlausibelException(DAMAGED, "XLSX close failed: " + e, e);
        }
    }

    /**
     * The workbook within the limits, by the aanvraag reader's rules ({@link BoundedWorkbook}): zip bombs, oversized
     * parts and sheets, and too many cells are refused before POI builds its model; large sheets without the SiSa
     * header are left unread.
     */
    private XSSFWorkbook open(byte[] content) throws NietPlausibelException {
        try {
            ZipDirectory dir = ZipDirectory.read(content, limits, "de SiSa-bijlage");
            if (!dir.kind().equals("xlsx")) {
                throw new NietPlausibelException(NIET_PLAUSIBEL + "het bestand is geen Excel-werkmap (xlsx) maar "
                        + switch (dir.kind()) {
                            case "xlsm" -> "een werkmap met macro's (xlsm)";
                            case "xlsb" -> "een binaire Excel-werkmap (xlsb)";
                            case "docx" -> "een Word-document";
                            case "pptx" -> "een PowerPoint-presentatie";
                            case "ods" -> "een OpenDocument-rekenblad (ods)";
                            default -> "een zip-archief";
                        } + ". Sla de SiSa-bijlage op als Excel-werkmap (xlsx) en lever haar opnieuw aan.",
                        "zip of kind " + dir.kind());
            }
            return BoundedWorkbook.open(content, dir, limits, deadline,
                    t -> Names.normalise(t).equals(VERSTREKKER), "de SiSa-bijlage").workbook();
        } catch (UnreadableDocumentException e) {
            String message = switch (e.reason()) {
                case AFGEBROKEN -> "Het bestand is niet compleet: de inhoudsopgave aan het eind van het "
                        + "xlsx-bestand ontbreekt of is beschadigd. Waarschijnlijk is het opslaan of aanleveren "
                        + "afgebroken. Sla de SiSa-bijlage opnieuw op en lever haar opnieuw aan.";
                case TE_GROOT -> e.userMessage();
                default -> NIET_PLAUSIBEL + "het bestand is geen leesbare Excel-werkmap (xlsx). Sla de SiSa-bijlage "
                        + "op als Excel-werkmap en lever haar opnieuw aan.";
            };
            throw new NietPlausibelException(message, e.reason().code() + ": " + e.getMessage(), e);
        }
    }

    private Sheet findSheet(XSSFWorkbook wb) {
        Sheet hiddenCandidate = null;
        for (int i = 0; i < Math.min(wb.getNumberOfSheets(), MAX_SHEETS); i++) {
            Sheet s = wb.getSheetAt(i);
            if (!headerRows(s).isEmpty()) {
                if (!wb.isSheetHidden(i) && !wb.isSheetVeryHidden(i)) {
                    return s;
                }
                hiddenCandidate = hiddenCandidate == null ? s : hiddenCandidate;
            }
        }
        return hiddenCandidate;
    }

    private List<Integer> headerRows(Sheet s) {
        List<Integer> rows = new ArrayList<>();
        int last = Math.min(s.getLastRowNum(), MAX_ROWS);
        for (int r = 0; r <= last; r++) {
            deadline.check();
            Row row = s.getRow(r);
            if (row != null && isHeader(row)) {
                rows.add(r);
            }
        }
        return rows;
    }

    private boolean isHeader(Row row) {
        List<String> fixed = VerantwoordingWorkbook.FIXED_COLUMNS;
        for (int c = 0; c < Math.min(MAX_COLUMNS, 10); c++) {
            if (Names.normalise(text(row.getCell(c))).equals(Names.normalise(fixed.get(0)))) {
                for (int i = 1; i < fixed.size(); i++) {
                    if (!Names.normalise(text(row.getCell(c + i))).equals(Names.normalise(fixed.get(i)))) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private Verantwoording readSheet(Sheet s, String sha256, String expectedCbsCode) throws NietPlausibelException {
        String title = findTitle(s);
        Integer year = yearOf(s, title);
        SisaConfig.Year yc = config.year(year).orElseThrow(() -> new NietPlausibelException(NIET_PLAUSIBEL
                + "verslagjaar " + year + " is geen jaar van de Regeling kansrijke wijk (de uitkering loopt over "
                + config.years().get(0).year() + " tot en met " + config.years().get(config.years().size() - 1).year()
                + ", het laatste jaar alleen bij uitstel)." + OPNIEUW, "no SiSa configuration for " + year));
        LocalDate version = versionOf(title);
        if (version != null && !version.equals(yc.versionDate())) {
            throw new NietPlausibelException(NIET_PLAUSIBEL + "dit blad heeft versie " + DutchDates.format(version)
                    + "; voor verslagjaar " + year + " geldt de SiSa-bijlage van " + DutchDates.format(yc.versionDate())
                    + ". Neem de bedragen over in het blad van die versie en lever dat aan.",
                    "version " + version + " for year " + year);
        }
        if (version == null) {
            lees(Location.document(documentName), "De titelregel met de versie van de SiSa-bijlage ontbreekt of is "
                    + "niet te lezen; aangenomen is de versie van " + DutchDates.format(yc.versionDate()) + ".",
                    "titel", title);
        }
        Regeling.Gemeente g = gemeente(s, expectedCbsCode);
        boolean correctie = levering(s);

        Map<String, RowBuilder> rows = new LinkedHashMap<>();
        String uitkeringscode = null;
        List<Integer> headers = headerRows(s);
        for (int h = 0; h < headers.size(); h++) {
            int headerRow = headers.get(h);
            int end = h + 1 < headers.size() ? headers.get(h + 1) : Math.min(s.getLastRowNum(), MAX_ROWS) + 1;
            Block block = block(s, headerRow, end, yc);
            uitkeringscode = uitkeringscode == null ? block.uitkeringscode : uitkeringscode;
            readValues(s, block, end, g, yc, rows);
        }
        if (rows.isEmpty()) {
            throw new NietPlausibelException(NIET_PLAUSIBEL + "het blad bevat geen regel met een onderdeel van de "
                    + "regeling (kolom ‘" + config.indicators().get(0).name() + "’)." + OPNIEUW, "no value rows");
        }
        List<VerantwoordingRegel> regels = rows.values().stream().map(RowBuilder::build).toList();
        return new Verantwoording(documentName, sha256, g.name(), g.cbsCode(), year,
                uitkeringscode == null ? yc.uitkeringscode() : uitkeringscode, version == null ? yc.versionDate() : version,
                correctie, regels, findings);
    }

    private String findTitle(Sheet s) {
        int last = Math.min(s.getLastRowNum(), 15);
        for (int r = 0; r <= last; r++) {
            Row row = s.getRow(r);
            if (row == null) {
                continue;
            }
            for (int c = 0; c < Math.min(row.getLastCellNum(), 10); c++) {
                String t = text(row.getCell(c));
                if (t.toLowerCase(Locale.ROOT).contains("sisa") && t.toLowerCase(Locale.ROOT).contains("versie")) {
                    if (!Names.normalise(t).contains(Names.normalise(config.specifiekeUitkering()))) {
                        throw new Plausibility(NIET_PLAUSIBEL + "de titel van het blad noemt een andere specifieke "
                                + "uitkering (‘" + t.strip() + "’). Lever de SiSa-bijlage van de "
                                + config.specifiekeUitkering() + " aan.", "title " + t);
                    }
                    return t;
                }
            }
        }
        return null;
    }

    private Integer yearOf(Sheet s, String title) throws NietPlausibelException {
        String typed = labelled(s, VerantwoordingWorkbook.LABEL_JAAR);
        Integer fromLabel = null;
        if (typed != null && !typed.isBlank()) {
            Matcher m = Pattern.compile("(\\d{4})").matcher(typed);
            if (m.find()) {
                fromLabel = Integer.parseInt(m.group(1));
            }
        }
        Integer fromTitle = null;
        if (title != null) {
            Matcher m = YEAR_IN_TITLE.matcher(title);
            if (m.find()) {
                fromTitle = Integer.parseInt(m.group(1));
            }
        }
        if (fromLabel != null && fromTitle != null && !fromLabel.equals(fromTitle)) {
            throw new NietPlausibelException(NIET_PLAUSIBEL + "het verslagjaar (" + fromLabel + ") is niet het jaar "
                    + "van de titel van het blad (" + fromTitle + "). Gebruik het blad van het verslagjaar." + OPNIEUW,
                    "year " + fromLabel + " vs title " + fromTitle);
        }
        Integer y = fromLabel != null ? fromLabel : fromTitle;
        if (y == null) {
            throw new NietPlausibelException(NIET_PLAUSIBEL + "het verslagjaar ontbreekt (cel naast ‘"
                    + VerantwoordingWorkbook.LABEL_JAAR + "’)." + OPNIEUW, "no year");
        }
        return y;
    }

    private static LocalDate versionOf(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = VERSION.matcher(title);
        if (!m.find()) {
            return null;
        }
        try {
            return DutchDates.parse(m.group(1)).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Regeling.Gemeente gemeente(Sheet s, String expectedCbsCode) throws NietPlausibelException {
        String name = labelled(s, VerantwoordingWorkbook.LABEL_GEMEENTE);
        String code = labelled(s, VerantwoordingWorkbook.LABEL_CBS);
        Optional<Regeling.Gemeente> byName = regeling.gemeente(name);
        Optional<Regeling.Gemeente> byCode = regeling.gemeenteByCbsCode(code);
        if ((name == null || name.isBlank()) && (code == null || code.isBlank())) {
            throw new NietPlausibelException(NIET_PLAUSIBEL + "de gemeente ontbreekt (cellen naast ‘Gemeente’ en ‘"
                    + VerantwoordingWorkbook.LABEL_CBS + "’)." + OPNIEUW, "no gemeente");
        }
        if (name != null && !name.isBlank() && byName.isEmpty()) {
            throw new NietPlausibelException(NIET_PLAUSIBEL + "‘" + name.strip() + "’ is geen gemeente met een "
                    + "stedelijk focusgebied van de Regeling kansrijke wijk." + OPNIEUW, "unknown gemeente " + name);
        }
        if (code != null && !code.isBlank() && byCode.isEmpty()) {
            throw new NietPlausibelException(NIET_PLAUSIBEL + "‘" + code.strip() + "’ is geen CBS-gemeentecode van een "
                    + "gemeente van de Regeling kansrijke wijk." + OPNIEUW, "unknown code " + code);
        }
        if (byName.isPresent() && byCode.isPresent() && !byName.get().equals(byCode.get())) {
            throw new NietPlausibelException(NIET_PLAUSIBEL + "de gemeente (" + byName.get().name() + ") en de "
                    + "CBS-gemeentecode (" + code.strip() + ", " + byCode.get().name() + ") horen niet bij elkaar."
                    + OPNIEUW, "gemeente " + name + " vs code " + code);
        }
        Regeling.Gemeente g = byName.orElseGet(byCode::get);
        if (expectedCbsCode != null && !expectedCbsCode.isBlank()
                && !g.cbsCode().equalsIgnoreCase(expectedCbsCode.strip())) {
            String expected = regeling.gemeenteByCbsCode(expectedCbsCode).map(Regeling.Gemeente::name)
                    .orElse(expectedCbsCode);
            throw new NietPlausibelException(NIET_PLAUSIBEL + "dit blad is van de gemeente " + g.name() + " ("
                    + g.cbsCode() + "), maar is aangeleverd voor de gemeente " + expected + ". Lever het blad van de "
                    + "eigen gemeente aan.", "gemeente " + g.cbsCode() + " uploaded for " + expectedCbsCode);
        }
        return g;
    }

    private boolean levering(Sheet s) {
        String t = labelled(s, VerantwoordingWorkbook.LABEL_LEVERING);
        return t != null && Names.normalise(t).startsWith("correctie");
    }

    /** The first non-empty cell right of a label cell in the first rows ("Gemeente" | "Amsterdam"). */
    private String labelled(Sheet s, String label) {
        String want = Names.normalise(label);
        int last = Math.min(s.getLastRowNum(), 15);
        for (int r = 0; r <= last; r++) {
            Row row = s.getRow(r);
            if (row == null) {
                continue;
            }
            for (int c = 0; c < Math.min(row.getLastCellNum(), 20); c++) {
                if (Names.normalise(text(row.getCell(c))).equals(want)) {
                    for (int d = c + 1; d < Math.min(row.getLastCellNum(), c + 4); d++) {
                        String v = text(row.getCell(d));
                        if (!v.isBlank()) {
                            return v;
                        }
                    }
                    return null;
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ blocks

    /** One indicator block: which configured indicator each column holds, and where its values start. */
    private record Block(Map<Integer, SisaConfig.Indicator> columns, int firstValueRow, String uitkeringscode) {}

    private Block block(Sheet s, int headerRow, int end, SisaConfig.Year yc) throws NietPlausibelException {
        Row header = s.getRow(headerRow);
        int fixedStart = -1;
        for (int c = 0; c < 10 && fixedStart < 0; c++) {
            if (Names.normalise(text(header.getCell(c))).equals("verstrekker")) {
                fixedStart = c;
            }
        }
        Map<Integer, SisaConfig.Indicator> columns = new LinkedHashMap<>();
        int lastMetaRow = headerRow;
        String code = null;
        int lastCell = Math.min(header.getLastCellNum(), MAX_COLUMNS);
        for (int c = fixedStart + VerantwoordingWorkbook.FIXED_COLUMNS.size(); c < lastCell; c++) {
            String name = text(header.getCell(c));
            if (name.isBlank()) {
                continue;
            }
            SisaConfig.Indicator ind = null;
            for (int r = headerRow + 1; r <= Math.min(headerRow + 4, end - 1); r++) {
                Row row = s.getRow(r);
                String t = row == null ? "" : text(row.getCell(c));
                Matcher m = CODE.matcher(t.toUpperCase(Locale.ROOT));
                if (m.matches()) {
                    lastMetaRow = Math.max(lastMetaRow, r);
                    if (!m.group(1).equals(yc.uitkeringscode())) {
                        throw new NietPlausibelException(NIET_PLAUSIBEL + "de indicatorcode ‘" + t.strip() + "’ hoort "
                                + "niet bij de Regeling kansrijke wijk (uitkeringscode " + yc.uitkeringscode() + "). "
                                + "Lever de SiSa-bijlage van deze regeling aan.", "indicator code " + t);
                    }
                    code = m.group(1);
                    String number = String.format(Locale.ROOT, "%02d", Integer.parseInt(m.group(2)));
                    ind = config.indicators().stream().filter(i -> i.number().equals(number)).findFirst().orElse(null);
                } else if (Names.normalise(t).startsWith("aard controle")) {
                    lastMetaRow = Math.max(lastMetaRow, r);
                }
            }
            if (ind == null) {
                // no code under the name: recognise the indicator by its name
                ind = config.indicators().stream()
                        .filter(i -> Names.normalise(i.name()).equals(Names.normalise(name))).findFirst().orElse(null);
            }
            if (ind == null) {
                lees(Location.cell(documentName, s.getSheetName(), new CellReference(headerRow, c).formatAsString(),
                        null), "De kolom ‘" + name.strip() + "’ is geen indicator van de SiSa-bijlage van deze regeling "
                        + "en wordt niet gelezen.", "kolom", name);
                continue;
            }
            columns.put(c, ind);
        }
        if (columns.values().stream().noneMatch(i -> i.kind() == SisaConfig.Kind.row)) {
            throw new NietPlausibelException(NIET_PLAUSIBEL + "in een blok indicatoren ontbreekt de kolom ‘"
                    + config.indicators().get(0).name() + "’; daardoor is niet te zien over welk onderdeel een regel "
                    + "gaat." + OPNIEUW, "block without row key at row " + (headerRow + 1));
        }
        return new Block(columns, lastMetaRow + 1, code);
    }

    private void readValues(Sheet s, Block block, int end, Regeling.Gemeente g, SisaConfig.Year yc,
            Map<String, RowBuilder> rows) throws NietPlausibelException {
        int keyColumn = block.columns.entrySet().stream().filter(e -> e.getValue().kind() == SisaConfig.Kind.row)
                .findFirst().orElseThrow().getKey();
        java.util.Set<String> seenInBlock = new java.util.HashSet<>();
        for (int r = block.firstValueRow; r < end; r++) {
            deadline.check();
            Row row = s.getRow(r);
            if (row == null || row.getZeroHeight()) {
                continue; // hidden helper rows are not part of the delivery
            }
            String keyText = text(row.getCell(keyColumn));
            if (keyText.isBlank()) {
                continue;
            }
            String a1 = new CellReference(r, keyColumn).formatAsString();
            Location keyLoc = Location.cell(documentName, s.getSheetName(), a1, null);
            checkOntvanger(row, keyColumn, g);
            Optional<SisaRows.Row> parsed = rowKey(keyText, g, keyLoc);
            if (parsed.isEmpty()) {
                continue;
            }
            String key = parsed.get().key();
            if (!seenInBlock.add(key)) {
                lees(keyLoc, "De regel voor " + key + " komt twee keer voor; alleen de eerste telt.", "regel", keyText);
                continue;
            }
            RowBuilder b = rows.computeIfAbsent(key, k -> new RowBuilder(parsed.get()));
            for (Map.Entry<Integer, SisaConfig.Indicator> e : block.columns.entrySet()) {
                SisaConfig.Indicator ind = e.getValue();
                if (ind.kind() == SisaConfig.Kind.row) {
                    continue;
                }
                Cell cell = row.getCell(e.getKey());
                Location loc = Location.cell(documentName, s.getSheetName(),
                        new CellReference(r, e.getKey()).formatAsString(), yc.code(ind) + " " + key);
                b.locations.put(ind.key(), loc);
                value(b, ind, cell, loc);
            }
        }
    }

    /** A value row's Ontvanger naming another gemeente makes the sheet implausible, like the gemeente cells. */
    private void checkOntvanger(Row row, int keyColumn, Regeling.Gemeente g) throws NietPlausibelException {
        int ontvangerColumn = keyColumn - 1;
        if (ontvangerColumn < 0) {
            return;
        }
        String t = text(row.getCell(ontvangerColumn));
        if (t.isBlank()) {
            return;
        }
        Optional<Regeling.Gemeente> named = regeling.gemeente(t);
        if (named.isPresent() && !named.get().equals(g)) {
            throw new NietPlausibelException(NIET_PLAUSIBEL + "de kolom Ontvanger noemt de gemeente "
                    + named.get().name() + ", het blad is van de gemeente " + g.name() + "." + OPNIEUW,
                    "ontvanger " + t + " on a sheet of " + g.name());
        }
    }

    private Optional<SisaRows.Row> rowKey(String text, Regeling.Gemeente g, Location loc) {
        String onderdeel = null;
        Matcher m = ONDERDEEL_CODE.matcher(text);
        if (m.find() && regeling.onderdeel(m.group(1).toUpperCase(Locale.ROOT)).isPresent()) {
            onderdeel = m.group(1).toUpperCase(Locale.ROOT);
        }
        String n = Names.normalise(text);
        if (onderdeel == null) {
            for (Regeling.Onderdeel o : regeling.onderdelen()) {
                if (n.contains(Names.normalise(o.name()))) {
                    onderdeel = o.code();
                }
            }
        }
        if (onderdeel == null) {
            m = ARTICLE.matcher(text);
            if (m.find()) {
                int article = Integer.parseInt(m.group(1));
                onderdeel = regeling.onderdelen().stream().filter(o -> o.article() == article)
                        .map(Regeling.Onderdeel::code).findFirst().orElse(null);
            }
        }
        if (onderdeel == null) {
            lees(loc, "Bij ‘" + text.strip() + "’ is geen onderdeel van de regeling te herkennen (begin de regel met "
                    + "ORG, INT, ARM, VEE, REI, SEO of OJK); de regel wordt niet gelezen.", "regel", text);
            return Optional.empty();
        }
        Optional<Regeling.BijlageEntry> entry = regeling.bijlageEntry(onderdeel, g.name());
        if (entry.isEmpty() || !entry.get().splitPerFocusgebied() || !config.rowsPerFocusgebiedWhereSplit()) {
            return Optional.of(new SisaRows.Row(onderdeel, null));
        }
        String found = null;
        for (String fg : entry.get().installmentsPerFocusgebied().keySet()) {
            if ((" " + n + " ").contains(" " + Names.normalise(fg) + " ")) {
                found = fg;
            }
        }
        if (found == null) {
            lees(loc, "De bijlage bij de regeling verdeelt dit onderdeel over de focusgebieden "
                    + String.join(" en ", entry.get().installmentsPerFocusgebied().keySet()) + ", maar de regel ‘"
                    + text.strip() + "’ noemt er geen; de regel wordt niet gelezen.", "regel", text);
            return Optional.empty();
        }
        return Optional.of(new SisaRows.Row(onderdeel, found));
    }

    private void value(RowBuilder b, SisaConfig.Indicator ind, Cell cell, Location loc) {
        switch (ind.kind()) {
            case amount -> {
                try {
                    b.amounts.put(ind.key(), amount(cell));
                } catch (IllegalArgumentException e) {
                    lees(loc, "‘" + ind.name() + "’: " + e.getMessage() + "; de waarde telt niet mee.", ind.name(),
                            text(cell));
                }
            }
            case yesno -> {
                try {
                    b.eind = ValueParsers.yesNo(text(cell)).orElse(null);
                } catch (IllegalArgumentException e) {
                    lees(loc, "‘" + ind.name() + "’: " + e.getMessage() + "; de waarde telt niet mee.", ind.name(),
                            text(cell));
                }
            }
            case text -> {
                String t = text(cell);
                b.toelichting = t.isBlank() ? null : (t.length() > 4_000 ? t.substring(0, 4_000) : t.strip());
            }
            case row -> { }
        }
    }

    private BigDecimal amount(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellValue v = evaluate(cell);
        if (v == null) {
            return null;
        }
        return switch (v.getCellType()) {
            case NUMERIC -> {
                double d = v.getNumberValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("geen bedrag");
                }
                yield new BigDecimal(Double.toString(d)).setScale(2, RoundingMode.HALF_UP);
            }
            case STRING -> Money.parse(v.getStringValue()).orElse(null);
            case BLANK -> null;
            case ERROR -> throw new IllegalArgumentException("de cel bevat een foutwaarde");
            default -> throw new IllegalArgumentException("geen bedrag");
        };
    }

    /** A cell's value; a formula by its computed value, else (unsupported function, loop) its cached result. */
    private CellValue evaluate(Cell cell) {
        if (cell.getCellType() == CellType.FORMULA) {
            try {
                return evaluator.evaluate(cell);
            } catch (BoundedFormulaEvaluator.TooComplex | Deadline.Exceeded e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                // an unsupported function, a reference loop, a chain of formulas deeper than the stack
                LOG.debug("formula not evaluated, using the cached value", e);
                try {
                    return switch (cell.getCachedFormulaResultType()) {
                        case NUMERIC -> new CellValue(cell.getNumericCellValue());
                        case STRING -> new CellValue(cell.getStringCellValue());
                        case BOOLEAN -> CellValue.valueOf(cell.getBooleanCellValue());
                        default -> null;
                    };
                } catch (RuntimeException e2) {
                    return null;
                }
            }
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> new CellValue(cell.getNumericCellValue());
            case STRING -> new CellValue(cell.getStringCellValue());
            case BOOLEAN -> CellValue.valueOf(cell.getBooleanCellValue());
            case ERROR -> CellValue.getError(cell.getErrorCellValue());
            default -> null;
        };
    }

    /** A cell as text: numbers in plain notation, formulas by value, booleans as ja/nee. */
    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellValue v = evaluate(cell);
        if (v == null) {
            return "";
        }
        return switch (v.getCellType()) {
            case STRING -> v.getStringValue() == null ? "" : v.getStringValue();
            case NUMERIC -> new BigDecimal(Double.toString(v.getNumberValue())).stripTrailingZeros().toPlainString();
            case BOOLEAN -> v.getBooleanValue() ? "ja" : "nee";
            default -> "";
        };
    }

    private void lees(Location loc, String message, String what, String value) {
        findings.add(new Finding(leesRule.id(), leesRule.article(), leesRule.severity(), message, loc,
                Trail.builder().input(what, value).outcome("niet gelezen"), null, null, null, null));
    }

    /** Thrown from a look-up that cannot declare the checked exception; unwrapped in {@link #read}. */
    private static final class Plausibility extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String userMessage;

        Plausibility(String userMessage, String detail) {
            super(detail);
            this.userMessage = userMessage;
        }
    }

    private static final class RowBuilder {
        final SisaRows.Row row;
        final Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        final Map<String, Location> locations = new LinkedHashMap<>();
        Boolean eind;
        String toelichting;

        RowBuilder(SisaRows.Row row) {
            this.row = row;
        }

        VerantwoordingRegel build() {
            return new VerantwoordingRegel(row.onderdeel(), row.focusgebied(), amounts.get("besteding"),
                    amounts.get("reserveVorigJaar"), amounts.get("reservering"), amounts.get("correctieVorigJaar"),
                    amounts.get("cumulatief"), eind, toelichting, locations);
        }
    }
}
