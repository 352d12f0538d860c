package nl.kansrijkewijk.functions.portal;

import java.util.Optional;
import nl.kansrijkewijk.pipeline.status.DocumentStatus;
import nl.kansrijkewijk.pipeline.status.OutputBucketStatusSource;
import nl.kansrijkewijk.pipeline.status.StatusSource;
import nl.kansrijkewijk.pipeline.werkvoorraad.WerkvoorraadPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a processed upload (a new {@code manifest.json} in the output bucket): the werkvoorraad is
 * regenerated and a notification published. Called by the PortalEventsFunction in AWS and by ./kw serve
 * after each delivery.
 */
public final class AfterProcessing {
    private static final Logger LOG = LoggerFactory.getLogger(AfterProcessing.class);

    private final StatusSource status;
    private final WerkvoorraadPublisher werkvoorraad;
    private final Notifier notifier;
    private final String portalUrl;

    public AfterProcessing(StatusSource status, WerkvoorraadPublisher werkvoorraad, Notifier notifier, String portalUrl) {
        this.status = status;
        this.werkvoorraad = werkvoorraad;
        this.notifier = notifier;
        this.portalUrl = portalUrl;
    }

    /** @param manifestKey {@code <CBS>/<file>/<version>/manifest.json} */
    public Optional<PortalEvent> onManifest(String manifestKey) {
        werkvoorraad.regenerate();
        Optional<String> owner = Access.ownerOf(manifestKey).filter(o -> !manifestKey.startsWith(Access.DOSSIER_PREFIX));
        if (owner.isEmpty() || !manifestKey.endsWith("/" + OutputBucketStatusSource.MANIFEST)) {
            LOG.warn("not an upload manifest: {}", manifestKey);
            return Optional.empty();
        }
        String folder = manifestKey.substring(0, manifestKey.lastIndexOf('/'));
        folder = folder.substring(0, folder.lastIndexOf('/'));
        String uploadKey = UploadKeys.INBOX_PREFIX + folder;
        Optional<DocumentStatus> doc = status.documents(owner.get()).stream()
                .filter(d -> d.uploadKey().equals(uploadKey)).findFirst();
        if (doc.isEmpty()) {
            LOG.warn("no upload for manifest {}", manifestKey);
            return Optional.empty();
        }
        PortalEvent event = PortalEvent.processed(doc.get(), portalUrl);
        notifier.publish(event);
        return Optional.of(event);
    }
}
