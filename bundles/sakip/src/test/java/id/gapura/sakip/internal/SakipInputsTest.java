package id.gapura.sakip.internal;

import id.gapura.api.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.gapura.sakip.internal.WorkflowTest.DIKNAS;
import static id.gapura.sakip.internal.WorkflowTest.EVALUATOR;
import static id.gapura.sakip.internal.WorkflowTest.HEAD;
import static id.gapura.sakip.internal.WorkflowTest.PLANNER;
import static id.gapura.sakip.internal.WorkflowTest.agreement;
import static id.gapura.sakip.internal.WorkflowTest.fields;
import static id.gapura.sakip.internal.WorkflowTest.renstra;
import static id.gapura.sakip.internal.WorkflowTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What SAKIP accepts, against its real tables: decimals within DECIMAL(24, 4), codes, years and text checked. */
class SakipInputsTest {

    static final Actor ADMIN = Actor.admin("karaf");
    TestDatabase db;

    @BeforeEach
    void open() {
        db = new TestDatabase();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Agreements.AgreementInput withTarget(String target) {
        return new Agreements.AgreementInput(DIKNAS, 2026, null, List.of(
                new Agreements.IndicatorInput("IKU-1", new BigDecimal(target), null, null, List.of("1.01.02"))));
    }

    @Test
    void agreementTargetsBeyondTheColumnAreRefused() {
        db.plans.create(renstra(), PLANNER);
        for (String target : List.of("1e400", "123456789012345678901234567890", "0.00001")) {
            assertEquals(List.of("indicators[0].target"), fields(() -> db.agreements.draft(withTarget(target), PLANNER)), target);
        }
    }

    @Test
    void realisationValuesAndEvidenceAreChecked() {
        db.plans.create(renstra(), PLANNER);
        db.agreements.draft(agreement(null, null), PLANNER);
        db.agreements.sign(DIKNAS, 2026, HEAD);
        assertEquals(List.of("value"), fields(() -> db.realisations.record(DIKNAS, 2026, "IKU-1", 1,
                new Realisations.RealisationInput(new BigDecimal("1e400"), "Laporan", null, null), PLANNER)));
        assertEquals(List.of("note", "link"), fields(() -> db.realisations.record(DIKNAS, 2026, "IKU-1", 1,
                new Realisations.RealisationInput(BigDecimal.ONE, "Laporan\u0000", "javascript:alert(1)//http://x", null), PLANNER)));
    }

    @Test
    void renstraBaselinesAndTargetsAreBounded() {
        Plans.RenstraInput input = renstra();
        Plans.IndicatorInput first = input.goals().get(0).objectives().get(0).indicators().get(0);
        Plans.IndicatorInput huge = new Plans.IndicatorInput(first.code(), first.name(), first.unit(), first.direction(),
                new BigDecimal("1e400"), WorkflowTest.targets("1e30", "92", "93", "94", "95"));
        Plans.RenstraInput bad = new Plans.RenstraInput(DIKNAS, 2025, List.of(new Plans.GoalInput("T1", "Tujuan\u202E",
                List.of(new Plans.ObjectiveInput("S1", "Sasaran", null, List.of(huge))))));
        assertEquals(List.of("goals[0].statement", "goals[0].objectives[0].indicators[0].baseline",
                "goals[0].objectives[0].indicators[0].targets[0].target"), fields(() -> db.plans.create(bad, PLANNER)));
    }

    @Test
    void agencyCodesAreCodesAndNamesAreClean() {
        assertEquals(List.of("code"), fields(() -> db.agencies.put("..", "Dinas Titik", ADMIN)));
        assertEquals(List.of("code"), fields(() -> db.agencies.put("-1", "Dinas Minus", ADMIN)));
        assertEquals(List.of("name"), fields(() -> db.agencies.put("9.99", "Dinas\u0000", ADMIN)));
        assertEquals(List.of("user"), fields(() -> db.agencies.assign("a b/../c", DIKNAS, ADMIN)));
    }

    private static Evaluations.EvaluationInput fullMarks() {
        Map<String, Map<String, BigDecimal>> scores = new HashMap<>();
        for (Lke.Item item : Lke.ITEMS) {
            scores.computeIfAbsent(item.component(), c -> new HashMap<>()).put(item.subcomponent(), BigDecimal.valueOf(80));
        }
        return new Evaluations.EvaluationInput(scores, null);
    }

    @Test
    void anEvaluationNeedsAKnownAgencyAndAYear() {
        assertEquals(404, status(() -> db.evaluations.evaluate("-1", 2026, fullMarks(), EVALUATOR)));
        assertEquals(List.of("year"), fields(() -> db.evaluations.evaluate(DIKNAS, -1, fullMarks(), EVALUATOR)));
        assertEquals(404, status(() -> db.evaluations.evaluation(DIKNAS, -1)));
        ProblemException notFound = assertThrows(ProblemException.class,
                () -> db.evaluations.evaluate("x".repeat(10_000), 2026, fullMarks(), EVALUATOR));
        assertTrue(notFound.detail().length() < 300, notFound.detail());
        assertEquals(DIKNAS, db.evaluations.evaluate(DIKNAS, 2026, fullMarks(), EVALUATOR).agencyCode());
    }
}
