package nl.newsthemes;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.html opened in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium), as a person
 * would open it: a run on the sample plus one hostile article, whose title is markup that would change the page's
 * title and load an image if it ran. The page must render every chart with the sample's values, log no error (a
 * blocked script or image would be one), and show the hostile title as text. The screenshot is kept in
 * target/report/report.png. Fails, saying what to install, without Chromium.
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target/report/report.png");
    static final String ARTICLE_URL = "https://nos.nl/artikel/2411234-sancties?bron=rss&pagina=1";
    static final String HOSTILE_TITLE = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";

    @Test
    void rendersChartsAndTablesWithoutErrors(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is missing: run jobs/install-test-packages.sh (Debian's chromium and chromium-driver)");
        Path input = dir.resolve("in");
        Files.createDirectories(input);
        try (var sample = Files.list(Path.of("data/sample"))) {
            for (Path file : sample.toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        // Six sentences of sanctions give the hostile article the highest sanctions score, so its title is shown.
        String sentence = "De EU kondigt nieuwe economische sancties tegen Rusland aan. ";
        Files.writeString(input.resolve("hostile.jsonl"), new ObjectMapper().createObjectNode()
                .put("id", "hostile-1").put("date", "2022-01-20").put("title", HOSTILE_TITLE)
                .put("text", sentence.repeat(6)).put("url", ARTICLE_URL).toString() + "\n");
        Path out = dir.resolve("out").toAbsolutePath();
        assertEquals(ExitCode.DONE, ThemesJob.run(new String[]{"--input", input.toString(), "--output", out.toString(),
                "--config", OneClustering.config()}));
        String runId = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("run_id").asText();

        ChromeDriver browser = startChromium(dir.resolve("chromium-profile"));
        try {
            browser.get(out.resolve("report.html").toUri().toString());
            JavascriptExecutor js = browser;

            assertEquals("News themes: run " + runId, browser.getTitle());
            // Nothing loads from anywhere: the only addresses on the page are the evidence's links to articles.
            assertEquals(0L, js.executeScript("return document.scripts.length + document.images.length"
                    + " + document.querySelectorAll('iframe, object, embed, link, [src], [href]:not(a)').length"));
            assertEquals(List.of(ARTICLE_URL + " noopener noreferrer " + HOSTILE_TITLE),
                    browser.findElements(By.cssSelector("a[href]")).stream()
                            .map(a -> a.getAttribute("href") + " " + a.getAttribute("rel") + " " + a.getText()).toList());

            List<WebElement> themeCharts = browser.findElements(By.cssSelector("figure.theme-chart > svg"));
            assertEquals(List.of("sanctions", "nato_expansion", "minsk_accords", "energy_supply", "arms_deliveries",
                            "peace_talks", "nuclear_threat", "refugees"),
                    browser.findElements(By.cssSelector("figure.theme-chart")).stream()
                            .map(f -> f.getAttribute("data-theme")).toList());
            for (WebElement chart : themeCharts) {
                assertTrue(chart.getRect().getWidth() >= 300 && chart.getRect().getHeight() >= 150,
                        "a theme chart is drawn too small: " + chart.getRect().getDimension());
            }
            // The charts' own text: the title, the months on the axis, the ticks of the common scale in percent.
            // (JFreeSVG draws the upright axis label as a shape, not as text.)
            assertEquals("sanctions 2021-12 2022-01 0 10 20 30 40 50 60 70 80 90 100", svgText(js, themeCharts.get(0)));
            assertEquals("refugees 2021-12 2022-01 0 10 20 30 40 50 60 70 80 90 100", svgText(js, themeCharts.get(7)));
            WebElement topicChart = browser.findElement(By.cssSelector("figure.topic-chart > svg"));
            assertTrue(topicChart.getRect().getWidth() >= 600, "topic chart: " + topicChart.getRect().getDimension());
            assertTrue(svgText(js, topicChart).contains("Topics per month"), svgText(js, topicChart));

            // The theme table: the sample's shares, the hostile article making four in January.
            assertEquals(List.of(
                            "sanctions 100.0% (34.2–100.0) 100.0% (51.0–100.0)",
                            "nato_expansion 100.0% (34.2–100.0) 25.0% (4.6–69.9)",
                            "minsk_accords 0.0% (0.0–65.8) 25.0% (4.6–69.9)"),
                    browser.findElements(By.cssSelector("table.theme-table tbody tr")).stream().limit(3)
                            .map(WebElement::getText).toList());

            // The hostile title is text in the sanctions evidence, and nothing of it ran.
            WebElement sanctions = browser.findElement(By.cssSelector("section.evidence[data-theme=sanctions]"));
            assertEquals(HOSTILE_TITLE, sanctions.findElement(By.cssSelector("article strong")).getText());
            assertEquals("matched: economische … sancties, economische sancties, sancties, sancties … rusland",
                    sanctions.findElement(By.cssSelector("article p.meta")).getText());
            assertEquals(List.of(HOSTILE_TITLE, "004_f69462a2add56d60.txt", "003_2f54108cd09df07d.txt"),
                    sanctions.findElements(By.cssSelector("article strong")).stream().map(WebElement::getText).toList());

            List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
            assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).collect(Collectors.toList()));

            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "the screenshot is not a PNG");
            assertEquals(1200, image.getWidth());
        } finally {
            browser.quit();
        }
    }

    /** Chromium as this machine allows it: headless, as root without a sandbox, no calls home. */
    private static ChromeDriver startChromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1200,2400");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        return new ChromeDriver(service, options);
    }

    /** The text of an SVG's text elements, in document order, separated by spaces. */
    private static String svgText(JavascriptExecutor js, WebElement svg) {
        return (String) js.executeScript(
                "return Array.from(arguments[0].querySelectorAll('text')).map(t => t.textContent).join(' ')", svg);
    }
}
