package nl.kansrijkewijk.dossier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.kenmerk.Kenmerk;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.processing.Evaluation;
import nl.kansrijkewijk.processing.Json;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.processing.VerantwoordingProcessor;
import nl.kansrijkewijk.provenance.Provenance;
import nl.kansrijkewijk.reader.ReadResult;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.sisa.NietPlausibelException;
import nl.kansrijkewijk.sisa.SisaConfig;
import nl.kansrijkewijk.sisa.SisaConfigLoader;
import nl.kansrijkewijk.sisa.Verantwoording;
import nl.kansrijkewijk.sisa.VerantwoordingReader;
import nl.kansrijkewijk.verantwoording.DossierContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dossier's use cases over a {@link DossierStore}: an upload received, a beoordeling recorded, the verlening
 * fixed by a second reviewer. Each writes one event (conditionally, keyed by its cause), then brings the derived
 * outputs up to date: for every case the folder of its current inputs is rendered once, a
 * {@link DossierEvent.ConceptGemaakt} (or {@link DossierEvent.WijzigingBesloten}) records it, and
 * {@code dossier.json} is rewritten from the events.
 *
 * <p>Stateless between calls; any number of instances (Lambdas) may work on one gemeente at once. None of them
 * overwrites another's event; a {@code dossier.json} written from a view that missed a concurrent event is
 * rewritten by the refresh that follows that event.
 */
public final class DossierService {
    private static final Logger LOG = LoggerFactory.getLogger(DossierService.class);
    private static final int REFRESH_ROUNDS = 3;

    private final DossierStore store;
    private final DossierEvaluator evaluator;
    private final DossierOutputs outputs = new DossierOutputs();
    private final DossierVerantwoording verantwoording;

    public DossierService(DossierStore store) {
        this(store, new DossierEvaluator(RegelingCatalogus.standard(), RuleCatalogue.standard()));
    }

    public DossierService(DossierStore store, DossierEvaluator evaluator) {
        this.store = store;
        this.evaluator = evaluator;
        Regeling regeling = RegelingCatalogus.standard().first();
        SisaConfig sisa = SisaConfigLoader.standard();
        this.verantwoording = new DossierVerantwoording(store, regeling, sisa,
                new VerantwoordingProcessor(regeling, sisa, RuleCatalogue.standard()));
    }

    /**
     * What an upload became in the dossier.
     *
     * @param soort    "aanvraag", "wijziging", "verantwoording" or "niet plausibel" (then nothing was recorded)
     * @param melding  for a niet-plausibele verantwoording: the Dutch answer saying what to fix; else null
     * @param rapport  for a niet-plausibele verantwoording: fout.json and fout.txt to write beside the upload; else empty
     * @param concept  the files of the case's current version when this upload is the one its case is now decided on
     *                 (the concept the dossier made from it, or made before from the same inputs); else empty — a
     *                 superseded upload, one received after the vaststelling, a verantwoording
     */
    public record Intake(String gemeenteCode, String kenmerk, String soort, String sha256, boolean nieuw,
                         String melding, SortedMap<String, byte[]> rapport, SortedMap<String, byte[]> concept) {
        public Intake(String gemeenteCode, String kenmerk, String soort, String sha256, boolean nieuw) {
            this(gemeenteCode, kenmerk, soort, sha256, nieuw, null, new TreeMap<>(), new TreeMap<>());
        }

        public Intake(String gemeenteCode, String kenmerk, String soort, String sha256, boolean nieuw, String melding,
                      SortedMap<String, byte[]> rapport) {
            this(gemeenteCode, kenmerk, soort, sha256, nieuw, melding, rapport, new TreeMap<>());
        }

        public boolean vastgelegd() {
            return melding == null;
        }
    }

    /**
     * Records an upload from a gemeente's inbox. The receipt is the pipeline's: the folder's CBS code is the
     * dossier's, the receipt time orders the uploads.
     */
    public Intake ontvang(Receipt receipt, byte[] content) {
        return ontvang(receipt, content, null);
    }

    /**
     * As {@link #ontvang(Receipt, byte[])} for an aanvraagformulier the caller already read (the pipeline's
     * processor, within its deadline): the dossier judges and renders it from that reading, without reading the
     * upload again; the concept it makes is returned in {@link Intake#concept()}.
     *
     * @param read the form as read from {@code content}; null to read it here
     */
    public Intake ontvang(Receipt receipt, byte[] content, ReadResult read) {
        String cbs = EventKeys.cbs(receipt.gemeenteCode());
        Objects.requireNonNull(receipt.receivedAt(), "receipt time");
        String sha = Sha256.hex(content);
        if (read == null && VerantwoordingReader.isVerantwoording(content)) {
            return ontvangVerantwoording(receipt, content, cbs, sha);
        }
        DossierEvaluator.Read r = read != null ? evaluator.read(read) : evaluator.read(receipt.documentName(), content);
        String kenmerk = DossierEvaluator.kenmerk(r, cbs, receipt.receivedOn());
        Receipt rc = new Receipt(receipt.documentName(), cbs, receipt.receivedAt(), receipt.versionId(), receipt.uploader());
        String shape = r.readable() && r.read().aanvraag().source() != null
                ? r.read().aanvraag().source().shape().name() : null;
        DossierEvent e = r.readable() && r.kind() == AanvraagKind.WIJZIGING
                ? new DossierEvent.WijzigingOntvangen(kenmerk, sha, rc, shape, r.read().aanvraag().verleningKenmerk(),
                        provenance(r))
                : new DossierEvent.AanvraagOntvangen(kenmerk, sha, rc, shape, r.readable(), provenance(r));
        store.putIfAbsent(EventKeys.document(cbs, sha), content);
        boolean nieuw = store.putIfAbsent(EventKeys.event(e), EventCodec.bytes(e));
        String primedKey = sha + "|" + receipt.documentName();
        if (r.readable()) {
            synchronized (primed) {
                primed.put(primedKey, r);
            }
        }
        try {
            refresh(cbs);
        } finally {
            synchronized (primed) {
                primed.remove(primedKey);
            }
        }
        return new Intake(cbs, kenmerk, e instanceof DossierEvent.WijzigingOntvangen ? "wijziging" : "aanvraag", sha, nieuw,
                null, new TreeMap<>(), concept(cbs, kenmerk, sha));
    }

    /** The files of the case's current version if {@code sha} is its current upload and the case is open; else empty. */
    private SortedMap<String, byte[]> concept(String cbs, String kenmerk, String sha) {
        DossierProjection.Folded f = fold(cbs);
        DossierProjection.Case c = f.cases().get(kenmerk);
        if (c == null || c.verlening != null || !sha.equals(c.current)) {
            return new TreeMap<>();
        }
        String view = DossierProjection.viewId(c, f.verlening());
        if (!c.views.contains(view)) {
            return new TreeMap<>();
        }
        String folder = EventKeys.view(cbs, kenmerk, view);
        SortedMap<String, byte[]> files;
        synchronized (rendered) {
            files = rendered.remove(folder);
        }
        if (files != null) {
            return files;
        }
        // Made before (the same inputs arrived earlier, or another instance made it): read back what was written.
        SortedMap<String, byte[]> stored = new TreeMap<>();
        for (String key : store.list(folder)) {
            store.read(key).ifPresent(b -> stored.put(key.substring(folder.length()), b));
        }
        return stored;
    }

    /**
     * A SiSa verantwoording (recognised by content): niet plausibel → the Dutch answer and nothing recorded (no
     * document, no event, no dossier.json); plausible → {@link DossierEvent.VerantwoordingOntvangen} under the
     * year's kenmerk, after which the refresh checks it against the dossier and, after the last year, writes the
     * concept vaststelling.
     */
    private Intake ontvangVerantwoording(Receipt receipt, byte[] content, String cbs, String sha) {
        Regeling regeling = verantwoording.regeling();
        Verantwoording v;
        try {
            v = VerantwoordingReader.read(receipt.documentName(), content, regeling, verantwoording.config(), cbs);
        } catch (NietPlausibelException e) {
            LOG.info("{}: verantwoording {} niet plausibel: {}", cbs, receipt.documentName(), e.getMessage());
            VerantwoordingProcessor.Result r = verantwoording.processor().process(receipt, content,
                    new DossierContext(cbs, List.of(), List.of(), List.of(), null));
            return new Intake(cbs, null, "niet plausibel", sha, false, e.userMessage(), new TreeMap<>(r.outputs()));
        }
        String kenmerk = Kenmerk.verantwoording(regeling, cbs, v.verslagjaar());
        Receipt rc = new Receipt(receipt.documentName(), cbs, receipt.receivedAt(), receipt.versionId(), receipt.uploader());
        DossierEvent.VerantwoordingOntvangen e = new DossierEvent.VerantwoordingOntvangen(kenmerk, sha, rc,
                v.verslagjaar(), v.correctie(), Provenance.of(regeling, null));
        store.putIfAbsent(EventKeys.document(cbs, sha), content);
        boolean nieuw = store.putIfAbsent(EventKeys.event(e), EventCodec.bytes(e));
        refresh(cbs);
        return new Intake(cbs, kenmerk, "verantwoording", sha, nieuw);
    }

    /**
     * A reviewer records that the college asked for uitstel of the bestedingstermijn (art. 11(3)); {@code verzochtOp}
     * is the date the request arrived (the window 1 August – 1 October 2025 is checked with the verantwoording).
     */
    public DossierEvent.UitstelVastgelegd uitstelVerzocht(String gemeenteCode, LocalDate verzochtOp,
                                                          Beoordeling.Reviewer door, Instant at) {
        return uitstel(gemeenteCode, "verzocht", verzochtOp, null, null, door, at);
    }

    /** A reviewer records the minister's decision on the uitstel: granted (until {@code verleendTot}) or refused. */
    public DossierEvent.UitstelVastgelegd uitstelBesloten(String gemeenteCode, LocalDate beslotenOp, boolean verleend,
                                                          LocalDate verleendTot, Beoordeling.Reviewer door, Instant at) {
        if (verleend && verleendTot == null) {
            throw new DossierException("Vermeld tot wanneer het uitstel is verleend (uiterlijk 31 december 2026).");
        }
        return uitstel(gemeenteCode, "besloten", beslotenOp, verleend, verleend ? verleendTot : null, door, at);
    }

    private DossierEvent.UitstelVastgelegd uitstel(String gemeenteCode, String handeling, LocalDate datum, Boolean verleend,
                                                   LocalDate tot, Beoordeling.Reviewer door, Instant at) {
        String cbs = EventKeys.cbs(gemeenteCode);
        requireName(door, "Vermeld de naam van wie het uitstel vastlegt.");
        if (datum == null || at == null) {
            throw new DossierException("Vermeld de datum van het " + (verleend == null ? "verzoek" : "besluit") + ".");
        }
        String kenmerk = Kenmerk.dossier(verantwoording.regeling(), cbs);
        String id = Sha256.hex((handeling + "|" + datum + "|" + verleend + "|" + tot + "|" + door.naam().strip() + "|" + at)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
        DossierEvent.UitstelVastgelegd u = new DossierEvent.UitstelVastgelegd(cbs, kenmerk, at, id, handeling, datum,
                verleend, tot, new Beoordeling.Reviewer(door.naam().strip(), door.rol()),
                Provenance.of(verantwoording.regeling(), null));
        store.putIfAbsent(EventKeys.event(u), EventCodec.bytes(u));
        refresh(cbs);
        return u;
    }

    /**
     * Records a reviewer's beoordeling of a case, after checking it against the current concept: the ids must
     * name its findings, only a waarschuwing can become an afwijzing (with an amount and a reason), and a closed
     * case takes none.
     *
     * @return the id of the recorded beoordeling
     */
    public String beoordeel(String gemeenteCode, Beoordeling b, Instant at) {
        String cbs = EventKeys.cbs(gemeenteCode);
        DossierProjection.Folded f = fold(cbs);
        if (b.kenmerk() != null && b.kenmerk().strip().equals(DossierVerantwoording.kenmerk(cbs))) {
            return beoordeelVaststelling(cbs, f, b, at);
        }
        DossierProjection.Case c = openCase(f, b.kenmerk());
        List<String> errors = new ArrayList<>();
        reviewer(b, errors);
        Evaluation e = evaluate(cbs, f, c, List.of()).evaluation();
        if (!e.readable()) {
            throw new DossierException("De huidige upload van " + b.kenmerk() + " is onleesbaar; er valt niets te beoordelen.");
        }
        judgements(b, e.findings(), errors);
        for (Beoordeling.ActiviteitOordeel o : b.activiteiten()) {
            if (ReviewerFindings.activity(e.aanvraag(), o.activiteit()).isEmpty()) {
                errors.add("activiteit " + o.activiteit() + " staat niet in de aanvraag");
            } else if (!o.bijdrageVerwacht() && blank(o.reden())) {
                errors.add("activiteit " + o.activiteit() + ": vermeld waarom geen bijdrage aan de doelen wordt verwacht");
            }
        }
        if (b.bevindingen().isEmpty() && b.activiteiten().isEmpty() && b.motivering().isEmpty()) {
            errors.add("de beoordeling bevat geen oordeel");
        }
        if (!errors.isEmpty()) {
            throw new DossierException("De beoordeling van " + b.kenmerk() + " is niet vastgelegd:\n- " + String.join("\n- ", errors));
        }
        return record(cbs, b.withUpload(c.current), at, provenance(e));
    }

    /**
     * The beoordeling of the concept vaststelling ({@code …-S}): the same judgements per finding (the year checks of
     * the verantwoordingen that count and the vaststelling's own), a refusal being spending that does not count for
     * the onderdeel of the finding; no art. 12 judgements (the activities were judged at the verlening). Refused
     * once the vaststelling is fixed.
     */
    private String beoordeelVaststelling(String cbs, DossierProjection.Folded f, Beoordeling b, Instant at) {
        String kenmerk = DossierVerantwoording.kenmerk(cbs);
        DossierProjection.Folded cut = openVaststelling(f, kenmerk);
        List<String> errors = new ArrayList<>();
        reviewer(b, errors);
        judgements(b, verantwoording.judge(cut, List.of()).base(), errors);
        if (!b.activiteiten().isEmpty()) {
            errors.add("een vaststelling kent geen oordeel per activiteit (artikel 12 geldt bij de verlening); "
                    + "gebruik een bevinding of de motivering");
        }
        if (b.bevindingen().isEmpty() && b.motivering().isEmpty()) {
            errors.add("de beoordeling bevat geen oordeel");
        }
        if (!errors.isEmpty()) {
            throw new DossierException("De beoordeling van " + kenmerk + " is niet vastgelegd:\n- " + String.join("\n- ", errors));
        }
        List<DossierEvent.VerantwoordingOntvangen> all = DossierVerantwoording.received(cut.sorted());
        return record(cbs, new Beoordeling(kenmerk, DossierVerantwoording.viewId(cut, all, all.size()), b.door(), b.datum(),
                b.bevindingen(), b.activiteiten(), b.motivering()), at, Provenance.of(verantwoording.regeling(), null));
    }

    private String record(String cbs, Beoordeling stamped, Instant at, Provenance provenance) {
        String id = Sha256.hex(Json.bytes(stamped)).substring(0, 16);
        DossierEvent.BeoordelingVastgelegd event = new DossierEvent.BeoordelingVastgelegd(cbs, at, id, stamped, provenance);
        store.putIfAbsent(EventKeys.event(event), EventCodec.bytes(event));
        refresh(cbs);
        return id;
    }

    /** The vaststelling as it stands, if it can still be judged or fixed. */
    private DossierProjection.Folded openVaststelling(DossierProjection.Folded f, String kenmerk) {
        DossierEvent.VaststellingVastgesteld fixed = DossierVerantwoording.acts(f).vastgesteld();
        if (fixed != null) {
            throw new DossierException("De vaststelling " + kenmerk + " is al vastgesteld op " + DutchDates.format(fixed.datum())
                    + " door " + fixed.vaststeller().naam() + ".");
        }
        if (DossierVerantwoording.vaststelling(verantwoording.regeling(), f) == null) {
            throw new DossierException("Het dossier van " + f.gemeenteCode() + " heeft nog geen concept-vaststelling ("
                    + kenmerk + "): die volgt na de verantwoording over het laatste jaar van de bestedingstermijn.");
        }
        return f;
    }

    private static void reviewer(Beoordeling b, List<String> errors) {
        if (b.door() == null || !Reviewers.named(b.door().naam())) {
            errors.add(b.door() != null && Reviewers.mixedScripts(b.door().naam()) ? mixed(b.door().naam())
                    : "vermeld de naam van de beoordelaar");
        }
        if (b.datum() == null) {
            errors.add("vermeld de datum van de beoordeling");
        }
    }

    /** The judgements per finding against the findings of the concept (by id); errors in Dutch. */
    private static void judgements(Beoordeling b, List<Finding> findings, List<String> errors) {
        List<String> ids = FindingIds.of(findings);
        for (Beoordeling.BevindingOordeel o : b.bevindingen()) {
            int i = ids.indexOf(o.bevinding());
            if (i < 0) {
                errors.add("bevinding '" + o.bevinding() + "' bestaat niet in het concept van " + b.kenmerk());
                continue;
            }
            Finding finding = findings.get(i);
            if (finding.rule().startsWith("BEOORDELING-") || finding.rule().startsWith("VERLENING-")) {
                errors.add(o.bevinding() + ": een bevinding van het dossier zelf wordt niet beoordeeld");
            } else if (o.oordeel() == Beoordeling.Oordeel.AFWIJZEN) {
                if (finding.severity() != Severity.WAARSCHUWING) {
                    errors.add(o.bevinding() + ": alleen een waarschuwing kan worden omgezet in een afwijzing (dit is een "
                            + finding.severity().label() + ")");
                } else if (finding.onderdeel() == null && finding.activity() == null) {
                    errors.add(o.bevinding() + ": deze bevinding gaat niet over een onderdeel of activiteit, dus er is geen bedrag af te wijzen");
                }
                if (o.bedrag() == null || o.bedrag().signum() <= 0) {
                    errors.add(o.bevinding() + ": vermeld het af te wijzen bedrag (groter dan nul)");
                }
                if (blank(o.reden())) {
                    errors.add(o.bevinding() + ": vermeld de reden van de afwijzing; die komt in de brief");
                }
            } else if (o.oordeel() == Beoordeling.Oordeel.NIET_VAN_TOEPASSING) {
                if (finding.severity() == Severity.AFWIJZING) {
                    errors.add(o.bevinding() + ": een afwijzing die uit de regeling volgt kan niet op 'niet van toepassing' worden gezet");
                }
                if (blank(o.reden())) {
                    errors.add(o.bevinding() + ": vermeld waarom de bevinding niet van toepassing is");
                }
            }
        }
    }

    /**
     * Fixes the verlening of an aanvraag: a second reviewer, another person than everyone who judged it (four
     * eyes; names compared by {@link Reviewers#identity}), after at least one beoordeling. Can happen once.
     */
    public DossierEvent.VerleningVastgesteld stelVast(String gemeenteCode, String kenmerk, Beoordeling.Reviewer door,
                                                      LocalDate datum, Instant at) {
        String cbs = EventKeys.cbs(gemeenteCode);
        DossierProjection.Folded f = fold(cbs);
        DossierProjection.Case c = openCase(f, kenmerk);
        if (c.wijziging()) {
            throw new DossierException(kenmerk + " is een wijziging; vaststellen kan alleen een verlening.");
        }
        requireName(door, "Vermeld de naam van wie de verlening vaststelt.");
        if (datum == null) {
            throw new DossierException("Vermeld de datum van de vaststelling.");
        }
        if (c.beoordelingen.isEmpty()) {
            throw new DossierException("De verlening " + kenmerk + " is nog niet beoordeeld; een tweede beoordelaar stelt "
                    + "vast wat een eerste heeft beoordeeld (vier ogen).");
        }
        List<Beoordeling.Reviewer> beoordelaars = c.beoordelingList().stream().map(Beoordeling::door).distinct().toList();
        for (Beoordeling.Reviewer r : beoordelaars) {
            if (Reviewers.samePerson(r.naam(), door.naam())) {
                throw new DossierException("Vier ogen: " + door.naam().strip() + " heeft " + kenmerk + " zelf beoordeeld en kan "
                        + "de verlening niet vaststellen; een andere beoordelaar moet dat doen.");
            }
        }
        Evaluation e = evaluate(cbs, f, c, c.beoordelingList()).evaluation();
        if (!e.readable()) {
            throw new DossierException("De huidige upload van " + kenmerk + " is onleesbaar.");
        }
        Besluit b = e.besluit();
        List<DossierEvent.VerleendBedrag> bedragen = b.onderdelen().stream()
                .map(o -> new DossierEvent.VerleendBedrag(o.onderdeel(), o.focusgebied(), o.grantedInclBtw(),
                        new TreeMap<>(o.installmentsInclBtw()), new TreeMap<>(o.installments())))
                .toList();
        DossierEvent.VerleningVastgesteld v = new DossierEvent.VerleningVastgesteld(cbs, kenmerk, at, datum, c.current,
                c.beoordelingen.stream().map(DossierEvent.BeoordelingVastgelegd::id).toList(), beoordelaars,
                new Beoordeling.Reviewer(door.naam().strip(), door.rol()), bedragen, b.totalGrantedInclBtw(), b.totalGranted(),
                provenance(e));
        if (!store.putIfAbsent(EventKeys.event(v), EventCodec.bytes(v))) {
            throw new DossierException("De verlening " + kenmerk + " is al vastgesteld.");
        }
        refresh(cbs);
        return v;
    }

    /**
     * Fixes the vaststelling ({@code …-S}) with its terugvordering: a second reviewer, another person than everyone
     * who judged it (four eyes, as for the verlening), after at least one beoordeling. Can happen once; the
     * definitive vaststellingsbeschikking (PDF and DOCX) is rendered from the concept it was fixed from.
     */
    public DossierEvent.VaststellingVastgesteld stelVaststellingVast(String gemeenteCode, Beoordeling.Reviewer door,
                                                                      LocalDate datum, Instant at) {
        String cbs = EventKeys.cbs(gemeenteCode);
        String kenmerk = DossierVerantwoording.kenmerk(cbs);
        DossierProjection.Folded f = openVaststelling(fold(cbs), kenmerk);
        requireName(door, "Vermeld de naam van wie de vaststelling vaststelt.");
        if (datum == null || at == null) {
            throw new DossierException("Vermeld de datum van de vaststelling.");
        }
        DossierVerantwoording.Acts acts = DossierVerantwoording.acts(f);
        if (acts.beoordelingen().isEmpty()) {
            throw new DossierException("De vaststelling " + kenmerk + " is nog niet beoordeeld; een tweede beoordelaar stelt "
                    + "vast wat een eerste heeft beoordeeld (vier ogen).");
        }
        for (Beoordeling.Reviewer r : acts.beoordelaars()) {
            if (Reviewers.samePerson(r.naam(), door.naam())) {
                throw new DossierException("Vier ogen: " + door.naam().strip() + " heeft " + kenmerk + " zelf beoordeeld en kan "
                        + "de vaststelling niet vaststellen; een andere beoordelaar moet dat doen.");
            }
        }
        var v = verantwoording.judge(f, acts.list()).vaststelling();
        List<DossierEvent.VerantwoordingOntvangen> all = DossierVerantwoording.received(f.sorted());
        DossierEvent.VaststellingVastgesteld event = new DossierEvent.VaststellingVastgesteld(cbs, kenmerk, at, datum,
                DossierVerantwoording.viewId(f, all, all.size()),
                acts.beoordelingen().stream().map(DossierEvent.BeoordelingVastgelegd::id).toList(), acts.beoordelaars(),
                new Beoordeling.Reviewer(door.naam().strip(), door.rol()), v.totaalVastgesteld(),
                v.totaalTerugTeVorderen(), v.totaalNabetaling(), Provenance.of(verantwoording.regeling(), null));
        if (!store.putIfAbsent(EventKeys.event(event), EventCodec.bytes(event))) {
            throw new DossierException("De vaststelling " + kenmerk + " is al vastgesteld.");
        }
        refresh(cbs);
        return event;
    }

    /** A finding of the current concept with its id, for a reviewer choosing what to judge. */
    public record Bevinding(String id, Finding finding) {}

    /** The findings of the current concept of a case (with the beoordelingen so far), with their ids. */
    public List<Bevinding> bevindingen(String gemeenteCode, String kenmerk) {
        String cbs = EventKeys.cbs(gemeenteCode);
        DossierProjection.Folded f = fold(cbs);
        if (kenmerk != null && kenmerk.strip().equals(DossierVerantwoording.kenmerk(cbs))) {
            if (DossierVerantwoording.vaststelling(verantwoording.regeling(), f) == null) {
                throw new DossierException("Het dossier van " + cbs + " heeft nog geen concept-vaststelling (" + kenmerk + ").");
            }
            DossierProjection.Folded cut = DossierVerantwoording.cut(f);
            List<Finding> listed = verantwoording.judge(cut, DossierVerantwoording.acts(cut).list()).findings();
            List<String> ids = FindingIds.of(listed);
            List<Bevinding> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                out.add(new Bevinding(ids.get(i), listed.get(i)));
            }
            return out;
        }
        DossierProjection.Case c = f.cases().get(kenmerk);
        if (c == null || c.current == null) {
            throw new DossierException("Het dossier van " + cbs + " bevat geen leesbare zaak met kenmerk '" + kenmerk + "'.");
        }
        Evaluation e = evaluate(cbs, f, c, c.beoordelingList()).evaluation();
        if (!e.readable()) {
            return List.of();
        }
        List<String> ids = FindingIds.of(e.findings());
        List<Bevinding> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            out.add(new Bevinding(ids.get(i), e.findings().get(i)));
        }
        return out;
    }

    /** The kenmerk of the gemeente's vaststelling ({@code …-S}); its concept exists after the last verantwoording. */
    public String vaststellingKenmerk(String gemeenteCode) {
        return DossierVerantwoording.kenmerk(EventKeys.cbs(gemeenteCode));
    }

    /** The kenmerk of the gemeente's aanvraag (the case a beoordeling or vaststelling is usually about). */
    public Optional<String> aanvraagKenmerk(String gemeenteCode) {
        return fold(EventKeys.cbs(gemeenteCode)).cases().values().stream()
                .filter(c -> "aanvraag".equals(c.soort)).map(c -> c.kenmerk).findFirst();
    }

    public DossierState state(String gemeenteCode) {
        String cbs = EventKeys.cbs(gemeenteCode);
        return DossierProjection.state(fold(cbs));
    }

    /** The events of a gemeente as stored (in key order; the projection sorts them itself). */
    public List<DossierEvent> events(String cbs) {
        List<DossierEvent> out = new ArrayList<>();
        for (String key : store.list(EventKeys.events(cbs))) {
            DossierEvent known;
            synchronized (eventsByKey) {
                known = eventsByKey.get(key);
            }
            if (known != null) {
                out.add(known);
                continue;
            }
            store.read(key).ifPresent(b -> {
                DossierEvent e = EventCodec.read(b);
                synchronized (eventsByKey) {
                    eventsByKey.put(key, e);
                }
                out.add(e);
            });
        }
        return out;
    }

    /**
     * Events read before, by key. An event is never rewritten (its key is its cause, written once), so what a key
     * held once it holds for good: folding the dossier again reads only the events that are new since.
     */
    private final Map<String, DossierEvent> eventsByKey = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DossierEvent> eldest) {
            return size() > 20_000;
        }
    };

    /**
     * Renders what is missing and rewrites dossier.json; repeated while new events keep arriving meanwhile
     * (bounded: the next event's refresh catches up anyway).
     */
    public void refresh(String gemeenteCode) {
        String cbs = EventKeys.cbs(gemeenteCode);
        for (int round = 0; round < REFRESH_ROUNDS; round++) {
            DossierProjection.Folded f = DossierProjection.fold(cbs, events(cbs));
            for (DossierProjection.Case c : f.cases().values()) {
                if (c.current != null) {
                    render(cbs, f, c);
                }
            }
            verantwoording.render(f);
            List<String> seen = store.list(EventKeys.events(cbs));
            List<DossierEvent> after = events(cbs);
            store.put(EventKeys.state(cbs), DossierProjection.json(DossierProjection.project(cbs, after)));
            // An event that arrived while this view was computed may have been overwritten by it: go round again.
            if (store.list(EventKeys.events(cbs)).equals(seen) && !needsRender(cbs, after)) {
                return;
            }
        }
    }

    private static boolean needsRender(String cbs, List<DossierEvent> events) {
        DossierProjection.Folded f = DossierProjection.fold(cbs, events);
        for (DossierProjection.Case c : f.cases().values()) {
            if (c.current != null && !c.views.contains(DossierProjection.viewId(c, f.verlening()))) {
                return true;
            }
        }
        return false;
    }

    private void render(String cbs, DossierProjection.Folded f, DossierProjection.Case c) {
        Optional<DossierEvent.VerleningVastgesteld> verlening = f.verlening();
        String view = DossierProjection.viewId(c, verlening);
        String kind = c.wijziging() ? "WijzigingBesloten" : "ConceptGemaakt";
        String eventKey = EventKeys.events(cbs) + c.kenmerk + "/" + kind + "/" + view + ".json";
        if (store.read(eventKey).isPresent()) {
            return;
        }
        List<Beoordeling> beoordelingen = c.beoordelingList();
        DossierEvaluator.Judged judged = evaluate(cbs, f, c, beoordelingen);
        if (!judged.vervallen().isEmpty()) {
            LOG.info("{}: judgements without a matching finding in the current upload: {}", c.kenmerk, judged.vervallen());
        }
        SortedMap<String, byte[]> files = outputs.write(judged.evaluation(), c.kenmerk, beoordelingen, c.verlening);
        SortedMap<String, String> hashes = new TreeMap<>();
        String folder = EventKeys.view(cbs, c.kenmerk, view);
        synchronized (rendered) {
            rendered.put(folder, files);
        }
        files.forEach((name, bytes) -> {
            store.putIfAbsent(folder + name, bytes);
            hashes.put(name, Sha256.hex(bytes));
        });
        Instant at = inputsTime(c);
        List<String> ids = c.beoordelingen.stream().map(DossierEvent.BeoordelingVastgelegd::id).toList();
        DossierEvent e = c.wijziging()
                ? new DossierEvent.WijzigingBesloten(cbs, c.kenmerk, at, view, c.current,
                        verlening.map(DossierEvent.VerleningVastgesteld::kenmerk).orElse(null),
                        judged.evaluation().readable() ? judged.evaluation().besluit().totalGrantedInclBtw() : BigDecimal.ZERO.setScale(2),
                        hashes, provenance(judged.evaluation()))
                : new DossierEvent.ConceptGemaakt(cbs, c.kenmerk, at, view, c.current, ids, hashes,
                        provenance(judged.evaluation()));
        store.putIfAbsent(eventKey, EventCodec.bytes(e));
    }

    /** A derived event is as late as the latest of its inputs, so it sorts after them on every replay. */
    private static Instant inputsTime(DossierProjection.Case c) {
        List<Instant> times = new ArrayList<>();
        c.uploads.stream().filter(u -> u.cause().equals(c.current)).forEach(u -> times.add(u.at()));
        c.beoordelingen.forEach(b -> times.add(b.at()));
        if (c.verlening != null) {
            times.add(c.verlening.at());
        }
        return times.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private DossierEvaluator.Judged evaluate(String cbs, DossierProjection.Folded f, DossierProjection.Case c,
                                             List<Beoordeling> beoordelingen) {
        DossierEvent upload = c.uploads.stream().filter(u -> u.cause().equals(c.current)).findFirst()
                .orElseThrow(() -> new IllegalStateException("current upload not among the uploads of " + c.kenmerk));
        Receipt receipt = upload instanceof DossierEvent.AanvraagOntvangen a ? a.receipt()
                : ((DossierEvent.WijzigingOntvangen) upload).receipt();
        Optional<RecordedVerlening> verlening = c.wijziging() ? f.verlening().map(RecordedVerlening::of) : Optional.empty();
        DossierEvaluator.Inputs inputs = new DossierEvaluator.Inputs(c.kenmerk, receipt.receivedOn(), beoordelingen, verlening);
        // Listing the findings, checking a beoordeling and rendering judge the same inputs; judge them once.
        String key = String.join("|", cbs, c.kenmerk, c.current, receipt.documentName(), String.valueOf(receipt.receivedOn()),
                Sha256.hex(Json.bytes(beoordelingen)), verlening.map(v -> Sha256.hex(Json.bytes(v))).orElse("-"));
        synchronized (judged) {
            DossierEvaluator.Judged hit = judged.get(key);
            if (hit != null) {
                return hit;
            }
        }
        DossierEvaluator.Read read;
        synchronized (primed) {
            read = primed.get(c.current + "|" + receipt.documentName());
        }
        DossierEvaluator.Judged result;
        if (read != null) {
            result = evaluator.evaluate(receipt.documentName(), c.current, read, inputs);
        } else {
            byte[] content = store.read(EventKeys.document(cbs, c.current)).orElseThrow(
                    () -> new IllegalStateException("document " + c.current + " missing from the dossier of " + cbs));
            result = evaluator.evaluate(receipt.documentName(), content, inputs);
        }
        synchronized (judged) {
            judged.put(key, result);
        }
        return result;
    }

    /** Uploads being received, as their caller read them (by SHA-256 and name): judged without reading them again. */
    private final Map<String, DossierEvaluator.Read> primed = new LinkedHashMap<>();

    /** The files of the versions rendered lately, by folder, until {@link #ontvang} hands them to its caller. */
    private final Map<String, SortedMap<String, byte[]>> rendered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SortedMap<String, byte[]>> eldest) {
            return size() > 4;
        }
    };

    /** The last few judgements, by a hash of everything they depend on. */
    private final Map<String, DossierEvaluator.Judged> judged = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DossierEvaluator.Judged> eldest) {
            return size() > 8;
        }
    };

    private DossierProjection.Folded fold(String cbs) {
        return DossierProjection.fold(cbs, events(cbs));
    }

    private static DossierProjection.Case openCase(DossierProjection.Folded f, String kenmerk) {
        DossierProjection.Case c = kenmerk == null ? null : f.cases().get(kenmerk.strip());
        if (c == null || c.soort == null) {
            throw new DossierException("Het dossier van " + f.gemeenteCode() + " bevat geen zaak met kenmerk '" + kenmerk
                    + "'. Bekende kenmerken: " + String.join(", ", f.cases().keySet()) + ".");
        }
        if (c.verlening != null) {
            throw new DossierException("De verlening " + kenmerk + " is al vastgesteld op " + c.verlening.datum()
                    + "; een wijziging loopt via een wijzigingsformulier.");
        }
        if (c.current == null) {
            throw new DossierException("Voor " + kenmerk + " is geen leesbare upload ontvangen.");
        }
        return c;
    }

    /** What produced an event about an upload: this code, the regeling it was judged under, its form version. */
    private static Provenance provenance(DossierEvaluator.Read r) {
        return Provenance.of(r.regeling(), r.readable() ? r.read().aanvraag().formVersion() : null);
    }

    private static Provenance provenance(Evaluation e) {
        return e.readable() ? Provenance.of(e.regeling(), e.aanvraag().formVersion()) : Provenance.of(null, null);
    }

    private static void requireName(Beoordeling.Reviewer r, String missing) {
        if (r == null || !Reviewers.named(r.naam())) {
            throw new DossierException(r != null && Reviewers.mixedScripts(r.naam())
                    ? Character.toUpperCase(mixed(r.naam()).charAt(0)) + mixed(r.naam()).substring(1) + "." : missing);
        }
    }

    private static String mixed(String name) {
        return "de naam '" + name.strip() + "' mengt letters uit verschillende alfabetten (bijvoorbeeld Latijnse en "
                + "Cyrillische); typ de naam in één alfabet";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }


}
