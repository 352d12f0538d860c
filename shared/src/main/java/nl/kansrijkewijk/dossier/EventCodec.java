package nl.kansrijkewijk.dossier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import nl.kansrijkewijk.processing.Json;

/** Events to and from their JSON (the shared output mapper: ISO dates, plain decimals, stable layout). */
public final class EventCodec {
    /** Kinds in the order they happen within one instant, so ties sort the same way everywhere. */
    private static final List<String> KIND_ORDER = List.of("AanvraagOntvangen", "WijzigingOntvangen",
            "BeoordelingVastgelegd", "VerleningVastgesteld", "ConceptGemaakt", "WijzigingBesloten",
            "UitstelVastgelegd", "VerantwoordingOntvangen", "VaststellingVastgesteld");

    /**
     * The one order every projection folds in: time, kind, kenmerk, cause. Never the order of arrival or of a
     * listing, so a reordered or replayed stream gives the same state.
     */
    public static final Comparator<DossierEvent> ORDER = Comparator
            .comparing((DossierEvent e) -> e.at() == null ? java.time.Instant.EPOCH : e.at())
            .thenComparingInt(e -> rank(e.kind()))
            .thenComparing(DossierEvent::kind)
            .thenComparing(DossierEvent::kenmerk, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(DossierEvent::cause, Comparator.nullsFirst(Comparator.naturalOrder()));

    private EventCodec() {}

    public static byte[] bytes(DossierEvent e) {
        return Json.bytes(e);
    }

    public static DossierEvent read(byte[] json) {
        try {
            return Json.mapper().readValue(json, DossierEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a dossier event", e);
        }
    }

    private static int rank(String kind) {
        int i = KIND_ORDER.indexOf(kind);
        return i < 0 ? KIND_ORDER.size() : i;
    }
}
