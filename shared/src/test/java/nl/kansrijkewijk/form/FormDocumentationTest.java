package nl.kansrijkewijk.form;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/aanvraagformulier.md documents every field of the catalogue and every workbook quirk. */
class FormDocumentationTest {
    @Test
    void everyFieldAndQuirkIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "aanvraagformulier.md"), StandardCharsets.UTF_8);
        FormCatalogue c = FormCatalogue.standard();
        for (String section : new String[] {"A", "D", "E"}) {
            for (FieldDef f : c.section(section)) {
                assertTrue(doc.contains("`" + f.key() + "`"), f.key());
            }
        }
        c.budgetColumns().forEach(s -> assertTrue(doc.contains("`B.<ONDERDEEL>.fg<1\\|2>." + s.sub() + "`"), s.sub()));
        c.activitySubs().forEach(s -> assertTrue(doc.contains("`C.<n>." + s.sub() + "`"), s.sub()));
        c.schoolSubs().forEach(s -> assertTrue(doc.contains("`D.school.<n>." + s.sub() + "`"), s.sub()));
        for (XlsxQuirk q : XlsxQuirk.values()) {
            assertTrue(doc.contains("`" + q.specName() + "`"), q.specName());
        }
        assertTrue(doc.contains(FormFields.FORM_VERSION));
    }
}
