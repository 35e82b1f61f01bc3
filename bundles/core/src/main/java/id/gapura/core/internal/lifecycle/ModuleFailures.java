package id.gapura.core.internal.lifecycle;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Why the last install or upgrade of a module failed, until one succeeds: what {@code module:list} shows. */
final class ModuleFailures {

    private final Map<String, String> byId = new ConcurrentHashMap<>();

    void failed(String id, String reason) {
        byId.put(id, reason);
    }

    void cleared(String id) {
        byId.remove(id);
    }

    Optional<String> of(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
