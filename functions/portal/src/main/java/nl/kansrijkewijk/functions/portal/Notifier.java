package nl.kansrijkewijk.functions.portal;

/** Where "a document was processed / a decision was made" goes: SNS in AWS, the console under ./kw serve. */
public interface Notifier {
    void publish(PortalEvent event);
}
