package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.kansrijkewijk.fixtures.FixtureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers working on one gemeente at once (two Lambdas, two processes on one folder) lose nothing. */
class ConcurrentWritersTest {

    @Test
    void conditionalWritesOfOneKeyHaveExactlyOneWinnerAndNoTornFile(@TempDir Path dir) throws Exception {
        FileSystemDossierStore store = new FileSystemDossierStore(dir);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        List<Future<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] content = ("{\"writer\": " + i + ", \"pad\": \"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            results.add(pool.submit(() -> {
                start.await();
                if (store.putIfAbsent("dossier/GM0505/events/K/AanvraagOntvangen/abc.json", content)) {
                    wins.incrementAndGet();
                    return content;
                }
                return null;
            }));
        }
        start.countDown();
        byte[] winner = null;
        for (Future<byte[]> f : results) {
            byte[] b = f.get();
            winner = b != null ? b : winner;
        }
        pool.shutdown();
        assertEquals(1, wins.get());
        assertArrayEquals(winner, store.read("dossier/GM0505/events/K/AanvraagOntvangen/abc.json").orElseThrow());
        assertEquals(List.of("dossier/GM0505/events/K/AanvraagOntvangen/abc.json"), store.list("dossier/"));
    }

    @Test
    void twoUploadsForOneGemeenteAtOnceAreBothInTheDossier(@TempDir Path dir) throws Exception {
        FileSystemDossierStore store = new FileSystemDossierStore(dir);
        byte[] pdf = DordrechtDossier.fixture("dordrecht-jonge-kind-veerkracht.pdf");
        byte[] broken = Files.readAllBytes(FixtureSpec.fixturesDir().resolve("onleesbaar/arnhem-geen-pdf.pdf"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Callable<DossierService.Intake>> jobs = List.of(
                () -> { start.await(); return new DossierService(store).ontvang(DordrechtDossier.receipt("a.pdf", "2023-09-14T08:00:00Z"), pdf); },
                () -> { start.await(); return new DossierService(store).ontvang(DordrechtDossier.receipt("b.pdf", "2023-09-14T08:00:01Z"), broken); },
                () -> { start.await(); return new DossierService(store).ontvang(DordrechtDossier.receipt("a.pdf", "2023-09-14T08:00:00Z"), pdf); });
        List<Future<DossierService.Intake>> f = new ArrayList<>();
        jobs.forEach(j -> f.add(pool.submit(j)));
        start.countDown();
        int fresh = 0;
        for (Future<DossierService.Intake> x : f) {
            fresh += x.get().nieuw() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(2, fresh, "the repeated delivery of a.pdf found its event already there");
        DossierState state = new DossierService(store).state(DordrechtDossier.CBS);
        DossierState.Zaak z = state.zaken().get(0);
        assertEquals(List.of("huidig", "onleesbaar"), z.uploads().stream().map(DossierState.Upload::status).toList());
        String json = Files.readString(dir.resolve(EventKeys.state(DordrechtDossier.CBS)));
        assertTrue(json.contains("\"a.pdf\"") && json.contains("\"b.pdf\""), "dossier.json holds both uploads");
        assertTrue(Files.exists(dir.resolve(EventKeys.view(DordrechtDossier.CBS, z.kenmerk(), z.versie()) + "besluit.json")));
    }
}
