package nl.kansrijkewijk.local;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.kansrijkewijk.pipeline.Manifest;
import nl.kansrijkewijk.pipeline.ReviewerActs;
import nl.kansrijkewijk.pipeline.TriggerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 notifications for the embedded server, which has none: lists inbox/ (and the reviewers' beoordelingen/ and
 * vaststellingen/) and delivers an event for every key+ETag it has not delivered yet, filtered exactly as the
 * deployed triggers are ({@link TriggerFilter}, {@link ReviewerActs#handles}), to the handler the deployed trigger
 * starts ({@link LocalPipeline#deliver}).
 * Polling needs only the public S3 API, so it works the same whichever client uploads; hooking s3proxy's
 * blob store would be instant but ties us to its internals. Like Lambda, a failing event is tried three
 * times in all, then given up.
 */
final class InboxPoller {
    private static final Logger LOG = LoggerFactory.getLogger(InboxPoller.class);
    static final int ATTEMPTS = 3;

    private final LocalPipeline pipeline;
    private final PrintStream out;
    private final Map<String, String> delivered = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Consumer<LocalPipeline.Delivery> onDelivered;

    InboxPoller(LocalPipeline pipeline, PrintStream out) {
        this(pipeline, out, d -> {});
    }

    /** @param onDelivered called after each delivery (the portal's werkvoorraad and notification) */
    InboxPoller(LocalPipeline pipeline, PrintStream out, Consumer<LocalPipeline.Delivery> onDelivered) {
        this.pipeline = pipeline;
        this.out = out;
        this.onDelivered = onDelivered;
    }

    /**
     * The prefixes the deployed triggers watch, in the order a round delivers them: uploads first, then the
     * reviewers' beoordelingen, then vaststellingen (so a vaststelling uploaded with its beoordeling follows it).
     */
    static final List<String> PREFIXES = List.of(TriggerFilter.INBOX_PREFIX, ReviewerActs.BEOORDELINGEN,
            ReviewerActs.VASTSTELLINGEN);

    /** @return how many uploads and reviewer acts were delivered in this round */
    int pollOnce() {
        int count = 0;
        Set<String> present = new HashSet<>();
        for (String prefix : PREFIXES) {
            for (S3Object o : pipeline.list(LocalPipeline.UPLOAD_BUCKET, prefix)) {
                present.add(o.key());
                count += deliver(o) ? 1 : 0;
            }
        }
        delivered.keySet().retainAll(present);
        return count;
    }

    private boolean deliver(S3Object o) {
        String key = o.key();
        String version = key + "@" + o.eTag();
        boolean reviewerAct = ReviewerActs.handles(key);
        if (reviewerAct ? key.endsWith("/") : !TriggerFilter.matches(key)) {
            return false; // only "folder" placeholders ("inbox/GM0363/") are not uploads: every file gets an answer
        }
        if (o.eTag().equals(delivered.get(key)) || failures.getOrDefault(version, 0) >= ATTEMPTS) {
            return false;
        }
        try {
            LocalPipeline.Delivery d = pipeline.deliver(key);
            delivered.put(key, o.eTag());
            out.println(describe(d));
            try {
                onDelivered.accept(d);
            } catch (RuntimeException e) {
                LOG.warn("after delivery of {}: {}", key, e.toString());
            }
            return true;
        } catch (RuntimeException e) {
            int attempt = failures.merge(version, 1, Integer::sum);
            LOG.warn("delivery of {} failed (attempt {} of {}): {}", key, attempt, ATTEMPTS, e.toString());
            if (attempt >= ATTEMPTS) {
                out.println("mislukt   " + key + "  (na " + ATTEMPTS + " pogingen; zie de log)");
            }
            return false;
        }
    }

    static String describe(LocalPipeline.Delivery d) {
        if (ReviewerActs.handles(d.key())) {
            return "beoordelaar  " + d.key() + "  ->  " + d.handlerResult() + "  (s3://" + LocalPipeline.OUTPUT_BUCKET + "/"
                    + d.outputPrefix() + ")";
        }
        if (d.manifest().isEmpty()) {
            return "overgeslagen  " + d.key() + "  (" + d.handlerResult() + ")";
        }
        Manifest m = d.manifest().get();
        return "verwerkt  " + d.key() + "  ->  " + (m.outcome() != null ? m.outcome() : m.status())
                + ", " + m.afwijzingen() + " afwijzing(en), " + m.waarschuwingen() + " waarschuwing(en)  ->  s3://"
                + LocalPipeline.OUTPUT_BUCKET + "/" + d.outputPrefix();
    }
}
