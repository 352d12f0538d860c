package nl.kansrijkewijk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.ActivityKind;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.aanvraag.Declarations;
import nl.kansrijkewijk.aanvraag.SchoolEnOmgeving;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.form.PdfLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One comprehensive form through all three shapes: each reads back what was typed, and all three agree. */
class RoundTripTest {
    private static Map<DocumentShape, ReadResult> read;

    @BeforeAll
    static void readAllShapes() throws UnreadableDocumentException {
        read = Shapes.readAll(SampleForms.comprehensive());
    }

    @Test
    void allShapesReadTheSameAanvraag() {
        Aanvraag form = Shapes.content(read.get(DocumentShape.PDF_FORM));
        assertEquals(form, Shapes.content(read.get(DocumentShape.PDF_FLATTENED)));
        assertEquals(form, Shapes.content(read.get(DocumentShape.XLSX)));
    }

    @ParameterizedTest
    @EnumSource(DocumentShape.class)
    void aanvrager(DocumentShape shape) {
        ReadResult r = read.get(shape);
        assertEquals(List.of(), r.findings());
        Aanvraag a = r.aanvraag();
        assertEquals("KW-2023-1", a.formVersion());
        assertEquals("Amsterdam", a.gemeente());
        assertEquals("GM0363", a.gemeentecode());
        assertEquals(List.of("Zuidoost", "Nieuw-West"), a.focusgebieden());
        assertEquals(AanvraagKind.AANVRAAG, a.kind());
        assertNull(a.verleningKenmerk());
        assertEquals(LocalDate.of(2023, 9, 28), a.submissionDate());
        assertEquals(new Aanvraag.Person("drs. Zoë van Bruggen-Çelik", "wethouder Wijkaanpak & Armoede", null, null),
                a.signatory());
        assertEquals(new Aanvraag.Person("Jiří Novák", null, "j.novak@amsterdam.nl", "+31 20 555 0123"), a.contact());
        assertEquals(new Declarations(true, true, true, true), a.declarations());
        assertEquals(shape, a.source().shape());
        assertEquals(64, a.source().sha256().length());
    }

    @ParameterizedTest
    @EnumSource(DocumentShape.class)
    void budget(DocumentShape shape) {
        List<BudgetLine> b = read.get(shape).aanvraag().budget();
        assertEquals(List.of("B.ORG.fg1", "B.ORG.fg2", "B.INT.fg1", "B.INT.fg2", "B.ARM.fg1", "B.ARM.fg2", "B.VEE.fg1",
                "B.VEE.fg2", "B.REI.fg1", "B.REI.fg2", "B.OJK.fg1", "B.OJK.fg2"),
                b.stream().map(BudgetLine::fieldPrefix).toList());
        assertEquals(new BudgetLine("ORG", "Zuidoost", years("500000.00", "500000.00", "500000.00"),
                new BigDecimal("1500000.00"), null, "B.ORG.fg1"), b.get(0));
        assertEquals(new BudgetLine("ARM", "Nieuw-West", years("400000.50", "150000.00", "150000.25"),
                new BigDecimal("700000.75"), null, "B.ARM.fg2"), b.get(5));
        assertEquals(years("0.00", "600000.00", "700000.00"), b.get(8).perYear());
        assertEquals(years(null, "1000000.00", "1050000.00"), b.get(9).perYear());
        assertEquals(new BigDecimal("6500000.00"), b.get(11).granted());
        assertEquals("Nieuw-West", b.get(11).focusgebied());
    }

    @ParameterizedTest
    @EnumSource(DocumentShape.class)
    void activities(DocumentShape shape) {
        List<Activity> acts = read.get(shape).aanvraag().activities();
        List<Integer> numbers = acts.stream().map(Activity::number).toList();
        assertEquals(25, acts.size());
        assertEquals(60, numbers.get(numbers.size() - 1));
        Activity one = acts.get(0);
        assertEquals(new Activity(1, "ARM", "Zuidoost", "Financiële huisarts Zuidoost", SampleForms.LONG_OMSCHRIJVING,
                ActivityKind.NIEUW, null, null, null, null, List.of(), years("310000.00", "100000.00", "100000.00"),
                false, new BigDecimal("1250.00"), "Vroegsignalering voorkomt problematische schulden; de pilot in 2022 "
                        + "bereikte 180 huishoudens, van wie 74 % binnen een jaar schuldenrust had. Zie de evaluatie "
                        + "‘Geldzorgen de baas’.", null, null, List.of(), false), one);
        assertEquals("ARM", acts.get(1).onderdeel());
        assertEquals(ActivityKind.UITBREIDING, acts.get(1).kind());
        assertEquals("ARM", acts.get(2).onderdeel());
        assertEquals(ActivityKind.VOORTZETTING, acts.get(2).kind());
        assertEquals(years("400000.50", "150000.00", "150000.25"), acts.get(2).budget());
        assertEquals("c", acts.get(3).art6Aspect());
        assertEquals("VEE", acts.get(4).onderdeel());
        assertEquals("anders", acts.get(4).art6Aspect());
        assertEquals("e", acts.get(5).art9Activity());
        assertEquals(true, acts.get(5).onderwijsassistent());
        assertEquals("mbo niveau 4 (onderwijsassistent)", acts.get(5).onderwijsassistentDiploma());
        assertEquals("OJK", acts.get(6).onderdeel());
        assertEquals("b", acts.get(6).art9Activity());
        assertEquals(false, acts.get(6).onderwijsassistent());
        assertEquals(List.of("ARM", "VEE", "REI"), acts.get(7).objectives());
        assertEquals("INT", acts.get(8).onderdeel());
        assertEquals(List.of("OJK", "SEO"), acts.get(8).objectives());
        assertEquals(years("0.00", "600000.00", "700000.00"), acts.get(9).budget());
        assertEquals("REI", acts.get(10).onderdeel());
        Activity seo = acts.get(11);
        assertEquals("SEO", seo.onderdeel());
        assertEquals(true, seo.outsideSchoolHours());
        assertEquals("sport", seo.ontwikkelgebied());
        assertEquals(List.of("12AB00", "34CD01", "56EF"), seo.schools());
        assertEquals(true, seo.otherGovernmentFunding());
        Activity nameOnly = acts.get(12);
        assertEquals(13, nameOnly.number());
        assertNull(nameOnly.onderdeel());
        assertEquals(Map.of(), nameOnly.budget());
        Activity last = acts.get(24);
        assertEquals("OJK", last.onderdeel());
        assertEquals("a", last.art9Activity());
        assertEquals(years("1.00", "2.00", "3.00"), last.budget());
        assertEquals("Ouderkamers in vijf basisscholen (Geuzenveld, Slotermeer).", last.description());
    }

    @ParameterizedTest
    @EnumSource(DocumentShape.class)
    void schoolEnOmgeving(DocumentShape shape) {
        SchoolEnOmgeving d = read.get(shape).aanvraag().schoolEnOmgeving();
        assertEquals(new SchoolEnOmgeving("Coalitie Kansrijk Zuidoost ‘Samen Sterk’", 20, 18, List.of(
                new SchoolEnOmgeving.School(1, "OBS De Regenboog", "12AB00", true, true),
                new SchoolEnOmgeving.School(2, "Christelijke basisschool Het Baken", "34CD01", true, true),
                new SchoolEnOmgeving.School(3, "IKC Zuidoost-Oost", "56EF", true, false),
                new SchoolEnOmgeving.School(40, "Laatste regel: SBO De Brug", "78GH02", false, false))), d);
    }

    @Test
    void pdfLocationsNameThePageAndField() {
        Map<String, Location> loc = read.get(DocumentShape.PDF_FORM).aanvraag().source().locations();
        assertEquals(Location.field("aanvraag.pdf", 1, "A.gemeente"), loc.get("A.gemeente"));
        for (String key : List.of("B.ARM.fg1.2023", "C.3.naam", "C.60.begroting.2025", "D.school.40.brin",
                "E.staatssteun")) {
            assertEquals(PdfLayout.standard().field(key).page(), loc.get(key).page(), key);
            assertEquals(key, loc.get(key).field());
        }
        Map<String, Location> flat = read.get(DocumentShape.PDF_FLATTENED).aanvraag().source().locations();
        assertEquals(loc.get("C.60.naam").page(), flat.get("C.60.naam").page());
        // Blank fields of an empty activity are not listed; blank A fields are (findings may point at them).
        assertTrue(loc.containsKey("A.kenmerk"));
        assertTrue(!loc.containsKey("C.30.naam"));
    }

    @Test
    void xlsxLocationsNameSheetAndCell() {
        Map<String, Location> loc = read.get(DocumentShape.XLSX).aanvraag().source().locations();
        assertEquals(Location.cell("aanvraag.xlsx", "A Aanvrager", "C4", "A.gemeente"), loc.get("A.gemeente"));
        assertEquals("'B Begroting'!D9", loc.get("B.ARM.fg1.2023").cell());
        assertEquals("'C Activiteiten'!C6", loc.get("C.1.naam").cell());
    }

    static SortedMap<Integer, BigDecimal> years(String y23, String y24, String y25) {
        SortedMap<Integer, BigDecimal> m = new TreeMap<>();
        if (y23 != null) {
            m.put(2023, new BigDecimal(y23));
        }
        m.put(2024, new BigDecimal(y24));
        m.put(2025, new BigDecimal(y25));
        return m;
    }
}
