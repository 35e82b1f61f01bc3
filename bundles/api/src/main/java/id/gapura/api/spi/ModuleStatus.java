package id.gapura.api.spi;

import id.gapura.api.Health;
import java.util.Optional;

/**
 * One catalog entry as it stands now.
 *
 * @param descriptor what the module is (of the installed version when installed, else of the newest available)
 * @param state      available, installed or failed
 * @param health     the module's own health when installed; empty otherwise
 * @param failure    why it failed, when {@code state} is {@link ModuleState#FAILED}
 */
public record ModuleStatus(ModuleDescriptor descriptor, ModuleState state, Optional<Health> health,
                           Optional<String> failure) {

    public boolean installed() {
        return state != ModuleState.AVAILABLE;
    }

    /** The module's own health when it serves; down with the failure when it is installed but not serving. */
    public Health currentHealth() {
        return health.orElseGet(() -> Health.down(failure.orElse("not serving")));
    }
}
