package id.gapura.core.internal.lifecycle;

import id.gapura.api.GapuraModule;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The modules whose {@link GapuraModule} service is registered now, by id. */
final class ServingModules {

    private final Map<String, GapuraModule> byId = new ConcurrentHashMap<>();

    void add(GapuraModule module) {
        byId.put(module.id(), module);
    }

    void remove(GapuraModule module) {
        byId.remove(module.id(), module);
    }

    Optional<GapuraModule> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
