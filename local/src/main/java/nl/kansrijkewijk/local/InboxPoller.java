package nl.kansrijkewijk.local;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.kansrijkewijk.pipeline.Manifest;
import nl.kansrijkewijk.pipeline.TriggerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 notifications for the embedded server, which has none: lists inbox/ and delivers an event for every
 * key+ETag it has not delivered yet, filtered exactly as the deployed trigger is ({@link TriggerFilter}).
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

    /** @return how many uploads were delivered in this round */
    int pollOnce() {
        int count = 0;
        Set<String> present = new HashSet<>();
        for (S3Object o : pipeline.list(LocalPipeline.UPLOAD_BUCKET, TriggerFilter.INBOX_PREFIX)) {
            String key = o.key();
            String version = key + "@" + o.eTag();
            present.add(key);
            if (!TriggerFilter.matches(key)) {
                continue; // only "folder" placeholders ("inbox/GM0363/") are not uploads: every file gets an answer
            }
            if (o.eTag().equals(delivered.get(key)) || failures.getOrDefault(version, 0) >= ATTEMPTS) {
                continue;
            }
            try {
                LocalPipeline.Delivery d = pipeline.deliver(key);
                delivered.put(key, o.eTag());
                out.println(describe(d));
                count++;
                try {
                    onDelivered.accept(d);
                } catch (RuntimeException e) {
                    LOG.warn("after delivery of {}: {}", key, e.toString());
                }
            } catch (RuntimeException e) {
                int attempt = failures.merge(version, 1, Integer::sum);
                LOG.warn("delivery of {} failed (attempt {} of {}): {}", key, attempt, ATTEMPTS, e.toString());
                if (attempt >= ATTEMPTS) {
                    out.println("mislukt   " + key + "  (na " + ATTEMPTS + " pogingen; zie de log)");
                }
            }
        }
        delivered.keySet().retainAll(present);
        return count;
    }

    static String describe(LocalPipeline.Delivery d) {
        if (d.manifest().isEmpty()) {
            return "overgeslagen  " + d.key() + "  (" + d.handlerResult() + ")";
        }
        Manifest m = d.manifest().get();
        return "verwerkt  " + d.key() + "  ->  " + (m.outcome() != null ? m.outcome() : m.status())
                + ", " + m.afwijzingen() + " afwijzing(en), " + m.waarschuwingen() + " waarschuwing(en)  ->  s3://"
                + LocalPipeline.OUTPUT_BUCKET + "/" + d.outputPrefix();
    }
}
