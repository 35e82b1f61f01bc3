package id.gapura.core;

import id.gapura.api.ModuleStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Administers the modules of this container: what the {@code module:} commands call. */
public interface ModuleManager {

    List<ModuleStatus> modules();

    Optional<ModuleDetails> details(String id);

    /** What installing these modules would add to the container, without changing anything. */
    InstallPlan plan(List<String> ids) throws ModuleOperationException;

    /**
     * Installs the modules and waits until each serves its REST API, then records them as desired.
     * Bundles of the platform and of other modules are neither refreshed nor restarted.
     */
    List<Outcome> install(List<String> ids, String actor) throws ModuleOperationException;

    /** Uninstalls the modules; their tables and rows stay in the database. */
    List<Outcome> uninstall(List<String> ids, String actor) throws ModuleOperationException;

    /**
     * Installs every module the region wants (the desired state in the database) that is not installed,
     * as after {@code bin/karaf clean} or on a new node.
     */
    List<Outcome> converge(String actor) throws ModuleOperationException;

    /**
     * @param elapsed              from the start of the operation until the module served (or was gone)
     * @param otherBundlesDisturbed bundles outside the operation that were stopped, refreshed or updated meanwhile
     */
    record Outcome(String id, String version, Duration elapsed, int otherBundlesDisturbed) {
    }

    record InstallPlan(List<String> features, List<String> bundlesToInstall) {
    }

    record ModuleDetails(ModuleStatus status, String feature, List<BundleLine> bundles, List<String> tables) {
    }

    record BundleLine(long id, String symbolicName, String version, String state) {
    }
}
