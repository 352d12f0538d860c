package nl.kansrijkewijk.processing;

/** File names of the outputs of one upload; the S3 layout and ./kw demo use exactly these. */
public final class OutputNames {
    public static final String EXTRACTIE = "extractie.json";
    public static final String BEVINDINGEN_JSON = "bevindingen.json";
    public static final String BEVINDINGEN_XLSX = "bevindingen.xlsx";
    public static final String BEVINDINGEN_HTML = "bevindingen.html";
    public static final String BESLUIT = "besluit.json";
    public static final String BESCHIKKING = "concept-verleningsbeschikking.pdf";
    public static final String FOUT_JSON = "fout.json";
    public static final String FOUT_TXT = "fout.txt";

    private OutputNames() {}
}
