package nl.kansrijkewijk.functions.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.pipeline.status.DocumentStatus;
import nl.kansrijkewijk.pipeline.status.OutputBucketStatusSource;
import nl.kansrijkewijk.pipeline.werkvoorraad.Links;
import nl.kansrijkewijk.pipeline.werkvoorraad.Werkvoorraad;
import nl.kansrijkewijk.pipeline.werkvoorraad.WerkvoorraadHtml;
import nl.kansrijkewijk.pipeline.werkvoorraad.WerkvoorraadPublisher;
import nl.kansrijkewijk.pipeline.werkvoorraad.WerkvoorraadXlsx;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WerkvoorraadTest {

    private static DocumentStatus doc(String code, String name, String kenmerk, String received, LocalDate deadline,
            DocumentStatus.Status status) {
        return new DocumentStatus(code, name, "id-" + received, name.toLowerCase() + ".pdf",
                "inbox/" + code + "/" + received + ".pdf", Instant.parse(received), status, kenmerk, null, 0, 0, deadline,
                null, List.of(new DocumentStatus.Onderdeel("ORG", "organisatie", null, new BigDecimal("100.00"),
                        new BigDecimal("200.00"), new BigDecimal("100.00"), BigDecimal.ZERO)),
                List.of(new DocumentStatus.Finding("waarschuwing", "X", "art. 1", "=HYPERLINK(\"http://x\")<b>", null)),
                List.of(new DocumentStatus.Output("concept-verleningsbeschikking.pdf", code + "/" + received + ".pdf/v/concept-verleningsbeschikking.pdf")));
    }

    final List<DocumentStatus> docs = List.of(
            doc("GM0363", "Amsterdam", "KW-2023-GM0363-V", "2023-09-01T10:00:00Z", LocalDate.of(2023, 12, 23), DocumentStatus.Status.CONCEPT),
            doc("GM0363", "Amsterdam", "KW-2023-GM0363-V", "2023-09-03T10:00:00Z", LocalDate.of(2023, 12, 23), DocumentStatus.Status.CONCEPT),
            doc("GM0599", "Rotterdam", "KW-2023-GM0599-W1", "2023-09-10T10:00:00Z", LocalDate.of(2023, 11, 1), DocumentStatus.Status.CONCEPT),
            doc("GM0014", "Groningen", null, "2023-09-12T10:00:00Z", null, DocumentStatus.Status.ONTVANGEN));

    @Test
    void oneRowPerCaseEarliestDeadlineFirstCasesWithoutDeadlineLast() {
        Werkvoorraad w = Werkvoorraad.of(docs);
        assertEquals(List.of("Rotterdam", "Amsterdam", "Groningen"), w.rows().stream().map(Werkvoorraad.Row::gemeenteName).toList());
        Werkvoorraad.Row amsterdam = w.rows().get(1);
        assertEquals(2, amsterdam.documents().size(), "both uploads of one aanvraag in one row");
        assertEquals(Instant.parse("2023-09-03T10:00:00Z"), amsterdam.lead().receivedAt(), "the latest upload leads");
        assertEquals(DocumentStatus.Status.ONTVANGEN, w.rows().get(2).status());
        assertEquals(Instant.parse("2023-09-12T10:00:00Z"), w.asOf());
    }

    @Test
    void theWorkbookHasTheThreeSheetsAndRepeatsItsBytes() throws Exception {
        Werkvoorraad w = Werkvoorraad.of(docs);
        byte[] a = WerkvoorraadXlsx.write(w, Links.relative());
        byte[] b = WerkvoorraadXlsx.write(Werkvoorraad.of(List.copyOf(docs).reversed()), Links.relative());
        assertArrayEquals(a, b, "same input (in any order), same bytes");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(a))) {
            Sheet main = wb.getSheet("Werkvoorraad");
            assertEquals("Rotterdam", main.getRow(1).getCell(0).getStringCellValue());
            assertEquals(LocalDate.of(2023, 11, 1), main.getRow(1).getCell(7).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(200.0, main.getRow(1).getCell(9).getNumericCellValue(), "maximum");
            assertEquals("../GM0599/2023-09-10T10:00:00Z.pdf/v/concept-verleningsbeschikking.pdf",
                    main.getRow(1).getCell(13).getHyperlink().getAddress());
            Sheet findings = wb.getSheet("Bevindingen");
            assertEquals(List.of("Gemeente", "CBS-code", "Kenmerk"), List.of(findings.getRow(0).getCell(0).getStringCellValue(),
                    findings.getRow(0).getCell(1).getStringCellValue(), findings.getRow(0).getCell(2).getStringCellValue()));
            assertEquals(3, findings.getLastRowNum(), "one finding for each of the three rows' lead documents");
            assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, findings.getRow(1).getCell(8).getCellType(),
                    "a finding that looks like a formula stays text");
            assertEquals(3, wb.getSheet("Onderdelen").getLastRowNum());
        }
    }

    @Test
    void theHtmlEscapesEverythingAndLabelsItsTable() {
        String html = new String(WerkvoorraadHtml.page(Werkvoorraad.of(docs), Links.relative()), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"nl\">"));
        assertTrue(html.contains("<caption>"));
        assertTrue(html.contains("<th scope=\"row\">Rotterdam (GM0599)<br>KW-2023-GM0599-W1</th>"));
        assertTrue(html.contains("1 november 2023"));
        assertFalse(html.contains("<b>"));
        assertTrue(html.indexOf("Rotterdam") < html.indexOf("Amsterdam (GM0363)"));
    }

    @Test
    void thePublisherWritesBothFilesUnderTheirFixedKeys() {
        MemoryStore store = Fakes.pipelineOutputs();
        new WerkvoorraadPublisher(new OutputBucketStatusSource(store, Fakes.UPLOADS, Fakes.OUTPUTS), store, Fakes.OUTPUTS)
                .regenerate();
        Optional<byte[]> html = store.read(Fakes.OUTPUTS, WerkvoorraadPublisher.HTML_KEY);
        assertTrue(html.isPresent());
        assertTrue(store.read(Fakes.OUTPUTS, WerkvoorraadPublisher.XLSX_KEY).isPresent());
        String page = new String(html.get(), StandardCharsets.UTF_8);
        assertTrue(page.contains("href=\"../GM0363/20230912-121500-a1b2c3-aanvraag.pdf/v1/concept-verleningsbeschikking.pdf\""), page);
    }
}
