package id.gapura.distribution;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.CdpVersionFinder;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real headless Chromium, Debian's {@code /usr/bin/chromium} driven through Debian's {@code /usr/bin/chromedriver}
 * (the two packages {@code .ci/run} installs), with a fresh profile that {@link #close} deletes. One per test class:
 * starting it takes a second or two. Fails, never skips, when Chromium or ChromeDriver is missing.
 *
 * <p>Browser tests reach Chromium's DevTools through ChromeDriver's own endpoint ({@link ChromeDriver#executeCdpCommand}),
 * not through Selenium's version-bound {@code selenium-devtools-vNNN}: Debian ships a new Chromium major every few weeks,
 * and the tests must not break on the day it does.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("gapura.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("gapura.chromedriver", "/usr/bin/chromedriver"));
    /** Exactly these, and a fresh --user-data-dir: without the networking ones Chromium calls home at every start. */
    static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic",
            "--disable-sync");
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String LANGUAGES = "id-ID,id,en";
    static final Dimension DESKTOP = new Dimension(1280, 900);
    /** A common small Android phone, in CSS pixels. */
    static final Dimension PHONE = new Dimension(360, 800);

    /** Kept, so that its level holds: java.util.logging keeps loggers only weakly. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger(CdpVersionFinder.class.getName());

    static {
        // The driver path is set on the service, so Selenium Manager is not consulted; should it ever be, it must not
        // download a driver or a browser (Selenium hands SE_* system properties to it as its environment).
        if (System.getProperty("SE_OFFLINE") == null) {
            System.setProperty("SE_OFFLINE", "true");
        }
        // "Unable to find CDP implementation matching 156" at every start: true and intended (see the class comment)
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    /** Records the page's Content-Security-Policy violations from its first byte on, for {@link #cspViolations}. */
    private static final String CSP_RECORDER = "window.__gapuraCspViolations = [];"
            + " document.addEventListener('securitypolicyviolation', e => window.__gapuraCspViolations.push("
            + "e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + (e.lineNumber ? ' at line ' + e.lineNumber : '')));";

    private final Path profile;
    private final ChromeDriver driver;

    private Browser(Dimension phone) throws IOException {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        profile = Files.createTempDirectory("gapura-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile);
        // as a citizen's phone in Indonesia asks: Bahasa Indonesia first (Accept-Language, navigator.languages)
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", LANGUAGES));
        if (phone != null) {
            // ChromeDriver's mobile emulation: a phone's viewport, honouring <meta name="viewport">, touch events
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", phone.width,
                    "height", phone.height, "pixelRatio", 1.0, "mobile", true, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            delete(profile);
            throw new IllegalStateException("Chromium (" + CHROMIUM + ") did not start under ChromeDriver (" + CHROMEDRIVER
                    + "); both come from Debian's packages chromium and chromium-driver, which must be the same version", e);
        }
        try {
            if (phone == null) {
                driver.manage().window().setSize(DESKTOP);
            }
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
            cdp("Network.enable", Map.of());
            cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_RECORDER));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A desktop-size window (1280 x 900). */
    static Browser desktop() throws IOException {
        return new Browser(null);
    }

    /** A phone-size viewport (360 x 800 CSS pixels, mobile and touch emulation). */
    static Browser phone() throws IOException {
        return new Browser(PHONE);
    }

    private static void requireExecutable(Path file, String debianPackage) {
        if (!Files.isExecutable(file)) {
            throw new IllegalStateException("No " + file + ": the browser tests need Debian's packages chromium and"
                    + " chromium-driver (apt-get install chromium chromium-driver, as .ci/run does); missing: " + debianPackage);
        }
    }

    WebDriver driver() {
        return driver;
    }

    // ---- navigation and waiting ---------------------------------------------------------------------------------

    /** Loads the page and returns once its load event has finished (every subresource it references has arrived). */
    Browser open(String url) {
        driver.get(url);
        until("the load event of " + url + " has finished", loaded());
        return this;
    }

    /** Loads the page with the browser cache disabled for this load, so that {@link #transferredBytes} counts everything. */
    Browser openUncached(String url) {
        cdp("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        try {
            return open(url);
        } finally {
            cdp("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }
    }

    /** Sends HTTP Basic credentials with every request from now on (pages of the API that a role may read). */
    Browser basicAuth(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        cdp("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
        return this;
    }

    /** Stops sending the credentials of {@link #basicAuth}. */
    Browser noAuth() {
        cdp("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        return this;
    }

    /** The first element that matches, once it is visible. */
    WebElement visible(By locator) {
        return until(locator + " is visible", ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element's text contains {@code text}. */
    void text(By locator, String text) {
        until(locator + " shows \"" + text + "\"", ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Waits, up to {@link #TIMEOUT}, for a condition (any of {@link ExpectedConditions}, or a lambda returning non-null/true). */
    <T> T until(String what, ExpectedCondition<T> condition) {
        return until(what, TIMEOUT, condition);
    }

    <T> T until(String what, Duration timeout, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, timeout).withMessage("waiting until " + what).until(condition);
    }

    private static ExpectedCondition<Boolean> loaded() {
        return driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                        + " return document.readyState === 'complete' && (!n || n.loadEventEnd > 0);"));
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** A script that ends by calling its last argument, the callback; returns what it passed to it. */
    Object asyncScript(String script, Object... arguments) {
        return driver.executeAsyncScript(script, arguments);
    }

    // ---- measuring, checking, recording -------------------------------------------------------------------------

    /**
     * The bytes the current page's load brought over the wire: the sum of {@code transferSize} over Navigation Timing's
     * entry for the document and Resource Timing's for every subresource the page asked for (not the favicon that
     * Chromium fetches of its own accord, sometimes before the load event, sometimes after). Bodies count exactly as
     * sent (compressed if they were); for the headers Chromium adds a fixed 300 bytes per response, not their real
     * size. Exact for
     * same-origin resources (every Gapura page: its CSP allows 'self' only); a cross-origin resource without
     * {@code Timing-Allow-Origin} would count 0, as would one answered from the cache, hence {@link #openUncached}.
     * Fails rather than under-count when the Resource Timing buffer (250 entries by default) may be full.
     */
    long transferredBytes() {
        return transfers().values().stream().mapToLong(Long::longValue).sum();
    }

    /** What {@link #transferredBytes} adds up, per URL in load order: to find what makes a page heavy. */
    Map<String, Long> transfers() {
        // initiatorType 'other' is Chromium's own favicon fetch, made whenever it likes: it would make the figure vary
        List<?> entries = (List<?>) script("return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource').filter(e => e.initiatorType !== 'other'))"
                + ".map(e => [e.name, e.transferSize]);");
        if (entries.size() > 250) {
            throw new IllegalStateException(entries.size() + " resources on " + driver.getCurrentUrl()
                    + ": the Resource Timing buffer may be full, so the page weight would under-count");
        }
        Map<String, Long> transfers = new LinkedHashMap<>();
        for (Object entry : entries) {
            List<?> pair = (List<?>) entry;
            transfers.merge(String.valueOf(pair.get(0)), ((Number) pair.get(1)).longValue(), Long::sum);
        }
        return transfers;
    }

    /**
     * What the page's Content-Security-Policy blocked since it started loading, e.g. {@code style-src-elem blocked
     * inline at line 6}: a page that works only because nothing checks its CSP shows up here.
     */
    List<String> cspViolations() {
        Object recorded = script("return window.__gapuraCspViolations || [];");
        return ((List<?>) recorded).stream().map(String::valueOf).toList();
    }

    /** Runs axe-core on the current page against the WCAG 2.2 AA rules ({@link Axe#TAGS}). */
    Axe.Result axe() {
        return Axe.run(this);
    }

    /** Runs axe-core and fails listing every violation of impact serious or critical. */
    Axe.Result assertAccessible() {
        Axe.Result result = axe();
        result.assertNoSeriousViolations();
        return result;
    }

    Keyboard keyboard() {
        return new Keyboard(this);
    }

    /** A PNG of the whole page (not only the viewport) in target/screenshots/{name}.png; prints and returns its path. */
    Path screenshot(String name) throws IOException {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("A screenshot name is letters, digits, '.', '_' and '-': " + name);
        }
        Map<?, ?> metrics = (Map<?, ?>) cdp("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", metrics.get("width"), "height", metrics.get("height"),
                "scale", 1);
        String png = (String) cdp("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", clip)).get("data");
        Path folder = Path.of(System.getProperty("gapura.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png").toAbsolutePath();
        Files.write(file, Base64.getDecoder().decode(png));
        System.out.printf("[screenshot] %s%n", file);
        return file;
    }

    /** One Chrome DevTools Protocol command, through ChromeDriver (version-independent, see the class comment). */
    Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
