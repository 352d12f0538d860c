package nl.kansrijkewijk.pipeline;

import java.util.SortedMap;
import nl.kansrijkewijk.processing.ErrorOutputs;
import nl.kansrijkewijk.processing.OutputNames;

/**
 * The error report for an upload the pipeline itself refuses before any reader sees it (too large):
 * {@code fout.json} for machines and {@code fout.txt} for people, in the place its outputs would have been.
 * The format is shared with the processor (ErrorOutputs), which writes it for documents it cannot read.
 */
public final class ErrorReport {
    public static final String JSON = OutputNames.FOUT_JSON;
    public static final String TEXT = OutputNames.FOUT_TXT;

    private ErrorReport() {}

    public static SortedMap<String, byte[]> outputs(String documentName, String reason, String userMessage) {
        return ErrorOutputs.of(documentName, null, reason, userMessage);
    }

    static SortedMap<String, byte[]> tooLarge(String documentName, long size, long maxBytes) {
        return outputs(documentName, "te-groot",
                "Het bestand is " + megabytes(size) + " groot; de grens is " + megabytes(maxBytes)
                        + ". Een aanvraagformulier (PDF of Excel) is veel kleiner. Upload alleen het ingevulde "
                        + "formulier, zonder ingescande bijlagen.");
    }

    /** An upload outside a gemeente folder: no gemeente can be held to it, so it is not read. */
    static SortedMap<String, byte[]> notInGemeenteFolder(String documentName, String folder) {
        String where = folder.isEmpty() ? "direct in inbox/" : "in de map inbox/" + folder + "/";
        return ErrorOutputs.refused(documentName, null, "map-onbekend",
                "Het bestand staat " + where + ", niet in de map van een gemeente. Upload het formulier in de map "
                        + "van uw gemeente: inbox/ gevolgd door de CBS-code van de gemeente, bijvoorbeeld inbox/GM0363/ "
                        + "voor Amsterdam.");
    }

    /** For an upload whose earlier attempts died processing it (out of memory or time): answered unprocessed. */
    static SortedMap<String, byte[]> tooComplex(String documentName, String sha256) {
        return ErrorOutputs.of(documentName, sha256, "te-complex",
                "Het bestand is te groot of te ingewikkeld om te verwerken: de verwerking is afgebroken omdat het "
                        + "geheugen of de tijd opraakte. Sla het formulier opnieuw op (als PDF of xlsx, zonder "
                        + "bijlagen, afbeeldingen of extra werkbladen) en upload het nog eens.");
    }

    /** "20,0 MB", "5 kB": one decimal with a Dutch comma; integer arithmetic keeps it locale-free. */
    static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return ((bytes + 1023) / 1024) + " kB";
        }
        long tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        return (tenths / 10) + "," + (tenths % 10) + " MB";
    }
}
