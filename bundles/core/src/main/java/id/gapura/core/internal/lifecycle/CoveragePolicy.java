package id.gapura.core.internal.lifecycle;

import id.gapura.api.AuditOutcome;
import id.gapura.core.ModuleManager.Uncovered;
import id.gapura.core.ModuleOperationException;
import id.gapura.core.agreement.Coverage;
import id.gapura.core.agreement.Coverage.InstallDecision;
import org.osgi.framework.Version;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the region's active cooperation agreements let a module be installed or upgraded, and at which
 * version; what an override ({@code --force}, the desired state) does instead of a refusal; and the audit entry
 * of a refusal. Every caller of the lifecycle gets this one policy.
 */
final class CoveragePolicy {

    private final Supplier<Coverage> coverage;
    private final ModuleCatalogService catalog;
    private final LifecycleAudit audit;

    CoveragePolicy(Supplier<Coverage> coverage, ModuleCatalogService catalog, LifecycleAudit audit) {
        this.coverage = coverage;
        this.catalog = catalog;
        this.audit = audit;
    }

    /**
     * What the agreements say about an install request.
     *
     * @param versions  the version to install of each module: as asked, else the newest the agreements allow
     * @param refusals  why not, by module id, for the modules the agreements do not allow, in the order asked
     * @param notes     by module id, the audit note of a module an override installs anyway: the caller's note,
     *                  the override and why
     */
    record Admission(Map<String, Version> versions, Map<String, String> refusals, Map<String, String> notes) {
        String reason() {
            return String.join(" ", refusals.values());
        }
    }

    /**
     * The decision for each module asked for that the catalog has and that is not installed; unknown and
     * installed modules are left to the installer, which refuses them with its own reason.
     */
    Admission decideInstall(List<String> ids, Map<String, Version> asked) {
        Map<String, List<Version>> available = catalog.availableVersions();
        Map<String, Version> installed = catalog.installedVersions();
        Map<String, Version> versions = new LinkedHashMap<>(asked);
        Map<String, String> refusals = new LinkedHashMap<>();
        Coverage today = null;
        for (String id : new LinkedHashSet<>(ids)) {
            if (!available.containsKey(id) || installed.containsKey(id)) {
                continue;
            }
            today = today == null ? coverage.get() : today;
            Version version = asked.get(id);
            InstallDecision decision = version == null ? today.decideInstall(id, available.get(id))
                    : today.decideInstall(id, version);
            if (decision.allowed()) {
                versions.put(id, decision.version().orElseThrow());
            } else {
                refusals.put(id, decision.refusal().orElseThrow());
            }
        }
        return new Admission(versions, refusals, Map.of());
    }

    /**
     * The install request as the agreements and the override let it go ahead: refused (each module refused is
     * audited with its reason, and nothing changes), or with the override and its reason in the note of each
     * module it installs anyway.
     */
    Admission admitInstall(List<String> ids, Map<String, Version> asked, Uncovered uncovered, String actor,
                           String note) throws ModuleOperationException {
        Admission admission = decideInstall(ids, asked);
        if (admission.refusals().isEmpty()) {
            return admission;
        }
        if (uncovered == Uncovered.REFUSE) {
            admission.refusals().forEach((id, reason) -> audit.record(actor, "module.install", id, id,
                    AuditOutcome.REFUSED, reason + " Not installed: no --force."));
            throw new ModuleOperationException(admission.reason() + " Import the agreement that covers it and run "
                    + "agreement:apply, or install anyway with --force (recorded in the audit log). Nothing was changed.");
        }
        Map<String, String> notes = new LinkedHashMap<>();
        admission.refusals().forEach((id, reason) -> notes.put(id, overridden(note, uncovered, reason)));
        return new Admission(admission.versions(), admission.refusals(), notes);
    }

    /** @param version the version to upgrade to, empty to leave it to the upgrader (which then refuses) */
    record UpgradeAdmission(Optional<Version> version, String note) {
    }

    /**
     * The version to upgrade an installed module to, as the agreements and the override let it go ahead: as asked
     * when the module is not installed (the upgrader refuses that with its own reason); the installed version
     * when there is no newer one (the upgrader says it is at the newest).
     */
    UpgradeAdmission admitUpgrade(String id, Optional<Version> asked, Uncovered uncovered, String actor, String note)
            throws ModuleOperationException {
        Version installed = catalog.installedVersions().get(id);
        if (installed == null) {
            return new UpgradeAdmission(asked, note);
        }
        InstallDecision decision = coverage.get().decideUpgrade(id, installed, asked,
                catalog.availableVersions().getOrDefault(id, List.of()));
        String admitted = note;
        if (!decision.allowed()) {
            String reason = decision.refusal().orElseThrow();
            if (uncovered == Uncovered.REFUSE) {
                audit.record(actor, "module.upgrade", id, id, AuditOutcome.REFUSED, reason
                        + " Not upgraded: no --force." + (note.isEmpty() ? "" : " (" + note + ")"));
                throw new ModuleOperationException(reason + " Import the agreement that allows it and upgrade again, "
                        + "or upgrade anyway with --force (recorded in the audit log). Nothing was changed.");
            }
            admitted = overridden(note, uncovered, reason);
        }
        return new UpgradeAdmission(decision.version().or(() -> Optional.of(installed)), admitted);
    }

    /** The note of an audit entry whose module the agreements refused and an override installed anyway. */
    static String overridden(String note, Uncovered uncovered, String reason) {
        String override = (uncovered == Uncovered.FORCE ? "forced with --force: " : "restored from the desired state: ")
                + reason;
        return note == null || note.isEmpty() ? override : note + "; " + override;
    }
}
