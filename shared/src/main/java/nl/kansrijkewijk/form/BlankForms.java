package nl.kansrijkewijk.form;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the blank aanvraagformulier in both shapes (used by {@code ./kw form DIR}). */
public final class BlankForms {
    /** File name without extension: "aanvraagformulier-kansrijke-wijk-KW-2023-1". */
    public static final String BASE_NAME = "aanvraagformulier-kansrijke-wijk-" + FormFields.FORM_VERSION;

    private BlankForms() {}

    /**
     * Writes {@code aanvraagformulier-kansrijke-wijk-KW-2023-1.pdf} and {@code .xlsx} into dir (created if
     * missing; existing files are replaced) and returns their paths.
     */
    public static List<Path> writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path pdf = dir.resolve(BASE_NAME + ".pdf");
        Path xlsx = dir.resolve(BASE_NAME + ".xlsx");
        Files.write(pdf, BlankFormPdf.generate());
        Files.write(xlsx, BlankFormXlsx.generate());
        return List.of(pdf, xlsx);
    }
}
