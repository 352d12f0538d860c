package nl.kansrijkewijk.functions.portal;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who is calling the portal API, as the authorizer established it (Cognito JWT in AWS, a configured bearer
 * token under {@code ./kw serve}). Never taken from the request body or path.
 */
public sealed interface Caller {
    Pattern CBS_CODE = Pattern.compile("GM\\d{4}");

    /** A civil servant of one gemeente: sees and uploads only under its own CBS code. */
    record Gemeente(String cbsCode, String subject) implements Caller {
        public Gemeente {
            Objects.requireNonNull(cbsCode, "cbsCode");
            cbsCode = cbsCode.strip().toUpperCase(Locale.ROOT);
            if (!CBS_CODE.matcher(cbsCode).matches()) {
                throw new IllegalArgumentException("not a CBS gemeente code: " + cbsCode);
            }
        }
    }

    /** A ministry reviewer: reads every gemeente's outputs and the werkvoorraad; uploads nothing. */
    record Reviewer(String subject) implements Caller {}

    String subject();
}
