package nl.kansrijkewijk.dossier;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.provenance.Provenance;

/**
 * What happened in a gemeente's dossier. Events are append-only and immutable; each is stored under a key that
 * derives from its cause ({@link EventKeys}), so the same cause always writes the same object. The dossier's state
 * is a projection of its events ({@link DossierProjection}), never stored as the truth.
 *
 * <p>Later stages (verantwoording, vaststelling) add their own records here; until then {@link Uitbreiding} carries
 * any event kind this version does not know, so an older reader keeps it instead of failing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = DossierEvent.Uitbreiding.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = DossierEvent.AanvraagOntvangen.class, name = "AanvraagOntvangen"),
    @JsonSubTypes.Type(value = DossierEvent.ConceptGemaakt.class, name = "ConceptGemaakt"),
    @JsonSubTypes.Type(value = DossierEvent.BeoordelingVastgelegd.class, name = "BeoordelingVastgelegd"),
    @JsonSubTypes.Type(value = DossierEvent.VerleningVastgesteld.class, name = "VerleningVastgesteld"),
    @JsonSubTypes.Type(value = DossierEvent.WijzigingOntvangen.class, name = "WijzigingOntvangen"),
    @JsonSubTypes.Type(value = DossierEvent.WijzigingBesloten.class, name = "WijzigingBesloten"),
    @JsonSubTypes.Type(value = DossierEvent.VerantwoordingOntvangen.class, name = "VerantwoordingOntvangen"),
    @JsonSubTypes.Type(value = DossierEvent.UitstelVastgelegd.class, name = "UitstelVastgelegd"),
    @JsonSubTypes.Type(value = DossierEvent.VaststellingVastgesteld.class, name = "VaststellingVastgesteld"),
    @JsonSubTypes.Type(value = DossierEvent.Uitbreiding.class, name = "Uitbreiding")
})
public sealed interface DossierEvent {

    /** The CBS code of the gemeente whose dossier this is. */
    String gemeenteCode();

    /** The case the event belongs to ({@link nl.kansrijkewijk.kenmerk.Kenmerk}). */
    String kenmerk();

    /** When it happened: the receipt time of an upload, the moment of a reviewer's act. */
    Instant at();

    /**
     * What produced the event: the code version, the SHA-256 of the regeling data and of the rule catalogue, the
     * form version of the upload concerned. Stored with the event and never part of its key or of a view id: a
     * replay by a newer version writes nothing new (the event keeps the provenance it was recorded with), and a
     * concept rendered by another version says so in its own {@link ConceptGemaakt#provenance()}. Null in events
     * recorded before provenance was kept.
     */
    Provenance provenance();

    /** What caused it, unique within its kind and kenmerk: an upload's SHA-256 or an act's id. */
    @JsonIgnore
    String cause();

    /** The kind, as in the key and the JSON "type". */
    @JsonIgnore
    default String kind() {
        return getClass().getSimpleName();
    }

    /**
     * An upload of an aanvraagformulier (kind aanvraag) as received.
     *
     * @param sha256   of the upload; the bytes are in the dossier under {@link EventKeys#document}
     * @param receipt  who delivered it and when (the pipeline's, never the document's claim)
     * @param leesbaar false when the reader could not read it (the event still records the delivery)
     */
    record AanvraagOntvangen(String kenmerk, String sha256, Receipt receipt, String shape, boolean leesbaar,
                             Provenance provenance)
            implements DossierEvent {
        @Override
        public String gemeenteCode() {
            return receipt.gemeenteCode();
        }

        @Override
        public Instant at() {
            return receipt.receivedAt();
        }

        @Override
        public String cause() {
            return sha256;
        }
    }

    /** An upload of a wijzigingsformulier, under the wijziging's own kenmerk ({@code …-W1}). */
    record WijzigingOntvangen(String kenmerk, String sha256, Receipt receipt, String shape, String verleningKenmerk,
                              Provenance provenance)
            implements DossierEvent {
        @Override
        public String gemeenteCode() {
            return receipt.gemeenteCode();
        }

        @Override
        public Instant at() {
            return receipt.receivedAt();
        }

        @Override
        public String cause() {
            return sha256;
        }
    }

    /**
     * A concept (letter and workpapers) was made for a case from one upload and the beoordelingen applied to it.
     *
     * @param view          the id of the inputs (upload and beoordelingen); the folder of the outputs
     * @param beoordelingen ids of the beoordelingen applied, in order
     * @param outputs       SHA-256 per output file
     */
    record ConceptGemaakt(String gemeenteCode, String kenmerk, Instant at, String view, String upload,
                          List<String> beoordelingen, SortedMap<String, String> outputs, Provenance provenance)
            implements DossierEvent {
        @Override
        public String cause() {
            return view;
        }
    }

    /** A reviewer's beoordeling; {@code id} is a hash of its content, so submitting it twice records it once. */
    record BeoordelingVastgelegd(String gemeenteCode, Instant at, String id, Beoordeling beoordeling, Provenance provenance)
            implements DossierEvent {
        @Override
        public String kenmerk() {
            return beoordeling.kenmerk();
        }

        @Override
        public String cause() {
            return id;
        }
    }

    /**
     * The definitive verlening, fixed by a second reviewer (four eyes). Its key is the kenmerk itself, so a
     * verlening can be fixed once: a second attempt finds the object there.
     *
     * @param beoordelaars the reviewers whose beoordelingen it rests on
     * @param vaststeller  the second reviewer, another person than every beoordelaar
     * @param bedragen     the amounts per onderdeel, focusgebied and year
     */
    record VerleningVastgesteld(String gemeenteCode, String kenmerk, Instant at, LocalDate datum, String upload,
                                List<String> beoordelingen, List<Beoordeling.Reviewer> beoordelaars,
                                Beoordeling.Reviewer vaststeller, List<VerleendBedrag> bedragen,
                                BigDecimal totaalVerleend, BigDecimal totaalUitTeBetalen, Provenance provenance)
            implements DossierEvent {
        @Override
        public String cause() {
            return kenmerk;
        }
    }

    /**
     * @param perJaar            granted per year (the termijnen, inclusief btw)
     * @param uitTeBetalenPerJaar the termijnen exclusief the btw component
     */
    record VerleendBedrag(String onderdeel, String focusgebied, BigDecimal verleend,
                          SortedMap<Integer, BigDecimal> perJaar, SortedMap<Integer, BigDecimal> uitTeBetalenPerJaar) {}

    /**
     * The concept decision on a wijziging, judged against the recorded verlening.
     *
     * @param verlening the kenmerk of the recorded verlening it was judged against; null when none was recorded
     */
    record WijzigingBesloten(String gemeenteCode, String kenmerk, Instant at, String view, String upload,
                             String verlening, BigDecimal totaalVerleend, SortedMap<String, String> outputs,
                             Provenance provenance)
            implements DossierEvent {
        @Override
        public String cause() {
            return view;
        }
    }

    /**
     * A plausible SiSa verantwoording (art. 14) as received, under the kenmerk of its year ({@code …-J2024}). A
     * niet-plausibele upload is never recorded. A second one for the same year is recorded too; only one marked as
     * correction replaces the first (policy 7).
     */
    record VerantwoordingOntvangen(String kenmerk, String sha256, Receipt receipt, int verslagjaar, boolean correctie,
                                   Provenance provenance)
            implements DossierEvent {
        @Override
        public String gemeenteCode() {
            return receipt.gemeenteCode();
        }

        @Override
        public Instant at() {
            return receipt.receivedAt();
        }

        @Override
        public String cause() {
            return sha256;
        }
    }

    /**
     * A reviewer records the college's request for uitstel of the bestedingstermijn (art. 11(3)) or the minister's
     * decision on it, under the dossier's kenmerk. The latest request date and the latest decision count.
     *
     * @param handeling   "verzocht" or "besloten"
     * @param datum       date the request arrived, or date of the decision
     * @param verleend    the decision (null for a request)
     * @param verleendTot end of the extended termijn when granted
     */
    record UitstelVastgelegd(String gemeenteCode, String kenmerk, Instant at, String id, String handeling,
                             LocalDate datum, Boolean verleend, LocalDate verleendTot, Beoordeling.Reviewer door,
                             Provenance provenance)
            implements DossierEvent {
        @Override
        public String cause() {
            return id;
        }
    }

    /**
     * The definitive vaststelling (art. 15) with its terugvordering, fixed by a second reviewer (four eyes) after a
     * beoordeling of the concept under the vaststelling's kenmerk ({@code …-S}). Its key is the kenmerk, so it can
     * happen once; verantwoordingen received after it are recorded but change nothing.
     *
     * @param versie        the concept folder it was fixed from (the inputs: verantwoordingen, uitstel, beoordelingen)
     * @param beoordelingen ids of the beoordelingen it rests on
     * @param beoordelaars  who judged; the vaststeller is another person than each of them
     */
    record VaststellingVastgesteld(String gemeenteCode, String kenmerk, Instant at, LocalDate datum, String versie,
                                   List<String> beoordelingen, List<Beoordeling.Reviewer> beoordelaars,
                                   Beoordeling.Reviewer vaststeller, BigDecimal totaalVastgesteld,
                                   BigDecimal totaalTerugTeVorderen, BigDecimal totaalNabetaling,
                                   Provenance provenance) implements DossierEvent {
        @Override
        public String cause() {
            return kenmerk;
        }
    }

    /**
     * The extension point: an event of a kind this version does not model yet (verantwoording, vaststelling),
     * kept as data and shown in the dossier's history. An event of a kind added later and read by this version
     * lands here too, with what it shares of these fields; the next stage adds its own record to this interface.
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Uitbreiding(String soort, String gemeenteCode, String kenmerk, Instant at, String id,
                       Map<String, Object> data, Provenance provenance) implements DossierEvent {
        @Override
        public String cause() {
            return id;
        }

        @Override
        public String kind() {
            return soort == null ? "Uitbreiding" : soort;
        }
    }
}
