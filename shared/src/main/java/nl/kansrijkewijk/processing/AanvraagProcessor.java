package nl.kansrijkewijk.processing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.BesluitCalculator;
import nl.kansrijkewijk.check.AanvraagChecker;
import nl.kansrijkewijk.check.FindingOrder;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.provenance.Provenance;
import nl.kansrijkewijk.reader.AanvraagReader;
import nl.kansrijkewijk.reader.ReadResult;
import nl.kansrijkewijk.reader.UnreadableDocumentException;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.render.BeschikkingPdfWriter;
import nl.kansrijkewijk.render.ReportHtmlWriter;
import nl.kansrijkewijk.render.ReportXlsxWriter;
import nl.kansrijkewijk.sisa.VerantwoordingReader;
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
    private final Limits limits = Limits.standard();

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
        return evaluate(content, Receipt.ofName(documentName), Deadline.none());
    }

    /** As {@link #evaluate(String, byte[])}, giving up reading at the deadline. */
    public Evaluation evaluate(String documentName, byte[] content, Deadline deadline) {
        return evaluate(content, Receipt.ofName(documentName), deadline);
    }

    /** As {@link #evaluate(byte[], Receipt, Deadline)} without a deadline. */
    public Evaluation evaluate(byte[] content, Receipt receipt) {
        return evaluate(content, receipt, Deadline.none());
    }

    /**
     * Reads and judges one upload; never throws for bad input. The receipt's date (Europe/Amsterdam) decides the
     * timeliness of art. 10(1) and 10(3) and the regeling version; without one, the date typed on the form does.
     * Reading gives up at the deadline (an error report, not a decision).
     */
    public Evaluation evaluate(byte[] content, Receipt receipt, Deadline deadline) {
        Read r = read(content, receipt, deadline);
        return r.unreadable() != null ? r.unreadable() : judge(r, receipt);
    }

    /**
     * What reading an upload gave: the form read and the regeling version in force on its date, or (then
     * {@code unreadable} is set) the evaluation of an unreadable upload.
     */
    public record Read(ReadResult result, Regeling regeling, String sha256, Evaluation unreadable) {}

    private Read read(byte[] content, Receipt receipt, Deadline deadline) {
        String documentName = receipt.documentName();
        String sha256 = content == null ? null : Sha256.hex(content);
        ReadResult read;
        try {
            read = AanvraagReader.read(documentName, content, limits, deadline);
        } catch (UnreadableDocumentException e) {
            LOG.warn("unreadable upload {} (sha256 {}, {}): {}", documentName, sha256, e.reason().code(),
                    e.getMessage());
            LOG.debug("cause of the unreadable upload {}", documentName, e.getCause());
            return new Read(null, null, sha256, new Evaluation(documentName, sha256, null, null, List.of(), null,
                    e.userMessage(), e.reason().code()));
        }
        LocalDate receivedOn = receipt.receivedOn();
        LocalDate date = receivedOn != null ? receivedOn : read.aanvraag().submissionDate();
        Regeling regeling = date == null
                ? catalogus.first()
                : catalogus.inForceOn(date).orElse(catalogus.first());
        return new Read(read, regeling, sha256, null);
    }

    private Evaluation judge(Read r, Receipt receipt) {
        Aanvraag aanvraag = r.result().aanvraag();
        LocalDate receivedOn = receipt.receivedOn();
        List<Finding> findings = new ArrayList<>(r.result().findings());
        findings.addAll(checker.check(aanvraag, r.regeling(), receivedOn));
        findings.sort(FindingOrder.comparator(aanvraag, r.regeling()));
        Besluit besluit = calculator.calculate(aanvraag, r.regeling(), findings, receivedOn, null);
        return new Evaluation(receipt.documentName(), r.sha256(), aanvraag, r.regeling(), List.copyOf(findings), besluit, null);
    }

    @Override
    public ProcessingResult process(String documentName, byte[] content) {
        return process(Receipt.ofName(documentName), content, Deadline.none());
    }

    /**
     * The entry for every upload: the folder's gemeente first (is it one of the regeling's?), then the content
     * (what kind of document, {@link DocumentKind}), then the form's gemeente against the folder's.
     */
    @Override
    public ProcessingResult process(Receipt receipt, byte[] content) {
        return process(receipt, content, Deadline.none());
    }

    @Override
    public ProcessingResult process(Receipt receipt, byte[] content, Deadline deadline) {
        Screened s = screen(receipt, content, deadline);
        return s.answer() != null ? s.answer() : judge(receipt, s);
    }

    /**
     * An upload read and placed, not yet judged. Either {@code answer} is set — the upload is answered without a
     * judgement: refused (folder, another gemeente), unreadable, or a SiSa verantwoording acknowledged — or it is
     * an accepted aanvraag or wijziging, read once, waiting for {@link #judge} (or for the dossier, which judges
     * it with the case's beoordelingen and verlening).
     */
    public record Screened(ProcessingResult answer, Read read, DocumentKind kind, Provenance provenance) {}

    /**
     * The entry for every upload, up to the judgement: the folder's gemeente first (is it one of the regeling's?),
     * then the content (what kind of document, {@link DocumentKind}), then the form's gemeente against the folder's.
     */
    public Screened screen(Receipt receipt, byte[] content, Deadline deadline) {
        String name = receipt.documentName();
        Optional<String> unknownFolder = UploadFolderCheck.unknownFolder(receipt, catalogus);
        if (unknownFolder.isPresent()) {
            LOG.warn("refused upload {}: folder {} is no gemeente of the regeling", name, receipt.gemeenteCode());
            return answered(new ProcessingResult(ProcessingResult.Status.GEWEIGERD, null, "map onbekend", 0, 0,
                    ErrorOutputs.refused(name, Sha256.hex(content), UploadFolderCheck.UNKNOWN_FOLDER, unknownFolder.get()),
                    DocumentKind.ONBEKEND, Provenance.of(null, null)));
        }
        if (VerantwoordingReader.isVerantwoording(content)) {
            return answered(verantwoordingReceived(receipt, content));
        }
        Read r = read(content, receipt, deadline);
        if (r.unreadable() != null) {
            Evaluation e = r.unreadable();
            return answered(new ProcessingResult(ProcessingResult.Status.ONLEESBAAR, null, e.outcome(), 0, 0, outputs(e),
                    DocumentKind.ONBEKEND, Provenance.of(null, null)));
        }
        Aanvraag aanvraag = r.result().aanvraag();
        DocumentKind kind = DocumentKind.of(aanvraag);
        Provenance provenance = Provenance.of(r.regeling(), aanvraag.formVersion());
        Optional<String> other = UploadFolderCheck.otherGemeente(receipt, aanvraag, r.regeling());
        if (other.isPresent()) {
            LOG.warn("refused upload {}: form of {} in the folder of {}", name, aanvraag.gemeente(), receipt.gemeenteCode());
            return answered(new ProcessingResult(ProcessingResult.Status.GEWEIGERD, aanvraag.gemeente(), "andere gemeente",
                    0, 0, ErrorOutputs.refused(name, r.sha256(), UploadFolderCheck.OTHER_GEMEENTE, other.get()),
                    kind, provenance));
        }
        return new Screened(null, r, kind, provenance);
    }

    private static Screened answered(ProcessingResult answer) {
        return new Screened(answer, null, answer.kind(), answer.provenance());
    }

    /** Checks, decides and writes every output of an accepted upload that {@link #screen} read. */
    public ProcessingResult judge(Receipt receipt, Screened s) {
        if (s.answer() != null) {
            return s.answer();
        }
        Evaluation e = judge(s.read(), receipt);
        return new ProcessingResult(ProcessingResult.Status.VERWERKT, e.aanvraag().gemeente(), e.outcome(),
                e.count(Severity.AFWIJZING), e.count(Severity.WAARSCHUWING), outputs(e), s.kind(), s.provenance());
    }

    /**
     * A SiSa verantwoording is judged against the gemeente's dossier (art. 11, 14 and 15 need the verlening and the
     * earlier years), not on its own: the upload gets an acknowledgement here, and the dossier (DossierService,
     * called by the pipeline's recorder) writes the findings, or answers "niet plausibel" in place of this.
     */
    private ProcessingResult verantwoordingReceived(Receipt receipt, byte[] content) {
        String message = "Uw SiSa-verantwoording " + receipt.documentName() + " is ontvangen"
                + (receipt.receivedOn() == null ? "" : " op " + nl.kansrijkewijk.money.DutchDates.format(receipt.receivedOn()))
                + ". Zij wordt beoordeeld tegen de verlening in uw dossier; de bevindingen en, na het laatste jaar, de "
                + "concept-vaststellingsbeschikking verschijnen in het dossier.\n";
        SortedMap<String, byte[]> out = new TreeMap<>();
        out.put("ontvangst.txt", message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new ProcessingResult(ProcessingResult.Status.VERWERKT, null, "verantwoording ontvangen", 0, 0, out,
                DocumentKind.VERANTWOORDING, Provenance.of(catalogus.first(), null));
    }

    /** Every output file of an evaluation, by name (see {@link OutputNames}). */
    public SortedMap<String, byte[]> outputs(Evaluation e) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        if (!e.readable()) {
            return ErrorOutputs.of(e.documentName(), e.sha256(), e.errorReason(), e.error());
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
