package nl.kansrijkewijk.processing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.BesluitCalculator;
import nl.kansrijkewijk.check.AanvraagChecker;
import nl.kansrijkewijk.check.Finding;
import nl.kansrijkewijk.check.FindingOrder;
import nl.kansrijkewijk.check.RuleCatalogue;
import nl.kansrijkewijk.check.Severity;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.reader.AanvraagReader;
import nl.kansrijkewijk.reader.ReadResult;
import nl.kansrijkewijk.reader.UnreadableDocumentException;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.render.BeschikkingPdfWriter;
import nl.kansrijkewijk.render.ReportHtmlWriter;
import nl.kansrijkewijk.render.ReportXlsxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole core for one aanvraag upload: read → pick the regeling version in force on the submission date →
 * check → decide → write every output. Stateless and thread-safe once constructed; build it once per process
 * (the Lambda container, ./kw) since loading the regeling and fonts is the expensive part.
 */
public final class AanvraagProcessor implements DocumentProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(AanvraagProcessor.class);

    private final RegelingCatalogus catalogus;
    private final AanvraagChecker checker;
    private final BesluitCalculator calculator;
    private final BeschikkingPdfWriter beschikking;
    private final ReportXlsxWriter reportXlsx;
    private final ReportHtmlWriter reportHtml;

    public AanvraagProcessor() {
        this(RegelingCatalogus.standard());
    }

    public AanvraagProcessor(RegelingCatalogus catalogus) {
        this.catalogus = catalogus;
        this.checker = new AanvraagChecker(RuleCatalogue.standard());
        this.calculator = new BesluitCalculator();
        this.beschikking = new BeschikkingPdfWriter();
        this.reportXlsx = new ReportXlsxWriter();
        this.reportHtml = new ReportHtmlWriter();
    }

    /** Reads and judges one upload without a known date of receipt (the typed date is used, and said so). */
    public Evaluation evaluate(String documentName, byte[] content) {
        return evaluate(content, Receipt.ofName(documentName));
    }

    /**
     * Reads and judges one upload; never throws for bad input. The receipt's date (Europe/Amsterdam) decides the
     * timeliness of art. 10(1) and 10(3) and the regeling version; without one, the date typed on the form does.
     */
    public Evaluation evaluate(byte[] content, Receipt receipt) {
        String documentName = receipt.documentName();
        String sha256 = Sha256.hex(content);
        ReadResult read;
        try {
            read = AanvraagReader.read(documentName, content);
        } catch (UnreadableDocumentException e) {
            LOG.warn("unreadable upload {} (sha256 {}): {}", documentName, sha256, e.getMessage());
            LOG.debug("cause of the unreadable upload {}", documentName, e.getCause());
            return new Evaluation(documentName, sha256, null, null, List.of(), null, e.userMessage());
        }
        Aanvraag aanvraag = read.aanvraag();
        LocalDate receivedOn = receipt.receivedOn();
        LocalDate date = receivedOn != null ? receivedOn : aanvraag.submissionDate();
        Regeling regeling = date == null
                ? catalogus.first()
                : catalogus.inForceOn(date).orElse(catalogus.first());
        List<Finding> findings = new ArrayList<>(read.findings());
        findings.addAll(checker.check(aanvraag, regeling, receivedOn));
        findings.sort(FindingOrder.comparator(aanvraag, regeling));
        Besluit besluit = calculator.calculate(aanvraag, regeling, findings, receivedOn, null);
        return new Evaluation(documentName, sha256, aanvraag, regeling, List.copyOf(findings), besluit, null);
    }

    @Override
    public ProcessingResult process(String documentName, byte[] content) {
        Evaluation e = evaluate(documentName, content);
        return new ProcessingResult(
                e.readable() ? ProcessingResult.Status.VERWERKT : ProcessingResult.Status.ONLEESBAAR,
                e.readable() ? e.aanvraag().gemeente() : null,
                e.outcome(),
                e.count(Severity.AFWIJZING),
                e.count(Severity.WAARSCHUWING),
                outputs(e));
    }

    /** Every output file of an evaluation, by name (see {@link OutputNames}). */
    public SortedMap<String, byte[]> outputs(Evaluation e) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        if (!e.readable()) {
            return ErrorOutputs.of(e.documentName(), e.sha256(), "onleesbaar", e.error());
        }
        out.put(OutputNames.EXTRACTIE, Json.bytes(e.aanvraag()));
        out.put(OutputNames.BEVINDINGEN_JSON, Json.bytes(CheckReport.of(e)));
        out.put(OutputNames.BESLUIT, Json.bytes(e.besluit()));
        out.put(OutputNames.BEVINDINGEN_XLSX, reportXlsx.write(e.besluit(), e.aanvraag(), e.findings(), e.regeling()));
        out.put(OutputNames.BEVINDINGEN_HTML, reportHtml.write(e.besluit(), e.aanvraag(), e.findings(), e.regeling()));
        out.put(OutputNames.BESCHIKKING, beschikking.write(e.besluit(), e.aanvraag(), e.findings(), e.regeling()));
        return out;
    }
}
