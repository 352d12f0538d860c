package nl.kansrijkewijk.config;

import java.util.List;

/**
 * Who sends the beschikking and where the gemeente turns to: the deployment configuration behind the letterhead,
 * the contact block, the signature and the bezwaar clause ({@code config/afzender.yaml}, read by
 * {@link AfzenderLoader}). {@link #defaults()} names, as dotted paths, the values that are stand-ins because the
 * true value is not public; the workpapers list them for the reviewer.
 */
public record Afzender(
        String ministerie,
        String directie,
        List<String> postadres,
        List<String> bezoekadres,
        String website,
        Contact contact,
        Ondertekening ondertekening,
        Bezwaar bezwaar,
        List<String> defaults) {

    public Afzender {
        postadres = List.copyOf(postadres);
        bezoekadres = bezoekadres == null ? List.of() : List.copyOf(bezoekadres);
        defaults = defaults == null ? List.of() : List.copyOf(defaults);
    }

    public record Contact(String naam, String email, String telefoon) {}

    /** @param namens "namens deze," — the mandate line above the signatory */
    public record Ondertekening(String namens, String naam, String functie) {}

    /** @param aan the organ the bezwaarschrift is addressed to (Awb art. 6:4) */
    public record Bezwaar(String aan, List<String> adres) {
        public Bezwaar {
            adres = List.copyOf(adres);
        }
    }

    public boolean isDefault(String path) {
        return defaults.contains(path);
    }
}
