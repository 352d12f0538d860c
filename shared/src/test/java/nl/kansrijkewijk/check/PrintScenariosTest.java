package nl.kansrijkewijk.check;

import nl.kansrijkewijk.aanvraag.Aanvraag;
import org.junit.jupiter.api.Test;

class PrintScenariosTest {
    @Test
    void print() {
        for (Aanvraag a : Scenarios.faulty()) {
            System.out.println("==== " + a.gemeente());
            for (Finding f : Checks.check(a)) {
                System.out.println(f.severity().label() + " " + f.rule() + " | " + f.article() + " | " + f.onderdeel() + "/" + f.focusgebied() + "/" + f.activity()
                        + " | refused=" + f.refusedAmount() + " | @" + f.location().describe());
                System.out.println("   " + f.message());
                System.out.println("   inputs=" + f.trail().inputs());
                f.trail().computation().forEach(s -> System.out.println("   step: " + s));
                System.out.println("   => " + f.trail().outcome());
            }
        }
        System.out.println("==== Rotterdam full");
        for (Finding f : Checks.check(Scenarios.rotterdamAtMaximum().build())) {
            System.out.println(f.severity().label() + " " + f.rule() + " | " + f.message());
            f.trail().computation().forEach(s -> System.out.println("   step: " + s));
        }
    }
}
