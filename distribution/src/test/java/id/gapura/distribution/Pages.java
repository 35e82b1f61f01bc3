package id.gapura.distribution;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every page of a browser journey is checked for, and the waits between its pages: a small helper over a
 * {@link Browser} for the end-to-end tests of the pages ({@code PortalIT}). Each check prints its figures with the
 * prefix {@value #PREFIX} and keeps them for the summary at the end of the class.
 */
final class Pages {

    static final String PREFIX = "[portal-it]";

    private final Browser browser;
    private final String base;
    private final List<String> figures;

    Pages(Browser browser, String base, List<String> figures) {
        this.browser = browser;
        this.base = base;
        this.figures = figures;
    }

    Browser browser() {
        return browser;
    }

    String url(String path) {
        return base + path;
    }

    /** The current page's path and query, without scheme, host and port. */
    String here() {
        URI uri = URI.create(browser.driver().getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The HTTP status the current document was answered with (Navigation Timing's responseStatus; -1 if unknown). */
    int status() {
        Object status = browser.script("const n = performance.getEntriesByType('navigation')[0];"
                + " return n && typeof n.responseStatus === 'number' ? n.responseStatus : -1;");
        return ((Number) status).intValue();
    }

    /**
     * Runs what leads to another page (a click, Enter on a button) and waits until a new document has loaded in
     * place of the current one: the old one is marked, so a form answered with the same URL is noticed too.
     */
    void navigates(String what, Runnable action) {
        browser.script("window.__gapuraOldPage = true;");
        action.run();
        browser.until(what + " has loaded a new page", driver -> Boolean.TRUE.equals(browser.script(
                "const n = performance.getEntriesByType('navigation')[0];"
                        + " return window.__gapuraOldPage === undefined && document.readyState === 'complete'"
                        + " && (!n || n.loadEventEnd > 0);")));
    }

    /** Waits for the new page and checks it is the one expected (its path starts so). */
    void navigatesTo(String what, String pathPrefix, Runnable action) {
        navigates(what, action);
        assertTrue(here().startsWith(pathPrefix), what + " should lead to " + pathPrefix + ", not " + here());
    }

    /**
     * The checks of every page: axe-core finds no serious or critical WCAG 2.2 AA violation, and the page's
     * Content-Security-Policy blocked nothing. Prints and keeps the figures under {@code name}.
     */
    Axe.Result checked(String name) {
        Axe.Result result = browser.axe();
        List<String> csp = browser.cspViolations();
        String line = String.format("%s axe %s (%s, HTTP %d): %d rules passed, %d violated, %d serious or critical;"
                        + " CSP violations: %d%s", PREFIX, name, here(), status(), result.passedRules(),
                result.violations().size(), result.seriousOrCritical().size(), csp.size(),
                result.violations().isEmpty() ? "" : "; " + result.violations());
        System.out.println(line);
        figures.add(line);
        assertTrue(result.passedRules() > 0, "axe checked nothing on " + name + ": " + result);
        result.assertNoSeriousViolations();
        assertEquals(List.of(), csp, "the Content-Security-Policy blocked something on " + name);
        return result;
    }

    Path screenshot(String name) throws IOException {
        Path file = browser.screenshot(name);
        String line = PREFIX + " screenshot " + name + ": " + file;
        System.out.println(line);
        figures.add(line);
        return file;
    }

    void figure(String line) {
        System.out.println(PREFIX + " " + line);
        figures.add(PREFIX + " " + line);
    }

    WebElement visible(By locator) {
        return browser.visible(locator);
    }

    /** The visible texts of the elements that match, in document order. */
    List<String> texts(By locator) {
        List<String> texts = new ArrayList<>();
        for (WebElement element : browser.driver().findElements(locator)) {
            texts.add(element.getText().strip());
        }
        return texts;
    }

    boolean present(By locator) {
        return !browser.driver().findElements(locator).isEmpty();
    }

    String html() {
        return browser.driver().getPageSource();
    }
}
