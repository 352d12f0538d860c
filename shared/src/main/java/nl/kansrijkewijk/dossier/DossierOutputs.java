package nl.kansrijkewijk.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.processing.CheckReport;
import nl.kansrijkewijk.processing.ErrorOutputs;
import nl.kansrijkewijk.processing.Evaluation;
import nl.kansrijkewijk.processing.Json;
import nl.kansrijkewijk.processing.OutputNames;
import nl.kansrijkewijk.render.BeschikkingDocx;
import nl.kansrijkewijk.render.BeschikkingVariants;
import nl.kansrijkewijk.render.ReportHtmlWriter;
import nl.kansrijkewijk.render.ReportXlsxWriter;

/**
 * The files of one version of a case: the processor's outputs, with the reviewer's columns in bevindingen.xlsx,
 * the reviewer's motivering in the letter, and — once a second reviewer fixed the verlening — the definitive
 * letter (PDF without CONCEPT marks, plus an editable DOCX) instead of the concept.
 */
final class DossierOutputs {
    static final String DEFINITIEF_PDF = "verleningsbeschikking.pdf";
    static final String DEFINITIEF_DOCX = "verleningsbeschikking.docx";

    private final ReportXlsxWriter xlsx = new ReportXlsxWriter();
    private final ReportHtmlWriter html = new ReportHtmlWriter();

    SortedMap<String, byte[]> write(Evaluation e, String kenmerk, List<Beoordeling> beoordelingen,
                                    DossierEvent.VerleningVastgesteld verlening) {
        if (!e.readable()) {
            return ErrorOutputs.of(e.documentName(), e.sha256(), "onleesbaar", e.error());
        }
        Besluit b = e.besluit();
        LocalDate date = b.submissionDate() != null ? b.submissionDate()
                : b.periodFrom() != null ? b.periodFrom() : e.regeling().validFrom();
        SortedMap<String, byte[]> out = new TreeMap<>();
        out.put(OutputNames.EXTRACTIE, Json.bytes(e.aanvraag()));
        out.put(OutputNames.BEVINDINGEN_JSON, Json.bytes(CheckReport.of(e)));
        out.put(OutputNames.BESLUIT, Json.bytes(b));
        out.put(OutputNames.BEVINDINGEN_HTML, html.write(b, e.aanvraag(), e.findings(), e.regeling()));
        out.put(OutputNames.BEVINDINGEN_XLSX, BeoordelingWorkbook.addColumns(
                xlsx.write(b, e.aanvraag(), e.findings(), e.regeling()), kenmerk, e.findings(),
                FindingIds.of(e.findings()), e.aanvraag(), beoordelingen, date));
        List<String> motivering = beoordelingen.stream().flatMap(x -> x.motivering().stream()).toList();
        if (verlening == null) {
            String xhtml = BeschikkingVariants.xhtml(b, e.aanvraag(), e.findings(), e.regeling(), motivering, null);
            out.put(OutputNames.BESCHIKKING, BeschikkingVariants.pdf(xhtml, date));
        } else {
            var v = new BeschikkingVariants.Vaststelling(verlening.datum(), verlening.vaststeller().naam(),
                    verlening.vaststeller().rol());
            String xhtml = BeschikkingVariants.xhtml(b, e.aanvraag(), e.findings(), e.regeling(), motivering, v);
            out.put(DEFINITIEF_PDF, BeschikkingVariants.pdf(xhtml, verlening.datum()));
            out.put(DEFINITIEF_DOCX, BeschikkingDocx.write(xhtml, verlening.datum()));
        }
        return out;
    }
}
