package nl.kansrijkewijk.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.dossier.DossierEvent;
import nl.kansrijkewijk.dossier.DossierException;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.dossier.ReviewerUploads;
import nl.kansrijkewijk.dossier.Reviewers;
import nl.kansrijkewijk.dossier.VaststellingFile;
import nl.kansrijkewijk.money.DutchDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reviewer's act uploaded to the upload bucket, recorded in the dossier: the filled bevindingen workbook under
 * {@code beoordelingen/<CBS>/} ({@link ReviewerUploads}) or a {@link VaststellingFile} under
 * {@code vaststellingen/<CBS>/}. Every act gets a Dutch answer in the output bucket,
 * {@code antwoorden/<upload key>/<version>.txt}: what was recorded, or why not. A refusal is answered, not retried;
 * storage faults propagate. The answer is written last and short-cuts a repeated event; the dossier's own keys make a
 * repeat before it harmless.
 */
public final class ReviewerActs {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewerActs.class);
    public static final String BEOORDELINGEN = ReviewerUploads.PREFIX;
    public static final String VASTSTELLINGEN = "vaststellingen/";
    public static final String ANSWERS = "antwoorden/";
    private static final Pattern VASTSTELLING = Pattern.compile("vaststellingen/(GM\\d{4})/[^/]+\\.(ya?ml|json)",
            Pattern.CASE_INSENSITIVE);

    private final ObjectStore store;
    private final DossierService dossier;
    private final PipelineConfig config;
    private final Runnable afterRecorded;

    public ReviewerActs(ObjectStore store, DossierService dossier, PipelineConfig config) {
        this(store, dossier, config, () -> { });
    }

    /**
     * @param afterRecorded run after each act the dossier recorded, before its answer: the deployed function
     *                      regenerates the reviewers' werkvoorraad there, so a fault in it leaves the act unanswered
     *                      and the retry (which records nothing new) regenerates again
     */
    public ReviewerActs(ObjectStore store, DossierService dossier, PipelineConfig config, Runnable afterRecorded) {
        this.store = store;
        this.dossier = dossier;
        this.config = config;
        this.afterRecorded = afterRecorded;
    }

    /** What became of one act; {@code answerKey} is null when nothing was answered (ignored, gone). */
    public record Outcome(UploadOutcome.Kind kind, String answerKey, String answer) {}

    public static boolean handles(String key) {
        return key.startsWith(BEOORDELINGEN) || key.startsWith(VASTSTELLINGEN);
    }

    public Outcome process(UploadRef upload) {
        if (!config.uploadBucket().equals(upload.bucket()) || !handles(upload.key())) {
            return new Outcome(UploadOutcome.Kind.IGNORED, null, "not a reviewer act in " + config.uploadBucket());
        }
        ObjectStore.Fetched fetched = store.read(upload.bucket(), upload.key(), upload.pinnedVersionId(), upload.eTag(),
                config.maxUploadBytes());
        if (!(fetched instanceof ObjectStore.Fetched.Content content)) {
            if (fetched instanceof ObjectStore.Fetched.TooLarge) {
                return answer(upload, "Niet verwerkt: het bestand is groter dan " + config.maxUploadBytes() + " bytes.");
            }
            return new Outcome(UploadOutcome.Kind.GONE, null, fetched.getClass().getSimpleName());
        }
        upload = upload.eTag() == null ? upload.withETag(content.eTag(), content.bytes().length) : upload;
        String answerKey = answerKey(upload);
        if (store.head(config.outputBucket(), answerKey).isPresent()) {
            return new Outcome(UploadOutcome.Kind.ALREADY_DONE, answerKey, null);
        }
        Instant at = upload.eventTime() != null ? upload.eventTime() : content.lastModified();
        String text;
        try {
            text = upload.key().startsWith(BEOORDELINGEN)
                    ? beoordeling(upload, content.bytes(), at)
                    : vaststelling(upload.key(), content.bytes(), at);
        } catch (DossierException e) {
            LOG.warn("refused {}: {}", upload.describe(), e.getMessage());
            return answer(upload, "Niet verwerkt: " + e.getMessage());
        }
        afterRecorded.run();
        return answer(upload, text);
    }

    private String beoordeling(UploadRef upload, byte[] bytes, Instant at) {
        String id = new ReviewerUploads(dossier).accept(upload.key(), bytes, upload.uploader(), at);
        return "Beoordeling " + id + " vastgelegd in het dossier.";
    }

    private String vaststelling(String key, byte[] bytes, Instant at) {
        Matcher m = VASTSTELLING.matcher(key);
        if (!m.matches()) {
            throw new DossierException("Een vaststelling hoort onder vaststellingen/<CBS-code>/<naam>.yaml; '" + key
                    + "' is dat niet.");
        }
        String cbs = m.group(1).toUpperCase(Locale.ROOT);
        VaststellingFile v = VaststellingFile.read(bytes);
        String kenmerk = v.kenmerk() != null ? v.kenmerk() : dossier.aanvraagKenmerk(cbs).orElseThrow(() ->
                new DossierException("Het dossier van " + cbs + " heeft geen aanvraag om vast te stellen."));
        if (!kenmerk.contains(cbs)) {
            throw new DossierException("Het kenmerk " + kenmerk + " hoort niet bij de map " + VASTSTELLINGEN + cbs + "/.");
        }
        if (kenmerk.equals(dossier.vaststellingKenmerk(cbs))) {
            return vaststellingVanDeUitkering(cbs, kenmerk, v, at);
        }
        Optional<DossierEvent.VerleningVastgesteld> earlier = vastgesteld(cbs, kenmerk);
        // A retry after the act was recorded but before its answer: the same act by the same person is no refusal.
        DossierEvent.VerleningVastgesteld done = earlier.isPresent()
                && Reviewers.samePerson(earlier.get().vaststeller().naam(), v.door().naam())
                && earlier.get().datum().equals(v.datum())
                ? earlier.get()
                : dossier.stelVast(cbs, kenmerk, v.door(), v.datum(), at);
        return "Verlening " + kenmerk + " vastgesteld op " + DutchDates.format(done.datum()) + " door "
                + done.vaststeller().naam() + ".";
    }

    /** The vaststelling of the uitkering (art. 15) with its terugvordering, {@code kenmerk: …-S} in the file. */
    private String vaststellingVanDeUitkering(String cbs, String kenmerk, VaststellingFile v, Instant at) {
        Optional<DossierEvent.VaststellingVastgesteld> earlier = dossier.events(cbs).stream()
                .filter(e -> e instanceof DossierEvent.VaststellingVastgesteld x && x.kenmerk().equals(kenmerk))
                .map(e -> (DossierEvent.VaststellingVastgesteld) e).findFirst();
        // As for the verlening: a retry of the act that was recorded before its answer is no refusal.
        DossierEvent.VaststellingVastgesteld done = earlier.isPresent()
                && Reviewers.samePerson(earlier.get().vaststeller().naam(), v.door().naam())
                && earlier.get().datum().equals(v.datum())
                ? earlier.get()
                : dossier.stelVaststellingVast(cbs, v.door(), v.datum(), at);
        return "Vaststelling " + kenmerk + " vastgesteld op " + DutchDates.format(done.datum()) + " door "
                + done.vaststeller().naam() + ": vastgesteld " + nl.kansrijkewijk.money.Money.format(done.totaalVastgesteld())
                + ", terug te vorderen " + nl.kansrijkewijk.money.Money.format(done.totaalTerugTeVorderen()) + ".";
    }

    private Optional<DossierEvent.VerleningVastgesteld> vastgesteld(String cbs, String kenmerk) {
        return dossier.events(cbs).stream()
                .filter(e -> e instanceof DossierEvent.VerleningVastgesteld v && v.kenmerk().equals(kenmerk))
                .map(e -> (DossierEvent.VerleningVastgesteld) e).findFirst();
    }

    private Outcome answer(UploadRef upload, String text) {
        String key = answerKey(upload);
        store.putIfAbsent(config.outputBucket(), key, (text + "\n").getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8", Map.of());
        LOG.info("{} -> {}: {}", upload.describe(), key, text);
        return new Outcome(text.startsWith("Niet verwerkt") ? UploadOutcome.Kind.REPORTED : UploadOutcome.Kind.PROCESSED,
                key, text);
    }

    /** Where the answer to an act is written in the output bucket ({@code ./kw serve} prints it). */
    public static String answerKey(UploadRef upload) {
        return ANSWERS + upload.key() + "/" + OutputLayout.token(upload) + ".txt";
    }
}
