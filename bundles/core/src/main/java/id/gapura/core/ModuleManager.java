package id.gapura.core;

import id.gapura.api.ModuleStatus;
import org.osgi.framework.Version;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Administers the modules of this container: what the {@code module:} commands call. */
public interface ModuleManager {

    List<ModuleStatus> modules();

    Optional<ModuleDetails> details(String id);

    /** What installing these modules would add to the container, without changing anything. */
    InstallPlan plan(List<String> ids) throws ModuleOperationException;

    /** Every module id of the catalog with the (bundle) versions this distribution has, newest first. */
    Map<String, List<Version>> availableVersions();

    /** The modules installed in this container (serving or not) and their versions. */
    Map<String, Version> installedVersions();

    /** {@link #install(List, Map, String, String)} of the newest versions. */
    default List<Outcome> install(List<String> ids, String actor) throws ModuleOperationException {
        return install(ids, Map.of(), actor, "");
    }

    /**
     * Installs the modules and waits until each serves its REST API, then records them as desired; if one
     * does not serve, all of them are uninstalled again. Bundles of the platform and of other modules are
     * neither refreshed nor restarted. Every outcome, refusals included, is recorded in the audit log.
     *
     * @param versions the version to install of some of the modules; the newest for the others
     * @param actor    who asks, for the desired state and the audit log
     * @param note     why, appended to the audit entry (e.g. forced, or which agreement); may be empty
     */
    List<Outcome> install(List<String> ids, Map<String, Version> versions, String actor, String note)
            throws ModuleOperationException;

    default List<Outcome> uninstall(List<String> ids, String actor) throws ModuleOperationException {
        return uninstall(ids, actor, "");
    }

    /** Uninstalls the modules; their tables and rows stay in the database. Recorded in the audit log. */
    List<Outcome> uninstall(List<String> ids, String actor, String note) throws ModuleOperationException;

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
