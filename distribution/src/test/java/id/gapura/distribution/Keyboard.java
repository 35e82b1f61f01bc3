package id.gapura.distribution;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A keyboard-only user of a {@link Browser}: Tab (and Shift+Tab) through the page, Enter and Space on what has the
 * focus, and a check that the focus can be seen (WCAG 2.4.7). Keys go to the page as a person's would, through
 * WebDriver's actions, never as clicks or scripts.
 */
final class Keyboard {

    /** More Tabs than any page of Gapura should need to reach anything: beyond, the focus order is the problem. */
    static final int MAX_TABS = 60;

    private static final String DESCRIBE = "const e = document.activeElement;"
            + " if (!e || e === document.body) return '(nothing: the page itself)';"
            + " const label = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().slice(0, 40);"
            + " return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (label ? ' \"' + label + '\"' : '');";
    private static final String FOCUS_STYLE = "const e = document.activeElement, s = getComputedStyle(e);"
            + " return {element: arguments[0], outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth,"
            + " boxShadow: s.boxShadow, visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
            + " || (s.boxShadow !== 'none' && s.boxShadow !== '')};";

    /** Longer than any focus-style transition should take. */
    static final Duration FOCUS_TRANSITION = Duration.ofSeconds(2);

    private final Browser browser;

    Keyboard(Browser browser) {
        this.browser = browser;
    }

    /** Presses Tab until the element has the focus; fails naming every element the focus went through. */
    Keyboard tabTo(By locator) {
        WebElement target = browser.visible(locator);
        List<String> path = new ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            if (target.equals(browser.driver().switchTo().activeElement())) {
                return this;
            }
            press(Keys.TAB);
            path.add(focused());
        }
        return fail("Pressed Tab " + MAX_TABS + " times and " + locator + " never had the focus; it went through: "
                + String.join(" > ", path));
    }

    Keyboard tab() {
        return press(Keys.TAB);
    }

    Keyboard shiftTab() {
        new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        return this;
    }

    Keyboard enter() {
        return press(Keys.ENTER);
    }

    Keyboard space() {
        return press(Keys.SPACE);
    }

    Keyboard press(CharSequence keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
        return this;
    }

    /** What has the focus, as a person would name it: tag, id and label. */
    String focused() {
        return (String) browser.script(DESCRIBE);
    }

    /**
     * Fails unless the focused element shows its focus: a non-none outline of some width, or a box-shadow. Waits a
     * moment for it, since a focus style may come with a CSS transition.
     */
    Keyboard assertFocusVisible() {
        String element = focused();
        try {
            browser.until("the focus on " + element + " is visible (outline or box-shadow)", FOCUS_TRANSITION,
                    focusVisible(element));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("The focus on " + element + " cannot be seen: " + browser.script(FOCUS_STYLE, element));
        }
        return this;
    }

    private ExpectedCondition<Boolean> focusVisible(String element) {
        return driver -> Boolean.TRUE.equals(((Map<?, ?>) browser.script(FOCUS_STYLE, element)).get("visible"));
    }
}
