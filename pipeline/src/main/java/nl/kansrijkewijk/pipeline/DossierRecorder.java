package nl.kansrijkewijk.pipeline;

import java.util.Optional;
import nl.kansrijkewijk.dossier.DossierException;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.processing.Receipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records accepted uploads in the gemeente's dossier. The dossier's keys derive from the upload's cause (content
 * hash, receipt), so a repeated delivery writes nothing new. A {@link DossierException} is the dossier's refusal in
 * Dutch and is returned; any other fault (storage) propagates to the bounded retry.
 */
public final class DossierRecorder implements CaseRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(DossierRecorder.class);

    private final DossierService dossier;

    public DossierRecorder(DossierService dossier) {
        this.dossier = dossier;
    }

    @Override
    public Optional<String> record(Receipt receipt, byte[] content) {
        try {
            DossierService.Intake intake = dossier.ontvang(receipt, content);
            LOG.info("dossier {}: {} {} {} ({})", intake.gemeenteCode(), intake.soort(), intake.kenmerk(),
                    intake.nieuw() ? "recorded" : "already recorded", receipt.documentName());
            // A niet-plausibele SiSa workbook is answered, not recorded: its Dutch message is the gemeente's answer.
            return intake.vastgelegd() ? Optional.empty() : Optional.of(intake.melding());
        } catch (DossierException e) {
            LOG.warn("dossier refused {} of {}: {}", receipt.documentName(), receipt.gemeenteCode(), e.getMessage(), e);
            return Optional.of(e.getMessage());
        }
    }
}
