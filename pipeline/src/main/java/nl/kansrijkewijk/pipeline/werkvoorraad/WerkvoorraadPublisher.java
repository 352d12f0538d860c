package nl.kansrijkewijk.pipeline.werkvoorraad;

import nl.kansrijkewijk.pipeline.status.BucketStore;
import nl.kansrijkewijk.pipeline.status.StatusSource;

/**
 * Regenerates the stored werkvoorraad ({@value #HTML_KEY}, {@value #XLSX_KEY} in the output bucket) from the
 * status source: after every processed upload (./kw serve; the PortalEventsFunction in AWS) and after every reviewer
 * act the dossier recorded (the ReviewerFunction). Fixed keys on purpose: each function's write grant names exactly
 * these two objects, neither of which is a manifest.json, so they can never trigger anything. Same state, same bytes.
 */
public final class WerkvoorraadPublisher {
    public static final String HTML_KEY = "werkvoorraad/werkvoorraad.html";
    public static final String XLSX_KEY = "werkvoorraad/werkvoorraad.xlsx";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StatusSource source;
    private final BucketStore store;
    private final String outputBucket;

    public WerkvoorraadPublisher(StatusSource source, BucketStore store, String outputBucket) {
        this.source = source;
        this.store = store;
        this.outputBucket = outputBucket;
    }

    public Werkvoorraad regenerate() {
        Werkvoorraad w = Werkvoorraad.of(source.allDocuments());
        store.write(outputBucket, XLSX_KEY, WerkvoorraadXlsx.write(w, Links.relative()), XLSX_TYPE);
        store.write(outputBucket, HTML_KEY, WerkvoorraadHtml.page(w, Links.relative()), "text/html; charset=utf-8");
        return w;
    }
}
