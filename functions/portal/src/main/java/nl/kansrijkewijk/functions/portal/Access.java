package nl.kansrijkewijk.functions.portal;

import java.util.Optional;

/**
 * Every authorization decision of the portal in one place, on plain values, so that isolation between
 * gemeenten is tested without AWS. The bucket policies and the function role in template.yaml repeat the
 * prefix rules as a second line of defence.
 */
public final class Access {
    /** Output bucket prefix of the werkvoorraad files: reviewers only. */
    public static final String WERKVOORRAAD_PREFIX = "werkvoorraad/";
    /** Output bucket prefix of the per-gemeente dossier events: {@code dossier/<CBS>/…}. */
    public static final String DOSSIER_PREFIX = "dossier/";

    private Access() {}

    /** Only a gemeente submits documents, and only into its own inbox folder. */
    public static boolean mayUpload(Caller caller) {
        return caller instanceof Caller.Gemeente;
    }

    /** A gemeente sees its own documents; a reviewer any gemeente's. */
    public static boolean mayReadGemeente(Caller caller, String cbsCode) {
        return switch (caller) {
            case Caller.Reviewer r -> true;
            case Caller.Gemeente g -> g.cbsCode().equals(cbsCode);
        };
    }

    public static boolean mayReadWerkvoorraad(Caller caller) {
        return caller instanceof Caller.Reviewer;
    }

    /** A beoordeling (the reviewer's judgement on a finding or a decision) is never written by a gemeente. */
    public static boolean mayWriteBeoordeling(Caller caller) {
        return caller instanceof Caller.Reviewer;
    }

    /**
     * Whether the caller may get a download link for this output bucket key. Keys are
     * {@code <CBS>/<file>/<version>/<output>}, {@code dossier/<CBS>/…} or {@code werkvoorraad/…}; anything
     * else, and any key with an empty, relative or encoded segment, is refused for everybody.
     */
    public static boolean mayReadOutput(Caller caller, String key) {
        Optional<String> owner = ownerOf(key);
        if (owner.isEmpty()) {
            return key != null && isCleanKey(key) && key.startsWith(WERKVOORRAAD_PREFIX) && mayReadWerkvoorraad(caller);
        }
        return mayReadGemeente(caller, owner.get());
    }

    /** The gemeente an output key belongs to, when it is a well-formed gemeente or dossier key. */
    static Optional<String> ownerOf(String key) {
        if (key == null || !isCleanKey(key)) {
            return Optional.empty();
        }
        String rest = key.startsWith(DOSSIER_PREFIX) ? key.substring(DOSSIER_PREFIX.length()) : key;
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String code = rest.substring(0, slash);
        return Caller.CBS_CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    private static boolean isCleanKey(String key) {
        if (key.isEmpty() || key.length() > 1024 || key.startsWith("/") || key.endsWith("/")
                || key.contains("//") || key.contains("%") || key.contains("\\")) {
            return false;
        }
        for (String segment : key.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
