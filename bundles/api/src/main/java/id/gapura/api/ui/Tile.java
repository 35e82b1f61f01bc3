package id.gapura.api.ui;

import java.util.Objects;

/**
 * A citizen service on the portal.
 *
 * @param page     the citizen page it leads to, below the module's page root ({@code /lapor})
 * @param titleKey message key of its title (a few words)
 * @param textKey  message key of one sentence saying what the citizen can do there
 * @param icon     name of one of the platform's icons (see the developer's guide), or a path below the module's
 *                 {@code ui/static/} ending in {@code .svg}
 * @param keywordsKey message key of search words (comma-separated, both languages welcome), or {@code null}
 */
public record Tile(String page, String titleKey, String textKey, String icon, String keywordsKey) {

    public Tile {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(titleKey, "titleKey");
        Objects.requireNonNull(textKey, "textKey");
        Objects.requireNonNull(icon, "icon");
        if (!page.startsWith("/")) {
            throw new IllegalArgumentException("A tile's page starts with '/': " + page);
        }
    }
}
