package id.gapura.web.pages;

import id.gapura.api.FieldError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {

    private final ModuleUi platform = new ModuleUi(FolderBundle.of(1, Path.of("src/main/resources")));
    private final ModuleUi module = new ModuleUi(FolderBundle.of(2, Path.of("src/test/resources/module")));
    private final Templates templates = new Templates(platform);

    private String form(Map<String, Object> model) throws Exception {
        return templates.render(module, "form.ftlh", model, Languages.INDONESIAN);
    }

    @Test
    void everyValueIsEscapedAndTheCsrfTokenIsInTheForm() throws Exception {
        String html = form(Map.of("name", "<script>alert(1)</script>", "link", "/x",
                "description", "\" onerror=\"alert(2)", "csrf", "token-1"));
        assertTrue(html.contains("Halo, &lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&quot; onerror=&quot;alert(2)"), html);
        assertTrue(html.contains("name=\"_csrf\" value=\"token-1\""), html);
    }

    @Test
    void onlyHttpAndSitePathsBecomeLinks() throws Exception {
        for (String url : List.of("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example",
                "vbscript:x")) {
            assertTrue(form(Map.of("name", "n", "link", url, "description", "", "csrf", "c"))
                    .contains("href=\"#\""), url);
        }
        assertTrue(form(Map.of("name", "n", "link", "https://peta.example/a?b=1&c=2", "description", "", "csrf", "c"))
                .contains("href=\"https://peta.example/a?b=1&amp;c=2\""));
    }

    @Test
    void messagesFollowTheLanguageAndFallBackToIndonesian() {
        assertEquals("Hello, Ani", module.message(Languages.ENGLISH, "greeting", "Ani").orElseThrow());
        assertEquals("Halaman uji", module.message(Languages.ENGLISH, "page.title").orElseThrow());
        assertTrue(module.message(Languages.ENGLISH, "missing").isEmpty());
    }

    @Test
    void aFieldWithAnErrorSaysSoAndIsMarkedInvalid() throws Exception {
        String html = form(Map.of("name", "n", "link", "/", "description", "", "csrf", "c",
                "errors", List.of(new FieldError("description", "pages.login.noUser"))));
        assertTrue(html.contains("aria-invalid=\"true\""), html);
        assertTrue(html.contains("Masukkan nama pengguna"), html);
    }

    @Test
    void aTemplateCannotCreateJavaObjects() {
        ModuleUi evil = new ModuleUi(FolderBundle.of(3, Path.of("src/test/resources/evil")));
        assertThrows(evil);
    }

    private void assertThrows(ModuleUi evil) {
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> templates.render(evil, "new.ftlh", Map.of(), Languages.INDONESIAN));
    }
}
