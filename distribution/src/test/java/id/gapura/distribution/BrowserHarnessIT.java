package id.gapura.distribution;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real-browser harness ({@link Browser}, {@link Axe}, {@link Keyboard}) proven on what Gapura serves as HTML
 * today, the budgeting module's printable reports, and on a small page of its own with known faults: axe reports a
 * violation where there is one (so the check can fail), the focus check fails where the focus cannot be seen, and
 * page weight and screenshots come out of a real page load. One Karaf, one desktop browser for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserHarnessIT {

    private static final String TAPD = "tapd";
    private static final String VIEWER = "dprd";
    private static final String PASSWORD = "rahasia-uji";
    private static final String DIKNAS = "1.01.0.00.0.00.01.0000";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** A page with one known critical violation (an image without a text alternative) under a strict CSP. */
    private static final String FAULTY_PAGE = """
            <!DOCTYPE html>
            <html lang="id">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
            <title>Halaman uji</title>
            </head>
            <body>
            <main>
            <h1>Halaman uji</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">
            <p><a id="hidden-focus" href="#bawah" style="outline: none">Tautan yang fokusnya tak terlihat</a></p>
            <details><summary id="more">Selengkapnya</summary><p id="detail">Isi tambahan</p></details>
            <p><input type="checkbox" id="agree"><label for="agree">Saya setuju</label></p>
            <p id="bawah">Akhir halaman</p>
            </main>
            </body>
            </html>
            """;

    private GapuraInstance gapura;
    private Browser browser;

    @BeforeAll
    void boot() throws Exception {
        browser = Browser.desktop(); // first: without Chromium, fail at once rather than after booting Karaf
        gapura = new GapuraInstance();
        gapura.addUser(TAPD, PASSWORD, "budget-tapd");
        gapura.addUser(VIEWER, PASSWORD, "budget-viewer");
        gapura.start();
        await("the console answers").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> gapura.console("shell:echo ready").exitStatus() == 0);
        GapuraInstance.Shell install = gapura.console("module:install --force budgeting");
        assertEquals(0, install.exitStatus(), install.output());
        await().atMost(Duration.ofSeconds(30)).until(() -> gapura.status("/api/budgeting/agencies") == 200);
        HttpResponse<String> year = gapura.send("POST", "/api/budgeting/years", "{\"year\":2027}", TAPD, PASSWORD);
        assertEquals(201, year.statusCode(), year.body());
    }

    @AfterAll
    void shutdown() throws Exception {
        try (GapuraInstance instance = gapura; Browser shared = browser) {
            // both closed, the browser first
        }
    }

    @Test
    void axeReportsTheKnownViolationAndTheCheckFailsOnIt() {
        browser.open(dataUrl(FAULTY_PAGE));
        assertEquals("id-ID", browser.script("return navigator.language;"), "the browser asks for Bahasa Indonesia first");
        Axe.Result result = browser.axe();
        System.out.printf("[figures] fixture page: %s%n", result);
        Axe.Violation imageAlt = result.violations().stream().filter(v -> v.rule().equals("image-alt")).findFirst()
                .orElseThrow(() -> new AssertionError("axe did not report the image without alt: " + result));
        assertEquals("critical", imageAlt.impact());
        assertEquals("img", imageAlt.targets().get(0));
        assertTrue(imageAlt.helpUrl().startsWith("https://"), imageAlt.helpUrl());

        AssertionError failure = assertThrows(AssertionError.class, result::assertNoSeriousViolations);
        assertTrue(failure.getMessage().contains("image-alt (critical)") && failure.getMessage().contains(imageAlt.helpUrl())
                && failure.getMessage().contains("on img"), failure.getMessage());
    }

    @Test
    void aPrintableReportIsCheckedWeighedAndPhotographed() throws Exception {
        String path = "/api/budgeting/reports/2027/rka/" + DIKNAS + "?format=html";
        String url = "http://localhost:" + gapura.httpPort + path;
        browser.basicAuth(VIEWER, PASSWORD);
        try {
            browser.openUncached(url);
            browser.text(By.tagName("h1"), "Rencana Kerja dan Anggaran");

            long bytes = browser.transferredBytes();
            int body = gapura.get(path, VIEWER, PASSWORD).body().getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("[figures] %s: %d bytes transferred (the document's body alone: %d bytes): %s%n", path, bytes,
                    body, browser.transfers());
            assertTrue(bytes > 0, "transferred bytes of " + url);

            System.out.printf("[figures] %s: Content-Security-Policy violations: %s%n", path, browser.cspViolations());
            Axe.Result result = browser.axe();
            System.out.printf("[figures] report page: %s%n", result);
            assertEquals(url, result.url());
            assertTrue(result.passedRules() > 0, "axe checked something on the report: " + result);

            assertPng(browser.screenshot("budgeting-rka-desktop"));
            try (Browser phone = Browser.phone()) {
                phone.open(dataUrl(FAULTY_PAGE));
                assertEquals(Browser.PHONE.width, width(phone), "a page with a viewport meta tag is laid out phone-wide");
                phone.basicAuth(VIEWER, PASSWORD).open(url);
                System.out.printf("[figures] %s on a %d px wide phone: laid out %d px wide%n", path, Browser.PHONE.width, width(phone));
                assertPng(phone.screenshot("budgeting-rka-phone"));
            }
        } finally {
            browser.noAuth();
        }
    }

    @Test
    void aKeyboardOnlyUserOperatesThePageAndAnInvisibleFocusIsCaught() {
        browser.open(dataUrl(FAULTY_PAGE));
        Keyboard keyboard = browser.keyboard();

        keyboard.tabTo(By.id("hidden-focus"));
        AssertionError invisible = assertThrows(AssertionError.class, keyboard::assertFocusVisible);
        assertTrue(invisible.getMessage().contains("a#hidden-focus"), invisible.getMessage());

        keyboard.tabTo(By.id("more")).assertFocusVisible().enter();
        browser.visible(By.id("detail"));
        keyboard.tabTo(By.id("agree")).assertFocusVisible().space();
        browser.until("the checkbox is ticked", driver -> driver.findElement(By.id("agree")).isSelected());
        keyboard.shiftTab();
        assertEquals("summary#more \"Selengkapnya\"", keyboard.focused());
    }

    private static int width(Browser browser) {
        return ((Number) browser.script("return window.innerWidth;")).intValue();
    }

    private static String dataUrl(String html) {
        return "data:text/html;charset=utf-8;base64," + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertPng(Path file) throws Exception {
        assertNotNull(file);
        byte[] content = Files.readAllBytes(file);
        assertTrue(content.length > PNG_SIGNATURE.length, file + " is empty");
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(content, PNG_SIGNATURE.length), file + " is not a PNG");
    }
}
