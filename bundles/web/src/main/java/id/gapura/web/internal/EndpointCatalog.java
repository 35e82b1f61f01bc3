package id.gapura.web.internal;

import org.osgi.service.component.annotations.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource methods the default application serves now. The whiteboard rebuilds the application whenever a
 * resource or extension comes or goes, and each build has its own {@link EndpointRecorder}, which reports here
 * what that build deployed and withdraws it when the build is replaced.
 */
@Component(service = EndpointCatalog.class)
public class EndpointCatalog {

    private final Map<Object, Set<Endpoint>> byBuild = new ConcurrentHashMap<>();

    void add(Object build, Endpoint endpoint) {
        byBuild.computeIfAbsent(build, key -> ConcurrentHashMap.newKeySet()).add(endpoint);
    }

    void withdraw(Object build) {
        byBuild.remove(build);
    }

    /** Every endpoint deployed, sorted by path and method. */
    public List<Endpoint> endpoints() {
        return byBuild.values().stream().flatMap(Collection::stream).distinct().sorted(Endpoint.ORDER).toList();
    }
}
