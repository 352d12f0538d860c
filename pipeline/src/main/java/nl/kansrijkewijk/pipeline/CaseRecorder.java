package nl.kansrijkewijk.pipeline;

import java.util.Optional;
import nl.kansrijkewijk.processing.Receipt;

/**
 * What the pipeline does with an upload it read and accepted, besides writing its outputs: the deployed handler
 * records it in the gemeente's dossier. A port so that the pipeline stays generic and free of storage details.
 *
 * <p>Called before the manifest is written, so a fault (thrown) leaves the upload unanswered and the retry records it
 * again; implementations must therefore be idempotent. A refusal that retrying cannot change is returned, not thrown.
 */
@FunctionalInterface
public interface CaseRecorder {
    /** Records nothing: tests of the plumbing, and setups without a dossier. */
    CaseRecorder NONE = (receipt, content) -> Optional.empty();

    /**
     * @param receipt who delivered the upload and when; its gemeente is the folder's
     * @return a Dutch refusal when the upload cannot be recorded (kept out of the retry), else empty
     */
    Optional<String> record(Receipt receipt, byte[] content);
}
