package id.gapura.web.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The HTTP methods that answer at a path: those of every deployed endpoint whose template matches it, with HEAD
 * where there is GET (JAX-RS answers HEAD with GET) and OPTIONS. CXF's own {@code Allow} lists every method of
 * the resource class, whatever the path, so that a client told "DELETE" gets 405 for it.
 */
final class AllowedMethods {

    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern NEVER = Pattern.compile("(?!)");
    private static final Map<String, Pattern> TEMPLATES = new ConcurrentHashMap<>();

    private AllowedMethods() {
    }

    /** The methods allowed at any of these paths (the same request seen whole and relative to its application);
     * empty when no endpoint is there. */
    static Set<String> at(Collection<Endpoint> endpoints, Collection<String> paths) {
        Set<String> found = new LinkedHashSet<>();
        for (Endpoint endpoint : endpoints) {
            if (!"*".equals(endpoint.method()) && paths.stream().anyMatch(path -> matches(endpoint.path(), path))) {
                found.add(endpoint.method());
            }
        }
        if (found.isEmpty()) {
            return found;
        }
        if (found.contains("GET")) {
            found.add("HEAD");
        }
        found.add("OPTIONS");
        Set<String> sorted = new LinkedHashSet<>();
        ORDER.stream().filter(found::contains).forEach(sorted::add);
        found.stream().filter(method -> !ORDER.contains(method)).sorted().forEach(sorted::add);
        return sorted;
    }

    static boolean matches(String template, String path) {
        String normalized = ("/" + path).replaceAll("/{2,}", "/");
        return TEMPLATES.computeIfAbsent(template, AllowedMethods::regex).matcher(normalized).matches();
    }

    /** A JAX-RS path template as a regular expression: {@code {name}} is one segment, {@code {name: re}} is re. */
    static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.charAt(i) == '{') {
                int depth = 1;
                int j = i + 1;
                while (j < template.length() && depth > 0) {
                    char c = template.charAt(j);
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    j++;
                }
                String variable = template.substring(i + 1, Math.max(i + 1, j - 1));
                int colon = variable.indexOf(':');
                regex.append('(').append(colon < 0 ? "[^/]+?" : variable.substring(colon + 1).strip()).append(')');
                i = j;
            } else {
                int next = template.indexOf('{', i);
                next = next < 0 ? template.length() : next;
                regex.append(Pattern.quote(template.substring(i, next)));
                i = next;
            }
        }
        try {
            return Pattern.compile(regex + "/?");
        } catch (PatternSyntaxException e) {
            return NEVER;
        }
    }
}
