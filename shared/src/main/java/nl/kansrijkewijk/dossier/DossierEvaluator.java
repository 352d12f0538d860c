package nl.kansrijkewijk.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.BesluitCalculator;
import nl.kansrijkewijk.check.AanvraagChecker;
import nl.kansrijkewijk.check.FindingOrder;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.kenmerk.Kenmerk;
import nl.kansrijkewijk.processing.Evaluation;
import nl.kansrijkewijk.reader.AanvraagReader;
import nl.kansrijkewijk.reader.ReadResult;
import nl.kansrijkewijk.reader.UnreadableDocumentException;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;

/**
 * The processor's read → check → decide, with what the dossier adds: a wijziging judged against the recorded
 * verlening, the reviewers' judgements as findings, and the case kenmerk on the letter.
 *
 * <p>It repeats the few lines of {@code AanvraagProcessor.evaluate} instead of changing them, so the pipeline's
 * own evolution (upload context) and this one merge apart; once merged the processor should take these inputs.
 */
public final class DossierEvaluator {
    private final RegelingCatalogus catalogus;
    private final RuleCatalogue catalogue;
    private final AanvraagChecker checker;
    private final BesluitCalculator calculator = new BesluitCalculator();
    private final ReviewerFindings reviewerFindings;

    public DossierEvaluator(RegelingCatalogus catalogus, RuleCatalogue catalogue) {
        this.catalogus = catalogus;
        this.catalogue = catalogue;
        this.checker = new AanvraagChecker(catalogue);
        this.reviewerFindings = new ReviewerFindings(catalogue);
    }

    /** What an upload is, before any judgement: enough to file it under its kenmerk. */
    public record Read(ReadResult read, Regeling regeling, String error) {
        public boolean readable() {
            return error == null;
        }

        public AanvraagKind kind() {
            return read.aanvraag().kind() == null ? AanvraagKind.AANVRAAG : read.aanvraag().kind();
        }
    }

    public Read read(String documentName, byte[] content) {
        try {
            return read(AanvraagReader.read(documentName, content));
        } catch (UnreadableDocumentException e) {
            return new Read(null, catalogus.first(), e.userMessage());
        }
    }

    /** A form read elsewhere (the pipeline's processor, within its deadline), placed under its regeling version. */
    public Read read(ReadResult r) {
        Aanvraag a = r.aanvraag();
        Regeling regeling = a.submissionDate() == null ? catalogus.first()
                : catalogus.inForceOn(a.submissionDate()).orElse(catalogus.first());
        return new Read(r, regeling, null);
    }

    /** The case kenmerk of a readable upload received on {@code receivedOn} in the folder of {@code cbs}. */
    public static String kenmerk(Read r, String cbs, LocalDate receivedOn) {
        if (!r.readable() || r.kind() == AanvraagKind.AANVRAAG) {
            return Kenmerk.verlening(r.regeling(), cbs);
        }
        LocalDate date = receivedOn != null ? receivedOn : r.read().aanvraag().submissionDate();
        return date == null ? Kenmerk.dossier(r.regeling(), cbs) + "-W" : Kenmerk.wijziging(r.regeling(), cbs, date);
    }

    /** The inputs beyond the upload. */
    public record Inputs(String kenmerk, LocalDate receivedOn, List<Beoordeling> beoordelingen,
                         Optional<RecordedVerlening> verlening) {}

    /** The judged upload, plus the judgements that match no finding of it. */
    public record Judged(Evaluation evaluation, List<String> vervallen) {}

    public Judged evaluate(String documentName, byte[] content, Inputs in) {
        return evaluate(documentName, Sha256.hex(content), read(documentName, content), in);
    }

    /** As {@link #evaluate(String, byte[], Inputs)} for an upload already read. */
    public Judged evaluate(String documentName, String sha256, Read r, Inputs in) {
        if (!r.readable()) {
            return new Judged(new Evaluation(documentName, sha256, null, null, List.of(), null, r.error()), List.of());
        }
        Aanvraag aanvraag = r.read().aanvraag();
        Regeling regeling = r.regeling();
        List<Finding> findings = new ArrayList<>(r.read().findings());
        if (r.kind() == AanvraagKind.WIJZIGING) {
            RecordedVerlening.Applied applied = RecordedVerlening.apply(in.verlening(), aanvraag, in.receivedOn(), catalogue);
            aanvraag = applied.aanvraag();
            findings.addAll(applied.findings());
        }
        findings.addAll(checker.check(aanvraag, regeling, in.receivedOn()));
        findings.sort(FindingOrder.comparator(aanvraag, regeling));
        ReviewerFindings.Result reviewed = reviewerFindings.apply(findings, aanvraag, in.beoordelingen());
        List<Finding> all = new ArrayList<>(reviewed.findings());
        all.sort(FindingOrder.comparator(aanvraag, regeling));
        Besluit besluit = withKenmerk(calculator.calculate(aanvraag, regeling, all, in.receivedOn(), null), in.kenmerk());
        return new Judged(new Evaluation(documentName, sha256, aanvraag, regeling, List.copyOf(all),
                besluit, null), reviewed.vervallen());
    }

    static Besluit withKenmerk(Besluit b, String kenmerk) {
        return new Besluit(kenmerk, b.regelingId(), b.gemeente(), b.gemeentecode(), b.focusgebieden(), b.kind(),
                b.submissionDate(), b.receivedOn(), b.timelinessDate(), b.timelinessBasis(), b.decisionDeadline(),
                b.decisionDeadlineBasis(), b.periodFrom(), b.periodThrough(), b.rejectedWhole(), b.onderdelen(),
                b.totalRequested(), b.totalRefused(), b.totalGrantedInclBtw(), b.totalBtw(), b.totalGranted(),
                b.totalVoorschot(), b.installments(), b.wijziging());
    }
}
