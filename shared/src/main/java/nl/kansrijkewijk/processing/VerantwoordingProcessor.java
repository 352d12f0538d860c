package nl.kansrijkewijk.processing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.kenmerk.Kenmerk;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.render.BeschikkingVariants;
import nl.kansrijkewijk.render.VaststellingPdfWriter;
import nl.kansrijkewijk.render.VaststellingWerkpapier;
import nl.kansrijkewijk.sisa.NietPlausibelException;
import nl.kansrijkewijk.sisa.SisaConfig;
import nl.kansrijkewijk.sisa.SisaConfigLoader;
import nl.kansrijkewijk.sisa.Verantwoording;
import nl.kansrijkewijk.sisa.VerantwoordingReader;
import nl.kansrijkewijk.verantwoording.DossierContext;
import nl.kansrijkewijk.verantwoording.DossierJson;
import nl.kansrijkewijk.verantwoording.Vaststelling;
import nl.kansrijkewijk.verantwoording.VaststellingCalculator;
import nl.kansrijkewijk.verantwoording.VerantwoordingChecker;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Ontvangst;

/**
 * The core for one verantwoording upload: read (or "niet plausibel") → check against the dossier → when it is the
 * verantwoording over the last year, the vaststelling with its concept beschikking and workpapers. Stateless;
 * build once per process. Never throws for bad input. A niet-plausibele upload gives an error report and no
 * {@link Result#ontvangst()}: nothing is to be recorded in the dossier.
 *
 * <p>One line for the pipeline or the demo: {@code new VerantwoordingProcessor().process(name, bytes, receivedOn, ctx)}.
 */
public final class VerantwoordingProcessor {
    public static final String VERANTWOORDING_JSON = "verantwoording.json";
    public static final String VASTSTELLING_JSON = "vaststelling.json";
    public static final String SCHEMA = "kw-verantwoording/1";

    private final Regeling regeling;
    private final SisaConfig config;
    private final VerantwoordingChecker checker;
    private final VaststellingCalculator calculator;

    public VerantwoordingProcessor() {
        this(RegelingCatalogus.standard().first(), SisaConfigLoader.standard(), RuleCatalogue.standard());
    }

    public VerantwoordingProcessor(Regeling regeling, SisaConfig config, RuleCatalogue catalogue) {
        this.regeling = regeling;
        this.config = config;
        this.checker = new VerantwoordingChecker(regeling, config, catalogue);
        this.calculator = new VaststellingCalculator(regeling, catalogue);
    }

    /** For the pipeline's document-kind detection (cheap, never throws). */
    public static boolean isVerantwoording(byte[] content) {
        return VerantwoordingReader.isVerantwoording(content);
    }

    /**
     * @param nietPlausibel the Dutch answer when the upload is niet plausibel, else null
     * @param vaststelling  present when this upload completes the last year
     */
    public record Result(
            String documentName,
            String sha256,
            String nietPlausibel,
            Verantwoording verantwoording,
            LocalDate ontvangen,
            List<Finding> findings,
            Vaststelling vaststelling,
            SortedMap<String, byte[]> outputs) {

        public boolean plausibel() {
            return nietPlausibel == null;
        }

        public long count(Severity s) {
            return findings.stream().filter(f -> f.severity() == s).count();
        }

        /** The dossier event to record; empty for a niet-plausibele upload (nothing is recorded). */
        public Optional<Ontvangst> ontvangst() {
            return plausibel() ? Optional.of(new Ontvangst(verantwoording, ontvangen)) : Optional.empty();
        }

        /** The same result in the shape the S3 pipeline writes and summarises. */
        public ProcessingResult toProcessingResult() {
            String outcome = !plausibel() ? "niet plausibel"
                    : vaststelling != null ? (vaststelling.ambtshalve() ? "ambtshalve vaststelling" : "vaststelling")
                    : "verantwoording " + verantwoording.verslagjaar();
            return new ProcessingResult(plausibel() ? ProcessingResult.Status.VERWERKT
                    : ProcessingResult.Status.ONLEESBAAR, plausibel() ? verantwoording.gemeente() : null, outcome,
                    count(Severity.AFWIJZING), count(Severity.WAARSCHUWING), outputs);
        }
    }

    /**
     * @param ontvangen when the minister received the upload (the pipeline's receipt date); null when unknown
     * @param ctx       the dossier as it stands before this upload
     */
    public Result process(String documentName, byte[] content, LocalDate ontvangen, VerantwoordingContext ctx) {
        String sha256 = content == null ? null : Sha256.hex(content);
        Verantwoording v;
        try {
            v = VerantwoordingReader.read(documentName, content, regeling, config, ctx.cbsCode());
        } catch (NietPlausibelException e) {
            return new Result(documentName, sha256, e.userMessage(), null, ontvangen, List.of(), null,
                    nietPlausibel(documentName, sha256, e.userMessage()));
        }
        List<Finding> findings = checker.check(v, ontvangen, ctx);
        DossierContext after = DossierContext.copyOf(ctx).with(new Ontvangst(v, ontvangen));
        Vaststelling vaststelling = VaststellingCalculator.due(regeling, after) ? calculator.calculate(after) : null;
        SortedMap<String, byte[]> out = new TreeMap<>();
        out.put(VERANTWOORDING_JSON, Json.bytes(report(v, ontvangen, findings, ctx)));
        if (vaststelling != null) {
            out.putAll(vaststellingOutputs(vaststelling, findings));
        }
        return new Result(documentName, sha256, null, v, ontvangen, findings, vaststelling, out);
    }

    /** As the pipeline calls it: name and date of receipt from the {@link Receipt}, never from the document. */
    public Result process(Receipt receipt, byte[] content, VerantwoordingContext ctx) {
        return process(receipt.documentName(), content, receipt.receivedOn(), ctx);
    }

    /**
     * The vaststelling of a dossier without a new upload: after the last verantwoording, or ambtshalve when the
     * information over the last year never arrived (art. 15(3)). Outputs as for an upload.
     */
    public SortedMap<String, byte[]> vaststelling(VerantwoordingContext ctx) {
        Vaststelling v = calculator.calculate(ctx);
        return vaststellingOutputs(v, List.of());
    }

    public Vaststelling calculate(VerantwoordingContext ctx) {
        return calculator.calculate(ctx);
    }

    /** The vaststelling with a reviewer's beoordeling applied ({@link VaststellingCalculator#calculate(VerantwoordingContext, List)}). */
    public Vaststelling calculate(VerantwoordingContext ctx, List<Finding> beoordeling) {
        return calculator.calculate(ctx, beoordeling);
    }

    /** The checks of one verantwoording already read, against the dossier as it stood before it. */
    public List<Finding> check(Verantwoording v, LocalDate ontvangen, VerantwoordingContext ctx) {
        return checker.check(v, ontvangen, ctx);
    }

    /**
     * The outputs of a vaststelling in the dossier: vaststelling.json, the werkpapier with the year checks and the
     * vaststelling's findings, and the letter — the concept with the reviewer's motivering, or the definitive letter
     * (PDF and DOCX) once {@code definitief} is given.
     */
    public SortedMap<String, byte[]> vaststelling(Vaststelling v, List<Finding> yearFindings, List<String> motivering,
                                                  BeschikkingVariants.Vaststelling definitief) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        List<Finding> all = new ArrayList<>(yearFindings);
        all.addAll(v.findings());
        out.put(VASTSTELLING_JSON, Json.bytes(v));
        out.put(VaststellingWerkpapier.FILE_NAME, new VaststellingWerkpapier().write(v, all));
        out.putAll(new VaststellingPdfWriter().write(v, regeling, motivering, definitief));
        return out;
    }

    private SortedMap<String, byte[]> vaststellingOutputs(Vaststelling v, List<Finding> yearFindings) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        List<Finding> all = new ArrayList<>(yearFindings);
        all.addAll(v.findings());
        out.put(VASTSTELLING_JSON, Json.bytes(v));
        out.put(VaststellingWerkpapier.FILE_NAME, new VaststellingWerkpapier().write(v, all));
        out.put(VaststellingPdfWriter.FILE_NAME, new VaststellingPdfWriter().write(v, regeling));
        return out;
    }

    private Map<String, Object> report(Verantwoording v, LocalDate ontvangen, List<Finding> findings,
            VerantwoordingContext ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        // Ordered maps: Map.of iterates in a per-JVM order, and the same input must give the same bytes.
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", v.documentName());
        document.put("sha256", v.sha256());
        m.put("document", document);
        m.put("kenmerk", Kenmerk.verantwoording(regeling, v.cbsCode(), v.verslagjaar()));
        m.put("regeling", regeling.id());
        m.put("status", "plausibel");
        m.put("gemeente", v.gemeente());
        m.put("cbsCode", v.cbsCode());
        m.put("verslagjaar", v.verslagjaar());
        m.put("uitkeringscode", v.uitkeringscode());
        m.put("versie", v.versionDate());
        m.put("soortLevering", v.correctie() ? "correctie" : "eerste levering");
        if (ontvangen != null) {
            m.put("ontvangen", ontvangen);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("afwijzingen", count(findings, Severity.AFWIJZING));
        summary.put("waarschuwingen", count(findings, Severity.WAARSCHUWING));
        summary.put("info", count(findings, Severity.INFO));
        m.put("summary", summary);
        m.put("regels", v.regels());
        m.put("findings", findings);
        return m;
    }

    private static long count(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    private static SortedMap<String, byte[]> nietPlausibel(String documentName, String sha256, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", "kw-fout/1");
        json.put("document", documentName);
        json.put("sha256", sha256);
        json.put("status", "niet plausibel");
        json.put("reason", "niet-plausibel");
        json.put("message", message);
        String text = "De verantwoording '" + documentName + "' is niet verwerkt.\n\n" + message + "\n\n"
                + "Er is niets in het dossier vastgelegd. Lever de SiSa-bijlage van de Regeling kansrijke wijk\n"
                + "verbeterd opnieuw aan.\n"
                + (sha256 == null ? "" : "Kenmerk van de upload (SHA-256): " + sha256 + "\n");
        SortedMap<String, byte[]> out = new TreeMap<>();
        out.put(OutputNames.FOUT_JSON, Json.bytes(json));
        out.put(OutputNames.FOUT_TXT, text.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /**
     * Every verantwoording a folder dossier ({@code dossier.json}) lists, processed in order of receipt, each
     * against the dossier as it stood before it (for a demo cycle: one line per gemeente).
     */
    public List<Result> replay(Path dir, Regeling regeling, SisaConfig config) throws IOException {
        DossierJson.Dossier d = DossierJson.read(dir);
        List<Result> results = new ArrayList<>();
        for (DossierJson.Levering l : d.verantwoordingen() == null ? List.<DossierJson.Levering>of() : d.verantwoordingen()) {
            DossierJson.Loaded loaded = DossierJson.context(dir, l.bestand(), regeling, config);
            results.add(process(l.bestand(), Files.readAllBytes(dir.resolve(l.bestand())),
                    loaded.currentReceived(), loaded.context()));
        }
        return results;
    }
}
