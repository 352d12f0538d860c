package nl.kansrijkewijk.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times the beschikking and the workbook in a fresh JVM: the first render (class loading, font parsing)
 * and the steady state (median of later renders). Also writes the sample outputs for looking at.
 * Run: java -cp target/classes:target/test-classes:$(cat target/cp.txt) nl.kansrijkewijk.render.RenderBenchmark [dir]
 */
public final class RenderBenchmark {
    private RenderBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/rendered");
        Files.createDirectories(dir);
        Scenarios.Case c = Scenarios.amsterdam();
        BeschikkingPdfWriter pdf = new BeschikkingPdfWriter();
        ReportXlsxWriter xlsx = new ReportXlsxWriter();

        long t0 = System.nanoTime();
        byte[] first = pdf.write(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
        long t1 = System.nanoTime();
        byte[] firstXlsx = xlsx.write(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
        long t2 = System.nanoTime();
        System.out.printf("first render in a fresh JVM: PDF %d ms (%d bytes), XLSX %d ms (%d bytes)%n",
                (t1 - t0) / 1_000_000, first.length, (t2 - t1) / 1_000_000, firstXlsx.length);

        int n = 20;
        long[] pdfTimes = new long[n];
        long[] xlsxTimes = new long[n];
        for (int i = 0; i < n; i++) {
            long a = System.nanoTime();
            pdf.write(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
            long b = System.nanoTime();
            xlsx.write(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
            long d = System.nanoTime();
            pdfTimes[i] = (b - a) / 1_000_000;
            xlsxTimes[i] = (d - b) / 1_000_000;
        }
        String xhtml = pdf.xhtml(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
        long h0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            pdf.xhtml(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
        }
        long h1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            AccessiblePdf.render(xhtml, c.besluit().submissionDate());
        }
        long h2 = System.nanoTime();
        System.out.printf("of which: XHTML %.1f ms, XHTML→PDF %.1f ms (means of %d)%n",
                (h1 - h0) / 1e6 / n, (h2 - h1) / 1e6 / n, n);
        Arrays.sort(pdfTimes);
        Arrays.sort(xlsxTimes);
        System.out.printf("steady state (median of %d): PDF %d ms (min %d, max %d), XLSX %d ms%n", n,
                pdfTimes[n / 2], pdfTimes[0], pdfTimes[n - 1], xlsxTimes[n / 2]);

        for (var e : java.util.Map.of("amsterdam", c, "rotterdam", Scenarios.rotterdam(),
                "utrecht-wijziging", Scenarios.utrechtWijziging(), "breda-afwijzing", Scenarios.bredaTooLate())
                .entrySet()) {
            Scenarios.Case s = e.getValue();
            Files.write(dir.resolve(e.getKey() + ".pdf"), pdf.write(s.besluit(), s.aanvraag(), s.findings(), Scenarios.REGELING));
            Files.write(dir.resolve(e.getKey() + ".xlsx"), xlsx.write(s.besluit(), s.aanvraag(), s.findings(), Scenarios.REGELING));
            Files.write(dir.resolve(e.getKey() + ".html"),
                    new ReportHtmlWriter().write(s.besluit(), s.aanvraag(), s.findings(), Scenarios.REGELING));
        }
        System.out.println("samples written to " + dir.toAbsolutePath());
    }
}
