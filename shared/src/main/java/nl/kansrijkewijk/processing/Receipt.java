package nl.kansrijkewijk.processing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Who delivered a document and when, as the pipeline knows it (never as the document claims it).
 *
 * @param documentName  the upload's file name (last segment of its key)
 * @param gemeenteCode  the CBS code of the upload folder ({@code inbox/GM0363/…}); authoritative; null when unknown
 *                      (./kw check without a folder)
 * @param receivedAt    when the ministry received it: the S3 event time or the object's LastModified; null when
 *                      unknown (./kw check without --ontvangen), in which case the typed date is used and said so
 * @param versionId     the object version (or ETag when the bucket is unversioned); null outside S3
 * @param uploader      the principal the S3 event names, when it names one
 */
public record Receipt(String documentName, String gemeenteCode, Instant receivedAt, String versionId, String uploader) {

    /** The regeling's dates are Dutch calendar dates. */
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    public static Receipt ofName(String documentName) {
        return new Receipt(documentName, null, null, null, null);
    }

    /** The date of receipt in Europe/Amsterdam, or null when unknown. */
    public LocalDate receivedOn() {
        return receivedAt == null ? null : LocalDate.ofInstant(receivedAt, AMSTERDAM);
    }
}
