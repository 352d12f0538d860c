package nl.kansrijkewijk.sisa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SiSa data against itself and against the regeling data. */
class SisaConfigTest {
    private final SisaConfig c = SisaSamples.CONFIG;

    @Test
    void belongsToTheRegelingAndCoversItsYearsPlusTheUitstelYear() {
        assertEquals(SisaSamples.REGELING.id(), c.regeling());
        List<Integer> years = c.years().stream().map(SisaConfig.Year::year).toList();
        assertTrue(years.containsAll(SisaSamples.REGELING.years()));
        // art. 11(3): uitstel at most until 31 December 2026, so 2026 can be a verslagjaar
        assertTrue(years.contains(SisaSamples.REGELING.deadlines().extensionThrough().getYear()));
        for (SisaConfig.Year y : c.years()) {
            // the bijlage over year T is issued after T ends ("op maat" around 15 January of T+1)
            assertTrue(y.versionDate().getYear() == y.year() + 1, y.toString());
            assertTrue(VerantwoordingReader.CODE.matcher(y.code(c.indicators().get(0))).matches(), y.toString());
        }
    }

    @Test
    void indicatorsAreUniqueAndCoverWhatTheReaderMaps() {
        Set<String> numbers = c.indicators().stream().map(SisaConfig.Indicator::number).collect(Collectors.toSet());
        assertEquals(c.indicators().size(), numbers.size());
        Set<String> keys = c.indicators().stream().map(SisaConfig.Indicator::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> needed = new TreeSet<>(VerantwoordingWorkbook.AMOUNTS.keySet());
        needed.addAll(List.of("onderdeel", "eindverantwoording", "toelichting"));
        assertEquals(needed, keys);
        assertEquals(1, c.indicators().stream().filter(i -> i.kind() == SisaConfig.Kind.row).count());
        c.indicators().forEach(i -> assertTrue(Set.of("R", "n.v.t.").contains(i.aardControle()), i.key()));
        // the issue's minimum: Besteding and Opgebouwde reserve and Correctie are audited (R)
        assertEquals("R", c.indicator("besteding").aardControle());
        assertEquals("R", c.indicator("reserveVorigJaar").aardControle());
        assertEquals("R", c.indicator("correctieVorigJaar").aardControle());
    }

    @Test
    void blocksWrapWithTheRowKeyFirstInEach() {
        List<List<SisaConfig.Indicator>> blocks = c.blocks();
        assertTrue(blocks.size() >= 2);
        blocks.forEach(b -> {
            assertEquals("onderdeel", b.get(0).key());
            assertTrue(b.size() <= c.indicatorsPerBlock());
        });
        assertEquals(c.indicators().size() - 1, blocks.stream().mapToInt(b -> b.size() - 1).sum());
    }

    @Test
    void anUnknownKeyInTheDataIsAnError() {
        String yaml = "regeling: x\nverstrekker: y\nuitkeringscodee: E1\n";
        assertThrows(Exception.class, () -> SisaConfigLoader.read(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }
}
