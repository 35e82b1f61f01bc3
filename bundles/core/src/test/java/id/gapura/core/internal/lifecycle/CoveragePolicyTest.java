package id.gapura.core.internal.lifecycle;

import id.gapura.core.ModuleManager.Outcome;
import id.gapura.core.ModuleManager.Uncovered;
import id.gapura.core.ModuleOperationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static id.gapura.core.internal.lifecycle.LifecycleFixture.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agreements decide what the lifecycle installs, for every caller alike: a refusal changes nothing and is
 * audited per module; {@code --force} installs anyway and says so; the desired state restores what it has.
 */
class CoveragePolicyTest {

    private static final String NOT_COVERED = "Module 'notes' is not covered: no active cooperation agreement covers it.";

    @TempDir
    Path folder;
    private LifecycleFixture fixture;

    @BeforeEach
    void catalog() {
        fixture = new LifecycleFixture(folder);
        fixture.module("notes", "1.0.0");
        fixture.module("notes", "2.0.0");
        fixture.module("permits", "0.1.0");
    }

    @Test
    void refusesAModuleNoActiveAgreementCoversAndAuditsEachRefusal() {
        fixture.covers("permits", "[0,1)");

        ModuleOperationException refused = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.install(List.of("notes", "permits", "nope"), ACTOR));

        assertEquals(NOT_COVERED + " Import the agreement that covers it and run agreement:apply, or install anyway "
                + "with --force (recorded in the audit log). Nothing was changed.", refused.getMessage());
        assertEquals(List.of("karaf module.install notes notes REFUSED " + NOT_COVERED + " Not installed: no --force."),
                fixture.audit.entries, "only the uncovered module is refused for coverage");
        assertEquals(List.of(), fixture.features.calls);
        assertEquals(List.of(), fixture.desired.records);
    }

    @Test
    void forceInstallsTheNewestVersionAndNamesTheRefusalInTheAuditAndTheOutcome() throws Exception {
        Outcome outcome = fixture.lifecycle.install(List.of("notes"), Map.of(), Uncovered.FORCE, ACTOR, "").get(0);

        assertEquals("2.0.0", outcome.version());
        assertEquals(Optional.of(NOT_COVERED), outcome.overridden());
        assertTrue(fixture.audit.last().startsWith("karaf module.install notes notes 2.0.0 SUCCEEDED serving after "),
                fixture.audit.last());
        assertTrue(fixture.audit.last().endsWith("[forced with --force: " + NOT_COVERED + "]"), fixture.audit.last());
    }

    @Test
    void eachModuleOfARequestIsAuditedWithItsOwnRefusalOrOverride() throws Exception {
        fixture.module("sakip", "0.1.0");
        ModuleOperationException refused = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.install(List.of("notes", "sakip"), ACTOR));
        String sakip = "Module 'sakip' is not covered: no active cooperation agreement covers it.";
        assertTrue(refused.getMessage().startsWith(NOT_COVERED + " " + sakip + " Import the agreement"),
                refused.getMessage());
        assertEquals(List.of("karaf module.install notes notes REFUSED " + NOT_COVERED + " Not installed: no --force.",
                "karaf module.install sakip sakip REFUSED " + sakip + " Not installed: no --force."), fixture.audit.entries);

        fixture.covers("permits", "[0,1)");
        fixture.audit.entries.clear();
        List<Outcome> outcomes = fixture.lifecycle.install(List.of("notes", "permits"), Map.of(), Uncovered.FORCE,
                ACTOR, "");
        assertEquals(List.of(Optional.of(NOT_COVERED), Optional.empty()),
                outcomes.stream().map(Outcome::overridden).toList());
        assertTrue(fixture.audit.entries.get(0).endsWith("[forced with --force: " + NOT_COVERED + "]"),
                fixture.audit.entries.get(0));
        assertTrue(fixture.audit.entries.get(1).startsWith("karaf module.install permits permits 0.1.0 SUCCEEDED")
                && fixture.audit.entries.get(1).endsWith("other bundles restarted or refreshed: 0"),
                "the covered module was not forced: " + fixture.audit.entries.get(1));
    }

    @Test
    void installsTheNewestVersionTheAgreementsAllowNotTheNewestAvailable() throws Exception {
        fixture.covers("notes", "[1,2)");

        Outcome outcome = fixture.lifecycle.install(List.of("notes"), ACTOR).get(0);

        assertEquals("1.0.0", outcome.version());
        assertEquals(Optional.empty(), outcome.overridden());
        assertTrue(fixture.audit.last().endsWith("other bundles restarted or refreshed: 0"), fixture.audit.last());
    }

    @Test
    void refusesAVersionAskedForOutsideTheAgreementsRange() {
        fixture.covers("notes", "[1,2)");

        ModuleOperationException refused = assertThrows(ModuleOperationException.class, () -> fixture.lifecycle
                .install(List.of("notes"), Map.of("notes", Version.parseVersion("2.0.0")), Uncovered.REFUSE, ACTOR,
                        "agreement:apply, agreement 180/PKS/2026"));

        assertTrue(refused.getMessage().startsWith("Version 2.0.0 of module 'notes' is outside what its agreements "
                + "allow: [1.0.0,2.0.0) (180/PKS/2026)."), refused.getMessage());
        assertEquals(List.of(), fixture.features.calls);
    }

    @Test
    void theDesiredStateRestoresAModuleNoAgreementCoversAnyMoreAndSaysSo() throws Exception {
        Outcome outcome = fixture.lifecycle.install(List.of("notes"), Map.of("notes", Version.parseVersion("1.0.0")),
                Uncovered.RESTORE, DesiredStateReconciler.ACTOR, "").get(0);

        assertEquals("1.0.0", outcome.version());
        assertTrue(fixture.audit.last().endsWith("[restored from the desired state: " + NOT_COVERED + "]"),
                fixture.audit.last());
    }

    @Test
    void upgradeIsRefusedOutsideTheAgreementsUnlessForced() throws Exception {
        fixture.covers("notes", "[1,2)");
        fixture.lifecycle.install(List.of("notes"), ACTOR);
        fixture.features.calls.clear();

        ModuleOperationException refused = assertThrows(ModuleOperationException.class, () -> fixture.lifecycle
                .upgrade("notes", Optional.empty(), Uncovered.REFUSE, ACTOR, "from notes-2.0.0.kar"));

        String reason = "Version 2.0.0 of module 'notes' is outside what its agreements allow: [1.0.0,2.0.0) (180/PKS/2026).";
        assertEquals(reason + " Import the agreement that allows it and upgrade again, or upgrade anyway with --force "
                + "(recorded in the audit log). Nothing was changed.", refused.getMessage());
        assertEquals("karaf module.upgrade notes notes REFUSED " + reason + " Not upgraded: no --force. "
                + "(from notes-2.0.0.kar)", fixture.audit.last());
        assertEquals(List.of(), fixture.features.calls);

        fixture.lifecycle.upgrade("notes", Optional.empty(), Uncovered.FORCE, ACTOR, "from notes-2.0.0.kar");
        assertTrue(fixture.audit.last().startsWith("karaf module.upgrade notes notes 1.0.0 -> 2.0.0 SUCCEEDED schema "),
                fixture.audit.last());
        assertTrue(fixture.audit.last().endsWith("[from notes-2.0.0.kar; forced with --force: " + reason + "]"),
                fixture.audit.last());
    }
}
