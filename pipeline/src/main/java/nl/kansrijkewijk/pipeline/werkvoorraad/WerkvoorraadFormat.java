package nl.kansrijkewijk.pipeline.werkvoorraad;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.kansrijkewijk.money.DutchDates;

/** Dutch labels and date formats shared by the HTML page and the workbook. */
final class WerkvoorraadFormat {
    static final DateTimeFormatter RECEIVED =
            DateTimeFormatter.ofPattern("d-M-yyyy HH:mm", DutchDates.NL).withZone(DutchDates.AMSTERDAM);
    /** Outputs a reviewer opens from the werkvoorraad, in this order, with their Dutch label. */
    static final List<String[]> DOCUMENTS = List.of(
            new String[] {"concept-verleningsbeschikking.pdf", "conceptbeschikking"},
            new String[] {"bevindingen.xlsx", "werkdocument (Excel)"},
            new String[] {"bevindingen.html", "bevindingen"},
            new String[] {"fout.txt", "foutrapport"});

    private WerkvoorraadFormat() {}

    static String received(Instant t) {
        return t == null ? "—" : RECEIVED.format(t);
    }
}
