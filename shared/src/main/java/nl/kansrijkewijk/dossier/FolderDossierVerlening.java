package nl.kansrijkewijk.dossier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import nl.kansrijkewijk.provenance.Provenance;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.verantwoording.DossierJson;

/**
 * The verlening a folder dossier ({@code dossier.json}: the SiSa fixtures and the demo cycle) states, as the event a
 * second reviewer's vaststelling would have recorded: per group the amount verleend and its termijnen, each counted
 * as paid. The folder format knows no reviewers or moment, so the caller gives them (fixed, for identical bytes).
 */
public final class FolderDossierVerlening {
    private FolderDossierVerlening() {}

    public static DossierEvent.VerleningVastgesteld event(DossierJson.Dossier d, Instant at, LocalDate datum,
            Beoordeling.Reviewer beoordelaar, Beoordeling.Reviewer vaststeller) {
        List<DossierEvent.VerleendBedrag> bedragen = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (DossierJson.Groep g : d.toekenningen()) {
            TreeMap<Integer, BigDecimal> perJaar = new TreeMap<>(g.uitbetaald());
            bedragen.add(new DossierEvent.VerleendBedrag(g.onderdeel(), g.focusgebied(), g.verleend(), perJaar, perJaar));
            total = total.add(g.verleend());
        }
        return new DossierEvent.VerleningVastgesteld(d.gemeente(), d.verleningKenmerken().get(0), at, datum, null,
                List.of(), List.of(beoordelaar), vaststeller, bedragen, total, total,
                Provenance.of(RegelingCatalogus.standard().first(), null));
    }

    /** Records {@link #event} in {@code store} (a no-op when it is there already). */
    public static void record(DossierStore store, DossierJson.Dossier d, Instant at, LocalDate datum,
            Beoordeling.Reviewer beoordelaar, Beoordeling.Reviewer vaststeller) {
        DossierEvent.VerleningVastgesteld v = event(d, at, datum, beoordelaar, vaststeller);
        store.putIfAbsent(EventKeys.event(v), EventCodec.bytes(v));
    }
}
