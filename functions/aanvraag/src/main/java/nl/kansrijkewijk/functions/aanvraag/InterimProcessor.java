package nl.kansrijkewijk.functions.aanvraag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.processing.DocumentProcessor;
import nl.kansrijkewijk.processing.ProcessingResult;

/**
 * TEMPORARY stand-in for {@code AanvraagProcessor} (readers, rules and writers are merged later); see
 * {@link DefaultProcessor}. It lets the whole S3 pipeline run end to end: recognises PDF and XLSX by
 * their magic bytes and writes {@code samenvatting.json};
 * anything else gets the error report an unreadable document gets. It checks nothing.
 */
final class InterimProcessor implements DocumentProcessor {

    @Override
    public ProcessingResult process(String documentName, byte[] content) {
        String type = type(content);
        if (type == null) {
            return new ProcessingResult(ProcessingResult.Status.ONLEESBAAR, null, "onleesbaar", 0, 0,
                    ErrorReport.outputs(documentName, "onbekend-formaat",
                            "Het bestand is geen PDF- of Excel-bestand (.xlsx). Upload het ingevulde "
                                    + "aanvraagformulier als PDF of als Excel-bestand."));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("document", documentName);
        summary.put("type", type);
        summary.put("size", content.length);
        summary.put("sha256", Hashes.sha256Hex(content));
        summary.put("message", "Voorlopige verwerking: het formulier is ontvangen maar nog niet beoordeeld.");
        SortedMap<String, byte[]> outputs = new TreeMap<>();
        outputs.put("samenvatting.json", Json.write(summary));
        return new ProcessingResult(ProcessingResult.Status.VERWERKT, null, "niet beoordeeld", 0, 0, outputs);
    }

    private static String type(byte[] c) {
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return "pdf";
        }
        if (c.length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4) {
            return "xlsx";
        }
        return null;
    }
}
