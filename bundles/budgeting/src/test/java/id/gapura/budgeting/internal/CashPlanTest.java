package id.gapura.budgeting.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static id.gapura.budgeting.internal.CeilingsTest.DIKNAS;
import static id.gapura.budgeting.internal.CeilingsTest.DINKES;
import static id.gapura.budgeting.internal.CeilingsTest.USB;
import static id.gapura.budgeting.internal.CeilingsTest.YEAR;
import static id.gapura.budgeting.internal.ReportsTest.GIZI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cash plan (anggaran kas) spreads a sub kegiatan's DPA budget over the months, exactly, with every revision kept. */
class CashPlanTest {

    final Actor bendahara = Actor.agency("bendahara-diknas", DIKNAS);
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

    /** Rp312.000.000 (the USB budget of Diknas) over twelve months: 26 million each. */
    static List<BigDecimal> even(String each) {
        return new ArrayList<>(Collections.nCopies(12, new BigDecimal(each)));
    }

    @Test
    void noCashPlanBeforeTheDpa() {
        db.budget.openYear(YEAR, Actor.tapd("tapd"));
        ProblemException refused = assertThrows(ProblemException.class, () -> db.cashPlan.set(YEAR,
                new CashPlan.Input(DIKNAS, USB, even("26000000")), bendahara));
        assertEquals(409, refused.status());
        assertTrue(refused.detail().contains("no locked DPA"), refused.detail());
    }

    @Test
    void theMonthsMustAddUpToTheBudgetAndARevisionReplacesThePlanInForce() {
        ReportsTest.lockedDpa(db.budget);
        List<BigDecimal> months = even("26000000");
        months.set(11, new BigDecimal("25999999.50"));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> db.cashPlan.set(YEAR, new CashPlan.Input(DIKNAS, USB, months), bendahara));
        assertEquals(422, refused.status());
        assertEquals("Refused: the months of the cash plan add up to Rp311.999.999,50 but the DPA (version 1) budgets"
                + " Rp312.000.000 for sub kegiatan " + USB + " of agency " + DIKNAS + "; difference -Rp0,50.", refused.detail());

        CashPlan.View first = db.cashPlan.set(YEAR, new CashPlan.Input(DIKNAS, USB, even("26000000")), bendahara);
        assertEquals(1, first.revision());
        assertEquals(1, first.version());
        assertEquals(new BigDecimal("312000000.00"), first.total());
        assertEquals(first.budget(), first.total());
        List<BigDecimal> frontLoaded = even("0");
        frontLoaded.set(0, new BigDecimal("300000000"));
        frontLoaded.set(6, new BigDecimal("12000000"));
        CashPlan.View second = db.cashPlan.set(YEAR, new CashPlan.Input(DIKNAS, USB, frontLoaded), Actor.tapd("tapd"));
        assertEquals(2, second.revision());
        assertEquals("tapd", second.setBy());
        List<CashPlan.View> plans = db.cashPlan.plans(YEAR, DIKNAS);
        assertEquals(1, plans.size());
        assertEquals(new BigDecimal("300000000.00"), plans.get(0).months().get(0));
        assertEquals(List.of(), db.cashPlan.plans(YEAR, DINKES));

        ProblemException invalid = assertThrows(ProblemException.class, () -> db.cashPlan.set(YEAR,
                new CashPlan.Input(DIKNAS, USB, List.of(BigDecimal.ONE, new BigDecimal("-1"))), bendahara));
        assertEquals(List.of("months"), invalid.errors().stream().map(FieldError::field).toList());
        assertEquals(403, assertThrows(ProblemException.class, () -> db.cashPlan.set(YEAR,
                new CashPlan.Input(DINKES, GIZI, even("1750000")), bendahara)).status());
        ProblemException notInDpa = assertThrows(ProblemException.class, () -> db.cashPlan.set(YEAR,
                new CashPlan.Input(DIKNAS, GIZI, even("1")), Actor.tapd("tapd")));
        assertEquals(422, notInDpa.status());
        assertTrue(notInDpa.detail().contains("no budget for sub kegiatan " + GIZI), notInDpa.detail());
        CashPlan.View dinkes = db.cashPlan.set(YEAR, new CashPlan.Input(DINKES, GIZI, even("1750000")), Actor.tapd("tapd"));
        assertEquals(new BigDecimal("21000000.00"), dinkes.total());
        assertEquals(2, db.cashPlan.plans(YEAR, null).size());
    }
}
