package id.gapura.sakip.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.budgeting.api.BudgetFigures;
import id.gapura.budgeting.api.ProgrammeBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plan → agreement → quarters → LKjIP → evaluation on the module's real migrations and SQL, on H2 (this class) and
 * PostgreSQL ({@link WorkflowPostgresTest}).
 */
class WorkflowTest {

    static final String DIKNAS = "1.01.0.00.0.00.01.0000";
    static final String DINKES = "1.02.0.00.0.00.01.0000";
    static final Actor PLANNER = Actor.planner("perencana-diknas", DIKNAS);
    static final Actor HEAD = Actor.head("kadis-diknas", DIKNAS);
    static final Actor OTHER_HEAD = Actor.head("kadis-dinkes", DINKES);
    static final Actor EVALUATOR = Actor.evaluator("inspektorat");

    TestDatabase db;

    TestDatabase database() throws Exception {
        return new TestDatabase();
    }

    @BeforeEach
    void open() throws Exception {
        db = database();
    }

    @AfterEach
    void close() {
        db.close();
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static List<Plans.TargetInput> targets(String... values) {
        return List.of(new Plans.TargetInput(2025, d(values[0]), null, null), new Plans.TargetInput(2026, d(values[1]), null, null),
                new Plans.TargetInput(2027, d(values[2]), null, null), new Plans.TargetInput(2028, d(values[3]), null, null),
                new Plans.TargetInput(2029, d(values[4]), null, null));
    }

    static List<Plans.TargetInput> ranges(String low, String high) {
        return List.of(2025, 2026, 2027, 2028, 2029).stream()
                .map(year -> new Plans.TargetInput(year, null, d(low), d(high))).toList();
    }

    /** Dinas Pendidikan's Renstra 2025–2029: two objectives, four indicators of all three directions. */
    static Plans.RenstraInput renstra() {
        return new Plans.RenstraInput(DIKNAS, 2025, List.of(new Plans.GoalInput("T1", "Meningkatkan mutu pendidikan dasar",
                List.of(new Plans.ObjectiveInput("S1", "Meningkatnya akses pendidikan dasar", "RPJMD S2.1 Meningkatnya kualitas SDM",
                                List.of(new Plans.IndicatorInput("IKU-1", "Angka Partisipasi Murni SD", "%", "HIGHER_IS_BETTER",
                                                d("90"), targets("91", "92", "93", "94", "95")),
                                        new Plans.IndicatorInput("IKU-2", "Angka putus sekolah SD", "%", "LOWER_IS_BETTER",
                                                d("1.5"), targets("1.4", "1.2", "1", "0.8", "0.5")))),
                        new Plans.ObjectiveInput("S2", "Meningkatnya mutu layanan", null,
                                List.of(new Plans.IndicatorInput("IKU-3", "Rasio murid per guru", "murid/guru", "RANGE",
                                                d("28"), ranges("20", "25")),
                                        new Plans.IndicatorInput("IKU-4", "Sekolah rusak berat", "sekolah", "LOWER_IS_BETTER",
                                                d("3"), targets("2", "0", "0", "0", "0"))))))));
    }

    static Agreements.AgreementInput agreement(String reason, String apmTarget) {
        return new Agreements.AgreementInput(DIKNAS, 2026, reason, List.of(
                new Agreements.IndicatorInput("IKU-1", apmTarget == null ? null : d(apmTarget), null, null, List.of("1.01.02")),
                new Agreements.IndicatorInput("IKU-2", null, null, null, List.of("1.01.02")),
                new Agreements.IndicatorInput("IKU-3", null, null, null, List.of("1.01.03")),
                new Agreements.IndicatorInput("IKU-4", null, null, null, List.of())));
    }

    static Realisations.RealisationInput value(String value) {
        return new Realisations.RealisationInput(d(value), "Laporan triwulan Dapodik", null, null);
    }

    static List<String> fields(Executable call) {
        ProblemException problem = assertThrows(ProblemException.class, call);
        assertEquals(422, problem.status(), problem.detail());
        return problem.errors().stream().map(FieldError::field).toList();
    }

    static int status(Executable call) {
        return assertThrows(ProblemException.class, call).status();
    }

    @Test
    void aRenstraIsCheckedWholeAndStoredAsEntered() {
        Plans.RenstraInput bad = new Plans.RenstraInput(DIKNAS, 2025, List.of(new Plans.GoalInput("T1", "x", List.of(
                new Plans.ObjectiveInput("S1", "y", null, List.of(
                        new Plans.IndicatorInput("IKU-1", "a", "%", "SIDEWAYS", null, targets("1", "2", "3", "4", "5")),
                        new Plans.IndicatorInput("IKU-1", "b", "", "RANGE", null, targets("1", "2", "3", "4", "5")),
                        new Plans.IndicatorInput("IKU-3", "c", "%", "HIGHER_IS_BETTER", null,
                                targets("1", "2", "3", "4", "5").subList(0, 4))))))));
        assertEquals(List.of("goals[0].objectives[0].indicators[0].direction", "goals[0].objectives[0].indicators[1].code",
                        "goals[0].objectives[0].indicators[1].unit", "goals[0].objectives[0].indicators[1].targets[0]",
                        "goals[0].objectives[0].indicators[1].targets[1]", "goals[0].objectives[0].indicators[1].targets[2]",
                        "goals[0].objectives[0].indicators[1].targets[3]", "goals[0].objectives[0].indicators[1].targets[4]",
                        "goals[0].objectives[0].indicators[2].targets"),
                fields(() -> db.plans.create(bad, PLANNER)));
        assertEquals(403, status(() -> db.plans.create(renstra(), Actor.planner("perencana-dinkes", DINKES))));

        Plans.Renstra created = db.plans.create(renstra(), PLANNER);
        assertEquals(2029, created.endYear());
        assertEquals(4, created.indicators().size());
        Plans.Indicator ratio = created.indicator("IKU-3").orElseThrow();
        assertEquals(Direction.RANGE, ratio.direction());
        assertEquals(new Plans.Target(2027, null, d("20"), d("25")), ratio.target(2027).orElseThrow());
        assertEquals(d("0.5"), created.indicator("IKU-2").orElseThrow().target(2029).orElseThrow().target());
        assertEquals("RPJMD S2.1 Meningkatnya kualitas SDM", created.objectives().get(0).regionObjective());
        assertEquals(created, db.plans.renstra(DIKNAS, 2025));
        assertEquals(List.of(new Plans.RenstraSummary(DIKNAS, 2025, 2029, 1, 2, 4)), db.plans.list(null));
        assertEquals(List.of(), db.plans.list(DINKES));

        Plans.RenstraInput overlapping = new Plans.RenstraInput(DIKNAS, 2027, List.of(new Plans.GoalInput("T1", "x",
                List.of(new Plans.ObjectiveInput("S1", "y", null, List.of(new Plans.IndicatorInput("IKU-1", "a", "%",
                        "HIGHER_IS_BETTER", null, List.of(2027, 2028, 2029, 2030, 2031).stream()
                        .map(year -> new Plans.TargetInput(year, d("1"), null, null)).toList())))))));
        assertEquals(409, status(() -> db.plans.create(overlapping, PLANNER)));
    }

    @Test
    void theHeadSignsAndLocksRevisionsAreNewVersions() {
        assertEquals(409, status(() -> db.agreements.draft(agreement(null, null), PLANNER)));
        db.plans.create(renstra(), PLANNER);
        assertEquals(List.of("indicators[1].indicatorCode", "indicators[2].programmes"), fields(() -> db.agreements.draft(
                new Agreements.AgreementInput(DIKNAS, 2026, null, List.of(
                        new Agreements.IndicatorInput("IKU-1", null, null, null, List.of()),
                        new Agreements.IndicatorInput("IKU-9", null, null, null, List.of()),
                        new Agreements.IndicatorInput("IKU-2", null, null, null, List.of("1.01")))), PLANNER)));

        Agreements.Agreement draft = db.agreements.draft(agreement(null, null), PLANNER);
        assertEquals(Agreements.DRAFT, draft.status());
        assertEquals(1, draft.version());
        assertEquals(d("92"), draft.item("IKU-1").orElseThrow().target(), "the Renstra's target for 2026 by default");
        assertEquals(d("20"), draft.item("IKU-3").orElseThrow().low());
        // the draft is replaced while it is open
        draft = db.agreements.draft(agreement(null, "92.5"), PLANNER);
        assertEquals(1, draft.version());
        assertEquals(d("92.5"), draft.item("IKU-1").orElseThrow().target());
        assertEquals(List.of("1.01.02"), draft.item("IKU-1").orElseThrow().programmes());

        assertEquals(403, status(() -> db.agreements.sign(DIKNAS, 2026, OTHER_HEAD)));
        assertEquals(403, status(() -> db.agreements.sign(DIKNAS, 2026, PLANNER)));
        Agreements.Agreement signed = db.agreements.sign(DIKNAS, 2026, HEAD);
        assertEquals(Agreements.SIGNED, signed.status());
        assertEquals("kadis-diknas", signed.signedBy());
        assertEquals(java.time.Instant.parse("2026-11-23T02:00:00Z"), signed.signedAt().toInstant());
        assertEquals(409, status(() -> db.agreements.sign(DIKNAS, 2026, HEAD)), "locked once signed");
        assertEquals(List.of("reason"), fields(() -> db.agreements.draft(agreement(null, "93"), PLANNER)));

        Agreements.Agreement revision = db.agreements.draft(agreement("APBD perubahan 2026", "93"), PLANNER);
        assertEquals(2, revision.version());
        assertEquals(Agreements.DRAFT, revision.status());
        assertEquals(d("92.5"), db.agreements.inForce(DIKNAS, 2026).orElseThrow().item("IKU-1").orElseThrow().target(),
                "version 1 stays in force until the revision is signed");
        db.agreements.sign(DIKNAS, 2026, HEAD);
        List<Agreements.Agreement> versions = db.agreements.versions(DIKNAS, 2026);
        assertEquals(List.of(2, 1), versions.stream().map(Agreements.Agreement::version).toList());
        assertEquals(List.of(Agreements.SIGNED, Agreements.SUPERSEDED), versions.stream().map(Agreements.Agreement::status).toList());
        assertEquals(d("92.5"), db.agreements.version(DIKNAS, 2026, 1).item("IKU-1").orElseThrow().target(), "history kept");
        assertEquals(d("93"), db.agreements.inForce(DIKNAS, 2026).orElseThrow().item("IKU-1").orElseThrow().target());
        assertTrue(db.audited.contains("kadis-diknas sakip.agreement.sign PK " + DIKNAS + " 2026 v2: signed and locked"),
                db.audited.toString());
    }

    @Test
    void quartersWithEvidenceGiveTheAchievement() {
        db.plans.create(renstra(), PLANNER);
        db.agreements.draft(agreement(null, null), PLANNER);
        assertEquals(409, status(() -> db.realisations.record(DIKNAS, 2026, "IKU-1", 1, value("80"), PLANNER)),
                "measured against the signed agreement only");
        db.agreements.sign(DIKNAS, 2026, HEAD);

        assertEquals(List.of("quarter", "note"), fields(() -> db.realisations.record(DIKNAS, 2026, "IKU-1", 5,
                new Realisations.RealisationInput(d("1"), " ", null, null), PLANNER)));
        assertEquals(List.of("link"), fields(() -> db.realisations.record(DIKNAS, 2026, "IKU-1", 1,
                new Realisations.RealisationInput(d("1"), null, "javascript:alert(1)", null), PLANNER)));
        assertEquals(403, status(() -> db.realisations.record(DIKNAS, 2026, "IKU-1", 1, value("80"), HEAD)));
        assertEquals(404, status(() -> db.realisations.record(DIKNAS, 2026, "IKU-9", 1, value("80"), PLANNER)));

        byte[] scan = "%PDF-1.4 laporan".getBytes(StandardCharsets.UTF_8);
        Realisations.Realisation first = db.realisations.record(DIKNAS, 2026, "IKU-1", 1, new Realisations.RealisationInput(
                d("88"), "Dapodik semester ganjil", "https://dapodik.example.go.id/apm",
                new Realisations.AttachmentInput("apm-tw1.pdf", "application/pdf", Base64.getEncoder().encodeToString(scan))), PLANNER);
        assertEquals(d("95.65"), first.achievement().percent(), "88 / 92 x 100");
        assertEquals(scan.length, first.attachmentSize());
        Realisations.Attachment attachment = db.realisations.attachment(DIKNAS, 2026, "IKU-1", 1);
        assertArrayEquals(scan, attachment.content());
        assertEquals("application/pdf", attachment.contentType());
        assertEquals(List.of("attachment.base64"), fields(() -> db.realisations.record(DIKNAS, 2026, "IKU-1", 2,
                new Realisations.RealisationInput(d("1"), "x", null, new Realisations.AttachmentInput("big.pdf", "application/pdf",
                        Base64.getEncoder().encodeToString(new byte[Realisations.MAX_ATTACHMENT_BYTES + 1]))), PLANNER)));

        db.realisations.record(DIKNAS, 2026, "IKU-1", 2, value("90"), PLANNER);
        db.realisations.record(DIKNAS, 2026, "IKU-1", 3, value("91"), PLANNER);
        db.realisations.record(DIKNAS, 2026, "IKU-1", 4, value("92.5"), PLANNER);
        // corrected: the same quarter again replaces the value and keeps the attachment
        Realisations.Realisation corrected = db.realisations.record(DIKNAS, 2026, "IKU-1", 1, value("87"), PLANNER);
        assertEquals(d("87"), corrected.value());
        assertEquals("apm-tw1.pdf", corrected.attachmentName());
        for (int q = 1; q <= 4; q++) {
            db.realisations.record(DIKNAS, 2026, "IKU-2", q, value("1.1"), PLANNER);
            db.realisations.record(DIKNAS, 2026, "IKU-3", q, value(q < 4 ? "24" : "26"), PLANNER);
            db.realisations.record(DIKNAS, 2026, "IKU-4", q, value("1"), PLANNER);
        }
        List<Realisations.Realisation> all = db.realisations.list(DIKNAS, 2026);
        assertEquals(16, all.size());
        Map<String, Achievement> q4 = new HashMap<>();
        all.stream().filter(r -> r.quarter() == 4).forEach(r -> q4.put(r.indicatorCode(), r.achievement()));
        assertEquals(d("100.54"), q4.get("IKU-1").percent(), "92.5 / 92");
        assertEquals(d("108.33"), q4.get("IKU-2").percent(), "(2 - 1.1 / 1.2) x 100");
        assertEquals(d("96.00"), q4.get("IKU-3").percent(), "26 above [20, 25]: (2 - 26 / 25) x 100");
        assertFalse(q4.get("IKU-4").computable(), "target 0");
        assertTrue(q4.get("IKU-4").note().contains("target is 0"));
    }

    @Test
    void theLkjipReportsPerObjectiveWithPreviousYearsAndTheBudgetWhileBudgetingIsThere() {
        db.plans.create(renstra(), PLANNER);
        // 2025: an agreement and its Q4 realisation, for the previous years
        db.agreements.draft(new Agreements.AgreementInput(DIKNAS, 2025, null, List.of(
                new Agreements.IndicatorInput("IKU-1", null, null, null, List.of()))), PLANNER);
        db.agreements.sign(DIKNAS, 2025, HEAD);
        db.realisations.record(DIKNAS, 2025, "IKU-1", 4, value("90.09"), PLANNER);
        db.agreements.draft(agreement(null, null), PLANNER);
        db.agreements.sign(DIKNAS, 2026, HEAD);
        for (int q = 1; q <= 4; q++) {
            db.realisations.record(DIKNAS, 2026, "IKU-1", q, value(Integer.toString(88 + q)), PLANNER);
            db.realisations.record(DIKNAS, 2026, "IKU-2", q, value("1.3"), PLANNER);
            db.realisations.record(DIKNAS, 2026, "IKU-3", q, value("22"), PLANNER);
        }
        db.realisations.record(DIKNAS, 2026, "IKU-4", 4, value("0"), PLANNER);

        Lkjip.Report report = db.lkjip.report(DIKNAS, 2026);
        assertEquals(2, report.objectives().size());
        Lkjip.ObjectiveReport access = report.objectives().get(0);
        Lkjip.IndicatorReport apm = access.indicators().get(0);
        assertEquals(List.of(1, 2, 3, 4), apm.quarters().stream().map(Lkjip.Quarter::quarter).toList());
        assertEquals(d("92"), apm.realisation(), "the year's realisation is Q4's");
        assertEquals(d("100.00"), apm.achievement().percent());
        assertEquals(1, apm.previousYears().size());
        assertEquals(d("90.09"), apm.previousYears().get(0).realisation());
        assertEquals(d("99.00"), apm.previousYears().get(0).achievement().percent(), "90.09 / 91");
        assertEquals(2029, apm.endYear());
        assertEquals(d("96.84"), apm.progressToEndTarget().percent(), "92 / 95");
        Lkjip.IndicatorReport dropout = access.indicators().get(1);
        assertEquals(d("91.67"), dropout.achievement().percent(), "(2 - 1.3 / 1.2) x 100");
        assertEquals(d("95.84"), access.achievement().percent(), "(100 + 91.67) / 2, HALF_UP");
        Lkjip.ObjectiveReport quality = report.objectives().get(1);
        assertEquals(d("100.00"), quality.indicators().get(0).achievement().percent(), "22 inside [20, 25]");
        assertFalse(quality.indicators().get(1).achievement().computable());
        assertEquals(d("100.00"), quality.achievement().percent());
        assertTrue(quality.achievement().note().contains("1 indicator(s)"));
        assertEquals(d("97.22"), report.achievement().percent(), "(100 + 91.67 + 100) / 3 over the agency's indicators");

        // no budgeting module: stated as not available
        assertFalse(access.budget().available());
        assertEquals(Lkjip.BUDGETING_ABSENT, access.budget().note());
        assertNull(report.budget().allocated());
        assertTrue(LkjipHtml.render(report, java.time.ZoneId.of("Asia/Jakarta")).contains("tidak tersedia (modul e-budgeting"));

        // installed, without realisation: the allocation, and spent stated as not available
        db.budgetLink.set(figures(null));
        Lkjip.Report withBudget = db.lkjip.report(DIKNAS, 2026);
        Lkjip.Budget budget = withBudget.objectives().get(0).budget();
        assertTrue(budget.available());
        assertEquals(d("600000000.00"), budget.allocated());
        assertNull(budget.spent());
        assertTrue(budget.note().contains("spent not available"), budget.note());
        assertEquals(List.of("1.01.02"), budget.programmes().stream().map(Lkjip.Programme::code).toList());
        Lkjip.Budget total = withBudget.budget();
        assertEquals(List.of("1.01.02", "1.01.03"), total.programmes().stream().map(Lkjip.Programme::code).toList());
        assertEquals(d("750000000.00"), total.allocated());
        String html = LkjipHtml.render(withBudget, java.time.ZoneId.of("Asia/Jakarta"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("Rp750.000.000"), html);

        // with realisation: spent and absorption
        db.budgetLink.set(figures(d("450000000.00")));
        Lkjip.Budget spent = db.lkjip.report(DIKNAS, 2026).objectives().get(0).budget();
        assertEquals(d("450000000.00"), spent.spent());
        assertEquals(d("75.00"), spent.absorption());
        assertNull(spent.note());

        // uninstalled again
        db.budgetLink.set(null);
        assertFalse(db.lkjip.report(DIKNAS, 2026).budget().available());
        assertEquals(409, status(() -> db.lkjip.report(DIKNAS, 2027)), "no signed agreement for 2027");
    }

    private static BudgetFigures figures(BigDecimal spentOnAccess) {
        return new BudgetFigures() {
            @Override
            public List<ProgrammeBudget> byProgramme(String agencyCode, int year) {
                return agencyCode.equals(DIKNAS) && year == 2026 ? List.of(
                        new ProgrammeBudget(DIKNAS, 2026, 1, "1.01.02", "Program Pengelolaan Pendidikan", d("600000000.00"), spentOnAccess),
                        new ProgrammeBudget(DIKNAS, 2026, 1, "1.01.03", "Program Pengembangan Kurikulum", d("150000000.00"),
                                spentOnAccess == null ? null : d("100000000.00"))) : List.of();
            }

            @Override
            public List<ProgrammeBudget> byProgramme(int year) {
                return byProgramme(DIKNAS, year);
            }
        };
    }

    static Evaluations.EvaluationInput scores(String perencanaan, String pengukuran, String pelaporan, String evaluasi) {
        return new Evaluations.EvaluationInput(Map.of(
                "perencanaan", Map.of("pemenuhan", d(perencanaan), "kualitas", d(perencanaan), "implementasi", d(perencanaan)),
                "pengukuran", Map.of("pemenuhan", d(pengukuran), "kualitas", d(pengukuran), "implementasi", d(pengukuran)),
                "pelaporan", Map.of("pemenuhan", d(pelaporan), "kualitas", d(pelaporan), "implementasi", d(pelaporan)),
                "evaluasi", Map.of("pemenuhan", d(evaluasi), "kualitas", d(evaluasi), "implementasi", d(evaluasi))), "LHE 2026");
    }

    @Test
    void theEvaluatorGradesEachYearAndTheHistoryIsKept() {
        assertEquals(403, status(() -> db.evaluations.evaluate(DIKNAS, 2025, scores("90", "90", "90", "90"), PLANNER)));
        Map<String, Map<String, BigDecimal>> partial = new HashMap<>(scores("90", "90", "90", "90").scores());
        partial.remove("pelaporan");
        partial.put("kinerja", Map.of());
        List<String> missing = fields(() -> db.evaluations.evaluate(DIKNAS, 2025, new Evaluations.EvaluationInput(partial, null), EVALUATOR));
        assertEquals(List.of("scores.kinerja", "scores.pelaporan.pemenuhan", "scores.pelaporan.kualitas", "scores.pelaporan.implementasi"),
                missing);
        assertEquals(List.of("scores.evaluasi.pemenuhan", "scores.evaluasi.kualitas", "scores.evaluasi.implementasi"),
                fields(() -> db.evaluations.evaluate(DIKNAS, 2025, scores("90", "90", "90", "100.5"), EVALUATOR)));

        Evaluations.Evaluation exactly90 = db.evaluations.evaluate(DIKNAS, 2025, scores("90", "90", "90", "90"), EVALUATOR);
        assertEquals(d("90.00"), exactly90.total());
        assertEquals("A", exactly90.grade());
        // 30 x 0.9 + 30 x 0.9 + 15 x 0.9 + 25 x 0.9004 = 90.01
        Evaluations.Evaluation above = db.evaluations.evaluate(DIKNAS, 2026, scores("90", "90", "90", "90.04"), EVALUATOR);
        assertEquals(d("90.01"), above.total());
        assertEquals("AA", above.grade());
        assertEquals("Sangat Memuaskan", above.predicate());
        assertEquals(d("22.51"), above.components().get(3).total());
        assertEquals(d("12.5"), above.components().get(3).subcomponents().get(2).weight());
        Evaluations.Evaluation low = db.evaluations.evaluate(DINKES, 2026, scores("30", "30", "30", "30"), EVALUATOR);
        assertEquals("D", low.grade());
        // corrected: the year's worksheet is replaced, the audit log keeps what it was
        Evaluations.Evaluation corrected = db.evaluations.evaluate(DINKES, 2026, scores("40", "30", "30", "30"), EVALUATOR);
        assertEquals(d("33.00"), corrected.total());
        assertEquals("C", corrected.grade());
        assertTrue(db.audited.contains("inspektorat sakip.evaluation.enter LKE " + DINKES + " 2026: was 30 D, now 33.00 C"),
                db.audited.toString());

        assertEquals(List.of(2026, 2025), db.evaluations.history(DIKNAS).stream().map(Evaluations.Summary::year).toList());
        assertEquals(List.of("AA", "A"), db.evaluations.history(DIKNAS).stream().map(Evaluations.Summary::grade).toList());
        assertEquals(3, db.evaluations.history(null).size());
        assertEquals(d("90.00"), db.evaluations.evaluation(DIKNAS, 2025).total());
        assertEquals(404, status(() -> db.evaluations.evaluation(DIKNAS, 2024)));
    }

    @Test
    void agenciesAndAssignments() {
        assertEquals(3, db.agencies.list().size());
        assertEquals(403, status(() -> db.agencies.put("4.01.0.00.0.00.01.0000", "Bappeda", PLANNER)));
        db.agencies.put("4.01.0.00.0.00.01.0000", "Badan Perencanaan Pembangunan Daerah", Actor.admin("karaf"));
        assertEquals(4, db.agencies.list().size());
        assertEquals(List.of("code", "name"), fields(() -> db.agencies.put("a b", " ", Actor.admin("karaf"))));
        db.agencies.assign("perencana-diknas", DIKNAS, Actor.admin("karaf"));
        db.agencies.assign("perencana-diknas", DINKES, Actor.admin("karaf"));
        assertEquals(DINKES, db.agencies.agencyOf("perencana-diknas").orElseThrow());
        assertEquals(404, status(() -> db.agencies.assign("x", "9.99", Actor.admin("karaf"))));
        assertEquals(Map.of("perencana-diknas", DINKES), db.agencies.assignments());
    }
}
