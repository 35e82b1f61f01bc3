package id.gapura.distribution;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citizen portal, the complaints citizen pages and the back-office login, end to end: the real assembled
 * distribution, a real headless Chromium (a phone for the citizen, a desktop for the officer), axe-core on every page
 * of the journeys, and java.net.http where the headers and cookies themselves are the point. One Karaf and one
 * citizen browser for the class; the steps run in order and each names what failed. Figures (page weight of
 * {@code /}, axe results per page, screenshot paths) are printed with the prefix {@value Pages#PREFIX}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalIT {

    private static final String COORDINATOR = "koordinator";
    private static final String PASSWORD = "rahasia-uji-portal";
    private static final String LIAISON = "penghubung-dlh";
    /** Unique per run, so that finding it on the page proves the page read etc/id.gapura.web.pages.cfg. */
    private static final String REGION = "Kabupaten Uji " + suffix(6);
    private static final long MAX_PORTAL_BYTES = 150_000;
    private static final String TILE = "a.ubin-tautan[href='/layanan/complaints/lapor']";
    private static final String FORM = "/layanan/complaints/lapor?kategori=SAMPAH";
    private static final Pattern NUMBER = Pattern.compile("ADU-\\d{4}-[0-9A-HJKMNP-TV-Z]{8}");
    private static final By SUBMIT = By.cssSelector("main form button[type=submit]");
    private static final int PHOTO_WIDTH = 64;
    private static final int PHOTO_HEIGHT = 48;

    private static final String XSS_SCRIPT = "<script>window.__xss=1</script>";
    private static final String XSS_ATTRIBUTE = "\"><img src=x onerror=window.__xss=2>";
    private static final String XSS_URL = "javascript:alert(1)";

    private final List<String> figures = new ArrayList<>();
    private GapuraInstance gapura;
    private Browser citizen;
    private Browser office;
    private Pages pages;
    private FormHttp http;
    private Path files;
    private byte[] photo;
    private Path photoFile;

    /** The report of the citizen journey with a photo (step 2), followed again after a reinstall (step 7). */
    private String photoReport;
    private String photoReportDescription;

    @BeforeAll
    void boot() throws Exception {
        citizen = Browser.phone(); // first: without Chromium, fail at once rather than after booting Karaf
        gapura = new GapuraInstance();
        gapura.configure("etc/id.gapura.web.pages.cfg", "regionName", REGION);
        gapura.addUser(COORDINATOR, PASSWORD, "complaints-coordinator");
        gapura.addUser(LIAISON, PASSWORD, "complaints-liaison");
        gapura.start();
        await("the console answers").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> gapura.console("shell:echo ready").exitStatus() == 0);
        GapuraInstance.Shell install = gapura.console("module:install --force complaints");
        assertEquals(0, install.exitStatus(), install.output());
        GapuraInstance.Shell assign = gapura.console("complaints:liaison-assign " + LIAISON + " DLH");
        assertEquals(0, assign.exitStatus(), assign.output());
        await("the complaints pages answer").atMost(Duration.ofSeconds(60))
                .until(() -> gapura.status("/layanan/complaints/lapor") == 200);
        String base = "http://localhost:" + gapura.httpPort;
        pages = new Pages(citizen, base, figures);
        http = new FormHttp(base);

        files = Files.createTempDirectory("portal-it-");
        photo = png(PHOTO_WIDTH, PHOTO_HEIGHT);
        photoFile = Files.write(files.resolve("sampah.png"), photo);
    }

    @AfterAll
    void shutdown() throws Exception {
        System.out.println(Pages.PREFIX + " ==== summary ====");
        figures.forEach(System.out::println);
        try (GapuraInstance instance = gapura; Browser phone = citizen; Browser desktop = office) {
            if (files != null) {
                try (Stream<Path> walk = Files.walk(files)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    // ---- 1. the portal ----------------------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("1 portal: the region's name, the complaints tile, at most 150 KB, accessible, no CSP violation")
    void portalShowsTheRegionAndItsServicesLightly() throws Exception {
        citizen.openUncached(pages.url("/"));
        long bytes = citizen.transferredBytes();
        Map<String, Long> transfers = citizen.transfers();
        pages.figure("page weight of / (phone, cache disabled): " + bytes + " bytes in " + transfers.size()
                + " transfers " + transfers);

        assertEquals(REGION, pages.visible(By.cssSelector(".wilayah-nama")).getText().strip(),
                "the header shows regionName of etc/id.gapura.web.pages.cfg");
        WebElement tile = pages.visible(By.cssSelector(TILE));
        assertEquals("Sampaikan pengaduan", tile.findElement(By.cssSelector(".ubin-judul")).getText().strip());
        assertTrue(transfers.keySet().stream().anyMatch(url -> url.endsWith("/aset/gapura/gapura.css")),
                "the weight counts the style sheet too: " + transfers);
        assertTrue(bytes > 0 && bytes <= MAX_PORTAL_BYTES, "/ weighs " + bytes + " bytes; at most " + MAX_PORTAL_BYTES);

        pages.screenshot("portal");
        pages.checked("portal");
    }

    @Test
    @Order(2)
    @DisplayName("1b portal: the language switch changes the language and the choice is remembered")
    void languageSwitchIsRemembered() {
        citizen.open(pages.url("/"));
        assertEquals("id", citizen.script("return document.documentElement.lang;"));
        pages.navigatesTo("the English link", "/", () -> pages.visible(By.cssSelector("nav.bahasa a[hreflang=en]")).click());
        assertEquals("en", citizen.script("return document.documentElement.lang;"));
        assertEquals("Report a problem", pages.visible(By.cssSelector(TILE + " .ubin-judul")).getText().strip());
        Cookie language = citizen.driver().manage().getCookieNamed("gapura_bahasa");
        assertNotNull(language, "the choice is kept in the cookie gapura_bahasa");
        assertEquals("en", language.getValue());

        citizen.open(pages.url("/"));
        assertEquals("en", citizen.script("return document.documentElement.lang;"), "a later visit stays in English");
        pages.checked("portal-en");

        pages.navigatesTo("the Bahasa Indonesia link", "/",
                () -> pages.visible(By.cssSelector("nav.bahasa a[hreflang=id]")).click());
        assertEquals("id", citizen.script("return document.documentElement.lang;"));
        assertEquals("Sampaikan pengaduan", pages.visible(By.cssSelector(TILE + " .ubin-judul")).getText().strip());
    }

    @Test
    @Order(3)
    @DisplayName("1c portal: the search box finds the complaints service, and says so when nothing matches")
    void searchFindsServices() {
        citizen.open(pages.url("/"));
        pages.visible(By.id("q")).sendKeys("sampah");
        pages.navigatesTo("searching 'sampah'", "/cari?q=sampah",
                () -> citizen.driver().findElement(By.cssSelector("form[role=search] button")).click());
        assertTrue(pages.present(By.cssSelector(TILE)), "the keyword 'sampah' finds the complaints tile");
        assertEquals("sampah", pages.visible(By.id("q")).getAttribute("value"), "the query stays in the box");
        pages.checked("search");

        citizen.open(pages.url("/cari?q=" + suffix(10).toLowerCase(Locale.ROOT)));
        assertFalse(pages.present(By.cssSelector(TILE)), "a word of no service shows no tile");
        assertTrue(pages.visible(By.tagName("main")).getText().contains("Tidak ada layanan yang cocok"),
                pages.visible(By.tagName("main")).getText());
    }

    // ---- 2. the citizen journey with a photo ------------------------------------------------------------------

    @Test
    @Order(4)
    @DisplayName("2 citizen: report with a photo, confirmation with its number, followed by number from the portal")
    void citizenReportsWithAPhotoAndFollowsIt() throws Exception {
        String unique = suffix(8);
        String description = "Sampah menumpuk di depan pasar sejak tiga hari, baunya sampai ke sekolah " + unique;
        String address = "Jl. Merdeka No. 10, RT 02/RW 03, dekat gerbang pasar";
        String name = "Siti Pelapor " + unique;
        String email = "siti." + unique.toLowerCase(Locale.ROOT) + "@contoh.id";
        String phone = "0812" + (10_000_000 + new Random().nextInt(89_999_999));

        citizen.open(pages.url("/"));
        pages.navigatesTo("the complaints tile", "/layanan/complaints/lapor",
                () -> pages.visible(By.cssSelector(TILE)).click());
        pages.checked("report-category");
        pages.visible(By.cssSelector("label[for='kategori-SAMPAH']")).click();
        assertTrue(citizen.driver().findElement(By.id("kategori-SAMPAH")).isSelected());
        pages.navigatesTo("Lanjutkan", FORM, () -> citizen.driver().findElement(SUBMIT).click());

        pages.visible(By.id("description")).sendKeys(description);
        pages.visible(By.id("address")).sendKeys(address);
        pages.visible(By.id("name")).sendKeys(name);
        pages.visible(By.id("email")).sendKeys(email);
        pages.visible(By.id("phone")).sendKeys(phone);
        citizen.driver().findElement(By.id("photo")).sendKeys(photoFile.toString());
        assertFalse("true".equals(pages.visible(By.id("photo")).getAttribute("aria-invalid")),
                "the page's own check accepts a small PNG");
        assertFalse(citizen.driver().findElement(By.id("photo-periksa")).isDisplayed(), "no photo message for a good photo");
        for (String box : List.of("anonymous", "confidential")) {
            Map<?, ?> place = (Map<?, ?>) citizen.script("const i = document.getElementById(arguments[0])"
                    + ".getBoundingClientRect(), l = document.querySelector('label[for=' + arguments[0] + ']')"
                    + ".getBoundingClientRect(); return {beside: l.left >= i.right, top: l.top < i.bottom};", box);
            assertEquals(Map.of("beside", true, "top", true), place, "on a phone, the label of #" + box
                    + " stands beside its checkbox, not under it");
        }
        pages.screenshot("report-form");
        pages.checked("report-form");

        pages.navigatesTo("Kirim pengaduan", "/layanan/complaints/terkirim?nomor=",
                () -> citizen.driver().findElement(SUBMIT).click());
        String number = pages.visible(By.cssSelector(".panel-nomor")).getText().strip();
        assertTrue(NUMBER.matcher(number).matches(), "a tracking number: " + number);
        assertEquals("/layanan/complaints/terkirim?nomor=" + number, pages.here());
        assertNoPersonalData("the confirmation", name, email, phone);
        pages.screenshot("report-sent");
        pages.checked("report-sent");
        photoReport = number;
        photoReportDescription = description;
        pages.figure("report with a photo: " + number);

        for (String typed : List.of(number, number.toLowerCase(Locale.ROOT))) {
            citizen.open(pages.url("/"));
            pages.visible(By.id("nomor")).sendKeys(typed);
            pages.navigatesTo("tracking " + typed + " from the portal", "/layanan/complaints/lacak?nomor=" + number,
                    () -> citizen.driver().findElement(By.cssSelector("#lacak button")).click());
            assertTrackingPage(number, description, address, "Diterima");
        }
        assertNoPersonalData("the tracking page", name, email, phone);

        WebElement image = photoLoaded();
        String source = image.getAttribute("src");
        assertTrue(source.contains("/api/complaints/photos/"), source);
        HttpResponse<byte[]> served = http.bytes(source.substring(source.indexOf("/api/")));
        assertEquals(200, served.statusCode());
        assertArrayEquals(photo, served.body(), "the photo is served as it was sent");
        pages.screenshot("tracking");
        pages.checked("tracking");
    }

    @Test
    @Order(5)
    @DisplayName("2b portal: an unknown number answers a friendly 404 page, whichever module would issue it")
    void unknownNumbersAnswerAFriendlyPage() {
        for (String number : List.of("ADU-2000-ZZZZZZZZ", "XYZ-123")) {
            citizen.open(pages.url("/"));
            pages.visible(By.id("nomor")).sendKeys(number);
            pages.navigates("tracking " + number, () -> citizen.driver().findElement(By.cssSelector("#lacak button")).click());
            assertEquals(404, pages.status(), "tracking " + number + " answers 404 (" + pages.here() + ")");
            assertEquals(REGION, pages.visible(By.cssSelector(".wilayah-nama")).getText().strip(), "with the layout");
            assertTrue(pages.present(By.cssSelector("main a[href='/'], main a[href='/#lacak']")), "and a way back");
        }
        assertTrue(pages.visible(By.tagName("main")).getText().contains("XYZ-123"), "the page names the number typed");
        pages.checked("track-unknown");
    }

    // ---- 3. the same journey with the keyboard only -------------------------------------------------------------

    @Test
    @Order(6)
    @DisplayName("3 citizen, keyboard only: Tab, arrows, Space, Enter and typing, the focus visible at every control")
    void citizenReportsWithTheKeyboardOnly() {
        String description = "Tumpukan sampah menutup trotoar di depan SD Negeri 3 " + suffix(8);
        String address = "Jl. Pahlawan No. 3";
        Keyboard keyboard = citizen.keyboard();

        citizen.open(pages.url("/"));
        keyboard.tabTo(By.cssSelector(TILE)).assertFocusVisible();
        pages.navigatesTo("Enter on the complaints tile", "/layanan/complaints/lapor", keyboard::enter);

        keyboard.tabTo(By.id("kategori")).assertFocusVisible();
        int radios = citizen.driver().findElements(By.cssSelector("input[name=kategori]")).size();
        for (int i = 0; i < radios && !citizen.driver().findElement(By.id("kategori-SAMPAH")).isSelected(); i++) {
            keyboard.press(Keys.ARROW_DOWN);
        }
        assertTrue(citizen.driver().findElement(By.id("kategori-SAMPAH")).isSelected(), "the arrows choose SAMPAH");
        assertEquals("kategori-SAMPAH", citizen.script("return document.activeElement.id;"), keyboard.focused());
        keyboard.assertFocusVisible();
        keyboard.tabTo(SUBMIT).assertFocusVisible();
        pages.navigatesTo("Enter on Lanjutkan", FORM, keyboard::enter);

        keyboard.tabTo(By.id("description")).assertFocusVisible().press(description);
        keyboard.tabTo(By.id("address")).assertFocusVisible().press(address);
        // the map: no tile loads here, yet Enter marks its centre and fills the hidden fields
        keyboard.tabTo(By.cssSelector(".peta")).assertFocusVisible().enter();
        citizen.until("Enter on the map marks a point",
                driver -> !driver.findElement(By.id("latitude")).getAttribute("value").isEmpty());
        pages.figure("keyboard journey: the map's Enter chose " + citizen.driver().findElement(By.id("latitude"))
                .getAttribute("value") + ", " + citizen.driver().findElement(By.id("longitude")).getAttribute("value"));
        keyboard.tabTo(By.id("name")).assertFocusVisible().press("Budi Papan Ketik");
        keyboard.tabTo(By.id("confidential")).assertFocusVisible().space();
        assertTrue(citizen.driver().findElement(By.id("confidential")).isSelected(), "Space ticks the checkbox");
        keyboard.tabTo(SUBMIT).assertFocusVisible();
        pages.navigatesTo("Enter on Kirim pengaduan", "/layanan/complaints/terkirim?nomor=", keyboard::enter);
        String number = pages.visible(By.cssSelector(".panel-nomor")).getText().strip();
        assertTrue(NUMBER.matcher(number).matches(), number);
        pages.figure("report sent with the keyboard only: " + number);

        keyboard.tabTo(By.cssSelector("main a[href^='/layanan/complaints/lacak']")).assertFocusVisible();
        pages.navigatesTo("Enter on Lacak pengaduan ini", "/layanan/complaints/lacak?nomor=" + number, keyboard::enter);
        assertTrackingPage(number, description, address, "Diterima");

        keyboard.tabTo(By.cssSelector("a.wilayah")).assertFocusVisible();
        pages.navigatesTo("Enter on the region's name", "/", keyboard::enter);
        keyboard.tabTo(By.id("nomor")).assertFocusVisible().press(number.toLowerCase(Locale.ROOT));
        pages.navigatesTo("Enter in the track box", "/layanan/complaints/lacak?nomor=" + number, keyboard::enter);
        assertTrackingPage(number, description, address, "Diterima");
    }

    // ---- 4. validation -------------------------------------------------------------------------------------------

    @Test
    @Order(7)
    @DisplayName("4 validation: an empty form answers 422 with an error summary that leads to the fields, values kept")
    void emptyFormAnswersTheErrorSummary() {
        citizen.open(pages.url(FORM));
        pages.visible(By.id("name")).sendKeys("Ani Validasi");
        pages.visible(By.id("email")).sendKeys("ani@contoh.id");
        pages.navigatesTo("sending the empty form", "/layanan/complaints/lapor",
                () -> citizen.driver().findElement(SUBMIT).click());

        assertEquals(422, pages.status(), "an invalid form answers 422");
        WebElement summary = pages.visible(By.cssSelector(".ringkasan-galat"));
        List<String> links = new ArrayList<>();
        summary.findElements(By.tagName("a")).forEach(a -> links.add(a.getAttribute("href").replaceFirst(".*#", "#")));
        assertEquals(List.of("#description", "#address"), links, "the summary links to each field in error");
        assertEquals("Ani Validasi", pages.visible(By.id("name")).getAttribute("value"), "typed values are kept");
        assertEquals("ani@contoh.id", pages.visible(By.id("email")).getAttribute("value"));
        assertEquals("true", pages.visible(By.id("description")).getAttribute("aria-invalid"));
        assertTrue(pages.visible(By.id("description-galat")).getText().contains("Tuliskan apa yang terjadi"));
        assertTrue(pages.visible(By.id("address-galat")).getText().contains("Tuliskan lokasinya"));
        pages.checked("report-form-errors");

        // from the top of the new page, as a keyboard user arrives: Tab to the summary's link, Enter
        citizen.keyboard().tabTo(By.cssSelector(".ringkasan-galat a[href='#address']")).assertFocusVisible().enter();
        citizen.until("Enter on the summary's link moves the focus to the address",
                driver -> "address".equals(citizen.script("return document.activeElement.id;")));
        summary.findElement(By.cssSelector("a[href='#description']")).click();
        citizen.until("clicking the summary's link moves the focus to the description",
                driver -> "description".equals(citizen.script("return document.activeElement.id;")));
    }

    @Test
    @Order(8)
    @DisplayName("4b validation: a too-large or non-image photo is refused with its message, before and after sending")
    void badPhotosAreRefused() throws Exception {
        byte[] large = new byte[1_200_000];
        new Random(1).nextBytes(large);
        large[0] = (byte) 0xFF;
        large[1] = (byte) 0xD8;
        large[2] = (byte) 0xFF;
        Path largeFile = Files.write(files.resolve("besar.jpg"), large);
        Path textFile = Files.writeString(files.resolve("catatan.txt"), "bukan foto\n");
        Path fakePng = Files.writeString(files.resolve("palsu.png"), "ini teks, bukan gambar PNG\n");

        // before sending: the page's own check (lapor.js) names the problem and keeps the form from being sent
        citizen.open(pages.url(FORM));
        pages.visible(By.id("description")).sendKeys("Foto terlalu besar");
        pages.visible(By.id("address")).sendKeys("Jl. Uji Foto 1");
        citizen.driver().findElement(By.id("photo")).sendKeys(largeFile.toString());
        WebElement note = pages.visible(By.id("photo-periksa"));
        assertEquals("Foto paling besar 1 MB; pilih foto yang lebih kecil", note.getText().strip());
        assertEquals("true", citizen.driver().findElement(By.id("photo")).getAttribute("aria-invalid"));
        citizen.script("window.__gapuraOldPage = true;");
        citizen.driver().findElement(SUBMIT).click();
        citizen.until("the refused photo gets the focus", driver -> "photo".equals(citizen.script(
                "return document.activeElement.id;")));
        assertEquals(Boolean.TRUE, citizen.script("return window.__gapuraOldPage === true;"), "the form was not sent");
        pages.checked("report-form-photo-too-large");

        citizen.open(pages.url(FORM));
        citizen.driver().findElement(By.id("photo")).sendKeys(textFile.toString());
        assertEquals("Foto harus berupa JPEG, PNG atau WebP", pages.visible(By.id("photo-periksa")).getText().strip());

        // after sending: a file named .png that is no image passes the page's check; the server refuses it
        citizen.open(pages.url(FORM));
        pages.visible(By.id("description")).sendKeys("Foto palsu");
        pages.visible(By.id("address")).sendKeys("Jl. Uji Foto 2");
        citizen.driver().findElement(By.id("photo")).sendKeys(fakePng.toString());
        pages.navigatesTo("sending a text file named .png", "/layanan/complaints/lapor",
                () -> citizen.driver().findElement(SUBMIT).click());
        assertEquals(422, pages.status());
        assertEquals("Foto harus berupa JPEG, PNG atau WebP",
                pages.visible(By.cssSelector(".ringkasan-galat a[href='#photo']")).getText().strip());
        assertTrue(pages.visible(By.id("photo-galat")).getText().contains("Foto harus berupa JPEG, PNG atau WebP"));
        assertEquals("Foto palsu", pages.visible(By.id("description")).getAttribute("value"));
        pages.checked("report-form-photo-refused");

        // without JavaScript (a program, or a browser without it): the server checks the size as well
        HttpResponse<String> form = http.get(FORM, null);
        String csrf = FormHttp.cookieValue(FormHttp.setCookie(form, "gapura_csrf").orElseThrow());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", FormHttp.csrfField(form.body()));
        fields.put("kategori", "SAMPAH");
        fields.put("description", "Foto besar tanpa JavaScript");
        fields.put("address", "Jl. Uji Foto 3");
        HttpResponse<String> refused = http.postMultipart("/layanan/complaints/lapor", fields, "photo", "besar.jpg",
                "image/jpeg", large, "gapura_csrf=" + csrf);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Foto paling besar 1 MB"), refused.body());
    }

    // ---- 5. safety -------------------------------------------------------------------------------------------------

    @Test
    @Order(9)
    @DisplayName("5 safety: script, attribute and javascript: payloads render inert on the form, confirmation and tracking pages")
    void payloadsRenderInert() {
        String description = "Uraian " + XSS_SCRIPT + " lalu " + XSS_ATTRIBUTE + " dan " + XSS_URL;
        String address = XSS_ATTRIBUTE + " " + XSS_URL;
        String name = XSS_SCRIPT + XSS_ATTRIBUTE;

        // the form answered with errors writes the values back into the fields: attribute context
        citizen.open(pages.url(FORM));
        pages.visible(By.id("description")).sendKeys(description);
        pages.visible(By.id("name")).sendKeys(name);
        pages.visible(By.id("email")).sendKeys(XSS_URL);
        pages.navigatesTo("sending payloads without an address", "/layanan/complaints/lapor",
                () -> citizen.driver().findElement(SUBMIT).click());
        assertEquals(422, pages.status());
        assertInert("the form with errors");
        assertEquals(name, pages.visible(By.id("name")).getAttribute("value"), "the name comes back as typed, as text");
        assertEquals(description, pages.visible(By.id("description")).getAttribute("value"));

        pages.visible(By.id("address")).sendKeys(address);
        citizen.driver().findElement(By.id("email")).clear();
        pages.navigatesTo("sending the payloads", "/layanan/complaints/terkirim?nomor=",
                () -> citizen.driver().findElement(SUBMIT).click());
        String number = pages.visible(By.cssSelector(".panel-nomor")).getText().strip();
        assertInert("the confirmation");

        citizen.open(pages.url("/layanan/complaints/lacak?nomor=" + number));
        assertInert("the tracking page");
        assertEquals(description, pages.visible(By.cssSelector(".uraian")).getText().strip(),
                "the description is shown as the text it is");
        assertTrue(pages.visible(By.cssSelector("dl.ringkas")).getText().contains(address), "and the address");
        pages.checked("tracking-payloads");
        pages.figure("report with payloads: " + number + ", rendered inert on the form, confirmation and tracking pages");
    }

    @Test
    @Order(10)
    @DisplayName("5b safety: every HTML answer carries CSP, X-Content-Type-Options, Referrer-Policy, X-Frame-Options; 404s are friendly")
    void everyHtmlAnswerCarriesTheSecurityHeaders() throws Exception {
        assertNotNull(photoReport, "step 2 made no report to look at");
        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.put("/", 200);
        answers.put("/cari?q=sampah", 200);
        answers.put("/layanan/complaints/lapor", 200);
        answers.put(FORM, 200);
        answers.put("/layanan/complaints/lacak?nomor=" + photoReport, 200);
        answers.put("/kantor/masuk", 200);
        answers.put("/tidak-ada-halaman-ini", 404);
        answers.put("/layanan/complaints/tidak-ada", 404);
        answers.put("/layanan/tidak-ada-modul/lapor", 404);
        answers.put("/layanan/complaints/lacak?nomor=ADU-2000-ZZZZZZZZ", 404);
        answers.put("/lacak?nomor=XYZ-123", 404);
        answers.put("/kantor/tidak-ada", 303);
        for (Map.Entry<String, Integer> expected : answers.entrySet()) {
            String path = expected.getKey();
            HttpResponse<String> answer = http.get(path, null);
            assertEquals(expected.getValue(), answer.statusCode(), path);
            String csp = answer.headers().firstValue("Content-Security-Policy").orElse(null);
            assertNotNull(csp, path + " has a Content-Security-Policy");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'")
                    && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), path + ": " + csp);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertTrue(answer.headers().firstValue("Referrer-Policy").filter(p -> !p.isBlank()).isPresent(), path);
            assertTrue(answer.headers().firstValue("X-Frame-Options").filter(p -> p.equals("DENY")
                    || p.equals("SAMEORIGIN")).isPresent(), path + ": " + answer.headers().map());
            if (answer.statusCode() != 303) {
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            }
            if (answer.statusCode() == 404) {
                String body = answer.body();
                assertTrue(body.contains("<main") && body.contains(REGION), path + " answers the layout: " + body);
                for (String leak : List.of("Exception", "\tat ", "jetty", "java.", "Caused by")) {
                    assertFalse(body.contains(leak), path + " shows '" + leak + "': " + body);
                }
            }
        }
        HttpResponse<String> portal = http.get("/", null);
        pages.figure("headers of /: Content-Security-Policy: " + portal.headers().firstValue("Content-Security-Policy")
                .orElse("") + " | X-Content-Type-Options: " + portal.headers().firstValue("X-Content-Type-Options")
                .orElse("") + " | Referrer-Policy: " + portal.headers().firstValue("Referrer-Policy").orElse("")
                + " | X-Frame-Options: " + portal.headers().firstValue("X-Frame-Options").orElse("") + " (checked on "
                + answers.size() + " answers)");

        // a citizen's form posted without its CSRF token is refused
        Map<String, String> fields = Map.of("kategori", "SAMPAH", "description", "Tanpa token", "address", "Jl. Uji");
        HttpResponse<String> forged = http.postForm("/layanan/complaints/lapor", fields, null);
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("Formulir kedaluwarsa"), forged.body());
    }

    // ---- 6. the back office's login --------------------------------------------------------------------------------

    @Test
    @Order(11)
    @DisplayName("6 back office: login page, a wrong password refused, the right one opens the menu, logout ends the session")
    void officerLogsInAndOut() throws Exception {
        office = Browser.desktop();
        Pages desk = new Pages(office, pages.url(""), figures);
        office.open(desk.url("/"));
        assertContentAlignedWithHeader(desk, "the portal on a desktop");
        desk.screenshot("portal-desktop");

        HttpResponse<String> anonymous = http.get("/kantor/", null);
        assertEquals(303, anonymous.statusCode());
        assertEquals("/kantor/masuk?kembali=" + URLEncoder.encode("/kantor/", StandardCharsets.UTF_8),
                anonymous.headers().firstValue("Location").orElse(null));
        office.open(desk.url("/kantor/"));
        assertTrue(desk.here().startsWith("/kantor/masuk?kembali="), desk.here());
        desk.visible(By.id("pengguna"));
        desk.visible(By.id("sandi"));
        assertContentAlignedWithHeader(desk, "the login page");
        desk.screenshot("office-login");
        desk.checked("office-login");

        desk.visible(By.id("pengguna")).sendKeys(COORDINATOR);
        desk.visible(By.id("sandi")).sendKeys("bukan-sandinya");
        desk.navigatesTo("a wrong password", "/kantor/masuk", () -> office.driver().findElement(SUBMIT).click());
        assertEquals(401, desk.status());
        assertEquals("Nama pengguna atau kata sandi salah",
                desk.visible(By.cssSelector(".ringkasan-galat a[href='#pengguna']")).getText().strip());
        assertNull(office.driver().manage().getCookieNamed("gapura_kantor"), "no session for a wrong password");
        assertEquals(COORDINATOR, desk.visible(By.id("pengguna")).getAttribute("value"), "the user name is kept");
        assertEquals("", desk.visible(By.id("sandi")).getAttribute("value"), "the password is not");
        desk.checked("office-login-refused");

        desk.visible(By.id("sandi")).sendKeys(PASSWORD);
        desk.navigatesTo("the right password", "/kantor/", () -> office.driver().findElement(SUBMIT).click());
        assertEquals("/kantor/", desk.here());
        List<String> menu = desk.texts(By.cssSelector("nav.menu ul a"));
        assertTrue(menu.contains("Kotak masuk pengaduan") && menu.contains("Statistik pengaduan"), menu.toString());
        assertFalse(menu.contains("Disposisi instansi saya"), "a coordinator does not see the liaison's entry: " + menu);
        assertEquals(COORDINATOR, desk.visible(By.cssSelector("nav.menu .petugas")).getText().strip());
        Cookie session = office.driver().manage().getCookieNamed("gapura_kantor");
        assertNotNull(session, "the login set the session cookie");
        assertTrue(session.isHttpOnly(), "the session cookie is HttpOnly");
        assertEquals("Lax", session.getSameSite());
        assertEquals("/kantor", session.getPath());
        assertEquals(Boolean.FALSE, office.script("return document.cookie.includes('gapura_kantor');"),
                "the page's scripts cannot read the session");
        assertContentAlignedWithHeader(desk, "the officer's home");
        for (WebElement entry : office.driver().findElements(By.cssSelector("main .ubin-tautan"))) {
            assertEquals(1L, office.script("const r = document.createRange(); r.selectNodeContents(arguments[0]);"
                    + " return new Set(Array.from(r.getClientRects()).map(b => Math.round(b.top))).size;",
                    entry.findElement(By.cssSelector(".ubin-judul"))), "the home's entry '" + entry.getText()
                    + "' fits its tile on one line (a desktop tile has room for it)");
        }
        desk.screenshot("office-home");
        desk.checked("office-home");

        // the same login by a program: the Set-Cookie header itself, CSRF on the login form
        HttpResponse<String> loginPage = http.get("/kantor/masuk", null);
        String csrfCookie = "gapura_csrf=" + FormHttp.cookieValue(FormHttp.setCookie(loginPage, "gapura_csrf").orElseThrow());
        Map<String, String> login = new LinkedHashMap<>();
        login.put("kembali", "/kantor/");
        login.put("pengguna", COORDINATOR);
        login.put("sandi", PASSWORD);
        HttpResponse<String> forged = http.postForm("/kantor/masuk", login, csrfCookie);
        assertEquals(403, forged.statusCode(), "a login without the form's token is refused");
        assertTrue(forged.body().contains("Formulir kedaluwarsa"), forged.body());
        assertTrue(FormHttp.setCookie(forged, "gapura_kantor").isEmpty());
        login.put("_csrf", FormHttp.csrfField(loginPage.body()));
        HttpResponse<String> accepted = http.postForm("/kantor/masuk", login, csrfCookie);
        assertEquals(303, accepted.statusCode(), accepted.body());
        assertEquals("/kantor/", accepted.headers().firstValue("Location").orElse(null));
        String setCookie = FormHttp.setCookie(accepted, "gapura_kantor").orElseThrow(() -> new AssertionError(
                "no session cookie: " + accepted.headers().map()));
        Map<String, String> attributes = FormHttp.cookieAttributes(setCookie);
        assertTrue(attributes.containsKey("httponly"), setCookie);
        assertEquals("lax", attributes.getOrDefault("samesite", "").toLowerCase(Locale.ROOT), setCookie);
        assertEquals("/kantor", attributes.get("path"), setCookie);
        desk.figure("Set-Cookie of a back-office login: gapura_kantor=(secret)" + setCookie.substring(setCookie.indexOf(';')));
        String programSession = "gapura_kantor=" + FormHttp.cookieValue(setCookie);
        HttpResponse<String> home = http.get("/kantor/", programSession);
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Kotak masuk pengaduan"), home.body());

        HttpResponse<String> wrongToken = http.postForm("/kantor/keluar", Map.of("_csrf", "tidak-benar"), programSession);
        assertEquals(403, wrongToken.statusCode(), "a POST without the right _csrf is refused");
        assertTrue(wrongToken.body().contains("Formulir kedaluwarsa"), wrongToken.body());
        assertEquals(200, http.get("/kantor/", programSession).statusCode(), "and the session goes on");

        assertEquals(2, activeSessions(), "token:list shows the two back-office sessions");

        // logout in the browser: back to the login page, and the old cookie opens nothing
        String browserSession = "gapura_kantor=" + session.getValue();
        desk.navigatesTo("Keluar", "/kantor/masuk?keluar=1",
                () -> office.driver().findElement(By.cssSelector("form.keluar button")).click());
        assertTrue(desk.visible(By.cssSelector(".pemberitahuan")).getText().contains("Anda sudah keluar"));
        assertNull(office.driver().manage().getCookieNamed("gapura_kantor"), "logout deletes the cookie");
        await("the old cookie no longer opens /kantor/").atMost(Duration.ofSeconds(15))
                .until(() -> http.get("/kantor/", browserSession).statusCode() == 303);
        assertTrue(http.get("/kantor/", browserSession).headers().firstValue("Location").orElse("")
                .startsWith("/kantor/masuk"));
        assertEquals(1, activeSessions(), "token:list: the browser's session has ended");
        desk.checked("office-logged-out");

        // logout by the program, with the token of its own page
        String token = FormHttp.csrfField(http.get("/kantor/", programSession).body());
        HttpResponse<String> out = http.postForm("/kantor/keluar", Map.of("_csrf", token), programSession);
        assertEquals(303, out.statusCode());
        assertEquals("/kantor/masuk?keluar=1", out.headers().firstValue("Location").orElse(null));
        assertTrue(FormHttp.setCookie(out, "gapura_kantor").map(c -> c.contains("Max-Age=0")).orElse(false),
                "logout deletes the cookie: " + out.headers().map());
        await("the program's old cookie no longer opens /kantor/").atMost(Duration.ofSeconds(15))
                .until(() -> http.get("/kantor/", programSession).statusCode() == 303);
        assertEquals(0, activeSessions());
    }

    // ---- 6b. the officers handle the citizen's report; the citizen reads the answer --------------------------------

    @Test
    @Order(12)
    @DisplayName("6b officers: the coordinator verifies and dispositions, the liaison answers with a photo, the citizen sees the answer")
    void officersHandleTheReportAndTheCitizenSeesTheAnswer() throws Exception {
        assertNotNull(photoReport, "step 2 made no report to handle");
        Pages desk = new Pages(office, pages.url(""), figures);
        String report = "/kantor/complaints/laporan?nomor=" + photoReport;

        officeLogin(desk, COORDINATOR);
        desk.navigatesTo("the inbox", "/kantor/complaints/kotak-masuk",
                () -> office.driver().findElement(By.linkText("Kotak masuk pengaduan")).click());
        assertTrue(desk.html().contains(photoReport), "the inbox lists the citizen's report");
        desk.screenshot("office-inbox");
        desk.checked("office-inbox");

        desk.navigatesTo("the report", "/kantor/complaints/laporan",
                () -> office.driver().findElement(By.partialLinkText(photoReport)).click());
        assertTrue(desk.html().contains(photoReportDescription), "the report page shows the description");
        desk.checked("office-report-submitted");
        act(desk, "verify", Map.of());
        assertTrue(desk.here().contains("selesai=verify"), desk.here());
        act(desk, "disposition", Map.of("disposition-instansi", "DLH",
                "disposition-instruksi", "Angkut sampah di lokasi dan laporkan fotonya."));
        assertTrue(desk.here().contains("selesai=disposition"), desk.here());
        desk.screenshot("office-report");
        desk.checked("office-report-dispositioned");

        office.open(desk.url("/kantor/complaints/statistik"));
        assertEquals(200, desk.status());
        assertTrue(office.driver().findElements(By.cssSelector("main svg")).size() > 0, "the statistics draw charts");
        assertTrue(office.driver().findElements(By.cssSelector("main table th[scope]")).size() > 0,
                "each chart has its data table");
        desk.screenshot("office-statistics");
        desk.checked("office-statistics");
        desk.navigatesTo("Keluar", "/kantor/masuk?keluar=1",
                () -> office.driver().findElement(By.cssSelector("form.keluar button")).click());

        // the agency's liaison finds it among the dispositions and answers, with a photo
        officeLogin(desk, LIAISON);
        office.open(desk.url("/kantor/complaints/disposisi"));
        assertTrue(desk.html().contains(photoReport), "the liaison's dispositions list the report");
        desk.checked("office-dispositions");
        office.open(desk.url(report));
        String answer = "Sampah sudah diangkut pada pagi hari oleh petugas DLH " + suffix(4) + ".";
        act(desk, "answer", Map.of("answer-catatan", answer, "answer-foto", photoFile.toString()));
        assertTrue(desk.here().contains("selesai=answer"), desk.here());
        desk.checked("office-report-answered");
        desk.navigatesTo("Keluar", "/kantor/masuk?keluar=1",
                () -> office.driver().findElement(By.cssSelector("form.keluar button")).click());

        // the citizen reads the answer and sees both photos on the public page
        citizen.open(pages.url("/layanan/complaints/lacak?nomor=" + photoReport));
        assertTrue(pages.html().contains(answer), "the tracking page shows the agency's answer");
        await("both photos load").atMost(Duration.ofSeconds(10)).until(() -> (Long) citizen.script(
                "return Array.from(document.querySelectorAll('img.foto')).filter(i => i.complete && i.naturalWidth > 0)"
                        + ".length;") == 2L);
        pages.screenshot("tracking-answered");
        pages.checked("tracking-answered");
    }

    // ---- 8. a second module on the same portal: permits' citizen pages --------------------------------------------

    @Test
    @Order(14)
    @DisplayName("8 permits: its tiles join the portal live; the permit types, the fee simulation and the verification page")
    void permitsAddsItsCitizenPages() throws Exception {
        GapuraInstance.Shell install = gapura.console("module:install --force permits");
        assertEquals(0, install.exitStatus(), install.output());
        await("the permits tiles join /").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get("/", null).body().contains("href=\"/layanan/permits/\""));
        citizen.open(pages.url("/"));
        assertTrue(pages.texts(By.cssSelector("a.ubin-tautan .ubin-judul")).containsAll(
                List.of("Sampaikan pengaduan", "Ajukan dan pantau izin", "Periksa keaslian izin")),
                pages.texts(By.cssSelector("a.ubin-tautan .ubin-judul")).toString());

        pages.navigatesTo("the permits tile", "/layanan/permits/",
                () -> citizen.driver().findElement(By.cssSelector("a.ubin-tautan[href='/layanan/permits/']")).click());
        assertTrue(pages.html().contains("Izin Penyelenggaraan Reklame"), "the sample permit type is listed");
        pages.screenshot("permits-types");
        pages.checked("permits-types");

        pages.navigatesTo("the fee simulation", "/layanan/permits/biaya",
                () -> citizen.driver().findElement(By.cssSelector("a[href='/layanan/permits/biaya?jenis=REKLAME']")).click());
        pages.visible(By.id("luas")).sendKeys("12");
        pages.visible(By.id("durasi")).sendKeys("6");
        new org.openqa.selenium.support.ui.Select(pages.visible(By.id("lokasi"))).selectByValue("protokol");
        pages.navigates("Hitung", () -> citizen.driver().findElement(SUBMIT).click());
        assertEquals("Rp 2.700.000", pages.visible(By.cssSelector(".panel-nomor")).getText().strip(),
                "12 m² × 6 months × Rp 25.000 × 1.5 (protokol), as the office computes it");
        pages.checked("permits-fee");
        citizen.open(pages.url("/layanan/permits/biaya?jenis=REKLAME&hitung=1&luas=1e1000000&durasi=6&lokasi=protokol"));
        assertEquals(422, pages.status(), "a huge quantity is refused, not computed");
        pages.checked("permits-fee-refused");

        citizen.open(pages.url("/layanan/permits/verifikasi?nomor=503%2F0000%2FTIDAK-ADA"));
        assertEquals(404, pages.status());
        assertTrue(pages.html().contains("Izin tidak ditemukan"), "an unknown permit number is said to be unknown");
        pages.checked("permits-verify-unknown");
        citizen.open(pages.url("/lacak?nomor=IZN-2000-ZZZZZZZZ"));
        assertEquals("/layanan/permits/lacak?nomor=IZN-2000-ZZZZZZZZ", pages.here(), "the portal sends IZN- numbers to permits");
        assertEquals(404, pages.status());
    }

    /** Logs in to the back office in the office browser. */
    private void officeLogin(Pages desk, String user) {
        office.open(desk.url("/kantor/masuk"));
        desk.visible(By.id("pengguna")).sendKeys(user);
        desk.visible(By.id("sandi")).sendKeys(PASSWORD);
        desk.navigatesTo("login of " + user, "/kantor/", () -> office.driver().findElement(SUBMIT).click());
    }

    /** Opens an action's fold on the report page, fills its fields (a file field takes a path) and sends it. */
    private void act(Pages desk, String action, Map<String, String> fields) {
        String form = "//form[input[@name='aksi' and @value='" + action + "']]";
        WebElement details = office.driver().findElement(By.xpath(form + "/ancestor::details"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        fields.forEach((name, value) -> {
            WebElement field = office.driver().findElement(By.xpath(form + "//*[@name='" + name + "']"));
            if (field.getTagName().equals("select")) {
                new org.openqa.selenium.support.ui.Select(field).selectByValue(value);
            } else {
                field.sendKeys(value);
            }
        });
        desk.navigatesTo(action, "/kantor/complaints/laporan",
                () -> office.driver().findElement(By.xpath(form + "//button[@type='submit']")).click());
        assertEquals(200, desk.status(), action + " was refused: " + desk.texts(By.cssSelector(".ringkasan-galat li")));
    }

    // ---- 7. modules come and go while the pages are served ----------------------------------------------------------

    @Test
    @Order(13)
    @DisplayName("7 live modules: uninstall takes the tile, pages and menu away; reinstall brings them back, with the data")
    void uninstallAndReinstallComplaints() throws Exception {
        assertNotNull(photoReport, "step 2 made no report to follow");
        String tracking = "/layanan/complaints/lacak?nomor=" + photoReport;
        String session = programLogin();
        assertTrue(http.get("/kantor/", session).body().contains("Kotak masuk pengaduan"));

        GapuraInstance.Shell uninstall = gapura.console("module:uninstall complaints");
        assertEquals(0, uninstall.exitStatus(), uninstall.output());
        long uninstalled = System.nanoTime();
        await("the complaints tile leaves /").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> !http.get("/", null).body().contains("href=\"/layanan/complaints/lapor\""));
        pages.figure("after module:uninstall returned, the tile was gone from / within "
                + Duration.ofNanos(System.nanoTime() - uninstalled).toMillis() + " ms");
        await("the complaints pages are gone").atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/layanan/complaints/lapor", null).statusCode() == 404
                        && http.get(tracking, null).statusCode() == 404);
        await("the complaints menu entries leave the back office").atMost(Duration.ofSeconds(10))
                .until(() -> !http.get("/kantor/", session).body().contains("Kotak masuk pengaduan"));

        citizen.open(pages.url("/"));
        assertFalse(pages.present(By.cssSelector(TILE)), "no complaints tile after uninstall");
        citizen.open(pages.url("/layanan/complaints/lapor"));
        assertEquals(404, pages.status());
        assertEquals("Halaman tidak ditemukan", pages.visible(By.tagName("h1")).getText().strip());
        assertEquals(REGION, pages.visible(By.cssSelector(".wilayah-nama")).getText().strip(), "in the layout");
        pages.screenshot("not-found");
        pages.checked("not-found");

        GapuraInstance.Shell install = gapura.console("module:install --force complaints");
        assertEquals(0, install.exitStatus(), install.output());
        GapuraInstance.Shell assign = gapura.console("complaints:liaison-assign " + LIAISON + " DLH");
        assertEquals(0, assign.exitStatus(), assign.output());
        long installed = System.nanoTime();
        await("the complaints tile is back on /").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get("/", null).body().contains("href=\"/layanan/complaints/lapor\""));
        pages.figure("after module:install returned, the tile was back on / within "
                + Duration.ofNanos(System.nanoTime() - installed).toMillis() + " ms");
        await("the earlier report's tracking page is back").atMost(Duration.ofSeconds(30))
                .until(() -> http.get(tracking, null).statusCode() == 200);
        await("the complaints menu entries are back in the back office").atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/kantor/", session).body().contains("Kotak masuk pengaduan"));

        citizen.open(pages.url("/"));
        assertTrue(pages.present(By.cssSelector(TILE)), "the tile is back");
        citizen.open(pages.url(tracking));
        assertTrackingPage(photoReport, photoReportDescription, null, "Dijawab instansi"); // answered in step 6b
        photoLoaded();
        pages.checked("tracking-after-reinstall");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void assertTrackingPage(String number, String description, String address, String status) {
        assertEquals(200, pages.status(), pages.here());
        String summary = pages.visible(By.cssSelector("dl.ringkas")).getText();
        assertTrue(summary.contains(number), summary);
        assertTrue(summary.contains(status), "the report's status, " + status + ": " + summary);
        if (address != null) {
            assertTrue(summary.contains(address), summary);
        }
        assertEquals(description, pages.visible(By.cssSelector(".uraian")).getText().strip());
        assertFalse(pages.texts(By.cssSelector(".garis-waktu li")).isEmpty(), "the timeline has the first entry");
    }

    /** The tracking page's photo, once the browser has it (scrolled to: the image loads lazily). */
    private WebElement photoLoaded() {
        WebElement image = pages.visible(By.cssSelector("img.foto"));
        citizen.script("arguments[0].scrollIntoView();", image);
        citizen.until("the photo has loaded", driver -> Boolean.TRUE.equals(citizen.script(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", image)));
        assertEquals(PHOTO_WIDTH, ((Number) citizen.script("return arguments[0].naturalWidth;", image)).intValue());
        assertEquals(PHOTO_HEIGHT, ((Number) citizen.script("return arguments[0].naturalHeight;", image)).intValue());
        assertFalse(image.getAttribute("alt").isBlank(), "the photo has a text alternative");
        return image;
    }

    /** On a desktop, the page's content starts where its header does and takes the same width (the layout's column). */
    private static void assertContentAlignedWithHeader(Pages page, String what) {
        Map<?, ?> edges = (Map<?, ?>) page.browser().script("const h = document.querySelector('.kepala-isi')"
                + ".getBoundingClientRect(), m = document.querySelector('main').getBoundingClientRect();"
                + " return {header: [Math.round(h.left), Math.round(h.width)], main: [Math.round(m.left), Math.round(m.width)]};");
        assertEquals(edges.get("header"), edges.get("main"), what + ": the content column [left, width] differs from"
                + " the header's");
    }

    private void assertNoPersonalData(String page, String... values) {
        String html = pages.html();
        for (String value : values) {
            assertFalse(html.contains(value), page + " shows the reporter's " + value);
        }
    }

    /** Nothing of the payloads ran or became markup: no flag, no element, no script or javascript: link from the data. */
    private void assertInert(String page) {
        assertEquals("undefined", citizen.script("return typeof window.__xss;"), page + ": a payload ran");
        assertEquals(0L, citizen.script("return Array.from(document.scripts).filter(s => !s.src"
                + " || s.textContent.includes('__xss')).length;"), page + ": a <script> from the data");
        assertEquals(0L, citizen.script("return document.querySelectorAll('img[src=\"x\"], [onerror]').length;"),
                page + ": an element from the data");
        assertEquals(0L, citizen.script("return Array.from(document.querySelectorAll('a[href]'))"
                + ".filter(a => !['http:', 'https:'].includes(a.protocol)).length;"), page + ": a non-http(s) link");
        assertEquals(List.of(), citizen.cspViolations(), page + ": the CSP had to block something");
    }

    /** The coordinator's active back-office sessions, as {@code token:list} shows them. */
    private long activeSessions() throws IOException {
        GapuraInstance.Shell list = gapura.console("token:list --user " + COORDINATOR + " --active --no-format");
        assertEquals(0, list.exitStatus(), list.output());
        long sessions = list.lines().stream().filter(line -> line.contains("back-office session")).count();
        pages.figure("token:list --user " + COORDINATOR + " --active: " + sessions + " back-office session(s)");
        return sessions;
    }

    /** A back-office session opened by a program (login form with its CSRF cookie and field); returns its cookie. */
    private String programLogin() throws IOException, InterruptedException {
        HttpResponse<String> loginPage = http.get("/kantor/masuk", null);
        String csrfCookie = "gapura_csrf=" + FormHttp.cookieValue(FormHttp.setCookie(loginPage, "gapura_csrf").orElseThrow());
        Map<String, String> login = new LinkedHashMap<>();
        login.put("_csrf", FormHttp.csrfField(loginPage.body()));
        login.put("pengguna", COORDINATOR);
        login.put("sandi", PASSWORD);
        HttpResponse<String> accepted = http.postForm("/kantor/masuk", login, csrfCookie);
        assertEquals(303, accepted.statusCode(), accepted.body());
        return "gapura_kantor=" + FormHttp.cookieValue(FormHttp.setCookie(accepted, "gapura_kantor").orElseThrow());
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x2e7d32));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(0x795548));
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IllegalStateException("no PNG writer in this JDK");
        }
        return out.toByteArray();
    }

    private static String suffix(int length) {
        String letters = "ABCDEFGHJKMNPQRSTVWXYZ";
        Random random = new Random();
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < length; i++) {
            suffix.append(letters.charAt(random.nextInt(letters.length())));
        }
        return suffix.toString();
    }
}
