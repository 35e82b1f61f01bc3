package id.gapura.core.agreement;

import id.gapura.core.agreement.Agreement.CoveredModule;
import id.gapura.core.agreement.Agreement.Party;
import id.gapura.core.agreement.ApplyPlan.Configure;
import id.gapura.core.agreement.ApplyPlan.Install;
import id.gapura.core.agreement.ApplyPlan.Step;
import id.gapura.core.agreement.ApplyPlan.Uninstall;
import id.gapura.core.agreement.StoredAgreement.Standing;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyPlanTest {

    private static final Version V010 = Version.parseVersion("0.1.0");
    private static final Version V020 = Version.parseVersion("0.2.0");
    private static final Version V100 = Version.parseVersion("1.0.0");
    private static final Map<String, List<Version>> CATALOG = Map.of(
            "complaints", List.of(V010),
            "permits", List.of(V100, V020, V010),
            "sakip", List.of(V010));

    private static StoredAgreement stored(String number, Standing standing, LocalDate signedOn, CoveredModule... modules) {
        Agreement agreement = new Agreement(number, Optional.empty(), new Party("Kota Tangerang", "3671"),
                new Party("Kabupaten Karawang", "3215"), signedOn, LocalDate.of(2026, 2, 1),
                LocalDate.of(2028, 1, 31), List.of(modules));
        return new StoredAgreement(agreement, "3671-k", standing, standing == Standing.UNTRUSTED ? "key removed" : "",
                "jws", Instant.EPOCH, "karaf");
    }

    private static CoveredModule module(String id, String range, Map<String, String> config) {
        return new CoveredModule(id, new VersionRange(range), config);
    }

    @Test
    void installsCoveredModulesInTheirRangeAfterSettingMissingDefaultsAndKeepsOthersUnlessPruned() {
        Coverage coverage = new Coverage(List.of(stored("180/PKS/2026", Standing.ACTIVE, LocalDate.of(2026, 1, 15),
                module("complaints", "[0.1,1)", Map.of("zone", "Asia/Jakarta", "agency", "Diskominfo")),
                module("permits", "[0.1,1)", Map.of()))));
        Map<String, Version> installed = Map.of("sakip", V010);
        Map<String, Set<String>> configured = Map.of("complaints", Set.of("agency"));

        ApplyPlan plan = ApplyPlan.compute(coverage, installed, CATALOG, configured, false);

        assertEquals(List.of(
                new Configure("complaints", Map.of("zone", "Asia/Jakarta"), "180/PKS/2026"),
                new Install("complaints", V010, "180/PKS/2026"),
                new Install("permits", V020, "180/PKS/2026")), plan.steps());
        assertEquals(List.of("keep sakip 0.1.0: no active cooperation agreement covers it (agreement:apply --prune "
                + "uninstalls it)"), plan.notes());
        assertEquals("install permits 0.2.0 (agreement 180/PKS/2026)", plan.steps().get(2).describe());

        ApplyPlan pruning = ApplyPlan.compute(coverage, installed, CATALOG, configured, true);
        assertEquals(new Uninstall("sakip", V010, "no active cooperation agreement covers it"), pruning.steps().get(3));
        assertEquals(List.of(), pruning.notes());
    }

    @Test
    void applyingThePlanLeavesNothingToDo() {
        Coverage coverage = new Coverage(List.of(stored("180/PKS/2026", Standing.ACTIVE, LocalDate.of(2026, 1, 15),
                module("complaints", "[0.1,1)", Map.of("zone", "Asia/Jakarta")))));
        Map<String, Version> installed = new HashMap<>(Map.of("sakip", V010));
        Map<String, Set<String>> configured = new HashMap<>();

        ApplyPlan first = ApplyPlan.compute(coverage, installed, CATALOG, configured, true);
        for (Step step : first.steps()) {
            if (step instanceof Install install) {
                installed.put(install.moduleId(), install.version());
            } else if (step instanceof Uninstall uninstall) {
                installed.remove(uninstall.moduleId());
            } else if (step instanceof Configure configure) {
                configured.put(configure.moduleId(), configure.values().keySet());
            }
        }
        assertEquals(3, first.steps().size());

        ApplyPlan second = ApplyPlan.compute(coverage, installed, CATALOG, configured, true);
        assertTrue(second.isEmpty(), second.toString());
        assertEquals(List.of(), second.notes());
    }

    @Test
    void expiredNotYetValidAndUntrustedAgreementsCoverNothing() {
        Coverage coverage = new Coverage(List.of(
                stored("1/PKS/2024", Standing.EXPIRED, LocalDate.of(2024, 1, 2), module("complaints", "[0,1)", Map.of())),
                stored("2/PKS/2026", Standing.NOT_YET_VALID, LocalDate.of(2026, 1, 2), module("permits", "[0,1)", Map.of())),
                stored("3/PKS/2026", Standing.UNTRUSTED, LocalDate.of(2026, 1, 2), module("sakip", "[0,1)", Map.of()))));
        Map<String, Version> installed = Map.of("complaints", V010);

        ApplyPlan plan = ApplyPlan.compute(coverage, installed, CATALOG, Map.of(), false);
        assertTrue(plan.isEmpty());
        assertEquals(List.of("keep complaints 0.1.0: it is listed only in agreement 1/PKS/2024, which is expired on "
                + "2028-01-31 (agreement:apply --prune uninstalls it)"), plan.notes());
        assertFalse(coverage.covers("complaints"));
        assertEquals("none (1/PKS/2024 expired on 2028-01-31)", coverage.describe("complaints", Optional.of(V010)));
        assertEquals("none (3/PKS/2026 no longer verified)", coverage.describe("sakip", Optional.empty()));
        assertEquals("none", coverage.describe("budgeting", Optional.empty()));
        assertEquals(Optional.of("Module 'permits' is not covered: it is listed only in agreement 2/PKS/2026, which is "
                + "not yet valid (from 2026-02-01)."), coverage.decideInstall("permits", List.of(V010)).refusal());
    }

    @Test
    void rangesDecideTheVersionAndTheLaterAgreementsDefaultsWin() {
        Coverage coverage = new Coverage(List.of(
                stored("1/PKS/2025", Standing.ACTIVE, LocalDate.of(2025, 6, 1),
                        module("permits", "[0.1,0.2)", Map.of("zone", "Asia/Jakarta", "fee", "0"))),
                stored("2/PKS/2026", Standing.ACTIVE, LocalDate.of(2026, 1, 2),
                        module("permits", "[2,3)", Map.of("zone", "Asia/Makassar")))));

        assertEquals(Optional.of(V010), coverage.decideInstall("permits", CATALOG.get("permits")).version());
        assertEquals(Map.of("zone", "Asia/Makassar", "fee", "0"), coverage.configDefaults("permits"));
        assertEquals("2/PKS/2026, 1/PKS/2025 (version outside [2.0.0,3.0.0) or [0.1.0,0.2.0))",
                coverage.describe("permits", Optional.of(V020)));

        ApplyPlan plan = ApplyPlan.compute(coverage, Map.of("permits", V100), CATALOG, Map.of("permits",
                Set.of("zone", "fee")), false);
        assertTrue(plan.isEmpty());
        assertEquals(List.of("permits 1.0.0 is installed, but agreement [2.0.0,3.0.0) (2/PKS/2026), [0.1.0,0.2.0) "
                + "(1/PKS/2025) allows other versions: upgrade or reinstall it"), plan.notes());

        Coverage tooNew = new Coverage(List.of(stored("3/PKS/2026", Standing.ACTIVE, LocalDate.of(2026, 1, 2),
                module("complaints", "[2,3)", Map.of()))));
        assertEquals(Optional.of("Module 'complaints' is covered for [2.0.0,3.0.0) (3/PKS/2026), but this distribution "
                + "has only 0.1.0."), tooNew.decideInstall("complaints", CATALOG.get("complaints")).refusal());
        assertEquals(List.of("cannot install complaints: no available version (0.1.0) is within [2.0.0,3.0.0) "
                + "(3/PKS/2026)"), ApplyPlan.compute(tooNew, Map.of(), CATALOG, Map.of(), false).notes());
    }

    @Test
    void aFailingStepStopsTheRunAndTheReportSaysWhatWasDoneAndWhatNot() {
        ApplyPlan plan = new ApplyPlan(List.of(
                new Install("complaints", V010, "180/PKS/2026"),
                new Install("permits", V020, "180/PKS/2026"),
                new Uninstall("sakip", V010, "no active cooperation agreement covers it")), List.of());

        ApplyPlan.Execution execution = plan.execute(step -> {
            if (step.moduleId().equals("permits")) {
                throw new IllegalStateException("Module 'permits' did not start serving: bundle is Installed. "
                        + "It was uninstalled again; see log:display.");
            }
            return "installed " + step.moduleId();
        });

        assertEquals(List.of("installed complaints"), execution.done());
        assertEquals(Optional.of("install permits 0.2.0 (agreement 180/PKS/2026): Module 'permits' did not start "
                + "serving: bundle is Installed. It was uninstalled again; see log:display."), execution.failure());
        assertEquals(List.of(new Uninstall("sakip", V010, "no active cooperation agreement covers it")),
                execution.notDone());
    }

    @Test
    void anUpgradeGoesToTheNewestVersionTheAgreementAllowsAndNoFurther() {
        Coverage coverage = new Coverage(List.of(stored("180/PKS/2026", Standing.ACTIVE, LocalDate.of(2026, 1, 15),
                module("permits", "[0.1,1)", Map.of()))));
        List<Version> available = CATALOG.get("permits");

        assertEquals(Optional.of(V020), coverage.decideUpgrade("permits", V010, Optional.empty(), available).version(),
                "1.0.0 is available but outside [0.1,1)");
        assertTrue(coverage.decideUpgrade("permits", V010, Optional.empty(), available).allowed());
        Coverage.InstallDecision beyond = coverage.decideUpgrade("permits", V020, Optional.empty(), available);
        assertEquals(Optional.of(V100), beyond.version(), "the only newer version, named for --force");
        assertEquals(Optional.of("Version 1.0.0 of module 'permits' is outside what its agreements allow: [0.1.0,1.0.0) "
                + "(180/PKS/2026)."), beyond.refusal());
        assertFalse(coverage.decideUpgrade("permits", V010, Optional.of(V100), available).allowed(), "asked for");
        assertEquals(Optional.empty(), coverage.decideUpgrade("permits", V100, Optional.empty(), available).version(),
                "nothing newer: the module manager says so");
        Coverage.InstallDecision uncovered = coverage.decideUpgrade("sakip", V010, Optional.of(V020), List.of(V020));
        assertEquals(Optional.of("Module 'sakip' is not covered: no active cooperation agreement covers it."),
                uncovered.refusal());
    }
}
