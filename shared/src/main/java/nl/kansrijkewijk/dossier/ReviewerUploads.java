package nl.kansrijkewijk.dossier;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workbook a reviewer uploads: {@code beoordelingen/<CBS>/<name>.xlsx} (bevindingen.xlsx with the beoordeling
 * columns filled in). Anything else is refused — above all a beoordeling in a gemeente's {@code inbox/}, which a
 * gemeente can write: the dossier never takes a judgement from where the applicant uploads. Which principals may
 * write {@code beoordelingen/} is the bucket policy's business (template.yaml); this is the second line.
 */
public final class ReviewerUploads {
    public static final String PREFIX = "beoordelingen/";
    private static final Pattern KEY = Pattern.compile("beoordelingen/(GM\\d{4})/[^/]+\\.xlsx", Pattern.CASE_INSENSITIVE);

    private final DossierService service;

    public ReviewerUploads(DossierService service) {
        this.service = service;
    }

    /**
     * @param key      the object key in the upload bucket
     * @param uploader the principal the S3 event names; recorded next to the name the reviewer typed
     * @return the id of the recorded beoordeling
     * @throws DossierException with a Dutch message when the upload is refused
     */
    public String accept(String key, byte[] content, String uploader, Instant at) {
        Matcher m = KEY.matcher(key == null ? "" : key);
        if (!m.matches()) {
            if (key != null && key.startsWith("inbox/")) {
                throw new DossierException("Een beoordeling wordt niet aangenomen uit de map van een gemeente (" + key
                        + "). Beoordelaars uploaden de ingevulde bevindingen.xlsx naar beoordelingen/<CBS-code>/.");
            }
            throw new DossierException("Een beoordeling hoort onder beoordelingen/<CBS-code>/<naam>.xlsx; '" + key
                    + "' is dat niet.");
        }
        String cbs = m.group(1).toUpperCase(Locale.ROOT);
        Beoordeling b = BeoordelingWorkbook.read(content);
        if (b.kenmerk() == null || !b.kenmerk().contains(cbs)) {
            throw new DossierException("Het kenmerk in de werkmap (" + b.kenmerk() + ") hoort niet bij de map "
                    + PREFIX + cbs + "/.");
        }
        return service.beoordeel(cbs, b, at);
    }
}
