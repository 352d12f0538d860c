package nl.kansrijkewijk.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.RuleDefinition;
import nl.kansrijkewijk.fixtures.FixtureSpec;
import nl.kansrijkewijk.form.FieldDef;
import nl.kansrijkewijk.form.FormCatalogue;
import nl.kansrijkewijk.processing.AanvraagProcessor;
import nl.kansrijkewijk.processing.Evaluation;
import nl.kansrijkewijk.processing.OutputNames;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the college and the gemeente read never carries an internal key: every fixture document (the generated forms
 * and the unreadable and wrong-folder uploads) goes through the real processor, and the text of every letter it
 * writes — the concept's PDF text layer, the definitive letter's DOCX, fout.txt and fout.json's message — is searched
 * for every rule id of {@code finding/rules.yaml}, every field key of the form catalogue and every onderdeel code
 * of the regeling data. The forbidden set comes from the data, so a new rule or field is covered without editing
 * this test.
 *
 * <p>{@code -Dkw.letters.dump=DIR} also writes each letter (PDF, DOCX, fout.txt) to DIR, for reading them.
 */
class LetterInternalKeysTest {
    private static final AanvraagProcessor PROCESSOR = new AanvraagProcessor();
    private static final Set<String> RULE_IDS = new TreeSet<>();
    private static final Set<String> FIELD_KEYS = new TreeSet<>();
    private static final Set<String> CODES = new TreeSet<>();
    /** Java's own words for absent values and enum-ish leftovers: never Dutch. */
    private static final List<String> LEFTOVERS = List.of("null", "Optional[", "Optional.empty", "NaN");

    @BeforeAll
    static void forbidden() {
        RuleCatalogue.standard().all().stream().map(RuleDefinition::id).forEach(RULE_IDS::add);
        FormCatalogue.standard().fields().stream().map(FieldDef::key).forEach(FIELD_KEYS::add);
        Regeling r = RegelingCatalogus.standard().first();
        r.onderdelen().forEach(o -> CODES.add(o.code()));
    }

    @Test
    void theForbiddenSetIsTheData() {
        // a guard that the sets were really read: the catalogue has dozens of rules, the form over a thousand fields
        assertTrue(RULE_IDS.size() > 40 && RULE_IDS.contains("INT-ORGANISATIE"), "rule ids: " + RULE_IDS.size());
        assertTrue(FIELD_KEYS.size() > 1000 && FIELD_KEYS.contains("C.4.begroting.2024"), "keys: " + FIELD_KEYS.size());
        assertTrue(CODES.contains("ORG") && CODES.contains("OJK"), "codes: " + CODES);
        // and that the search finds them where they are
        assertTrue(!problems("x", "op grond van INT-ORGANISATIE (veld C.4.begroting.2024) voor ORG").isEmpty());
        List<String> found = problems("x", "op grond van INT-ORGANISATIE (veld C.4.begroting.2024) voor ORG");
        assertTrue(found.size() == 3, found.toString());
        assertTrue(problems("x", "Organisatie van een uitvoeringsprogramma, artikel 4, eerste lid; KW-2023-GM0363-V").isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> noLetterCarriesAnInternalKey() throws IOException {
        List<Path> docs = new ArrayList<>();
        Path root = FixtureSpec.fixturesDir();
        for (String dir : List.of("generated", "onleesbaar", "verkeerde-map")) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".pdf") || f.toString().endsWith(".xlsx")).sorted()
                        .forEach(docs::add);
            }
        }
        assertTrue(docs.size() >= 40, "fixture documents: " + docs.size());
        return docs.stream().map(d -> DynamicTest.dynamicTest(root.relativize(d).toString(), () -> check(d)));
    }

    private static void check(Path doc) throws IOException {
        byte[] bytes = Files.readAllBytes(doc);
        String name = doc.getFileName().toString();
        // The wrong-folder fixture is uploaded in Amsterdam's folder; the others in no folder.
        String folder = doc.getParent().getFileName().toString().equals("verkeerde-map") ? "GM0363" : null;
        Receipt receipt = new Receipt(name, folder, null, null, null);
        // one evaluation serves both the outputs and the definitive letter; a folder needs the processor's own check
        Evaluation e = PROCESSOR.evaluate(bytes, receipt);
        // a readable form's letter is shared with FixtureLettersVeraPdfTest (same JVM): rendered once for both
        Map<String, byte[]> out = folder == null && e.readable()
                ? Map.of(OutputNames.BESCHIKKING, FixtureLettersVeraPdfTest.letter(doc))
                : folder == null ? PROCESSOR.outputs(e) : PROCESSOR.process(receipt, bytes).outputs();
        Map<String, String> texts = new LinkedHashMap<>();
        if (out.containsKey(OutputNames.BESCHIKKING)) {
            texts.put(OutputNames.BESCHIKKING, pdfText(out.get(OutputNames.BESCHIKKING)));
            dump(name, OutputNames.BESCHIKKING, out.get(OutputNames.BESCHIKKING));
        }
        if (out.containsKey(OutputNames.FOUT_TXT)) {
            texts.put(OutputNames.FOUT_TXT, new String(out.get(OutputNames.FOUT_TXT), StandardCharsets.UTF_8));
            dump(name, OutputNames.FOUT_TXT, out.get(OutputNames.FOUT_TXT));
        }
        if (out.containsKey(OutputNames.FOUT_JSON)) {
            String json = new String(out.get(OutputNames.FOUT_JSON), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
            texts.put("fout.json message", m.find() ? m.group(1) : "");
        }
        if (e.readable() && !out.containsKey(OutputNames.FOUT_TXT)) {
            // the definitive letter: the concept's text, signed — its DOCX is the editable copy the jurist edits
            String xhtml = BeschikkingVariants.xhtml(e.besluit(), e.aanvraag(), e.findings(), e.regeling(), List.of(),
                    new BeschikkingVariants.Vaststelling(LocalDate.of(2023, 12, 20), "B. de Groot", "vaststeller"));
            byte[] docx = BeschikkingDocx.write(xhtml, LocalDate.of(2023, 12, 20));
            texts.put("verleningsbeschikking.docx", docxText(docx));
            dump(name, "verleningsbeschikking.docx", docx);
        }
        assertTrue(!texts.isEmpty(), "no letter written for " + name);
        List<String> problems = new ArrayList<>();
        texts.forEach((what, text) -> problems.addAll(problems(what, text)));
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }

    /** Every forbidden key in the text, with a little context. */
    static List<String> problems(String what, String text) {
        List<String> found = new ArrayList<>();
        String flat = text.replaceAll("-\\s*\\n\\s*", "-").replaceAll("\\s+", " ");
        for (String id : RULE_IDS) {
            find(found, what, flat, "(?<![A-Za-z0-9-])" + Pattern.quote(id) + "(?![A-Za-z0-9-])", id);
        }
        for (String key : FIELD_KEYS) {
            if (flat.contains(key)) {
                find(found, what, flat, "(?<![A-Za-z0-9.])" + Pattern.quote(key) + "(?![A-Za-z0-9])", key);
            }
        }
        for (String code : CODES) {
            find(found, what, flat, "(?<![A-Za-z0-9-])" + Pattern.quote(code) + "(?![A-Za-z0-9-])", code);
        }
        for (String word : LEFTOVERS) {
            find(found, what, flat, "(?<![A-Za-z])" + Pattern.quote(word) + "(?![a-z])", word);
        }
        return found;
    }

    private static void find(List<String> found, String what, String text, String regex, String key) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (m.find()) {
            int from = Math.max(0, m.start() - 60);
            int to = Math.min(text.length(), m.end() + 60);
            found.add(what + ": '" + key + "' in …" + text.substring(from, to) + "…");
        }
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // the marked placeholders are drawn after their line: read by position, as the eye does
            stripper.setSortByPosition(true);
            return stripper.getText(d);
        }
    }

    private static String docxText(byte[] docx) throws IOException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            return x.getText();
        }
    }

    private static void dump(String document, String output, byte[] bytes) throws IOException {
        String dir = System.getProperty("kw.letters.dump");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path target = Path.of(dir).resolve(document.replaceAll("\\.(pdf|xlsx)$", "") + "--" + output);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }
}
