package nl.kansrijkewijk.kenmerk;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * Kenmerken that identify a case, not the bytes of an upload: the same aanvraag uploaded as fillable PDF, printed
 * PDF or XLSX, or uploaded again corrected, keeps its kenmerk. Each is a pure function of the regeling, the
 * gemeente and what the document is, so it is the same whatever order the uploads arrive in.
 *
 * <ul>
 *   <li>dossier: {@code KW-2023-GM0363} — one per gemeente per regeling (tranche);</li>
 *   <li>aanvraag and its verleningsbeschikking: {@code KW-2023-GM0363-V} (art. 10(1) has one window);</li>
 *   <li>wijziging: {@code KW-2023-GM0363-W1} … {@code -W3} by the art. 10(3) window it was received in; one received
 *       outside every window gets {@code -W-yyyymmdd} (its date of receipt), so it still has a case of its own;</li>
 *   <li>verantwoording over year T: {@code KW-2023-GM0363-J2024}; vaststelling: {@code KW-2023-GM0363-S}.</li>
 * </ul>
 */
public final class Kenmerk {
    private static final Pattern CBS = Pattern.compile("GM\\d{4}");

    private Kenmerk() {}

    public static String dossier(Regeling regeling, String cbsCode) {
        return "KW-" + regeling.validFrom().getYear() + "-" + code(cbsCode);
    }

    public static String verlening(Regeling regeling, String cbsCode) {
        return dossier(regeling, cbsCode) + "-V";
    }

    /** A wijziging, by the window that contains {@code received} (fallback: the typed date when receipt is unknown). */
    public static String wijziging(Regeling regeling, String cbsCode, LocalDate received) {
        Objects.requireNonNull(received, "received");
        List<Regeling.Period> windows = regeling.deadlines().wijzigingWindows();
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).contains(received)) {
                return dossier(regeling, cbsCode) + "-W" + (i + 1);
            }
        }
        return dossier(regeling, cbsCode) + "-W-" + received.toString().replace("-", "");
    }

    public static String verantwoording(Regeling regeling, String cbsCode, int year) {
        return dossier(regeling, cbsCode) + "-J" + year;
    }

    public static String vaststelling(Regeling regeling, String cbsCode) {
        return dossier(regeling, cbsCode) + "-S";
    }

    private static String code(String cbsCode) {
        String c = cbsCode == null ? "" : cbsCode.strip().toUpperCase(Locale.ROOT);
        return CBS.matcher(c).matches() ? c : "GM0000";
    }
}
