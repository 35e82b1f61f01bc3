package id.gapura.budgeting.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static id.gapura.budgeting.internal.CeilingsTest.ATK;
import static id.gapura.budgeting.internal.CeilingsTest.DIKNAS;
import static id.gapura.budgeting.internal.CeilingsTest.USB;
import static id.gapura.budgeting.internal.CeilingsTest.YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What budgeting accepts, against its real tables: numbers and text bounded by their columns, years and agencies checked. */
class BudgetingInputsTest {

    final Actor tapd = Actor.tapd("tapd");
    final Actor diknas = Actor.agency("operator-diknas", DIKNAS);
    TestDatabase db;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        db.budget.openYear(YEAR, tapd);
        db.budget.setCeiling(YEAR, DIKNAS, null, new BigDecimal("1250000000"), tapd);
        db.budget.setCeiling(YEAR, DIKNAS, USB, new BigDecimal("1000000000"), tapd);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static ProblemException refused(int status, Executable call) {
        long started = System.nanoTime();
        ProblemException problem = assertThrows(ProblemException.class, call);
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "answered in well under a second");
        assertEquals(status, problem.status(), problem.getMessage());
        assertTrue(problem.getMessage().length() < 2000, "a short message");
        problem.errors().forEach(e -> assertTrue(e.message().length() < 200, e.message()));
        return problem;
    }

    private static List<String> fields(ProblemException problem) {
        return problem.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void ceilingsBeyondTheColumnAreRefused() {
        for (String amount : List.of("1e400", "123456789012345678901234567890", "1e1000000")) {
            assertEquals(List.of("amount"), fields(refused(422,
                    () -> db.budget.setCeiling(YEAR, DIKNAS, null, new BigDecimal(amount), tapd))), amount);
        }
    }

    @Test
    void budgetLinesAreBoundedAndClean() {
        db.budget.advance(YEAR, Stage.DRAFTING, tapd);
        assertEquals(List.of("description", "volume", "unitPrice"), fields(refused(422, () -> db.budget.addLine(YEAR,
                new Budget.LineInput(DIKNAS, USB, ATK, "Kertas\u0000", new BigDecimal("1e400"), "rim",
                        new BigDecimal("123456789012345678901234567890")), diknas))));
        assertEquals(List.of("unit"), fields(refused(422, () -> db.budget.addLine(YEAR,
                new Budget.LineInput(DIKNAS, USB, ATK, "Kertas", BigDecimal.ONE, "rim\u202E", BigDecimal.TEN), diknas))));
    }

    @Test
    void cashPlanMonthsAreBoundedBeforeAnyArithmetic() {
        List<BigDecimal> months = new ArrayList<>(Collections.nCopies(12, BigDecimal.ZERO));
        months.set(0, new BigDecimal("1e1000000"));
        assertEquals(List.of("months[0]"), fields(refused(422,
                () -> db.cashPlan.set(YEAR, new CashPlan.Input(DIKNAS, USB, months), tapd))));
    }

    @Test
    void realisationTextIsBoundedAndClean() {
        Realisation.Input input = new Realisation.Input(DIKNAS, USB, ATK, YEAR + "-03-15", new BigDecimal("1e400"),
                "SP2D\u0000", "x".repeat(501));
        assertEquals(List.of("amount", "document", "description"), fields(refused(422,
                () -> db.realisation.record(YEAR, input, tapd))));
    }

    @Test
    void aReturnNoteLongerThanItsColumnIsRefused() {
        db.budget.advance(YEAR, Stage.DRAFTING, tapd);
        Budget.LineView line = db.budget.addLine(YEAR, new Budget.LineInput(DIKNAS, USB, ATK, "Kertas", BigDecimal.ONE,
                "rim", BigDecimal.TEN), diknas);
        db.budget.advance(YEAR, Stage.VERIFICATION, tapd);
        assertEquals(List.of("note"), fields(refused(422, () -> db.budget.returnLine(YEAR, line.id(), "n".repeat(1001), tapd))));
    }

    @Test
    void yearsAreBoundedAndMustBeOpen() {
        assertEquals(List.of("year"), fields(refused(422, () -> db.budget.openYear(2150, tapd))));
        refused(404, () -> db.budget.verifyAgency(-1, DIKNAS, tapd));
        refused(404, () -> db.budget.verifyAgency(2030, DIKNAS, tapd));
        refused(404, () -> db.budget.verifyAgency(YEAR, "..", tapd));
    }

    @Test
    void anUnterminatedQuoteInTheReferenceImportIsAClearRefusal() {
        ProblemException problem = refused(422, () -> db.reference.importCsv(Codes.Kind.PROGRAMMES,
                new StringReader("code,name\n1.01,\"Urusan pendidikan\n")));
        assertTrue(problem.detail().contains("not valid CSV"), problem.detail());
    }

    @Test
    void referenceImportProblemsAreBoundedAndDoNotEchoLongCodes() {
        StringBuilder csv = new StringBuilder("code,name\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("X".repeat(100)).append(i).append(",Nama\n");
        }
        csv.append("1.01,").append("N\u0000ama").append('\n');
        ProblemException problem = refused(422, () -> db.reference.importCsv(Codes.Kind.PROGRAMMES, new StringReader(csv.toString())));
        assertTrue(problem.detail().contains("5001 problem(s)"), problem.detail());
    }

    @Test
    void aUserIsAssignedByAUserName() {
        for (String bad : List.of("bad name", "../x", "x".repeat(129), "a\u0000")) {
            assertEquals(List.of("user"), fields(refused(422, () -> db.reference.assign(bad, DIKNAS))), bad);
        }
        db.reference.assign("operator.diknas", DIKNAS);
    }
}
