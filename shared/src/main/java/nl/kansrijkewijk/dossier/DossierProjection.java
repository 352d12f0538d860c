package nl.kansrijkewijk.dossier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.processing.Json;

/**
 * Folds a gemeente's events, sorted by {@link EventCodec#ORDER}, into its {@link DossierState}. A pure function:
 * the same events in any order give the same state, and the same JSON bytes.
 *
 * <p>Rules: the latest readable upload of a case (by receipt time) is current and supersedes the earlier ones;
 * beoordelingen and the vaststelling belong to the case, not to one upload (finding ids survive a corrected
 * re-upload); once the verlening is fixed, the case is closed — later uploads and beoordelingen are recorded but
 * change nothing.
 */
public final class DossierProjection {
    private DossierProjection() {}

    /** The working state of one case while folding; {@link #zaak()} freezes it. */
    static final class Case {
        final String kenmerk;
        String soort;
        final List<DossierEvent> uploads = new ArrayList<>();
        final Map<String, String> uploadStatus = new LinkedHashMap<>();
        String current;
        final List<DossierEvent.BeoordelingVastgelegd> beoordelingen = new ArrayList<>();
        final List<String> views = new ArrayList<>();
        /** What produced each view, from its concept event. */
        final Map<String, nl.kansrijkewijk.provenance.Provenance> viewProvenance = new TreeMap<>();
        DossierEvent.VerleningVastgesteld verlening;

        Case(String kenmerk) {
            this.kenmerk = kenmerk;
        }

        boolean wijziging() {
            return "wijziging".equals(soort);
        }

        List<Beoordeling> beoordelingList() {
            return beoordelingen.stream().map(DossierEvent.BeoordelingVastgelegd::beoordeling).toList();
        }
    }

    /** The folded cases of a gemeente, by kenmerk; for the service, which needs the beoordelingen themselves. */
    record Folded(String gemeenteCode, TreeMap<String, Case> cases, List<DossierEvent> sorted) {
        Optional<DossierEvent.VerleningVastgesteld> verlening() {
            return cases.values().stream().filter(c -> !c.wijziging() && c.verlening != null)
                    .map(c -> c.verlening).findFirst();
        }
    }

    public static DossierState project(String gemeenteCode, List<DossierEvent> events) {
        return state(fold(gemeenteCode, events));
    }

    static Folded fold(String gemeenteCode, List<DossierEvent> events) {
        List<DossierEvent> sorted = events.stream().sorted(EventCodec.ORDER).toList();
        TreeMap<String, Case> cases = new TreeMap<>();
        String vaststelling = DossierVerantwoording.kenmerk(gemeenteCode);
        for (DossierEvent e : sorted) {
            if (vaststelling.equals(e.kenmerk())) {
                continue; // the vaststelling's beoordelingen and its fixing: folded by DossierVerantwoording
            }
            Case c = cases.computeIfAbsent(e.kenmerk(), Case::new);
            switch (e) {
                case DossierEvent.AanvraagOntvangen a -> upload(c, "aanvraag", a, a.sha256(), a.leesbaar());
                case DossierEvent.WijzigingOntvangen w -> upload(c, "wijziging", w, w.sha256(), true);
                case DossierEvent.BeoordelingVastgelegd b -> {
                    if (c.verlening == null && c.beoordelingen.stream().noneMatch(x -> x.id().equals(b.id()))) {
                        c.beoordelingen.add(b);
                    }
                }
                case DossierEvent.VerleningVastgesteld v -> {
                    if (c.verlening == null) {
                        c.verlening = v;
                        c.current = v.upload();
                    }
                }
                case DossierEvent.ConceptGemaakt g -> view(c, g.view(), g.provenance());
                case DossierEvent.WijzigingBesloten w -> view(c, w.view(), w.provenance());
                case DossierEvent.VerantwoordingOntvangen v -> { /* folded by DossierVerantwoording */ }
                case DossierEvent.UitstelVastgelegd u -> { /* folded by DossierVerantwoording */ }
                case DossierEvent.VaststellingVastgesteld v -> { /* folded by DossierVerantwoording */ }
                case DossierEvent.Uitbreiding u -> { /* kept in the history */ }
            }
        }
        cases.values().removeIf(c -> c.soort == null && c.beoordelingen.isEmpty() && c.verlening == null && c.views.isEmpty());
        return new Folded(gemeenteCode, cases, sorted);
    }

    private static void view(Case c, String view, nl.kansrijkewijk.provenance.Provenance provenance) {
        c.views.add(view);
        if (provenance != null) {
            c.viewProvenance.putIfAbsent(view, provenance);
        }
    }

    private static void upload(Case c, String soort, DossierEvent e, String sha, boolean readable) {
        c.soort = soort;
        if (c.uploadStatus.containsKey(sha)) {
            return;
        }
        c.uploads.add(e);
        if (!readable) {
            c.uploadStatus.put(sha, "onleesbaar");
        } else if (c.verlening != null) {
            c.uploadStatus.put(sha, "na vaststelling ontvangen");
        } else {
            if (c.current != null) {
                c.uploadStatus.put(c.current, "vervangen");
            }
            c.current = sha;
            c.uploadStatus.put(sha, "huidig");
        }
    }

    /**
     * The folder name of a case's outputs: a hash of everything they depend on (the upload, the beoordelingen in
     * effect, the vaststelling, and for a wijziging the verlening it is judged against).
     */
    static String viewId(Case c, Optional<DossierEvent.VerleningVastgesteld> dossierVerlening) {
        StringBuilder in = new StringBuilder(c.kenmerk).append('|').append(c.current);
        c.beoordelingen.forEach(b -> in.append('|').append(b.id()));
        if (c.verlening != null) {
            in.append("|vastgesteld|").append(new String(EventCodec.bytes(causal(c.verlening)), StandardCharsets.UTF_8));
        }
        if (c.wijziging()) {
            in.append("|tegen|").append(dossierVerlening.map(v -> new String(EventCodec.bytes(causal(v)), StandardCharsets.UTF_8))
                    .orElse("geen"));
        }
        String prefix = c.wijziging() ? "wijziging-" : c.verlening != null ? "definitief-" : "concept-";
        return prefix + Sha256.hex(in.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    /**
     * The verlening as a cause: without its provenance, so that which code recorded it never changes the folder
     * (and the key of the concept event) of what is derived from it.
     */
    private static DossierEvent.VerleningVastgesteld causal(DossierEvent.VerleningVastgesteld v) {
        return new DossierEvent.VerleningVastgesteld(v.gemeenteCode(), v.kenmerk(), v.at(), v.datum(), v.upload(),
                v.beoordelingen(), v.beoordelaars(), v.vaststeller(), v.bedragen(), v.totaalVerleend(),
                v.totaalUitTeBetalen(), null);
    }

    static DossierState state(Folded f) {
        Optional<DossierEvent.VerleningVastgesteld> verlening = f.verlening();
        List<DossierState.Zaak> zaken = new ArrayList<>();
        for (Case c : f.cases().values()) {
            List<DossierState.Upload> uploads = new ArrayList<>();
            for (DossierEvent e : c.uploads) {
                var r = e instanceof DossierEvent.AanvraagOntvangen a ? a.receipt() : ((DossierEvent.WijzigingOntvangen) e).receipt();
                String shape = e instanceof DossierEvent.AanvraagOntvangen a ? a.shape() : ((DossierEvent.WijzigingOntvangen) e).shape();
                uploads.add(new DossierState.Upload(e.cause(), r.documentName(), r.versionId(), r.uploader(), r.receivedAt(),
                        shape, c.uploadStatus.get(e.cause())));
            }
            String view = c.current == null ? null : viewId(c, verlening);
            String status = c.verlening != null ? "vastgesteld" : c.current == null ? "onleesbaar"
                    : !c.beoordelingen.isEmpty() ? "beoordeeld" : "concept";
            List<String> earlier = c.views.stream().filter(v -> !v.equals(view)).distinct().toList();
            zaken.add(new DossierState.Zaak(c.kenmerk, c.soort, status, uploads, c.current,
                    c.beoordelingen.stream().map(DossierEvent.BeoordelingVastgelegd::id).toList(),
                    c.beoordelingen.stream().map(b -> b.beoordeling().door()).distinct().toList(),
                    view, earlier, c.verlening,
                    c.wijziging() ? verlening.map(DossierEvent.VerleningVastgesteld::kenmerk).orElse(null) : null,
                    view == null ? null : c.viewProvenance.get(view)));
        }
        List<DossierState.Regel> history = f.sorted().stream().map(DossierProjection::regel).toList();
        nl.kansrijkewijk.regeling.Regeling regeling = nl.kansrijkewijk.regeling.RegelingCatalogus.standard().first();
        List<DossierState.VerantwoordingZaak> verantwoordingen = DossierVerantwoording.zaken(f);
        return new DossierState(DossierState.SCHEMA, f.gemeenteCode(), zaken,
                verantwoordingen.isEmpty() ? null : verantwoordingen, DossierVerantwoording.uitstel(f.sorted(), null).orElse(null),
                DossierVerantwoording.vaststelling(regeling, f), history);
    }

    private static DossierState.Regel regel(DossierEvent e) {
        String door = switch (e) {
            case DossierEvent.AanvraagOntvangen a -> a.receipt().uploader();
            case DossierEvent.WijzigingOntvangen w -> w.receipt().uploader();
            case DossierEvent.BeoordelingVastgelegd b -> b.beoordeling().door().naam();
            case DossierEvent.VerleningVastgesteld v -> v.vaststeller().naam();
            case DossierEvent.VerantwoordingOntvangen v -> v.receipt().uploader();
            case DossierEvent.UitstelVastgelegd u -> u.door() == null ? null : u.door().naam();
            case DossierEvent.VaststellingVastgesteld v -> v.vaststeller().naam();
            default -> null;
        };
        return new DossierState.Regel(e.at(), e.kind(), e.kenmerk(), door, e.cause(), e.provenance());
    }

    public static byte[] json(DossierState s) {
        return Json.bytes(s);
    }
}
