package id.gapura.core.internal.lifecycle;

import id.gapura.api.spi.ModuleState;
import id.gapura.api.spi.ModuleStatus;
import id.gapura.core.ModuleManager.Outcome;
import id.gapura.core.ModuleManager.Uncovered;
import id.gapura.core.ModuleOperationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static id.gapura.core.internal.lifecycle.LifecycleFixture.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Installing and uninstalling modules through the features service, and undoing an install that does not serve. */
class ModuleInstallTest {

    private static final String NO_REFRESH = "[NoAutoRefreshBundles]";

    @TempDir
    Path folder;
    private LifecycleFixture fixture;

    @BeforeEach
    void catalog() {
        fixture = new LifecycleFixture(folder);
        fixture.module("notes", "1.0.0");
        fixture.module("permits", "0.1.0");
        fixture.covers("notes", "[1,2)");
    }

    @Test
    void installsWithoutRefreshWaitsUntilServingThenRecordsDesiredStateAndAudit() throws Exception {
        List<Outcome> outcomes = fixture.lifecycle.install(List.of("notes"), ACTOR);

        assertEquals(1, outcomes.size());
        assertEquals("notes", outcomes.get(0).id());
        assertEquals("1.0.0", outcomes.get(0).version());
        assertEquals(0, outcomes.get(0).otherBundlesDisturbed());
        assertEquals(Optional.empty(), outcomes.get(0).overridden());
        assertEquals(List.of("installFeatures [gapura-notes/1.0.0] " + NO_REFRESH), fixture.features.calls);
        assertEquals(List.of("notes installed 1.0.0 by karaf"), fixture.desired.records);
        assertTrue(fixture.audit.last().matches("karaf module\\.install notes notes 1\\.0\\.0 SUCCEEDED serving after "
                + "\\d+\\.\\d s; other bundles restarted or refreshed: 0"), fixture.audit.last());
        ModuleStatus status = fixture.lifecycle.modules().get(0);
        assertEquals(ModuleState.INSTALLED, status.state());
        assertEquals(Map.of("notes", org.osgi.framework.Version.parseVersion("1.0.0")),
                fixture.lifecycle.installedVersions());
    }

    @Test
    void aModuleThatDoesNotServeIsUninstalledAgainWithTheOthersOfTheRequest() throws Exception {
        fixture.failsToActivate("permits", "0.1.0", "Migration of schema permits from version none failed: syntax");

        ModuleOperationException failed = assertThrows(ModuleOperationException.class, () -> fixture.lifecycle
                .install(List.of("notes", "permits"), Map.of(), Uncovered.FORCE, ACTOR, ""));

        assertEquals("Module 'permits' did not start serving: Migration of schema permits from version none failed: "
                + "syntax. It was uninstalled again, with notes, permits; see log:display.", failed.getMessage());
        assertEquals(List.of(
                "installFeatures [gapura-notes/1.0.0, gapura-permits/0.1.0] " + NO_REFRESH,
                "uninstallFeature gapura-notes/1.0.0 " + NO_REFRESH,
                "uninstallFeature gapura-permits/0.1.0 " + NO_REFRESH), fixture.features.calls);
        assertEquals(List.of(), fixture.desired.records, "a failed install is not desired");
        assertEquals(2, fixture.audit.entries.stream().filter(entry -> entry.contains(" FAILED Module 'permits' did "
                + "not start serving")).count(), fixture.audit.entries.toString());
        ModuleStatus permits = fixture.lifecycle.modules().get(1);
        assertEquals(ModuleState.FAILED, permits.state());
        assertEquals(Optional.of("Migration of schema permits from version none failed: syntax"), permits.failure());
    }

    @Test
    void restoringTheDesiredStateNeverUninstallsAModuleThatIsSlowOrFailsToServe() throws Exception {
        fixture.failsToActivate("permits", "0.1.0", "Migration of schema permits from version none failed: syntax");

        List<Outcome> restored = fixture.lifecycle.install(List.of("notes", "permits"), Map.of(), Uncovered.RESTORE,
                ACTOR, "");

        assertEquals(List.of("notes"), restored.stream().map(Outcome::id).toList(), "the one that serves");
        assertEquals(List.of("installFeatures [gapura-notes/1.0.0, gapura-permits/0.1.0] " + NO_REFRESH),
                fixture.features.calls, "nothing uninstalled");
        assertTrue(fixture.audit.entries.stream().anyMatch(entry -> entry.contains("FAILED Module 'permits' was "
                + "restored but does not serve")), fixture.audit.entries.toString());
        assertEquals(ModuleState.FAILED, fixture.lifecycle.modules().get(1).state());
    }

    @Test
    void aFeatureThatDoesNotResolveLeavesNothingInstalled() throws Exception {
        fixture.features.failInstalling("gapura-notes/1.0.0",
                new Exception("Unable to resolve root: missing requirement [osgi.service; objectClass=javax.sql.DataSource]\n"
                        + "  caused by ..."));

        ModuleOperationException failed = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.install(List.of("notes"), ACTOR));

        assertEquals("Could not install notes: Unable to resolve root: missing requirement [osgi.service; "
                + "objectClass=javax.sql.DataSource]. Nothing was installed; 'feature:install --simulate --verbose "
                + "gapura-notes/1.0.0' shows the full report.", failed.getMessage());
        assertEquals(List.of("installFeatures [gapura-notes/1.0.0] " + NO_REFRESH), fixture.features.calls,
                "nothing was installed, so there is nothing to undo");
        assertTrue(fixture.audit.last().startsWith("karaf module.install notes notes 1.0.0 FAILED Could not install"),
                fixture.audit.last());
        assertEquals(List.of(), fixture.desired.records);
    }

    @Test
    void refusesAnInstalledOrUnknownModuleAndAuditsTheRefusal() throws Exception {
        fixture.lifecycle.install(List.of("notes"), ACTOR);
        fixture.features.calls.clear();

        ModuleOperationException again = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.install(List.of("notes"), ACTOR));
        assertEquals("Module 'notes' is already installed (version 1.0.0). Nothing was changed.", again.getMessage());
        assertEquals("karaf module.install notes notes REFUSED Module 'notes' is already installed (version 1.0.0). "
                + "Nothing was changed.", fixture.audit.last());

        ModuleOperationException unknown = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.install(List.of("nope"), ACTOR));
        assertEquals("Unknown module 'nope'. The catalog has: notes, permits. Nothing was changed.", unknown.getMessage());
        assertEquals("karaf module.install null nope REFUSED " + unknown.getMessage(), fixture.audit.last(),
                "an unknown id is not put in the module column");
        assertEquals(List.of(), fixture.features.calls);
    }

    @Test
    void uninstallsKeepingTheDataAndRecordsItAsNotDesired() throws Exception {
        fixture.lifecycle.install(List.of("notes"), ACTOR);

        Outcome outcome = fixture.lifecycle.uninstall(List.of("notes"), ACTOR, "").get(0);

        assertEquals("1.0.0", outcome.version());
        assertEquals("uninstallFeatures [gapura-notes/1.0.0] " + NO_REFRESH, fixture.features.calls.get(1));
        assertEquals("notes uninstalled 1.0.0 by karaf", fixture.desired.records.get(1));
        assertTrue(fixture.audit.last().matches("karaf module\\.uninstall notes notes 1\\.0\\.0 SUCCEEDED done in "
                + "\\d+\\.\\d s, its data is kept; other bundles restarted or refreshed: 0"), fixture.audit.last());

        ModuleOperationException notInstalled = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.uninstall(List.of("notes"), ACTOR, ""));
        assertEquals("Module 'notes' is not installed. Nothing was changed.", notInstalled.getMessage());
    }
}
