package nl.kansrijkewijk.verantwoording;

import java.util.List;
import java.util.Optional;

/** The context as a plain value: for tests, the demo and {@code ./kw check --dossier}. */
public record DossierContext(
        String cbsCode,
        List<String> verleningKenmerken,
        List<Toekenning> toekenningen,
        List<Ontvangst> verantwoordingen,
        Uitstel uitstelOrNull) implements VerantwoordingContext {

    public DossierContext {
        verleningKenmerken = List.copyOf(verleningKenmerken);
        toekenningen = List.copyOf(toekenningen);
        verantwoordingen = List.copyOf(verantwoordingen);
    }

    @Override
    public Optional<Uitstel> uitstel() {
        return Optional.ofNullable(uitstelOrNull);
    }

    /** A plain copy of any context (e.g. the dossier's projection). */
    public static DossierContext copyOf(VerantwoordingContext c) {
        return c instanceof DossierContext d ? d : new DossierContext(c.cbsCode(), c.verleningKenmerken(),
                c.toekenningen(), c.verantwoordingen(), c.uitstel().orElse(null));
    }

    /** The same dossier with one more verantwoording received (the next step of a cycle). */
    public DossierContext with(Ontvangst o) {
        List<Ontvangst> more = new java.util.ArrayList<>(verantwoordingen);
        more.add(o);
        return new DossierContext(cbsCode, verleningKenmerken, toekenningen, more, uitstelOrNull);
    }
}
