package nl.kansrijkewijk.pipeline.werkvoorraad;

/**
 * How the werkvoorraad links to outputs and dossiers: presigned URLs when the portal shows it, relative paths in
 * the copy stored in the output bucket (which work once a reviewer syncs the bucket to disk).
 */
public interface Links {
    String output(String outputKey);

    String dossier(String cbsCode);

    /** The stored copy lives at werkvoorraad/…: outputs are one folder up, the dossier is the portal's view. */
    static Links relative() {
        return new Links() {
            @Override
            public String output(String outputKey) {
                return "../" + outputKey;
            }

            @Override
            public String dossier(String cbsCode) {
                return "../dossier/" + cbsCode + "/";
            }
        };
    }
}
