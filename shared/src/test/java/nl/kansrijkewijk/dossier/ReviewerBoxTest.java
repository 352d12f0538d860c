package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reviewer's marked box in the concept letter lists the waarschuwingen still open. Dordrecht's beoordeling
 * (DordrechtDossier) accepts the VEE-ASPECT waarschuwing on activity 3 and turns OJK-DIPLOMA-ONBEKEND on activity 7
 * into an afwijzing, and judges under art. 12 that activity 3 is expected to contribute: the concept regenerated
 * after it no longer lists those two, nor activity 3's missing onderbouwing (art. 12, eerste lid), as open.
 */
class ReviewerBoxTest {
    // the two waarschuwingen as the letter words them (VEE-ASPECT on activity 3, OJK-DIPLOMA-ONBEKEND on 7)
    private static final String VEE_ASPECT = "valt volgens het formulier buiten de aspecten a tot en met g";
    private static final String DIPLOMA = "zet een onderwijsassistent in, maar het diploma is niet vermeld";
    // ONDERBOUWING-ONTBREEKT on activity 3, closed by the art. 12 judgement on that activity
    private static final String ONDERBOUWING = "heeft geen onderbouwing van hoe zij bijdraagt aan het doel";
    private static final Pattern OPEN = Pattern.compile("Nog te beoordelen \\((\\d+) waarschuwing");

    @Test
    void judgedWaarschuwingenLeaveTheOpenList() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        DossierState.Zaak z = DossierLoopTest.zaak(d, DordrechtDossier.KENMERK);
        // eerdere versies: PDF concept, XLSX concept (before the beoordeling), the concept after the beoordeling
        String before = box(concept(d, z.eerdereVersies().get(1)));
        String after = box(concept(d, z.eerdereVersies().get(2)));
        int openBefore = open(before);
        assertTrue(before.contains(VEE_ASPECT) && before.contains(DIPLOMA), before);
        assertTrue(before.contains("Activiteit 3 ") && before.contains(ONDERBOUWING), before);
        assertFalse(before.contains("Al beoordeeld"), before);
        assertEquals(openBefore - 3, open(after), after);
        assertFalse(after.contains(VEE_ASPECT) || after.contains(DIPLOMA), after);
        assertFalse(after.contains("Activiteit 3 “") && after.contains(ONDERBOUWING), after);
        assertTrue(after.contains("Al beoordeeld (zie bevindingen.xlsx): afwijzen 1×, akkoord 1×, oordeel artikel 12 1×."), after);
    }

    private static String concept(DordrechtDossier d, String versie) throws Exception {
        return DossierLoopTest.text(d.store.read(EventKeys.view(DordrechtDossier.CBS, DordrechtDossier.KENMERK, versie)
                + "concept-verleningsbeschikking.pdf").orElseThrow()).replaceAll("\\s+", " ");
    }

    /** The marked box: from its heading to the next numbered paragraph heading. */
    private static String box(String text) {
        int from = text.indexOf("[In te vullen door de behandelaar");
        assertTrue(from >= 0, "the concept has the reviewer's box");
        Matcher m = Pattern.compile(" \\d\\. [A-Z]").matcher(text);
        return m.find(from) ? text.substring(from, m.start()) : text.substring(from);
    }

    private static int open(String box) {
        Matcher m = OPEN.matcher(box);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
