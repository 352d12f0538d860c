package nl.kansrijkewijk.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;
import nl.kansrijkewijk.reader.AanvraagReader;
import nl.kansrijkewijk.reader.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlankFormsTest {
    @Test
    void writesBothShapesThatReadAsAnEmptyForm(@TempDir Path dir) throws Exception {
        List<Path> files = BlankForms.writeTo(dir.resolve("formulier"));
        assertEquals(List.of("aanvraagformulier-kansrijke-wijk-KW-2023-1.pdf", "aanvraagformulier-kansrijke-wijk-KW-2023-1.xlsx"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        assertArrayEquals(BlankFormPdf.generate(), Files.readAllBytes(files.get(0)));
        ReadResult pdf = AanvraagReader.read("leeg.pdf", Files.readAllBytes(files.get(0)));
        assertEquals(DocumentShape.PDF_FLATTENED, pdf.aanvraag().source().shape());
        assertEquals(List.of(), pdf.findings());
        assertNull(pdf.aanvraag().gemeente());
        assertEquals(List.of(), pdf.aanvraag().activities());
        ReadResult xlsx = AanvraagReader.read("leeg.xlsx", Files.readAllBytes(files.get(1)));
        assertEquals(List.of(), xlsx.findings());
        assertNull(xlsx.aanvraag().schoolEnOmgeving());
        assertEquals(List.of(), xlsx.aanvraag().budget());
    }
}
