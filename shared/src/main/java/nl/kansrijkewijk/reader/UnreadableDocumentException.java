package nl.kansrijkewijk.reader;

/**
 * The upload cannot be read as an aanvraagformulier at all (not a PDF or XLSX, encrypted, corrupt, another
 * form). {@link #userMessage()} is Dutch and safe to show; {@link #getMessage()} is technical detail for the log.
 */
public class UnreadableDocumentException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String userMessage;

    public UnreadableDocumentException(String userMessage, String technicalDetail, Throwable cause) {
        super(technicalDetail, cause);
        this.userMessage = userMessage;
    }

    public UnreadableDocumentException(String userMessage, String technicalDetail) {
        this(userMessage, technicalDetail, null);
    }

    public String userMessage() {
        return userMessage;
    }
}
