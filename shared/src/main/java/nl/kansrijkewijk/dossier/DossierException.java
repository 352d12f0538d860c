package nl.kansrijkewijk.dossier;

/** A request the dossier refuses; the message is Dutch and meant for the reviewer or the gemeente. */
public final class DossierException extends RuntimeException {
    public DossierException(String message) {
        super(message);
    }

    public DossierException(String message, Throwable cause) {
        super(message, cause);
    }
}
