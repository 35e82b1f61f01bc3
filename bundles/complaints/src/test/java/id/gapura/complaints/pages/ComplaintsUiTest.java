package id.gapura.complaints.pages;

import id.gapura.api.ui.MenuEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Each menu entry is seen by exactly the roles its page admits (the page's DS properties, as bnd wrote them). */
class ComplaintsUiTest {

    private static final Map<String, String> PAGES = Map.of(ComplaintsUi.INBOX, "InboxPage",
            ComplaintsUi.DISPOSITIONS, "DispositionsPage", ComplaintsUi.STATISTICS, "StatisticsPage");

    @Test
    void everyMenuEntryMatchesItsPagesRoles() throws IOException {
        for (MenuEntry entry : new ComplaintsUi().menu()) {
            String page = PAGES.get(entry.page());
            assertNotNull(page, "a page for " + entry.page());
            assertEquals(roles(page), entry.roles(), entry.page());
        }
        assertEquals(PAGES.size(), new ComplaintsUi().menu().size());
    }

    @Test
    void theReportPageAdmitsEveryOfficerRole() throws IOException {
        assertEquals(Set.of("complaints-coordinator", "complaints-liaison", "complaints-viewer"),
                roles("OfficerReportPage"));
    }

    private static Set<String> roles(String page) throws IOException {
        try (InputStream in = ComplaintsUiTest.class.getResourceAsStream(
                "/OSGI-INF/id.gapura.complaints.pages." + page + ".xml")) {
            assertNotNull(in, "bnd's component description of " + page);
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher roles = Pattern.compile("<property name=\"gapura.page.roles\" type=\"String\"(?: value=\"([^\"]*)\"/>|>([^<]*)</property>)")
                    .matcher(xml);
            assertEquals(true, roles.find(), xml);
            String values = roles.group(1) != null ? roles.group(1) : roles.group(2);
            return Arrays.stream(values.split("\n")).map(String::strip).filter(v -> !v.isEmpty())
                    .collect(Collectors.toSet());
        }
    }
}
