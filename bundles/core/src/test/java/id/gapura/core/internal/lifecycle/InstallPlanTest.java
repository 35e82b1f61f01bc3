package id.gapura.core.internal.lifecycle;

import id.gapura.core.ModuleManager.InstallPlan;
import id.gapura.core.ModuleOperationException;
import org.apache.karaf.features.Feature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** module:install --dry-run: what an install would add, at the versions it would take; nothing changes. */
class InstallPlanTest {

    @TempDir
    Path folder;
    private LifecycleFixture fixture;
    private Feature jdbc;

    @BeforeEach
    void catalog() {
        fixture = new LifecycleFixture(folder);
        jdbc = fixture.platformFeature("pax-jdbc-h2", "1.5.7", "mvn:org.ops4j.pax.jdbc/pax-jdbc-h2/1.5.7");
        fixture.module("notes", "1.0.0", jdbc);
        fixture.module("notes", "2.0.0", jdbc);
        fixture.module("permits", "0.1.0");
    }

    @Test
    void listsTheModuleFeatureItsMissingDependenciesAndTheirBundlesAtTheNewestVersionTheAgreementsAllow() throws Exception {
        fixture.covers("notes", "[1,2)");

        InstallPlan plan = fixture.lifecycle.plan(List.of("notes"));

        assertEquals(List.of("gapura-notes/1.0.0", "pax-jdbc-h2/1.5.7"), plan.features());
        assertEquals(2, plan.bundlesToInstall().size(), plan.toString());
        assertTrue(plan.bundlesToInstall().get(0).endsWith("notes-1.0.0.jar"), plan.toString());
        assertEquals("mvn:org.ops4j.pax.jdbc/pax-jdbc-h2/1.5.7", plan.bundlesToInstall().get(1));
        assertEquals(List.of(), plan.uncovered());
        assertEquals(List.of(), fixture.features.calls, "a plan changes nothing");
        assertEquals(List.of(), fixture.audit.entries, "a plan records nothing");
    }

    @Test
    void leavesOutWhatIsInstalledAlready() throws Exception {
        fixture.covers("notes", "[1,3)");
        fixture.features.markInstalled("pax-jdbc-h2/1.5.7");

        InstallPlan plan = fixture.lifecycle.plan(List.of("notes"));

        assertEquals(List.of("gapura-notes/2.0.0"), plan.features());
        assertEquals(1, plan.bundlesToInstall().size(), plan.toString());
    }

    @Test
    void namesTheModulesNoAgreementCoversAndPlansTheirNewestVersion() throws Exception {
        InstallPlan plan = fixture.lifecycle.plan(List.of("notes", "permits"));

        assertEquals(List.of("gapura-notes/2.0.0", "pax-jdbc-h2/1.5.7", "gapura-permits/0.1.0"), plan.features());
        assertEquals(List.of("Module 'notes' is not covered: no active cooperation agreement covers it.",
                "Module 'permits' is not covered: no active cooperation agreement covers it."), plan.uncovered());
        assertEquals(List.of(), fixture.audit.entries);
    }

    @Test
    void refusesAnUnknownOrInstalledModuleAsAnInstallWould() throws Exception {
        ModuleOperationException unknown = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.plan(List.of("nope")));
        assertEquals("Unknown module 'nope'. The catalog has: notes, permits. Nothing was changed.", unknown.getMessage());

        fixture.features.markInstalled("gapura-permits/0.1.0");
        ModuleOperationException installed = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.plan(List.of("permits")));
        assertEquals("Module 'permits' is already installed (version 0.1.0). Nothing was changed.", installed.getMessage());
        assertEquals(List.of(), fixture.audit.entries);
    }
}
