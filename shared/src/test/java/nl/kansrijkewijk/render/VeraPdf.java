package nl.kansrijkewijk.render;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.validators.ValidatorFactory;

/**
 * veraPDF from a test: validates bytes and lists the failed rules. The foundry is initialised once per JVM (the
 * expensive part); {@link #failures(byte[], List)} checks several flavours in one parse.
 */
public final class VeraPdf {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {}

    /** Per flavour: empty when compliant, otherwise one line per failed rule. One parse for all flavours. */
    public static Map<PDFAFlavour, List<String>> failures(byte[] pdf, List<PDFAFlavour> flavours) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavours.get(0));
                PDFAValidator validator = ValidatorFactory.createValidator(flavours)) {
            Map<PDFAFlavour, List<String>> out = new LinkedHashMap<>();
            List<ValidationResult> results = validator.validateAll(parser);
            for (int i = 0; i < results.size(); i++) {
                ValidationResult result = results.get(i);
                out.put(result.getPDFAFlavour() == null ? flavours.get(i) : result.getPDFAFlavour(), failed(result));
            }
            return out;
        }
    }

    private static List<String> failed(ValidationResult result) {
        if (result.isCompliant()) {
            return List.of();
        }
        return result.getTestAssertions().stream()
                .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                .distinct()
                .collect(Collectors.toList());
    }

    /** Empty when compliant; otherwise one line per failed rule (clause, test, description). */
    public static List<String> failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return List.of();
            }
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage())
                    .distinct()
                    .collect(Collectors.toList());
        }
    }
}
