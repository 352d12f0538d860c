package nl.kansrijkewijk.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;
import nl.kansrijkewijk.reader.AanvraagReader;
import nl.kansrijkewijk.reader.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureGeneratorTest {
    private static final String SPEC = """
            description: "Heerlen, school en omgeving"
            shapes: [pdf, pdf-flattened, xlsx]
            xlsxQuirks: [blank-rows, merged-cells, text-amounts, formulas, hidden-sheet, excel-dates]
            fields:
              "A.gemeente": "Heerlen"
              "A.datum": "29-09-2023"
              "A.kenmerk": ""
              "B.SEO.fg1.2023": "€ 2.832.974,00"
              "B.SEO.fg1.totaal": 2832974
              "C.1.naam": "Naschoolse sport in Heerlen-Noord"
              "C.1.onderdeel": "SEO"
              "C.1.begroting.2023": "€ 2.832.974,00"
              "C.1.buitenOnderwijstijd": "ja"
            expected:
              findings: []
            """;

    @Test
    void writesTheRequestedShapesDeterministically(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("specs"));
        Files.writeString(dir.resolve("specs/heerlen.yaml"), SPEC, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("specs/alleen-xlsx.yaml"), "shapes: [xlsx]\nfields: {\"A.gemeente\": \"Delft\"}\n");
        Files.writeString(dir.resolve("specs/notities.txt"), "geen spec");

        List<Path> written = FixtureGenerator.generate(dir);
        assertEquals(List.of("alleen-xlsx.xlsx", "heerlen.pdf", "heerlen-afgedrukt.pdf", "heerlen.xlsx"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        List<byte[]> first = new ArrayList<>();
        for (Path p : written) {
            first.add(Files.readAllBytes(p));
        }
        FixtureGenerator.main(new String[] {dir.toString()});
        for (int i = 0; i < written.size(); i++) {
            assertArrayEquals(first.get(i), Files.readAllBytes(written.get(i)), written.get(i).toString());
        }

        ReadResult pdf = AanvraagReader.read("heerlen.pdf", first.get(1));
        ReadResult flat = AanvraagReader.read("heerlen-afgedrukt.pdf", first.get(2));
        ReadResult xlsx = AanvraagReader.read("heerlen.xlsx", first.get(3));
        assertEquals(DocumentShape.PDF_FORM, pdf.aanvraag().source().shape());
        assertEquals(DocumentShape.PDF_FLATTENED, flat.aanvraag().source().shape());
        assertEquals(DocumentShape.XLSX, xlsx.aanvraag().source().shape());
        for (ReadResult r : List.of(pdf, flat, xlsx)) {
            assertEquals(List.of(), r.findings());
            assertEquals("Heerlen", r.aanvraag().gemeente());
            assertEquals(new java.math.BigDecimal("2832974.00"), r.aanvraag().budget().get(0).statedTotal());
            assertEquals(true, r.aanvraag().activities().get(0).outsideSchoolHours());
        }
    }

    @Test
    void unknownShapesAndQuirksAreErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FixtureGenerator.render("shapes: [docx]\nfields: {}\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("docx"));
        e = assertThrows(IllegalArgumentException.class, () -> FixtureGenerator.render(
                "shapes: [xlsx]\nxlsxQuirks: [coffee-stains]\nfields: {}\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("coffee-stains"));
        e = assertThrows(IllegalArgumentException.class, () -> FixtureGenerator.render(
                "shapes: [pdf]\nfields: {\"A.gemeente_typo\": \"x\"}\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("A.gemeente_typo"));
    }
}
