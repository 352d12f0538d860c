package nl.kansrijkewijk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SortedMap;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.processing.AanvraagProcessor;
import nl.kansrijkewijk.processing.DocumentKind;
import nl.kansrijkewijk.processing.DocumentProcessor;
import nl.kansrijkewijk.processing.ErrorOutputs;
import nl.kansrijkewijk.processing.Json;
import nl.kansrijkewijk.processing.OutputNames;
import nl.kansrijkewijk.processing.ProcessingResult;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.provenance.Provenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployed processor: an upload read once, and an accepted aanvraag or wijziging judged and rendered once —
 * by its gemeente's dossier. The upload's own outputs are the dossier's concept of its case (the same bytes as in
 * {@code dossier/<CBS>/<kenmerk>/<versie>/}: case kenmerk, the reviewers' columns and the beoordelingen in effect).
 * An upload that is not its case's current one (received before the current one, or after the vaststelling) is
 * not rendered by the dossier; it is judged alone, once, as before. Refused, unreadable and SiSa uploads are
 * answered as the {@link AanvraagProcessor} answers them; a SiSa verantwoording is recorded as well.
 *
 * <p>Recording happens inside {@link #process}, so before the pipeline writes the manifest: a storage fault
 * propagates and the retry records again (the dossier's keys derive from the cause). A {@link DossierException}
 * is the dossier's Dutch refusal, answered, not retried.
 */
public final class DossierProcessor implements DocumentProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(DossierProcessor.class);
    static final String NOT_RECORDED = "niet opgenomen in het dossier";

    private final AanvraagProcessor processor;
    private final DossierService dossier;

    public DossierProcessor(AanvraagProcessor processor, DossierService dossier) {
        this.processor = processor;
        this.dossier = dossier;
    }

    /** Without upload context there is no dossier to record in: the upload judged alone. */
    @Override
    public ProcessingResult process(String documentName, byte[] content) {
        return processor.process(documentName, content);
    }

    @Override
    public ProcessingResult process(Receipt receipt, byte[] content) {
        return process(receipt, content, Deadline.none());
    }

    @Override
    public ProcessingResult process(Receipt receipt, byte[] content, Deadline deadline) {
        AanvraagProcessor.Screened s = processor.screen(receipt, content, deadline);
        if (s.answer() != null) {
            ProcessingResult answer = s.answer();
            if (answer.status() == ProcessingResult.Status.VERWERKT && answer.kind() == DocumentKind.VERANTWOORDING) {
                return verantwoording(receipt, content, answer);
            }
            return answer;
        }
        DossierService.Intake intake;
        try {
            intake = dossier.ontvang(receipt, content, s.read().result());
        } catch (DossierException e) {
            LOG.warn("dossier refused {} of {}: {}", receipt.documentName(), receipt.gemeenteCode(), e.getMessage(), e);
            return refused(receipt, content, s.read().result().aanvraag().gemeente(), s.kind(), s.provenance(), e.getMessage());
        }
        LOG.info("dossier {}: {} {} {} ({}){}", intake.gemeenteCode(), intake.soort(), intake.kenmerk(),
                intake.nieuw() ? "recorded" : "already recorded", receipt.documentName(),
                intake.concept().isEmpty() ? ", not its case's current upload: judged alone" : "");
        if (intake.concept().isEmpty()) {
            return processor.judge(receipt, s);
        }
        return fromConcept(intake.concept(), s.kind());
    }

    private ProcessingResult verantwoording(Receipt receipt, byte[] content, ProcessingResult acknowledgement) {
        DossierService.Intake intake;
        try {
            intake = dossier.ontvang(receipt, content);
        } catch (DossierException e) {
            LOG.warn("dossier refused {} of {}: {}", receipt.documentName(), receipt.gemeenteCode(), e.getMessage(), e);
            return refused(receipt, content, null, acknowledgement.kind(), acknowledgement.provenance(), e.getMessage());
        }
        if (!intake.vastgelegd()) {
            // A niet-plausibele SiSa workbook is answered, not recorded: its Dutch message is the gemeente's answer.
            return refused(receipt, content, null, acknowledgement.kind(), acknowledgement.provenance(), intake.melding());
        }
        return acknowledgement;
    }

    private static ProcessingResult refused(Receipt receipt, byte[] content, String gemeente, DocumentKind kind,
                                            Provenance provenance, String message) {
        return new ProcessingResult(ProcessingResult.Status.GEWEIGERD, gemeente, NOT_RECORDED, 0, 0,
                ErrorOutputs.refused(receipt.documentName(), Sha256.hex(content), "dossier", message), kind, provenance);
    }

    /** The summary line's numbers as the concept's own bevindingen.json states them. */
    private static ProcessingResult fromConcept(SortedMap<String, byte[]> concept, DocumentKind kind) {
        byte[] report = concept.get(OutputNames.BEVINDINGEN_JSON);
        if (report == null) {
            throw new IllegalStateException("the dossier's concept has no " + OutputNames.BEVINDINGEN_JSON + ": " + concept.keySet());
        }
        try {
            JsonNode b = Json.mapper().readTree(report);
            Provenance provenance = b.hasNonNull("provenance")
                    ? Json.mapper().treeToValue(b.get("provenance"), Provenance.class) : null;
            return new ProcessingResult(ProcessingResult.Status.VERWERKT, b.path("gemeente").asText(null),
                    b.path("outcome").asText(null), b.path("summary").path("afwijzingen").asLong(),
                    b.path("summary").path("waarschuwingen").asLong(), concept, kind, provenance);
        } catch (IOException e) {
            throw new UncheckedIOException("the dossier's " + OutputNames.BEVINDINGEN_JSON + " is not JSON", e);
        }
    }
}
