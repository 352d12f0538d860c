package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verlening is fixed by a second person, and one name cannot pass for two. */
class FourEyesTest {
    private static final String CBS = DordrechtDossier.CBS;
    private static final String K = DordrechtDossier.KENMERK;

    @Test
    void spellingsOfOneNameAreOnePerson() {
        for (String variant : List.of("A. (Anouk) Jansen", "a. (anouk) jansen", "  A.  (Anouk)   Jansen ", "A (ANOUK) JANSEN",
                "Á. (Anouk) Jansen", "A.\t(Anouk)\u00a0Jansen", "a.-(anouk)-jansen")) {
            assertTrue(Reviewers.samePerson("A. (Anouk) Jansen", variant), variant);
        }
        assertFalse(Reviewers.samePerson("A. (Anouk) Jansen", "B. de Groot"));
        assertFalse(Reviewers.named(" . "));
    }

    @Test
    void theReviewerCannotFixHerOwnBeoordelingUnderAnySpellingNorAfterAColleagueAlsoJudged() throws Exception {
        InMemoryDossierStore store = new InMemoryDossierStore();
        DossierService s = new DossierService(store);
        s.ontvang(DordrechtDossier.receipt("aanvraag.pdf", "2023-09-14T08:00:00Z"),
                DordrechtDossier.fixture("dordrecht-jonge-kind-veerkracht.pdf"));
        Instant at = Instant.parse("2023-10-20T09:00:00Z");
        LocalDate day = LocalDate.of(2023, 10, 20);

        DossierException none = assertThrows(DossierException.class,
                () -> s.stelVast(CBS, K, new Beoordeling.Reviewer("B. de Groot", null), day, at));
        assertTrue(none.getMessage().contains("nog niet beoordeeld"), none.getMessage());

        s.beoordeel(CBS, DordrechtDossier.beoordeling(s, "A. (Anouk) Jansen"), Instant.parse("2023-10-16T09:00:00Z"));
        // A colleague adds an art. 12 judgement; the first reviewer is still a beoordelaar of this verlening.
        s.beoordeel(CBS, new Beoordeling(K, null, new Beoordeling.Reviewer("C. Bakker", "beoordelaar"), day, List.of(),
                List.of(new Beoordeling.ActiviteitOordeel(4, true, "past bij art. 6")), List.of()), Instant.parse("2023-10-17T09:00:00Z"));
        for (String self : List.of("A. (Anouk) Jansen", " a (ANOUK)  jansen", "C. Bakker", "c bakker")) {
            DossierException e = assertThrows(DossierException.class,
                    () -> s.stelVast(CBS, K, new Beoordeling.Reviewer(self, "teamleider"), day, at), self);
            assertTrue(e.getMessage().startsWith("Vier ogen"), e.getMessage());
        }
        assertThrows(DossierException.class, () -> s.stelVast(CBS, K, new Beoordeling.Reviewer("  ", null), day, at));
        assertEquals("beoordeeld", s.state(CBS).zaken().get(0).status(), "no refused attempt left a trace");

        var v = s.stelVast(CBS, K, new Beoordeling.Reviewer("B. de Groot", "teamleider"), day, at);
        assertEquals(List.of("A. (Anouk) Jansen", "C. Bakker"), v.beoordelaars().stream().map(Beoordeling.Reviewer::naam).toList());
        DossierException twice = assertThrows(DossierException.class,
                () -> s.stelVast(CBS, K, new Beoordeling.Reviewer("D. Visser", null), day, at.plusSeconds(60)));
        assertTrue(twice.getMessage().contains("al vastgesteld"), twice.getMessage());
    }

    @Test
    void aVerleningCanBeFixedOnceEvenByTwoWritersAtOnce() {
        InMemoryDossierStore store = new InMemoryDossierStore();
        var first = new DossierEvent.VerleningVastgesteld(CBS, K, Instant.EPOCH, LocalDate.of(2023, 10, 20), "x", List.of(),
                List.of(), new Beoordeling.Reviewer("B", null), List.of(), null, null, null);
        var second = new DossierEvent.VerleningVastgesteld(CBS, K, Instant.EPOCH.plusSeconds(1), LocalDate.of(2023, 10, 21), "x",
                List.of(), List.of(), new Beoordeling.Reviewer("D", null), List.of(), null, null, null);
        assertEquals(EventKeys.event(first), EventKeys.event(second), "the key is the kenmerk, not the act");
        assertTrue(store.putIfAbsent(EventKeys.event(first), EventCodec.bytes(first)));
        assertFalse(store.putIfAbsent(EventKeys.event(second), EventCodec.bytes(second)));
    }
}
