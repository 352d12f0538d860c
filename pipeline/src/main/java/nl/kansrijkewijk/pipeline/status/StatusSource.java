package nl.kansrijkewijk.pipeline.status;

import java.util.List;

/**
 * Where the portal learns what happened to uploads. Today: the upload bucket's listing and the output
 * bucket's manifest.json, bevindingen.json and fout.json ({@link OutputBucketStatusSource}). A projection of
 * the per-gemeente dossier can implement the same two methods and add the reviewer's statuses.
 */
public interface StatusSource {

    /** One gemeente's documents, newest first. */
    List<DocumentStatus> documents(String cbsCode);

    /** Every gemeente's documents (the werkvoorraad), newest first. */
    List<DocumentStatus> allDocuments();
}
