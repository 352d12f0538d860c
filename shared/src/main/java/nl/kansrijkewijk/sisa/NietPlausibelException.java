package nl.kansrijkewijk.sisa;

/**
 * The upload is not a plausible SiSa bijlage of this regeling for this gemeente (CBS's "niet plausibel": resubmit),
 * or cannot be read at all. {@link #userMessage()} is Dutch, says what to fix, and is safe to show; {@link #getMessage()}
 * is technical detail for the log. The only exception the verantwoording reader lets out.
 */
public class NietPlausibelException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String userMessage;

    public NietPlausibelException(String userMessage, String technicalDetail, Throwable cause) {
        super(technicalDetail, cause);
        this.userMessage = userMessage;
    }

    public NietPlausibelException(String userMessage, String technicalDetail) {
        this(userMessage, technicalDetail, null);
    }

    public String userMessage() {
        return userMessage;
    }
}
