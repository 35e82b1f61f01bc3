package id.gapura.web.internal;

import org.osgi.service.component.annotations.Component;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The resource methods the default application serves now. The whiteboard rebuilds the application whenever a
 * resource or extension comes or goes, and each build has its own {@link EndpointRecorder}, which reports here
 * what that build deployed and withdraws it when the build is replaced.
 */
@Component(service = EndpointCatalog.class)
public class EndpointCatalog {

    private final Map<Object, Set<Endpoint>> byBuild = new ConcurrentHashMap<>();
    private final Map<Object, Set<Resource>> resourcesByBuild = new ConcurrentHashMap<>();

    /** A resource class as deployed in the application at {@code base} (e.g. {@code /api/permits}). */
    public record Resource(String base, Class<?> type) {
    }

    void add(Object build, Endpoint endpoint) {
        byBuild.computeIfAbsent(build, key -> ConcurrentHashMap.newKeySet()).add(endpoint);
    }

    void add(Object build, String base, Class<?> resourceClass, Method method) {
        add(build, Endpoint.of(base, resourceClass, method));
        resourcesByBuild.computeIfAbsent(build, key -> ConcurrentHashMap.newKeySet())
                .add(new Resource(base, resourceClass != null ? resourceClass : method.getDeclaringClass()));
    }

    void withdraw(Object build) {
        byBuild.remove(build);
        resourcesByBuild.remove(build);
    }

    /** Every resource class deployed, with the base path of its application, for the OpenAPI description. */
    public Set<Resource> resources() {
        return resourcesByBuild.values().stream().flatMap(Collection::stream).collect(Collectors.toSet());
    }

    /** Every endpoint deployed, sorted by path and method. */
    public List<Endpoint> endpoints() {
        return byBuild.values().stream().flatMap(Collection::stream).distinct().sorted(Endpoint.ORDER).toList();
    }
}
