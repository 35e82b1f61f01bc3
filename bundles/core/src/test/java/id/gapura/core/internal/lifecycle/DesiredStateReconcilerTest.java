package id.gapura.core.internal.lifecycle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reconciler restores the region's desired modules once Karaf has booted and whenever a repository (a KAR)
 * arrives: at the version they had or a newer one the container has, never an older one.
 */
class DesiredStateReconcilerTest {

    private static final String NO_REFRESH = "[NoAutoRefreshBundles]";

    @TempDir
    Path folder;
    private LifecycleFixture fixture;
    private final SameThread executor = new SameThread();

    @BeforeEach
    void catalog() {
        fixture = new LifecycleFixture(folder);
        fixture.module("notes", "1.0.0");
        fixture.module("permits", "0.1.0");
        fixture.covers("permits", "[0,1)");
    }

    private DesiredStateReconciler reconciler() {
        return new DesiredStateReconciler(fixture.lifecycle, fixture.features, executor);
    }

    @Test
    void restoresTheDesiredModulesWhenActivatedAfterBootAtTheVersionTheyHad() {
        fixture.desired.wanted.putAll(Map.of("notes", "1.0.0", "permits", "0.1.0"));

        reconciler();

        assertEquals(List.of("installFeatures [gapura-notes/1.0.0, gapura-permits/0.1.0] " + NO_REFRESH),
                fixture.features.calls);
        assertEquals(Map.of("notes", Version.parseVersion("1.0.0"), "permits", Version.parseVersion("0.1.0")),
                fixture.lifecycle.installedVersions());
        assertTrue(fixture.audit.entries.stream().anyMatch(entry -> entry.startsWith("gapura (desired state) "
                + "module.install notes notes 1.0.0 SUCCEEDED serving after ") && entry.endsWith("[restored from the "
                + "desired state: Module 'notes' is not covered: no active cooperation agreement covers it.]")),
                "a module no agreement covers any more is restored, and the audit log says so: " + fixture.audit.entries);
        assertTrue(fixture.audit.entries.stream().anyMatch(entry -> entry.startsWith("gapura (desired state) "
                + "module.install permits permits 0.1.0 SUCCEEDED") && !entry.contains("[")),
                "a covered module of the same request has no override to name: " + fixture.audit.entries);
    }

    @Test
    void leavesInstalledModulesAloneAndChangesNothingWhenAllIsThere() throws Exception {
        fixture.lifecycle.install(List.of("permits"), LifecycleFixture.ACTOR);
        fixture.features.calls.clear();

        reconciler();

        assertEquals(List.of(), fixture.features.calls);
    }

    @Test
    void aVersionTheContainerLacksIsInstalledOnceAKarBringsItAndNeverAnOlderOne() {
        fixture.desired.wanted.put("notes", "2.0.0");
        reconciler();
        assertEquals(List.of(), fixture.features.calls, "1.0.0 is older than the version the region had");

        fixture.module("notes", "2.0.0");
        fixture.features.repositoryAdded(true);
        assertEquals(List.of(), fixture.features.calls, "a replayed event at registration is not a new repository");

        fixture.features.repositoryAdded(false);
        assertEquals(List.of("installFeatures [gapura-notes/2.0.0] " + NO_REFRESH), fixture.features.calls);
    }

    @Test
    void takesTheNewestVersionAboveWhenTheOneItHadIsGone() {
        fixture.module("notes", "2.0.0");
        fixture.module("notes", "3.0.0");
        fixture.desired.wanted.put("notes", "1.5.0");

        reconciler();

        assertEquals(List.of("installFeatures [gapura-notes/3.0.0] " + NO_REFRESH), fixture.features.calls);
    }

    @Test
    void aModuleThatCannotBeRestoredIsLoggedAndTheNextEventTriesAgain() {
        fixture.desired.wanted.put("permits", "0.1.0");
        fixture.features.failInstalling("gapura-permits/0.1.0", new Exception("Unable to resolve root"));

        DesiredStateReconciler reconciler = reconciler();
        assertEquals(Map.of(), fixture.lifecycle.installedVersions());

        fixture.features.failInstalling("gapura-permits/0.1.0", null);
        reconciler.repositoryEvent(FakeFeaturesService.repositoryEvent(false));
        assertEquals(Map.of("permits", Version.parseVersion("0.1.0")), fixture.lifecycle.installedVersions());
    }

    @Test
    void stopsListeningWhenDeactivated() {
        DesiredStateReconciler reconciler = reconciler();
        assertEquals(List.of(reconciler), fixture.features.listeners);

        reconciler.deactivate();

        assertEquals(List.of(), fixture.features.listeners);
        assertTrue(executor.isShutdown());
    }

    /** Runs each task at once, on the caller's thread. */
    private static final class SameThread extends AbstractExecutorService {
        private boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
