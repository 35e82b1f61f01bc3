package id.gapura.budgeting.internal;

import id.gapura.api.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import static id.gapura.budgeting.internal.CeilingsTest.ATK;
import static id.gapura.budgeting.internal.CeilingsTest.DIKNAS;
import static id.gapura.budgeting.internal.CeilingsTest.PC;
import static id.gapura.budgeting.internal.CeilingsTest.USB;
import static id.gapura.budgeting.internal.CeilingsTest.YEAR;
import static id.gapura.budgeting.internal.CeilingsTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From ceilings to a locked DPA, a perubahan as version 2, line history and version comparison. */
class WorkflowTest {

    final Actor tapd = Actor.tapd("tapd");
    final Actor diknas = Actor.agency("operator-diknas", DIKNAS);
    final Actor head = Actor.head("kadisdik", DIKNAS);
    TestDatabase db;

    TestDatabase database() throws Exception {
        return new TestDatabase();
    }

    @BeforeEach
    void setUp() throws Exception {
        db = database();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void fromCeilingsToDpaThenAPerubahanComparedWithTheMurni() {
        Budget budget = db.budget;
        budget.openYear(YEAR, tapd);
        assertEquals(409, assertThrows(ProblemException.class, () -> budget.addLine(YEAR, line(USB, PC, "1", "1"), diknas)).status());
        budget.setCeiling(YEAR, DIKNAS, null, new BigDecimal("1000000000"), tapd);
        budget.setCeiling(YEAR, DIKNAS, USB, new BigDecimal("800000000"), tapd);
        budget.advance(YEAR, Stage.DRAFTING, tapd);
        Budget.LineView pcs = budget.addLine(YEAR, line(USB, PC, "20", "15000000"), diknas);
        Budget.LineView atk = budget.addLine(YEAR, line(USB, ATK, "100", "125000"), diknas);
        budget.advance(YEAR, Stage.VERIFICATION, tapd);
        assertEquals(409, assertThrows(ProblemException.class, () -> budget.changeLine(YEAR, atk.id(), line(USB, ATK, "90", "125000"), diknas)).status());
        Budget.LineView returned = budget.returnLine(YEAR, atk.id(), "Sesuaikan dengan SSH: ATK Rp120.000/paket", tapd);
        assertEquals("returned", returned.status());
        assertEquals(409, assertThrows(ProblemException.class, () -> budget.advance(YEAR, Stage.VALIDATION, tapd)).status());
        budget.changeLine(YEAR, atk.id(), line(USB, ATK, "100", "120000"), diknas);
        assertEquals(2, budget.verifyAgency(YEAR, DIKNAS, tapd));
        budget.advance(YEAR, Stage.VALIDATION, tapd);
        ProblemException notValidated = assertThrows(ProblemException.class, () -> budget.advance(YEAR, Stage.DPA, tapd));
        assertTrue(notValidated.detail().contains(DIKNAS), notValidated.detail());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> budget.validateAgency(YEAR, DIKNAS, Actor.head("kadinkes", CeilingsTest.DINKES))).status());
        ProblemException drafter = assertThrows(ProblemException.class, () -> budget.validateAgency(YEAR, DIKNAS, diknas));
        assertEquals(403, drafter.status());
        assertTrue(drafter.detail().contains("budget-agency-head"), drafter.detail());
        budget.validateAgency(YEAR, DIKNAS, Actor.head("kadisdik", DIKNAS));
        Budget.YearView dpa = budget.advance(YEAR, Stage.DPA, tapd);
        assertEquals("dpa", dpa.stage());

        ProblemException locked = assertThrows(ProblemException.class,
                () -> budget.changeLine(YEAR, pcs.id(), line(USB, PC, "21", "15000000"), diknas));
        assertEquals(409, locked.status());
        assertTrue(locked.detail().contains("locked"), locked.detail());
        assertEquals(409, assertThrows(ProblemException.class, () -> budget.advance(YEAR, Stage.DRAFTING, tapd)).status());

        // perubahan: version 2, one line changed, one removed, one added
        Budget.YearView change = budget.openChange(YEAR, "perubahan", tapd);
        assertEquals(2, change.version());
        assertEquals("drafting", change.stage());
        budget.changeLine(YEAR, pcs.id(), line(USB, PC, "25", "15000000"), diknas);
        budget.removeLine(YEAR, atk.id(), diknas);
        Budget.LineView travel = budget.addLine(YEAR, line(USB, "5.1.02.04.01.0001", "4", "2500000"), diknas);
        budget.advance(YEAR, Stage.VERIFICATION, tapd);
        budget.verifyAgency(YEAR, DIKNAS, tapd);
        budget.advance(YEAR, Stage.VALIDATION, tapd);
        budget.validateAgency(YEAR, DIKNAS, head);
        budget.advance(YEAR, Stage.DPA, tapd);

        assertEquals(List.of(1, 2), budget.versions(YEAR).stream().map(Budget.VersionView::version).toList());
        assertEquals(new BigDecimal("312000000.00"), budget.versions(YEAR).get(0).total());
        Budget.Comparison comparison = budget.compare(YEAR, "1", "2");
        assertEquals(new BigDecimal("312000000.00"), comparison.totalFrom());
        assertEquals(new BigDecimal("385000000.00"), comparison.totalTo());
        assertEquals(new BigDecimal("73000000.00"), comparison.difference());
        assertEquals(List.of("changed", "removed", "added"), comparison.lines().stream().map(Budget.LineDifference::change).toList());
        assertEquals(new BigDecimal("75000000.00"), comparison.lines().get(0).difference());
        assertEquals(travel.id(), comparison.lines().get(2).lineId());
        assertNull(comparison.lines().get(2).before());
        assertEquals(List.of(), budget.compare(YEAR, "2", "current").lines());

        // every change of the line is kept: who, when, before, after
        List<Budget.ChangeView> history = budget.history(YEAR, atk.id());
        assertEquals(List.of("created", "returned", "changed", "verified", "removed"),
                history.stream().map(Budget.ChangeView::action).toList());
        assertEquals("125000.00", history.get(2).before().get("unitPrice").asText());
        assertEquals("120000.00", history.get(2).after().get("unitPrice").asText());
        assertEquals("operator-diknas", history.get(2).changedBy());
        assertNull(history.get(4).after());
        assertEquals(2, history.get(4).version());
    }

    @Test
    void aPergeseranCannotChangeCeilings() {
        Budget budget = db.budget;
        budget.openYear(YEAR, tapd);
        budget.setCeiling(YEAR, DIKNAS, null, new BigDecimal("1000000000"), tapd);
        budget.advance(YEAR, Stage.DRAFTING, tapd);
        budget.advance(YEAR, Stage.VERIFICATION, tapd);
        budget.advance(YEAR, Stage.VALIDATION, tapd);
        budget.advance(YEAR, Stage.DPA, tapd);
        budget.openChange(YEAR, "pergeseran", tapd);
        assertEquals(409, assertThrows(ProblemException.class,
                () -> budget.setCeiling(YEAR, DIKNAS, null, new BigDecimal("2000000000"), tapd)).status());
    }

    @Test
    void aPergeseranKeepsEachAgencysTotal() {
        Budget budget = db.budget;
        budget.openYear(YEAR, tapd);
        budget.setCeiling(YEAR, DIKNAS, null, new BigDecimal("1000000000"), tapd);
        budget.setCeiling(YEAR, DIKNAS, USB, new BigDecimal("800000000"), tapd);
        budget.advance(YEAR, Stage.DRAFTING, tapd);
        Budget.LineView pcs = budget.addLine(YEAR, line(USB, PC, "20", "15000000"), diknas);
        Budget.LineView atk = budget.addLine(YEAR, line(USB, ATK, "100", "120000"), diknas);
        lock(budget);
        budget.openChange(YEAR, "pergeseran", tapd);
        budget.changeLine(YEAR, pcs.id(), line(USB, PC, "19", "15000000"), diknas);
        budget.advance(YEAR, Stage.VERIFICATION, tapd);
        budget.verifyAgency(YEAR, DIKNAS, tapd);
        budget.advance(YEAR, Stage.VALIDATION, tapd);
        budget.validateAgency(YEAR, DIKNAS, head);
        ProblemException unbalanced = assertThrows(ProblemException.class, () -> budget.advance(YEAR, Stage.DPA, tapd));
        assertEquals("Version 2 of 2027 is a pergeseran, which keeps each agency's total; changed: " + DIKNAS
                + " Rp312.000.000 → Rp297.000.000. Balance the lines, or use a perubahan.", unbalanced.detail());
        assertEquals(List.of(1), budget.versions(YEAR).stream().map(Budget.VersionView::version).toList());
    }

    private void lock(Budget budget) {
        budget.advance(YEAR, Stage.VERIFICATION, tapd);
        budget.verifyAgency(YEAR, DIKNAS, tapd);
        budget.advance(YEAR, Stage.VALIDATION, tapd);
        budget.validateAgency(YEAR, DIKNAS, head);
        budget.advance(YEAR, Stage.DPA, tapd);
    }

    @Test
    void theImportIsAllOrNothing() throws Exception {
        ProblemException refused = assertThrows(ProblemException.class, () -> db.reference.importCsv(Codes.Kind.PROGRAMMES,
                new StringReader("code,name\n1.01.03,Program Pengembangan Kurikulum\n1.01.03.2.01.0001,Tanpa kegiatan\n")));
        assertEquals(422, refused.status());
        assertTrue(refused.detail().startsWith("Nothing was imported: 1 problem(s): line 3:"), refused.detail());
        assertTrue(db.reference.find(Codes.Kind.PROGRAMMES, "1.01.03").isEmpty());
        ReferenceData.ImportOutcome outcome = db.reference.importCsv(Codes.Kind.PROGRAMMES, new StringReader(
                "code,name\n1.01.03.2.01,Penetapan Kurikulum\n1.01.03,Program Pengembangan Kurikulum\n1.01,Urusan Pemerintahan Bidang Pendidikan\n"));
        assertEquals(2, outcome.added());
        assertEquals(1, outcome.updated());
        assertEquals("kegiatan", db.reference.find(Codes.Kind.PROGRAMMES, "1.01.03.2.01").orElseThrow().level());
    }
}
