package id.gapura.core.internal.lifecycle;

import id.gapura.api.AuditOutcome;
import id.gapura.api.GapuraModule;
import id.gapura.core.ModuleManager.InstallPlan;
import id.gapura.core.ModuleManager.Outcome;
import id.gapura.core.ModuleOperationException;
import id.gapura.core.internal.DesiredModuleState;
import id.gapura.core.internal.ModuleExtender;
import id.gapura.core.internal.RestReadiness;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static id.gapura.core.internal.lifecycle.Messages.elapsedSince;
import static id.gapura.core.internal.lifecycle.Messages.firstLine;
import static id.gapura.core.internal.lifecycle.Messages.seconds;

/**
 * Installs and uninstalls module features and waits until an installed module serves; a module that does not
 * serve is uninstalled again, with the others of the same request.
 * <p>
 * Features are installed and uninstalled without Karaf's automatic refresh: module bundles import only
 * platform packages, so nothing already running ever needs rewiring, and a refresh would restart the
 * platform and every other module for nothing.
 */
final class ModuleInstaller {

    static final EnumSet<FeaturesService.Option> WITHOUT_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    static final Duration SERVING_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ModuleInstaller.class);
    /** A failed component activation raises no event: look again after this even when nothing woke us. */
    private static final Duration RECHECK = Duration.ofMillis(250);

    private final FeaturesService features;
    private final BundleContext context;
    private final ModuleCatalogService catalog;
    private final RestReadiness rest;
    private final ModuleExtender schemas;
    private final ServingModules serving;
    private final ModuleFailures failures;
    private final DesiredModuleState desiredState;
    private final LifecycleAudit audit;
    private final Duration servingTimeout;

    ModuleInstaller(FeaturesService features, BundleContext context, ModuleCatalogService catalog, RestReadiness rest,
                    ModuleExtender schemas, ServingModules serving, ModuleFailures failures,
                    DesiredModuleState desiredState, LifecycleAudit audit, Duration servingTimeout) {
        this.features = features;
        this.context = context;
        this.catalog = catalog;
        this.rest = rest;
        this.schemas = schemas;
        this.serving = serving;
        this.failures = failures;
        this.desiredState = desiredState;
        this.audit = audit;
        this.servingTimeout = servingTimeout;
    }

    /**
     * What installing the modules at these versions would add, without changing anything.
     *
     * @param uncovered why the agreements refuse some of them, for the plan to say
     */
    InstallPlan plan(List<String> ids, Map<String, Version> versions, List<String> uncovered)
            throws ModuleOperationException {
        Set<String> featureIds = new LinkedHashSet<>();
        Set<String> bundles = new LinkedHashSet<>();
        for (CatalogEntry target : installable(ids, versions)) {
            collect(target.feature(), featureIds, bundles);
        }
        return new InstallPlan(List.copyOf(featureIds), List.copyOf(bundles), List.copyOf(uncovered));
    }

    private void collect(Feature feature, Set<String> featureIds, Set<String> bundles) {
        if (features.isInstalled(feature) || !featureIds.add(feature.getName() + "/" + feature.getVersion())) {
            return;
        }
        for (BundleInfo bundle : feature.getBundles()) {
            if (context.getBundle(bundle.getLocation()) == null) {
                bundles.add(bundle.getLocation());
            }
        }
        for (Dependency dependency : feature.getDependencies()) {
            try {
                Feature[] matches = features.getFeatures(dependency.getName(), dependency.getVersion());
                if (matches.length > 0) {
                    collect(matches[0], featureIds, bundles);
                }
            } catch (Exception e) {
                LOG.debug("Could not look up feature {}", dependency.getName(), e);
            }
        }
    }

    /** The catalog entries to install; refuses an unknown or installed module. */
    List<CatalogEntry> installable(List<String> ids, Map<String, Version> versions) throws ModuleOperationException {
        List<CatalogEntry> targets = catalog.select(ids, versions);
        for (CatalogEntry target : targets) {
            if (target.installed()) {
                throw new ModuleOperationException("Module '" + target.id() + "' is already installed (version "
                        + target.descriptor().version() + "). Nothing was changed.");
            }
        }
        return targets;
    }

    /**
     * Installs the modules and waits until each serves, then records them as desired; if one does not serve,
     * all of them are uninstalled again. Audited, refusals included.
     *
     * @param note       the request's note, appended to its audit entries
     * @param notes      by module id, the note instead of it (the override that installs the module anyway)
     * @param overridden by module id, why the agreements would have refused the module an override installs
     */
    List<Outcome> install(List<String> ids, Map<String, Version> versions, String actor, String note,
                          Map<String, String> notes, Map<String, String> overridden) throws ModuleOperationException {
        return install(ids, versions, actor, note, notes, overridden, true);
    }

    /**
     * As {@link #install(List, Map, String, String, Map, Map)}; with {@code undoWhenNotServing} false (restoring the
     * desired state), a module that does not serve in time stays installed, reported and audited as not serving,
     * and the others are kept: the region wants them, and a slow start (a large batch after {@code bin/karaf clean})
     * is no reason to remove them.
     */
    List<Outcome> install(List<String> ids, Map<String, Version> versions, String actor, String note,
                          Map<String, String> notes, Map<String, String> overridden, boolean undoWhenNotServing)
            throws ModuleOperationException {
        Function<String, String> noteOf = id -> notes.getOrDefault(id, note);
        List<CatalogEntry> targets;
        try {
            targets = installable(ids, versions);
        } catch (ModuleOperationException e) {
            audit.refusal("module.install", ids, actor, e.getMessage(), note);
            throw e;
        }
        Set<String> featureIds = targets.stream().map(CatalogEntry::featureId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String names = targets.stream().map(CatalogEntry::id).collect(Collectors.joining(", "));
        long started = System.nanoTime();
        try (BundleDisturbanceWatch watch = BundleDisturbanceWatch.start(context)) {
            try {
                features.installFeatures(featureIds, WITHOUT_REFRESH);
            } catch (Exception e) {
                String reason = firstLine(e);
                targets.forEach(target -> failures.failed(target.id(), reason));
                undoInstall(featureIds);
                String message = "Could not install " + names + ": " + reason
                        + " Nothing was installed; 'feature:install --simulate --verbose " + String.join(" ", featureIds)
                        + "' shows the full report.";
                targets.forEach(target -> audit.entry("module.install", target, actor, AuditOutcome.FAILED, message,
                        noteOf.apply(target.id())));
                throw new ModuleOperationException(message, e);
            }
            // each module's wait starts once the features are installed: a large batch takes long to install
            long installed = System.nanoTime();
            List<CatalogEntry> serving = new ArrayList<>();
            for (CatalogEntry target : targets) {
                Optional<String> notServing = awaitServing(target, installed);
                if (notServing.isPresent() && !undoWhenNotServing) {
                    failures.failed(target.id(), notServing.get());
                    String message = "Module '" + target.id() + "' was restored but does not serve: "
                            + notServing.get() + ". It stays installed, as the desired state wants; see log:display.";
                    LOG.error(message);
                    audit.entry("module.install", target, actor, AuditOutcome.FAILED, message, noteOf.apply(target.id()));
                    continue;
                }
                if (notServing.isPresent()) {
                    failures.failed(target.id(), notServing.get());
                    undoInstall(featureIds);
                    String message = "Module '" + target.id() + "' did not start serving: " + notServing.get()
                            + ". It was uninstalled again" + (targets.size() > 1 ? ", with " + names : "")
                            + "; see log:display.";
                    targets.forEach(each -> audit.entry("module.install", each, actor, AuditOutcome.FAILED, message,
                            noteOf.apply(each.id())));
                    throw new ModuleOperationException(message);
                }
                serving.add(target);
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (CatalogEntry target : serving) {
                failures.cleared(target.id());
                desiredState.record(target.id(), true, target.descriptor().version(), actor);
                LOG.info("Module {} {} installed by {}", target.id(), target.descriptor().version(), actor);
                Outcome outcome = new Outcome(target.id(), target.descriptor().version(), elapsedSince(started),
                        watch.disturbedCount(), Optional.ofNullable(overridden.get(target.id())));
                audit.entry("module.install", target, actor, AuditOutcome.SUCCEEDED, "serving after "
                        + seconds(outcome.elapsed()) + "; other bundles restarted or refreshed: "
                        + outcome.otherBundlesDisturbed(), noteOf.apply(target.id()));
                outcomes.add(outcome);
            }
            return outcomes;
        }
    }

    /** Uninstalls the modules; their tables stay. Audited, refusals included. */
    List<Outcome> uninstall(List<String> ids, String actor, String note) throws ModuleOperationException {
        List<CatalogEntry> targets;
        try {
            targets = catalog.select(ids, Map.of());
            for (CatalogEntry target : targets) {
                if (!target.installed()) {
                    throw new ModuleOperationException("Module '" + target.id() + "' is not installed. Nothing was changed.");
                }
            }
        } catch (ModuleOperationException e) {
            audit.refusal("module.uninstall", ids, actor, e.getMessage(), note);
            throw e;
        }
        long started = System.nanoTime();
        try (BundleDisturbanceWatch watch = BundleDisturbanceWatch.start(context)) {
            try {
                features.uninstallFeatures(targets.stream().map(CatalogEntry::featureId)
                        .collect(Collectors.toCollection(LinkedHashSet::new)), WITHOUT_REFRESH);
            } catch (Exception e) {
                String message = "Could not uninstall "
                        + targets.stream().map(CatalogEntry::id).collect(Collectors.joining(", ")) + ": " + firstLine(e);
                targets.forEach(target -> audit.entry("module.uninstall", target, actor, AuditOutcome.FAILED, message, note));
                throw new ModuleOperationException(message, e);
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (CatalogEntry target : targets) {
                failures.cleared(target.id());
                desiredState.record(target.id(), false, target.descriptor().version(), actor);
                LOG.info("Module {} {} uninstalled by {}; its tables are kept", target.id(),
                        target.descriptor().version(), actor);
                Outcome outcome = new Outcome(target.id(), target.descriptor().version(), elapsedSince(started),
                        watch.disturbedCount(), Optional.empty());
                audit.entry("module.uninstall", target, actor, AuditOutcome.SUCCEEDED, "done in "
                        + seconds(outcome.elapsed()) + ", its data is kept; other bundles restarted or refreshed: "
                        + outcome.otherBundlesDisturbed(), note);
                outcomes.add(outcome);
            }
            return outcomes;
        }
    }

    /** Installs one version's feature and waits until it serves; why not, if it does not. */
    Optional<String> installAndAwait(CatalogEntry target, long startedNanos) {
        try {
            features.installFeature(target.feature().getName(), target.feature().getVersion(), WITHOUT_REFRESH);
        } catch (Exception e) {
            return Optional.of("could not install " + target.label() + ": " + firstLine(e));
        }
        return awaitServing(target, startedNanos);
    }

    /** Installs the version that was there before a failed upgrade; says how that went. */
    String reinstall(CatalogEntry previous, long startedNanos) {
        Optional<String> failure = installAndAwait(previous, startedNanos);
        if (failure.isPresent()) {
            failures.failed(previous.id(), failure.get());
            return "reinstalling " + previous.label() + " failed too: " + failure.get() + "; see log:display.";
        }
        return previous.label() + " is serving again.";
    }

    /** Uninstalls those of the features that are installed; logs what it could not. */
    void undoInstall(Collection<String> featureIds) {
        for (String featureId : featureIds) {
            String[] nameAndVersion = featureId.split("/", 2);
            try {
                if (features.isInstalled(features.getFeature(nameAndVersion[0], nameAndVersion[1]))) {
                    features.uninstallFeature(nameAndVersion[0], nameAndVersion[1], WITHOUT_REFRESH);
                }
            } catch (Exception e) {
                LOG.error("Could not undo the installation of {}", featureId, e);
            }
        }
    }

    private Optional<String> awaitServing(CatalogEntry target, long startedNanos) {
        long deadline = startedNanos + servingTimeout.toNanos();
        String apiPath = target.descriptor().apiPath();
        while (System.nanoTime() < deadline) {
            long seen = rest.changes();
            Optional<String> failed = activationFailure(target);
            if (failed.isPresent()) {
                return failed;
            }
            Optional<GapuraModule> module = serving.get(target.id());
            if (module.isPresent() && rest.serves(apiPath)
                    && rest.notServing(FrameworkUtil.getBundle(module.get().getClass())).isEmpty()) {
                return Optional.empty();
            }
            try {
                rest.awaitChange(seen, RECHECK);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting for it");
            }
        }
        return Optional.of(serving.get(target.id()).isPresent()
                ? "its REST API " + apiPath + " was not deployed within " + servingTimeout.toSeconds() + " s"
                : catalog.notServingReason(target));
    }

    private Optional<String> activationFailure(CatalogEntry target) {
        for (Bundle bundle : catalog.installedBundles(target)) {
            Optional<String> failure = schemas.failure(bundle).or(() -> rest.activationFailure(bundle));
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }
}
