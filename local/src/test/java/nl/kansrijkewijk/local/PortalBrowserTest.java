package nl.kansrijkewijk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser (Debian's headless Chromium through its chromedriver), against the stack of
 * {@code ./kw serve} started in this JVM on free ports: embedded S3 with the real processing handler, the inbox
 * poller, and the portal server. Skipped when Chromium or chromedriver is missing; .ci/run installs both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String TOKEN_A = "token-amsterdam";
    static final String TOKEN_B = "token-rotterdam";
    static final String TOKEN_R = "token-beoordelaar";
    static final Path FIXTURE = Path.of("../test-fixtures/generated/amsterdam-boven-maximum.pdf").toAbsolutePath().normalize();
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static LocalPipeline pipeline;
    static LocalPortal portal;
    static ScheduledExecutorService poller;
    static ChromeDriver browser;
    static Path profile;
    static String trackingId;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver (Debian packages chromium, chromium-driver) are not installed");
        pipeline = LocalPipeline.start("127.0.0.1", 0, null, Processors.standard());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        portal = LocalPortal.start(pipeline, "127.0.0.1", 0,
                new PortalTokens(Map.of(TOKEN_A, "GM0363", TOKEN_B, "GM0599", TOKEN_R, PortalTokens.REVIEWER)), quiet);
        InboxPoller inbox = new InboxPoller(pipeline, quiet, portal::onDelivered);
        poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(() -> {
            try {
                inbox.pollOnce();
            } catch (RuntimeException e) {
                // the next round tries again, as ./kw serve does
            }
        }, 0, 300, TimeUnit.MILLISECONDS);

        profile = Files.createTempDirectory("kw-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        // An explicit driver executable: Selenium Manager is never asked to find or download anything.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (poller != null) {
            poller.shutdownNow();
            poller.awaitTermination(30, TimeUnit.SECONDS);
        }
        if (portal != null) {
            portal.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void open(String page) {
        browser.get(portal.url() + page);
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get(portal.url() + page);
    }

    /** Logs in with the keyboard only: type the code, press Enter. */
    private static void login(String token) {
        WebElement code = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("toegangscode")));
        code.sendKeys(token, Keys.ENTER);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().replace('\u00a0', ' ');
    }

    @Test
    @Order(1)
    void aGemeenteUploadsAFormWatchesItBeingProcessedAndDownloadsTheConcept() throws Exception {
        open("index.html");
        login(TOKEN_A);
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wie"), "Amsterdam (GM0363)"));

        browser.findElement(By.id("bestand")).sendKeys(FIXTURE.toString());
        browser.findElement(By.id("indienen-knop")).click();
        waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("bon")));
        trackingId = text("bon-volgnummer");
        assertTrue(trackingId.matches("\\d{8}-\\d{6}-[0-9a-f]{6}"), trackingId);
        assertEquals("amsterdam-boven-maximum.pdf", text("bon-document"));
        assertEquals("100", browser.findElement(By.id("voortgang")).getDomProperty("value"), "upload progress reached 100 %");

        // The status region announces the change once processing is done (the page polls the API).
        waitUpTo(120).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "is verwerkt"));
        String row = text("document-" + trackingId);
        // The ministry receives it today, long after the window of art. 10, eerste lid (1 August – 30 September 2023):
        // the date of receipt decides, so the whole aanvraag is refused, each onderdeel for its full request.
        assertTrue(row.contains("Uitkomst: afwijzing"), row);
        assertTrue(row.contains("organisatie van een uitvoeringsprogramma: afgewezen — aangevraagd € 3.100.000,00, "
                + "te verlenen € 0,00, afgewezen € 3.100.000,00"), row);
        assertTrue(row.contains("3 afwijzingen"), row);

        WebElement concept = browser.findElement(By.linkText("Conceptbeschikking (PDF)"));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(concept.getDomAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        screenshot("portaal.png");
        assertNoSeriousAccessibilityViolations("portaal (gemeente, na verwerking)");
    }

    @Test
    @Order(2)
    void aSecondGemeenteSeesNoneOfItAndNoWerkvoorraad() {
        assumeTrue(trackingId != null, "needs the upload of the first test");
        open("index.html");
        login(TOKEN_B);
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wie"), "Rotterdam (GM0599)"));
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("geen-documenten")));
        assertFalse(browser.getPageSource().contains(trackingId));

        browser.get(portal.url() + "index.html?gemeente=GM0363");
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("fout"), "geen toegang"));
        assertFalse(browser.getPageSource().contains(trackingId));

        browser.get(portal.url() + "werkvoorraad.html");
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("fout"), "alleen voor beoordelaars"));
        assertFalse(browser.findElement(By.id("overzicht")).isDisplayed());
        assertFalse(browser.getPageSource().contains(trackingId));
    }

    @Test
    @Order(3)
    void aReviewerFindsItAtTheTopOfTheWerkvoorraad() throws Exception {
        assumeTrue(trackingId != null, "needs the upload of the first test");
        open("werkvoorraad.html");
        login(TOKEN_R);
        WebElement table = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("werkvoorraad")));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertEquals(1, rows.size());
        String first = rows.get(0).getText().replace('\u00a0', ' ');
        assertTrue(first.contains("Amsterdam (GM0363)") && first.contains(trackingId), first);
        // art. 13(1): decided within twelve weeks after the aanvraag window closes (30 September 2023).
        assertTrue(first.contains("23 december 2023"), first);
        assertTrue(first.contains("ORG (") || first.contains("ORG:"), first);
        assertTrue(rows.get(0).findElements(By.partialLinkText("conceptbeschikking")).size() == 1);
        screenshot("werkvoorraad.png");
        assertNoSeriousAccessibilityViolations("werkvoorraad");

        String xlsx = browser.findElement(By.id("xlsx")).getDomAttribute("href");
        HttpResponse<byte[]> book = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(xlsx)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, book.statusCode());
        assertEquals("PK", new String(book.body(), 0, 2, StandardCharsets.US_ASCII));

        // From the row into the gemeente's dossier view: every document of Amsterdam, with its outcome.
        browser.findElement(By.partialLinkText("dossier Amsterdam")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("document-" + trackingId)));
        assertEquals("Dossier van GM0363", text("documenten-kop"));
        assertFalse(browser.findElement(By.id("indienen")).isDisplayed(), "a reviewer uploads nothing");
    }

    @Test
    @Order(4)
    void theLoginPageIsAccessibleToo() {
        open("index.html");
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("toegangscode")));
        browser.findElement(By.id("toegangscode")).sendKeys("verkeerd", Keys.ENTER);
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("fout"), "onbekend"));
        assertNoSeriousAccessibilityViolations("inloggen met een verkeerde code");
    }

    /** The whole page from the top (docs/images in the README are copies of these). */
    private static void screenshot(String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 150, 3000)));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0); document.activeElement.blur();");
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(before);
    }

    /** Runs axe-core (shipped as a test resource) in the page; fails on any serious or critical violation. */
    @SuppressWarnings("unchecked")
    private static void assertNoSeriousAccessibilityViolations(String what) {
        String axe;
        try (InputStream in = PortalBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}; }));"
                + "}, function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: 0}]); });");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        List<Map<String, Object>> serious = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
        assertTrue(serious.isEmpty(), what + ": " + serious);
    }
}
