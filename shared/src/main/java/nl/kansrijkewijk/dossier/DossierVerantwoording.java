package nl.kansrijkewijk.dossier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.kenmerk.Kenmerk;
import nl.kansrijkewijk.processing.Json;
import nl.kansrijkewijk.processing.VerantwoordingProcessor;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.render.BeschikkingVariants;
import nl.kansrijkewijk.render.VaststellingWerkpapier;
import nl.kansrijkewijk.sisa.NietPlausibelException;
import nl.kansrijkewijk.sisa.SisaConfig;
import nl.kansrijkewijk.sisa.Verantwoording;
import nl.kansrijkewijk.sisa.VerantwoordingReader;
import nl.kansrijkewijk.verantwoording.DossierContext;
import nl.kansrijkewijk.verantwoording.Vaststelling;
import nl.kansrijkewijk.verantwoording.VaststellingCalculator;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext;

/**
 * The verantwoording side of the dossier: the {@link VerantwoordingContext} a SiSa upload is judged against, built
 * from the events (the recorded verlening, its termijnen as paid, the verantwoordingen before it, the uitstel), and
 * the outputs of each verantwoording and of the vaststelling, each in a folder named by a hash of its inputs — so,
 * like the concepts, a pure function of the events.
 */
final class DossierVerantwoording {
    static final String VERANTWOORDING_PREFIX = "verantwoording-";
    static final String VASTSTELLING_PREFIX = "concept-";
    static final String DEFINITIEF_PREFIX = "definitief-";

    private final Regeling regeling;
    private final SisaConfig config;
    private final VerantwoordingProcessor processor;
    private final DossierStore store;
    /** Parsed workbooks by SHA-256; reading is deterministic, so a cache changes nothing but time. */
    private final Map<String, Verantwoording> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verantwoording> eldest) {
            return size() > 16;
        }
    };

    DossierVerantwoording(DossierStore store, Regeling regeling, SisaConfig config, VerantwoordingProcessor processor) {
        this.store = store;
        this.regeling = regeling;
        this.config = config;
        this.processor = processor;
    }

    Regeling regeling() {
        return regeling;
    }

    SisaConfig config() {
        return config;
    }

    VerantwoordingProcessor processor() {
        return processor;
    }

    static List<DossierEvent.VerantwoordingOntvangen> received(List<DossierEvent> sorted) {
        return sorted.stream().filter(e -> e instanceof DossierEvent.VerantwoordingOntvangen)
                .map(e -> (DossierEvent.VerantwoordingOntvangen) e).toList();
    }

    /** The latest request and the latest decision recorded up to {@code upTo} (inclusive; null: all). */
    static Optional<VerantwoordingContext.Uitstel> uitstel(List<DossierEvent> sorted, DossierEvent upTo) {
        java.time.LocalDate verzocht = null;
        java.time.LocalDate besloten = null;
        Boolean verleend = null;
        java.time.LocalDate tot = null;
        for (DossierEvent e : sorted) {
            if (upTo != null && EventCodec.ORDER.compare(e, upTo) > 0) {
                break;
            }
            if (e instanceof DossierEvent.UitstelVastgelegd u) {
                if ("verzocht".equals(u.handeling())) {
                    verzocht = u.datum();
                } else {
                    besloten = u.datum();
                    verleend = u.verleend();
                    tot = u.verleendTot();
                }
            }
        }
        return verzocht == null && besloten == null ? Optional.empty()
                : Optional.of(new VerantwoordingContext.Uitstel(verzocht, besloten, verleend, tot));
    }

    /**
     * The verlening as a second reviewer fixed it, per onderdeel and focusgebied; its termijnen (inclusief btw)
     * count as paid in their year. A wijziging is a concept in this dossier (there is no vastgestelde wijziging yet),
     * so it does not change these amounts.
     */
    static List<VerantwoordingContext.Toekenning> toekenningen(DossierProjection.Folded f) {
        return f.verlening().map(v -> v.bedragen().stream()
                .map(b -> new VerantwoordingContext.Toekenning(b.onderdeel(), b.focusgebied(), b.verleend(), b.perJaar()))
                .toList()).orElse(List.of());
    }

    static List<String> kenmerken(DossierProjection.Folded f) {
        List<String> out = new ArrayList<>();
        f.verlening().ifPresent(v -> out.add(v.kenmerk()));
        f.cases().values().stream().filter(DossierProjection.Case::wijziging).forEach(c -> out.add(c.kenmerk));
        return out;
    }

    /** The inputs of the verantwoording at {@code index} (or of the vaststelling when index = size) as a string. */
    private static String inputs(DossierProjection.Folded f, List<DossierEvent.VerantwoordingOntvangen> all, int index) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i <= Math.min(index, all.size() - 1); i++) {
            in.append(new String(EventCodec.bytes(all.get(i)), StandardCharsets.UTF_8)).append('|');
        }
        DossierEvent upTo = index < all.size() ? all.get(index) : null;
        in.append("|uitstel|").append(new String(Json.bytes(uitstel(f.sorted(), upTo).orElse(null)), StandardCharsets.UTF_8));
        in.append("|verlening|").append(f.verlening().map(v -> new String(EventCodec.bytes(v), StandardCharsets.UTF_8)).orElse("geen"));
        in.append("|kenmerken|").append(String.join(",", kenmerken(f)));
        return in.toString();
    }

    static String viewId(DossierProjection.Folded f, List<DossierEvent.VerantwoordingOntvangen> all, int index) {
        String prefix = index < all.size() ? VERANTWOORDING_PREFIX : VASTSTELLING_PREFIX;
        String in = prefix + inputs(f, all, index);
        if (index >= all.size()) {
            // The reviewer's acts only when there are any, so a vaststelling nobody judged keeps its folder name.
            Acts acts = acts(f);
            if (!acts.beoordelingen().isEmpty()) {
                in += "|beoordelingen|" + String.join(",", acts.beoordelingen().stream()
                        .map(DossierEvent.BeoordelingVastgelegd::id).toList());
            }
            if (acts.vastgesteld() != null) {
                prefix = DEFINITIEF_PREFIX;
                in += "|vastgesteld|" + new String(EventCodec.bytes(acts.vastgesteld()), StandardCharsets.UTF_8);
            }
        }
        return prefix + Sha256.hex(in.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    /** The vaststelling's kenmerk ({@code …-S}) of a gemeente. */
    static String kenmerk(String cbs) {
        return Kenmerk.vaststelling(RegelingCatalogus.standard().first(), cbs);
    }

    /**
     * The reviewer's acts on the vaststelling: its beoordelingen and, once a second reviewer fixed it, that act. After
     * the fixing only the beoordelingen it names count (a later one is recorded and changes nothing).
     */
    record Acts(List<DossierEvent.BeoordelingVastgelegd> beoordelingen, DossierEvent.VaststellingVastgesteld vastgesteld) {
        List<Beoordeling> list() {
            return beoordelingen.stream().map(DossierEvent.BeoordelingVastgelegd::beoordeling).toList();
        }

        List<Beoordeling.Reviewer> beoordelaars() {
            return list().stream().map(Beoordeling::door).distinct().toList();
        }
    }

    static Acts acts(DossierProjection.Folded f) {
        String k = kenmerk(f.gemeenteCode());
        DossierEvent.VaststellingVastgesteld vastgesteld = f.sorted().stream()
                .filter(e -> e instanceof DossierEvent.VaststellingVastgesteld v && k.equals(v.kenmerk()))
                .map(e -> (DossierEvent.VaststellingVastgesteld) e).findFirst().orElse(null);
        List<DossierEvent.BeoordelingVastgelegd> out = new ArrayList<>();
        for (DossierEvent e : f.sorted()) {
            if (e instanceof DossierEvent.BeoordelingVastgelegd b && k.equals(b.kenmerk())
                    && out.stream().noneMatch(x -> x.id().equals(b.id()))
                    && (vastgesteld == null || vastgesteld.beoordelingen().contains(b.id()))) {
                out.add(b);
            }
        }
        return new Acts(out, vastgesteld);
    }

    /**
     * The dossier as the vaststelling sees it: everything, or once it is fixed, the events up to the fixing — a
     * correction received later is recorded (and checked) but does not change a decided vaststelling.
     */
    static DossierProjection.Folded cut(DossierProjection.Folded f) {
        DossierEvent.VaststellingVastgesteld v = acts(f).vastgesteld();
        if (v == null) {
            return f;
        }
        return new DossierProjection.Folded(f.gemeenteCode(), f.cases(),
                f.sorted().stream().filter(e -> EventCodec.ORDER.compare(e, v) <= 0).toList());
    }

    /**
     * A vaststelling judged: the checks of the verantwoordingen that count (each against the dossier as it stood
     * before it), the findings a reviewer judges ({@code base}: those checks, then the unjudged vaststelling's own),
     * and the vaststelling with the beoordelingen applied.
     */
    record Judged(List<Finding> yearFindings, List<Finding> base, Vaststelling vaststelling, List<Beoordeling> beoordelingen) {
        /** What the werkpapier lists and a reviewer sees: the year checks, then the (judged) vaststelling's. */
        List<Finding> findings() {
            List<Finding> out = new ArrayList<>(yearFindings);
            out.addAll(vaststelling.findings());
            return out;
        }
    }

    /** @param beoordelingen the judgements to apply (empty: the plain proposal) */
    Judged judge(DossierProjection.Folded cut, List<Beoordeling> beoordelingen) {
        List<DossierEvent.VerantwoordingOntvangen> all = received(cut.sorted());
        List<Finding> year = new ArrayList<>();
        java.util.Set<Integer> counting = counting(all);
        for (int i = 0; i < all.size(); i++) {
            if (counting.contains(i)) {
                DossierEvent.VerantwoordingOntvangen e = all.get(i);
                year.addAll(processor.check(read(cut.gemeenteCode(), e), e.receipt().receivedOn(), context(cut, all, i)));
            }
        }
        DossierContext whole = context(cut, all, all.size());
        Vaststelling plain = processor.calculate(whole);
        List<Finding> base = new ArrayList<>(year);
        base.addAll(plain.findings());
        if (beoordelingen.isEmpty()) {
            return new Judged(year, base, plain, beoordelingen);
        }
        List<Finding> reviewer = new ReviewerFindings(RuleCatalogue.standard()).judge(base, beoordelingen).findings();
        return new Judged(year, base, processor.calculate(whole, reviewer), beoordelingen);
    }

    /** The context before the verantwoording at {@code index}, or with all of them when index = size. */
    DossierContext context(DossierProjection.Folded f, List<DossierEvent.VerantwoordingOntvangen> all, int index) {
        List<VerantwoordingContext.Ontvangst> earlier = new ArrayList<>();
        for (int i = 0; i < Math.min(index, all.size()); i++) {
            DossierEvent.VerantwoordingOntvangen e = all.get(i);
            earlier.add(new VerantwoordingContext.Ontvangst(read(f.gemeenteCode(), e), e.receipt().receivedOn()));
        }
        DossierEvent upTo = index < all.size() ? all.get(index) : null;
        return new DossierContext(f.gemeenteCode(), kenmerken(f), toekenningen(f), earlier,
                uitstel(f.sorted(), upTo).orElse(null));
    }

    Verantwoording read(String cbs, DossierEvent.VerantwoordingOntvangen e) {
        synchronized (parsed) {
            Verantwoording hit = parsed.get(e.sha256());
            if (hit != null) {
                return hit;
            }
        }
        byte[] bytes = store.read(EventKeys.document(cbs, e.sha256()))
                .orElseThrow(() -> new IllegalStateException("document " + e.sha256() + " missing from the dossier of " + cbs));
        Verantwoording v;
        try {
            v = VerantwoordingReader.read(e.receipt().documentName(), bytes, regeling, config, cbs);
        } catch (NietPlausibelException x) {
            throw new IllegalStateException("a recorded verantwoording no longer reads: " + x.userMessage(), x);
        }
        synchronized (parsed) {
            parsed.put(e.sha256(), v);
        }
        return v;
    }

    /** Writes the outputs of every verantwoording and of the vaststelling that are not there yet. */
    void render(DossierProjection.Folded f) {
        String cbs = f.gemeenteCode();
        List<DossierEvent.VerantwoordingOntvangen> all = received(f.sorted());
        for (int i = 0; i < all.size(); i++) {
            DossierEvent.VerantwoordingOntvangen e = all.get(i);
            String folder = EventKeys.view(cbs, e.kenmerk(), viewId(f, all, i));
            if (store.read(folder + VerantwoordingProcessor.VERANTWOORDING_JSON).isPresent()) {
                continue;
            }
            byte[] bytes = store.read(EventKeys.document(cbs, e.sha256())).orElseThrow();
            VerantwoordingProcessor.Result r = processor.process(e.receipt(), bytes, context(f, all, i));
            // The vaststelling is written once from the whole dossier below, not per upload.
            store.putIfAbsent(folder + VerantwoordingProcessor.VERANTWOORDING_JSON,
                    r.outputs().get(VerantwoordingProcessor.VERANTWOORDING_JSON));
        }
        if (all.isEmpty()) {
            return;
        }
        if (!due(regeling, f)) {
            return;
        }
        DossierProjection.Folded cut = cut(f);
        List<DossierEvent.VerantwoordingOntvangen> counted = received(cut.sorted());
        String kenmerk = Kenmerk.vaststelling(regeling, cbs);
        String folder = EventKeys.view(cbs, kenmerk, viewId(cut, counted, counted.size()));
        if (store.read(folder + VerantwoordingProcessor.VASTSTELLING_JSON).isPresent()) {
            return;
        }
        Acts acts = acts(cut);
        Judged j = judge(cut, acts.list());
        Vaststelling v = j.vaststelling();
        DossierEvent.VaststellingVastgesteld fixed = acts.vastgesteld();
        SortedMap<String, byte[]> files = processor.vaststelling(v, j.yearFindings(),
                acts.list().stream().flatMap(b -> b.motivering().stream()).toList(),
                fixed == null ? null : new BeschikkingVariants.Vaststelling(fixed.datum(), fixed.vaststeller().naam(),
                        fixed.vaststeller().rol()));
        List<Finding> listed = j.findings();
        java.time.LocalDate day = v.ontvangenLaatsteJaar() != null ? v.ontvangenLaatsteJaar() : v.eindeBestedingstermijn();
        files.put(VaststellingWerkpapier.FILE_NAME, BeoordelingWorkbook.addColumns(files.get(VaststellingWerkpapier.FILE_NAME),
                kenmerk, listed, FindingIds.of(listed), null, acts.list(), day));
        // vaststelling.json last: its presence says the folder is complete.
        files.forEach((name, b) -> {
            if (!name.equals(VerantwoordingProcessor.VASTSTELLING_JSON)) {
                store.putIfAbsent(folder + name, b);
            }
        });
        store.putIfAbsent(folder + VerantwoordingProcessor.VASTSTELLING_JSON, files.get(VerantwoordingProcessor.VASTSTELLING_JSON));
    }

    /**
     * Whether the vaststelling is due, from the events alone: a verantwoording over the last year of the
     * bestedingstermijn (31 December 2025, or the uitstel granted, at most 31 December 2026) is in. The same rule as
     * {@link VaststellingCalculator#due}, without reading the workbooks.
     */
    static boolean due(Regeling regeling, DossierProjection.Folded f) {
        Regeling.Deadlines d = regeling.deadlines();
        int last = uitstel(f.sorted(), null).filter(u -> Boolean.TRUE.equals(u.verleend())).map(u -> {
            java.time.LocalDate t = u.verleendTot() == null ? d.extensionThrough() : u.verleendTot();
            return t.isAfter(d.extensionThrough()) ? d.extensionThrough() : t;
        }).orElse(d.spendBy()).getYear();
        return received(f.sorted()).stream().anyMatch(e -> e.verslagjaar() == last);
    }

    static DossierState.VaststellingZaak vaststelling(Regeling regeling, DossierProjection.Folded f) {
        DossierProjection.Folded cut = cut(f);
        List<DossierEvent.VerantwoordingOntvangen> all = received(cut.sorted());
        if (all.isEmpty() || !due(regeling, cut)) {
            return null;
        }
        Acts acts = acts(cut);
        String status = acts.vastgesteld() != null ? "vastgesteld" : acts.beoordelingen().isEmpty() ? "concept" : "beoordeeld";
        return new DossierState.VaststellingZaak(Kenmerk.vaststelling(regeling, f.gemeenteCode()), status,
                viewId(cut, all, all.size()), acts.beoordelingen().stream().map(DossierEvent.BeoordelingVastgelegd::id).toList(),
                acts.beoordelaars(), acts.vastgesteld());
    }

    /** The indices of the verantwoordingen that count: per year the first delivery, or the latest correction. */
    static java.util.Set<Integer> counting(List<DossierEvent.VerantwoordingOntvangen> all) {
        Map<Integer, Integer> counting = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            DossierEvent.VerantwoordingOntvangen e = all.get(i);
            if (!counting.containsKey(e.verslagjaar()) || e.correctie()) {
                counting.put(e.verslagjaar(), i);
            }
        }
        return new java.util.TreeSet<>(counting.values());
    }

    /** The verantwoordingen and the vaststelling as dossier.json lists them. */
    static List<DossierState.VerantwoordingZaak> zaken(DossierProjection.Folded f) {
        List<DossierEvent.VerantwoordingOntvangen> all = received(f.sorted());
        List<DossierState.VerantwoordingZaak> out = new ArrayList<>();
        Map<Integer, Integer> counting = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            DossierEvent.VerantwoordingOntvangen e = all.get(i);
            if (!counting.containsKey(e.verslagjaar()) || e.correctie()) {
                counting.put(e.verslagjaar(), i);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            DossierEvent.VerantwoordingOntvangen e = all.get(i);
            boolean counts = counting.get(e.verslagjaar()) == i;
            String status = counts ? "geldt" : e.correctie() ? "vervangen door correctie"
                    : counting.get(e.verslagjaar()) < i ? "tweede levering zonder correctie, telt niet" : "vervangen door correctie";
            out.add(new DossierState.VerantwoordingZaak(e.kenmerk(), e.verslagjaar(), e.sha256(), e.receipt().documentName(),
                    e.receipt().uploader(), e.receipt().receivedAt(), e.correctie(), status, viewId(f, all, i)));
        }
        return out;
    }
}
