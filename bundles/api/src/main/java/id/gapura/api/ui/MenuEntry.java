package id.gapura.api.ui;

import java.util.Objects;
import java.util.Set;

/**
 * An entry of the back office's menu.
 *
 * @param page     the officer page it leads to, below the module's page root ({@code /kotak-masuk})
 * @param labelKey message key of its label
 * @param roles    the realm roles that see it (any one of them); the page itself must require the same
 */
public record MenuEntry(String page, String labelKey, Set<String> roles) {

    public MenuEntry {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(labelKey, "labelKey");
        roles = Set.copyOf(roles);
        if (!page.startsWith("/")) {
            throw new IllegalArgumentException("A menu entry's page starts with '/': " + page);
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A menu entry names the roles that see it: " + page);
        }
    }
}
