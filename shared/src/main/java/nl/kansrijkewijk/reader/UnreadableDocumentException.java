package nl.kansrijkewijk.reader;

/**
 * The upload cannot be read as an aanvraagformulier at all (not a PDF or XLSX, encrypted, corrupt, another
 * form). {@link #userMessage()} is Dutch and safe to show; {@link #getMessage()} is technical detail for the log;
 * {@link #reason()} says in one stable word what is wrong (fout.json's "reason").
 */
public class UnreadableDocumentException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong, as a stable machine code. */
    public enum Reason {
        /** Nothing (or no field) in it. */
        LEEG("leeg"),
        /** Beyond one of the limits (size, pages, rows, cells, inflated size). */
        TE_GROOT("te-groot"),
        /** Could not be read within the processing time, or exhausted the function on an earlier attempt. */
        TE_COMPLEX("te-complex"),
        /** The upload stops early: the end of the PDF or the zip's table of contents is missing. */
        AFGEBROKEN("afgebroken"),
        WACHTWOORD("wachtwoord"),
        /** Another file format (xls, ods, docx, an image…). */
        ANDER_FORMAAT("ander-formaat"),
        /** A readable document, but not this form. */
        NIET_HET_FORMULIER("niet-het-formulier"),
        /** The format is right but the content does not parse. */
        BESCHADIGD("beschadigd"),
        ONLEESBAAR("onleesbaar");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final String userMessage;
    private final Reason reason;

    public UnreadableDocumentException(Reason reason, String userMessage, String technicalDetail, Throwable cause) {
        super(technicalDetail, cause);
        this.userMessage = userMessage;
        this.reason = reason;
    }

    public UnreadableDocumentException(Reason reason, String userMessage, String technicalDetail) {
        this(reason, userMessage, technicalDetail, null);
    }

    public UnreadableDocumentException(String userMessage, String technicalDetail, Throwable cause) {
        this(Reason.ONLEESBAAR, userMessage, technicalDetail, cause);
    }

    public UnreadableDocumentException(String userMessage, String technicalDetail) {
        this(Reason.ONLEESBAAR, userMessage, technicalDetail, null);
    }

    public String userMessage() {
        return userMessage;
    }

    public Reason reason() {
        return reason;
    }
}
