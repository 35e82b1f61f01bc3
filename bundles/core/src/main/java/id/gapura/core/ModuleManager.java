package id.gapura.core;

import id.gapura.api.spi.ModuleStatus;
import org.osgi.framework.Version;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Administers the modules of this container: what the {@code module:} commands call. */
public interface ModuleManager {

    List<ModuleStatus> modules();

    Optional<ModuleDetails> details(String id);

    /**
     * What installing these modules would add to the container, at the versions {@link #install} would take,
     * and which of them no active agreement covers; changes nothing, records nothing.
     */
    InstallPlan plan(List<String> ids) throws ModuleOperationException;

    /** Every module id of the catalog with the (bundle) versions this distribution has, newest first. */
    Map<String, List<Version>> availableVersions();

    /** The modules installed in this container (serving or not) and their versions. */
    Map<String, Version> installedVersions();

    /** {@link #install(List, Map, Uncovered, String, String)} of the newest versions the agreements allow. */
    default List<Outcome> install(List<String> ids, String actor) throws ModuleOperationException {
        return install(ids, Map.of(), Uncovered.REFUSE, actor, "");
    }

    /**
     * Installs the modules and waits until each serves its REST API, then records them as desired; if one
     * does not serve, all of them are uninstalled again. Bundles of the platform and of other modules are
     * neither refreshed nor restarted. Every outcome, refusals included, is recorded in the audit log.
     * <p>
     * The region's cooperation agreements decide first: a module is installed when an active agreement covers
     * it, at the version asked for if they allow it, otherwise at the newest version they allow. What happens to
     * a module they do not cover (or not at that version) is {@code uncovered}'s to say.
     *
     * @param versions  the version to install of some of the modules; for the others the newest the agreements
     *                  allow (the newest available, when an override installs an uncovered module)
     * @param uncovered what to do when the agreements do not allow a module
     * @param actor     who asks, for the desired state and the audit log
     * @param note      why, appended to the audit entry (e.g. which agreement); may be empty
     */
    List<Outcome> install(List<String> ids, Map<String, Version> versions, Uncovered uncovered, String actor,
                          String note) throws ModuleOperationException;

    default List<Outcome> uninstall(List<String> ids, String actor) throws ModuleOperationException {
        return uninstall(ids, actor, "");
    }

    /** Uninstalls the modules; their tables and rows stay in the database. Recorded in the audit log. */
    List<Outcome> uninstall(List<String> ids, String actor, String note) throws ModuleOperationException;

    /** Makes the module versions in a KAR file available (adds its features repository); installs nothing. */
    void addKar(Path kar) throws ModuleOperationException;

    /**
     * Upgrades an installed module in place to a newer version available in the distribution's repositories
     * (or added with {@link #addKar}). The old version is stopped, the module's tables are
     * copied aside, the new version is installed and migrates them; if it does not resolve, fails to migrate
     * or does not serve, it is removed, the tables are put back exactly as they were and the old version is
     * installed again. Other bundles are neither refreshed nor restarted. Audited.
     *
     * <p>
     * As for {@link #install}, the agreements decide first: the version must lie within the range of an active
     * agreement covering the module, unless {@code uncovered} overrides that.
     *
     * @param version the version to upgrade to; when empty, the newest available that the agreements allow
     *                (the newest available, when none does)
     * @param note    recorded with the audit entry, e.g. where the version came from
     */
    UpgradeOutcome upgrade(String id, Optional<Version> version, Uncovered uncovered, String actor, String note)
            throws ModuleOperationException;

    /**
     * Writes all the module's data to a ZIP file ({@code manifest.json} and one CSV file per table), installed or
     * not. Audited.
     */
    Export export(String id, Path file, String actor) throws ModuleOperationException;

    /**
     * Deletes every table of an uninstalled module, its migration history included, after exporting them to a
     * file in the folder. Audited. A later install starts with empty tables.
     */
    Export purge(String id, Path exportFolder, String actor) throws ModuleOperationException;

    /**
     * Installs every module the region wants (the desired state in the database) that is not installed,
     * as after {@code bin/karaf clean} or on a new node: at the version it had, or a newer one the container
     * has (migrations go forward), never an older one. A module whose version is not available (yet) is left
     * out, and installed by a later call once its KAR is deployed. A module the agreements no longer cover is
     * installed all the same ({@link Uncovered#RESTORE}), and its audit entry says so.
     */
    List<Outcome> converge(String actor) throws ModuleOperationException;

    /**
     * What installs a module that no active cooperation agreement covers, or a version outside what they allow.
     */
    enum Uncovered {
        /** Refuse the request: nothing is installed, and each module refused is recorded in the audit log. */
        REFUSE,
        /** Install anyway ({@code --force}); the audit entry names the refusal that was overridden. */
        FORCE,
        /**
         * Install anyway, because the region's desired state has the module: an earlier, audited decision put it
         * there, and an agreement that expired since switches nothing off. The audit entry names the refusal.
         */
        RESTORE
    }

    /**
     * @param elapsed              from the start of the operation until the module served (or was gone)
     * @param otherBundlesDisturbed bundles outside the operation that were stopped, refreshed or updated meanwhile
     * @param overridden           why the agreements would have refused the module, when an override installed it
     */
    record Outcome(String id, String version, Duration elapsed, int otherBundlesDisturbed,
                   Optional<String> overridden) {
    }

    /**
     * @param rowsBefore rows per table before the upgrade
     * @param rowsAfter  rows per table after the upgrade (or after the rollback)
     */
    record UpgradeOutcome(String id, String fromVersion, String toVersion, String schemaBefore, String schemaAfter,
                          Duration elapsed, Map<String, Long> rowsBefore, Map<String, Long> rowsAfter,
                          int otherBundlesDisturbed) {
    }

    record Export(String id, String version, String schemaVersion, Path file, Map<String, Long> rows) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** @param uncovered why the agreements refuse each module they do not allow, in the order asked */
    record InstallPlan(List<String> features, List<String> bundlesToInstall, List<String> uncovered) {
    }

    record ModuleDetails(ModuleStatus status, String feature, List<BundleLine> bundles, List<String> tables) {
    }

    record BundleLine(long id, String symbolicName, String version, String state) {
    }
}
