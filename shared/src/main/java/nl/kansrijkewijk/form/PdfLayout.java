package nl.kansrijkewijk.form;

import static nl.kansrijkewijk.form.FormFields.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.form.FontMetrics.Face;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * Where everything sits on the pages of the PDF form: static texts, boxes and every field's rectangle. The
 * generator draws from it and the flattened-PDF reader recomputes it to know which printed text belongs to which
 * field. Coordinates are points on an A4 page, measured from the top-left corner (y grows downwards).
 */
public final class PdfLayout {
    public static final float PAGE_WIDTH = 595.2756f;
    public static final float PAGE_HEIGHT = 841.8898f;
    public static final float LEFT = 40;
    public static final float RIGHT = PAGE_WIDTH - 40;
    public static final float WIDTH = RIGHT - LEFT;
    static final float TOP = 50;
    static final float BOTTOM = PAGE_HEIGHT - 42;
    /** Baseline of the running header (title at LEFT): one of the two anchors the flattened reader looks for. */
    public static final float HEADER_BASELINE = 28;
    /** Baseline of "pagina n van m" (right-aligned at RIGHT): the other anchor. */
    public static final float FOOTER_BASELINE = PAGE_HEIGHT - 22;
    public static final float HEADER_SIZE = 8.5f;
    public static final float FOOTER_SIZE = 8f;

    static final float CAPTION_SIZE = 6.8f;
    static final float SINGLE_FONT = 9f;
    static final float MULTI_FONT = 8f;
    private static final float GAP = 6f;

    public enum RectKind { FIELD, BAND, SUBBAND, RULE }

    public record Text(float x, float baseline, String text, Face face, float size, float gray) {}

    public record Rect(float x, float y, float w, float h, RectKind kind) {}

    /** A field's widget rectangle; {@code maxFontSize} is what the filler uses unless the text needs smaller. */
    public record Field(String key, int page, float x, float y, float w, float h, boolean multiline, float maxFontSize) {}

    public static final class Page {
        private final int number;
        private final List<Text> texts = new ArrayList<>();
        private final List<Rect> rects = new ArrayList<>();
        private final List<Field> fields = new ArrayList<>();

        Page(int number) {
            this.number = number;
        }

        public int number() {
            return number;
        }

        public List<Text> texts() {
            return Collections.unmodifiableList(texts);
        }

        public List<Rect> rects() {
            return Collections.unmodifiableList(rects);
        }

        public List<Field> fields() {
            return Collections.unmodifiableList(fields);
        }
    }

    private static PdfLayout standard;

    private final FormCatalogue catalogue;
    private final List<Page> pages = new ArrayList<>();
    private final Map<String, Field> byKey = new LinkedHashMap<>();
    private final FontMetrics regular = FontMetrics.of(Face.REGULAR);
    private final FontMetrics bold = FontMetrics.of(Face.BOLD);
    private Page page;
    private float y;

    private PdfLayout(FormCatalogue catalogue) {
        this.catalogue = catalogue;
        build();
    }

    public static synchronized PdfLayout standard() {
        if (standard == null) {
            standard = new PdfLayout(FormCatalogue.standard());
        }
        return standard;
    }

    public List<Page> pages() {
        return Collections.unmodifiableList(pages);
    }

    public Field field(String key) {
        return byKey.get(key);
    }

    public List<Field> fields() {
        return List.copyOf(byKey.values());
    }

    /** The running header text: FORM_TITLE, printed at (LEFT, HEADER_BASELINE) on every page. */
    public static String headerText() {
        return FORM_TITLE;
    }

    public static String footerText(int page, int pages) {
        return "pagina " + page + " van " + pages;
    }

    /** X where the footer "pagina n van m" starts (it is right-aligned at RIGHT). */
    public static float footerX(int page, int pages) {
        return RIGHT - FontMetrics.of(Face.REGULAR).width(footerText(page, pages), FOOTER_SIZE);
    }

    // ---------------------------------------------------------------------------------------------- building

    private void build() {
        Regeling r = catalogue.regeling();
        newPage();
        text(LEFT, y + 16, FORM_TITLE, Face.BOLD, 17, 0);
        y += 24;
        text(LEFT, y + 10, "Specifieke uitkering kansrijke wijk — " + r.citation() + ", artikel 10", Face.REGULAR, 9.5f, 0.2f);
        y += 20;
        Regeling.Deadlines d = r.deadlines();
        List<String> wijziging = d.wijzigingWindows().stream()
                .map(p -> DutchDates.format(p.from()) + " tot en met " + DutchDates.format(p.through())).toList();
        paragraph("Met dit formulier vraagt het college van burgemeester en wethouders de specifieke uitkering kansrijke "
                + "wijk aan (artikel 10, tweede lid: het door de minister ter beschikking gestelde formulier), of een "
                + "wijziging daarvan. Dien een aanvraag in van " + DutchDates.format(d.aanvraagWindow().from())
                + " tot en met " + DutchDates.format(d.aanvraagWindow().through()) + " (artikel 10, eerste lid); een "
                + "wijziging van " + String.join(", van ", wijziging) + " (artikel 10, derde lid).", 8.5f, 0.1f);
        y += 3;
        paragraph("Zo vult u het in: bedragen in euro inclusief btw, bijvoorbeeld € 1.234.567,00 of 1234567. Datums als "
                + "30-09-2023 of 30 september 2023. Bij ja/nee-vragen typt u ja of nee. Onderdelen noemt u met hun code "
                + "(ORG, INT, ARM, VEE, REI, SEO, OJK) of hun naam. Laat velden die niet voor u gelden leeg. Er is ook een "
                + "Excel-versie (xlsx) van dit formulier met dezelfde vragen; u mag elk van beide gebruiken. Wie het "
                + "formulier afdrukt naar PDF, houdt het leesbaar zolang de pagina's niet worden herschikt.", 8.5f, 0.1f);
        y += 8;

        sectionA();
        newPage();
        sectionB();
        newPage();
        sectionC();
        newPage();
        sectionD();
        sectionE();
        decorate();
    }

    private void sectionA() {
        band("A. Aanvrager");
        row(cell(A_GEMEENTE, 3), cell(A_GEMEENTECODE, 2));
        row(cell(focusgebied(1), 1), cell(focusgebied(2), 1));
        row(cell(A_SOORT, 1.1f), cell(A_KENMERK, 1.3f), cell(A_DATUM, 0.9f));
        row(cell(A_ONDERTEKENAAR_NAAM, 1), cell(A_ONDERTEKENAAR_FUNCTIE, 1));
        row(cell(A_CONTACT_NAAM, 1.1f), cell(A_CONTACT_EMAIL, 1.1f), cell(A_CONTACT_TELEFOON, 0.8f));
        y += 4;
        paragraph("De gemeente en het stedelijk focusgebied zijn die van artikel 1 en de Bijlage. Amsterdam heeft twee "
                + "focusgebieden en vult in B per focusgebied een regel in; alle andere gemeenten vullen alleen "
                + "focusgebied 1 in.", 7.5f, 0.35f);
    }

    private void sectionB() {
        band("B. Aangevraagd bedrag per onderdeel en per jaar (inclusief btw)");
        paragraph("Vul per onderdeel het aangevraagde bedrag per jaar in, inclusief btw (artikel 3 tot en met 9 en de "
                + "Bijlage). Focusgebied 1 en 2 zijn de focusgebieden uit A; alleen Amsterdam gebruikt de regel "
                + "\"focusgebied 2\". Totaal is de som van de jaren. De kolom Verleend vult u alleen in bij een wijziging: "
                + "het bedrag dat de huidige verleningsbeschikking voor die regel verleent.", 7.5f, 0.3f);
        y += 4;
        float labelWidth = 150;
        List<FormCatalogue.Sub> cols = catalogue.budgetColumns();
        float colWidth = (WIDTH - labelWidth - cols.size() * 4) / cols.size();
        float headerTop = y;
        float maxLines = 1;
        for (int i = 0; i < cols.size(); i++) {
            float x = LEFT + labelWidth + 4 + i * (colWidth + 4);
            List<String> lines = bold.wrap(cols.get(i).caption(), 7.5f, colWidth - 1);
            maxLines = Math.max(maxLines, lines.size());
            for (int l = 0; l < lines.size(); l++) {
                text(x + 1, headerTop + 8 + l * 8.5f, lines.get(l), Face.BOLD, 7.5f, 0.15f);
            }
        }
        text(LEFT, headerTop + 8, "Onderdeel (artikel)", Face.BOLD, 7.5f, 0.15f);
        y += 4 + maxLines * 8.5f;
        for (String code : ONDERDELEN) {
            Regeling.Onderdeel o = catalogue.regeling().onderdeel(code).orElseThrow();
            rect(LEFT, y, WIDTH, 13, RectKind.SUBBAND);
            text(LEFT + 3, y + 9.5f, FormCatalogue.capitalise(o.name()) + " (artikel " + o.article() + ", " + code + ")",
                    Face.BOLD, 8, 0);
            y += 15;
            for (int slot = 1; slot <= MAX_FOCUSGEBIEDEN; slot++) {
                String rowLabel = slot == 1 ? "focusgebied 1" : "focusgebied 2 (alleen Amsterdam)";
                text(LEFT + 8, y + 10.5f, rowLabel, Face.REGULAR, 7.5f, 0.2f);
                for (int i = 0; i < cols.size(); i++) {
                    String key = FormFields.budgetRow(code, slot) + "." + cols.get(i).sub();
                    float x = LEFT + labelWidth + 4 + i * (colWidth + 4);
                    place(key, x, y, colWidth, 15, false, 8.5f);
                }
                y += 18;
            }
            y += 3;
        }
    }

    private void sectionC() {
        band("C. Activiteiten");
        paragraph("Beschrijf elke activiteit in een eigen blok. Een activiteit valt onder één onderdeel (een regel van B). "
                + "De begrotingen van de activiteiten van een onderdeel tellen samen op tot het bedrag in B. Vul de "
                + "vragen die alleen voor een bepaald onderdeel gelden, alleen voor dat onderdeel in.", 7.5f, 0.3f);
        y += 2;
        for (int n = 1; n <= MAX_ACTIVITIES; n++) {
            activityBlock(n);
        }
    }

    private void activityBlock(int n) {
        float blockHeight = 342;
        ensure(blockHeight);
        rect(LEFT, y, WIDTH, 15, RectKind.SUBBAND);
        text(LEFT + 4, y + 11, "Activiteit " + n, Face.BOLD, 10, 0);
        y += 19;
        String p = "C." + n + ".";
        row(cell(p + C_NAAM, 2.2f), cell(p + C_ONDERDEEL, 1.2f), cell(p + C_FOCUSGEBIED, 1f));
        row(tall(p + C_OMSCHRIJVING, 1, 50));
        row(cell(p + C_SOORT, 1.35f), cell(p + C_NIEUW, 1f), cell(activityBudget(n, 2023), 1f),
                cell(activityBudget(n, 2024), 1f), cell(activityBudget(n, 2025), 1f));
        row(cell(p + C_OVERHEID, 1.2f), cell(p + C_BTW_COMPENSABEL, 1f), cell(p + C_DOELSTELLINGEN, 2.2f));
        row(tall(p + C_ONDERBOUWING, 1, 42));
        subheading("Alleen veerkracht en weerbaarheid (artikel 6) en ontwikkeling van het jonge kind (artikel 9)");
        row(cell(p + C_ART6, 1f), cell(p + C_ART9, 1f), cell(p + C_ONDERWIJSASSISTENT, 0.95f), cell(p + C_DIPLOMA, 1.25f));
        subheading("Alleen school en omgeving (artikel 8)");
        row(cell(p + C_BUITEN_ONDERWIJSTIJD, 1f), cell(p + C_ONTWIKKELGEBIED, 1.1f), cell(p + C_SCHOLEN, 1.9f));
        y += 8;
    }

    private void sectionD() {
        List<String> only = catalogue.regeling().onderdeel("SEO").map(Regeling.Onderdeel::onlyGemeenten).orElse(List.of());
        band("D. School en omgeving");
        paragraph("Alleen voor " + joinDutch(only) + " (artikel 8, derde lid), als u een bedrag voor school en omgeving "
                + "aanvraagt. Aan de lokale coalitie neemt minimaal 85 procent van de scholen in het focusgebied deel "
                + "(artikel 8, eerste lid). Noem de deelnemende scholen; activiteiten (C) verwijzen naar hun BRIN- of "
                + "vestigingsnummer.", 7.5f, 0.3f);
        y += 5;
        row(cell(D_COALITIE_NAAM, 2f), cell(D_SCHOLEN_FOCUSGEBIED, 1f), cell(D_SCHOLEN_IN_COALITIE, 1f));
        schoolTableHeader();
        for (int n = 1; n <= MAX_SCHOOLS; n++) {
            if (y + 15 > BOTTOM) {
                newPage();
                schoolTableHeader();
            }
            text(LEFT, y + 9.5f, n + ".", Face.REGULAR, 7.5f, 0.2f);
            float[] xs = schoolColumns();
            List<FormCatalogue.Sub> subs = catalogue.schoolSubs();
            for (int i = 0; i < subs.size(); i++) {
                place(school(n, subs.get(i).sub()), xs[2 * i], y, xs[2 * i + 1], 12.5f, false, 8f);
            }
            y += 15;
        }
    }

    private float[] schoolColumns() {
        float nr = 18;
        float[] weights = {2.6f, 1.2f, 0.8f, 0.8f};
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        float avail = WIDTH - nr - weights.length * 4;
        float[] xs = new float[weights.length * 2];
        float x = LEFT + nr;
        for (int i = 0; i < weights.length; i++) {
            x += 4;
            xs[2 * i] = x;
            xs[2 * i + 1] = avail * weights[i] / total;
            x += xs[2 * i + 1];
        }
        return xs;
    }

    private void schoolTableHeader() {
        float[] xs = schoolColumns();
        List<FormCatalogue.Sub> subs = catalogue.schoolSubs();
        text(LEFT, y + 8, "Nr.", Face.BOLD, 7f, 0.15f);
        int lines = 1;
        for (int i = 0; i < subs.size(); i++) {
            List<String> wrapped = bold.wrap(pdfCaption(subs.get(i).caption(), subs.get(i).type()), 7f, xs[2 * i + 1] - 1);
            for (int l = 0; l < wrapped.size(); l++) {
                text(xs[2 * i] + 1, y + 8 + l * 8, wrapped.get(l), Face.BOLD, 7f, 0.15f);
            }
            lines = Math.max(lines, wrapped.size());
        }
        y += 4 + lines * 8;
    }

    private void sectionE() {
        ensure(190);
        y += 6;
        band("E. Verklaringen van het college");
        paragraph("Typ bij elke verklaring ja of nee. Het college verklaart:", 7.5f, 0.3f);
        y += 2;
        for (FieldDef f : catalogue.section("E")) {
            float fieldWidth = 70;
            float textWidth = WIDTH - fieldWidth - 12;
            List<String> lines = regular.wrap(f.caption(), 8.5f, textWidth);
            float top = y;
            for (int i = 0; i < lines.size(); i++) {
                text(LEFT, top + 10 + i * 11, lines.get(i), Face.REGULAR, 8.5f, 0);
            }
            text(LEFT, top + 10 + lines.size() * 11, "(" + f.article() + ")", Face.OBLIQUE, 7f, 0.4f);
            text(RIGHT - fieldWidth, top + 6, "ja/nee", Face.REGULAR, CAPTION_SIZE, 0.25f);
            place(f.key(), RIGHT - fieldWidth, top + 8, fieldWidth, 15, false, SINGLE_FONT);
            y = top + Math.max(25, 14 + lines.size() * 11) + 8;
        }
        y += 6;
        paragraph("Ondertekening: het college van burgemeester en wethouders dient dit formulier in; naam en functie van de "
                + "ondertekenaar staan in A. Het college verklaart het formulier naar waarheid te hebben ingevuld.", 7.5f, 0.3f);
    }

    /** Adds the running header and footer now that the page count is known. */
    private void decorate() {
        int total = pages.size();
        for (Page p : pages) {
            p.texts.add(new Text(LEFT, HEADER_BASELINE, headerText(), Face.BOLD, HEADER_SIZE, 0.25f));
            String version = "Formulierversie " + FORM_VERSION;
            p.texts.add(new Text(RIGHT - regular.width(version, HEADER_SIZE), HEADER_BASELINE, version, Face.REGULAR,
                    HEADER_SIZE, 0.25f));
            p.rects.add(new Rect(LEFT, HEADER_BASELINE + 5, WIDTH, 0.6f, RectKind.RULE));
            p.rects.add(new Rect(LEFT, FOOTER_BASELINE - 10, WIDTH, 0.6f, RectKind.RULE));
            p.texts.add(new Text(LEFT, FOOTER_BASELINE, catalogue.regeling().title() + " (" + catalogue.regeling().citation()
                    + ") · " + FORM_VERSION, Face.REGULAR, 7f, 0.4f));
            p.texts.add(new Text(footerX(p.number, total), FOOTER_BASELINE, footerText(p.number, total), Face.REGULAR,
                    FOOTER_SIZE, 0.1f));
        }
    }

    // ---------------------------------------------------------------------------------------------- primitives

    private record Cell(FieldDef def, float weight, float height) {}

    private Cell cell(String key, float weight) {
        return new Cell(def(key), weight, 15);
    }

    private Cell tall(String key, float weight, float height) {
        return new Cell(def(key), weight, height);
    }

    private FieldDef def(String key) {
        FieldDef f = catalogue.field(key);
        if (f == null) {
            throw new IllegalStateException("no form field " + key);
        }
        return f;
    }

    /**
     * The caption printed above a field: the catalogue caption plus the allowed values where they are short. The
     * "(SEO)"-style markers of the workbook's column headers are dropped: the PDF prints a subheading instead.
     */
    static String pdfCaption(String caption, FieldType type) {
        caption = caption.replace(" (SEO)", "");
        return switch (type) {
            case YES_NO -> caption + " (ja/nee)";
            case ACTIVITY_SOORT -> caption + " (nieuw/uitbreiding/voortzetting)";
            case ONDERDEEL -> caption + " (code of naam)";
            case ART6 -> caption.replace("(VEE)", "(a–g of anders)");
            case ART9 -> caption.replace("(OJK)", "(a–e)");
            case DATE -> caption + " (dd-mm-jjjj)";
            default -> caption;
        };
    }

    private void row(Cell... cells) {
        float totalWeight = 0;
        for (Cell c : cells) {
            totalWeight += c.weight;
        }
        float avail = WIDTH - GAP * (cells.length - 1);
        float[] widths = new float[cells.length];
        List<List<String>> captions = new ArrayList<>();
        float[] sizes = new float[cells.length];
        int captionLines = 1;
        float fieldHeight = 0;
        for (int i = 0; i < cells.length; i++) {
            widths[i] = avail * cells[i].weight / totalWeight;
            String caption = pdfCaption(cells[i].def.caption(), cells[i].def.type());
            float size = CAPTION_SIZE;
            List<String> lines = regular.wrap(caption, size, widths[i]);
            while (lines.size() > 2 && size > 5.6f) {
                size -= 0.3f;
                lines = regular.wrap(caption, size, widths[i]);
            }
            captions.add(lines);
            sizes[i] = size;
            captionLines = Math.max(captionLines, lines.size());
            fieldHeight = Math.max(fieldHeight, cells[i].height);
        }
        float captionHeight = captionLines * 7.8f;
        ensure(captionHeight + 2 + fieldHeight + GAP);
        float x = LEFT;
        for (int i = 0; i < cells.length; i++) {
            List<String> lines = captions.get(i);
            // Captions sit right above their box, so a one-line caption next to a two-line one stays attached.
            float first = y + captionHeight - (lines.size() - 1) * 7.8f - 2;
            for (int l = 0; l < lines.size(); l++) {
                text(x, first + l * 7.8f, lines.get(l), Face.REGULAR, sizes[i], 0.25f);
            }
            boolean multi = cells[i].def.type().multiline();
            place(cells[i].def.key(), x, y + captionHeight + 1, widths[i], cells[i].height, multi,
                    multi ? MULTI_FONT : SINGLE_FONT);
            x += widths[i] + GAP;
        }
        y += captionHeight + 1 + fieldHeight + GAP;
    }

    private void place(String key, float x, float top, float w, float h, boolean multiline, float fontSize) {
        if (catalogue.field(key) == null) {
            throw new IllegalStateException("no form field " + key);
        }
        Field f = new Field(key, page.number, x, top, w, h, multiline, fontSize);
        page.fields.add(f);
        page.rects.add(new Rect(x, top, w, h, RectKind.FIELD));
        if (byKey.put(key, f) != null) {
            throw new IllegalStateException("field placed twice: " + key);
        }
    }

    private void band(String title) {
        ensure(60);
        rect(LEFT, y, WIDTH, 18, RectKind.BAND);
        text(LEFT + 5, y + 13, title, Face.BOLD, 11, 1);
        y += 24;
    }

    private void subheading(String s) {
        ensure(40);
        text(LEFT, y + 7, s, Face.BOLD, 7f, 0.35f);
        y += 10;
    }

    private void paragraph(String s, float size, float gray) {
        float lead = size * 1.3f;
        for (String line : regular.wrap(s, size, WIDTH)) {
            ensure(lead);
            text(LEFT, y + size, line, Face.REGULAR, size, gray);
            y += lead;
        }
    }

    private void text(float x, float baseline, String s, Face face, float size, float gray) {
        page.texts.add(new Text(x, baseline, s, face, size, gray));
    }

    private void rect(float x, float top, float w, float h, RectKind kind) {
        page.rects.add(new Rect(x, top, w, h, kind));
    }

    private void ensure(float height) {
        if (y + height > BOTTOM) {
            newPage();
        }
    }

    private void newPage() {
        page = new Page(pages.size() + 1);
        pages.add(page);
        y = TOP;
    }

    private static String joinDutch(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " en " + items.get(items.size() - 1);
    }

}
