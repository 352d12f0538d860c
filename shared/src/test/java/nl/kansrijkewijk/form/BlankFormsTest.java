package nl.kansrijkewijk.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.kansrijkewijk.reader.AanvraagReader;
import nl.kansrijkewijk.reader.UnreadableDocumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlankFormsTest {
    @Test
    void writesBothShapesWhichReadAsAnEmptyForm(@TempDir Path dir) throws Exception {
        List<Path> files = BlankForms.writeTo(dir.resolve("formulier"));
        assertEquals(List.of("aanvraagformulier-kansrijke-wijk-KW-2023-1.pdf", "aanvraagformulier-kansrijke-wijk-KW-2023-1.xlsx"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        assertArrayEquals(BlankFormPdf.generate(), Files.readAllBytes(files.get(0)));
        assertArrayEquals(BlankFormXlsx.generate(), Files.readAllBytes(files.get(1)));
        for (Path file : files) {
            UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                    () -> AanvraagReader.read(file.getFileName().toString(), Files.readAllBytes(file)));
            assertTrue(e.userMessage().startsWith("Het formulier is leeg"), e.userMessage());
        }
    }
}
