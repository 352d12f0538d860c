package nl.kansrijkewijk.processing;

import nl.kansrijkewijk.limits.Deadline;

/**
 * The core as the Lambda handlers and ./kw see it: one uploaded document in, every output document out.
 * Never throws for bad input (an unreadable upload gives {@link ProcessingResult.Status#ONLEESBAAR} with an
 * error report among the outputs); throws only for faults of the service itself.
 */
public interface DocumentProcessor {
    ProcessingResult process(String documentName, byte[] content);

    /**
     * As {@link #process(String, byte[])}, giving up reading at the deadline (with an error report among the
     * outputs). A processor that reads nothing slow may ignore the deadline.
     */
    default ProcessingResult process(String documentName, byte[] content, Deadline deadline) {
        return process(documentName, content);
    }
}
