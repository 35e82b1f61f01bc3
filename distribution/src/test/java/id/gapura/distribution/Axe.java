package id.gapura.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * axe-core, injected into the page a {@link Browser} shows and run there against the WCAG 2.2 AA rules. The script is
 * the one npm installed from {@code src/test/browser/package-lock.json} (version and integrity hash pinned there);
 * the Maven build puts it in target/browser and tells the tests where ({@code gapura.axe}).
 */
final class Axe {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final Path SCRIPT = Path.of(System.getProperty("gapura.axe", "target/browser/node_modules/axe-core/axe.min.js"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "const done = arguments[arguments.length - 1];"
            + " axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            + " .then(r => done(JSON.stringify({url: r.url, version: r.testEngine.version, passes: r.passes.length,"
            + " violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,"
            + " targets: v.nodes.map(n => n.target.join(' '))}))})))"
            + " .catch(e => done(JSON.stringify({error: String(e && e.stack || e)})));";

    private Axe() {
    }

    record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {

        boolean seriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + "; " + helpUrl + "; on " + String.join(", ", targets);
        }
    }

    /** What axe found on one page: the rules that failed and how many passed (0 passed would mean nothing was checked). */
    record Result(String url, String axeVersion, int passedRules, List<Violation> violations) {

        List<Violation> seriousOrCritical() {
            return violations.stream().filter(Violation::seriousOrCritical).toList();
        }

        void assertNoSeriousViolations() {
            List<Violation> serious = seriousOrCritical();
            if (!serious.isEmpty()) {
                fail(serious.size() + " serious or critical accessibility violation(s) (axe-core " + axeVersion + ", "
                        + String.join(", ", TAGS) + ") on " + url + ":\n" + serious.stream().map(v -> "  - " + v)
                        .collect(Collectors.joining("\n")));
            }
        }

        @Override
        public String toString() {
            String page = url.startsWith("data:") ? "a data: URL" : url;
            return "axe-core " + axeVersion + " on " + page + ": " + passedRules + " rules passed, " + violations.size()
                    + " violated (" + seriousOrCritical().size() + " serious or critical)"
                    + violations.stream().map(v -> "\n  - " + v).collect(Collectors.joining());
        }
    }

    static Result run(Browser browser) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object';"))) {
            browser.script(source());
        }
        String answer = (String) browser.asyncScript(RUN, TAGS);
        try {
            JsonNode json = JSON.readTree(answer);
            if (json.has("error")) {
                throw new IllegalStateException("axe-core failed on " + browser.driver().getCurrentUrl() + ": "
                        + json.get("error").asText());
            }
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : json.get("violations")) {
                List<String> targets = new ArrayList<>();
                v.get("targets").forEach(target -> targets.add(target.asText()));
                violations.add(new Violation(v.get("id").asText(), v.path("impact").asText("unknown"),
                        v.get("help").asText(), v.get("helpUrl").asText(), List.copyOf(targets)));
            }
            return new Result(json.get("url").asText(), json.get("version").asText(), json.get("passes").asInt(),
                    List.copyOf(violations));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core's answer is not JSON: " + answer, e);
        }
    }

    private static String source() {
        if (!Files.isReadable(SCRIPT)) {
            throw new IllegalStateException("No axe-core at " + SCRIPT + ": run the browser tests through Maven"
                    + " (mvn -B install, or -Dit.test=...), whose npm ci installs it into distribution/target/browser");
        }
        try {
            return Files.readString(SCRIPT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
