package nl.kansrijkewijk.functions.portal.aws;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.kansrijkewijk.functions.portal.Notifier;
import nl.kansrijkewijk.functions.portal.PortalEvent;
import nl.kansrijkewijk.processing.Json;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes {@link PortalEvent}s to the portal's SNS topic. The gemeente code and status are also message
 * attributes, so a subscription (a gemeente's e-mail address) can filter on its own code.
 */
public final class SnsNotifier implements Notifier {
    private final SnsClient sns;
    private final String topicArn;

    public SnsNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(PortalEvent e) {
        sns.publish(p -> p.topicArn(topicArn)
                .subject(("Kansrijke wijk: " + e.gemeenteNaam() + " " + e.status()).replaceAll("[^\\p{Print}]", " "))
                .message(new String(Json.bytes(e), StandardCharsets.UTF_8))
                .messageAttributes(Map.of(
                        "gemeente", MessageAttributeValue.builder().dataType("String").stringValue(e.gemeente()).build(),
                        "status", MessageAttributeValue.builder().dataType("String").stringValue(e.status()).build())));
    }
}
