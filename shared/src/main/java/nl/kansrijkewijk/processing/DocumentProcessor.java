package nl.kansrijkewijk.processing;

import nl.kansrijkewijk.limits.Deadline;

/**
 * The core as the Lambda handlers and ./kw see it: one uploaded document in, every output document out.
 * Never throws for bad input (an unreadable upload gives {@link ProcessingResult.Status#ONLEESBAAR} with an
 * error report among the outputs); throws only for faults of the service itself.
 */
public interface DocumentProcessor {

    /** A document without upload context (./kw check, tests): no folder to compare with, no receipt time. */
    ProcessingResult process(String documentName, byte[] content);

    /**
     * A document with its upload context: the gemeente of the upload folder, the receipt time, the version and
     * the uploader, as the pipeline knows them. Processors that ignore the context need not override this.
     */
    default ProcessingResult process(Receipt receipt, byte[] content) {
        return process(receipt.documentName(), content);
    }

    /**
     * As {@link #process(Receipt, byte[])}, giving up reading at the deadline (with an error report among the
     * outputs). The pipeline calls this one; a processor that reads nothing slow may ignore the deadline.
     */
    default ProcessingResult process(Receipt receipt, byte[] content, Deadline deadline) {
        return process(receipt, content);
    }
}
