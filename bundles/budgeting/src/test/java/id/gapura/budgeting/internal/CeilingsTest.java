package id.gapura.budgeting.internal;

import id.gapura.api.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ceilings are enforced per sub kegiatan and per agency, also when many edits arrive at once. */
class CeilingsTest {

    static final int YEAR = 2027;
    static final String DIKNAS = "1.01.0.00.0.00.01.0000";
    static final String DINKES = "1.02.0.00.0.00.01.0000";
    static final String USB = "1.01.02.2.01.0001";
    static final String PERLENGKAPAN = "1.01.02.2.01.0009";
    static final String ATK = "5.1.02.01.01.0024";
    static final String PC = "5.2.02.10.01.0002";

    final Actor tapd = Actor.tapd("tapd");
    final Actor diknas = Actor.agency("operator-diknas", DIKNAS);
    TestDatabase db;

    TestDatabase database() throws Exception {
        return new TestDatabase();
    }

    @BeforeEach
    void setUp() throws Exception {
        db = database();
        db.budget.openYear(YEAR, tapd);
        db.budget.setCeiling(YEAR, DIKNAS, null, new BigDecimal("1250000000"), tapd);
        db.budget.setCeiling(YEAR, DIKNAS, USB, new BigDecimal("1000000000"), tapd);
        db.budget.setCeiling(YEAR, DIKNAS, PERLENGKAPAN, new BigDecimal("500000000"), tapd);
        db.budget.advance(YEAR, Stage.DRAFTING, tapd);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static Budget.LineInput line(String subKegiatan, String account, String volume, String unitPrice) {
        return new Budget.LineInput(DIKNAS, subKegiatan, account, "Pengadaan", new BigDecimal(volume), "unit", new BigDecimal(unitPrice));
    }

    @Test
    void aLineOverTheSubKegiatanCeilingIsRefusedWithCeilingTotalAndExcess() {
        Budget.LineView first = db.budget.addLine(YEAR, line(USB, PC, "40", "15000000"), diknas);
        assertEquals(new BigDecimal("600000000.00"), first.amount());
        ProblemException refused = assertThrows(ProblemException.class,
                () -> db.budget.addLine(YEAR, line(USB, PC, "30", "15000000"), diknas));
        assertEquals(409, refused.status());
        assertEquals("Refused: this would exceed the ceiling (pagu) of sub kegiatan 1.01.02.2.01.0001 of agency "
                + DIKNAS + ". Ceiling Rp1.000.000.000, current total Rp600.000.000, excess Rp50.000.000.", refused.detail());
        assertEquals(1, db.budget.lines(YEAR, DIKNAS).size());
    }

    @Test
    void aChangeIsCheckedWithoutTheLineItReplaces() {
        Budget.LineView line = db.budget.addLine(YEAR, line(USB, PC, "60", "15000000"), diknas);
        Budget.LineView changed = db.budget.changeLine(YEAR, line.id(), line(USB, PC, "66", "15000000"), diknas);
        assertEquals(new BigDecimal("990000000.00"), changed.amount());
        ProblemException refused = assertThrows(ProblemException.class,
                () -> db.budget.changeLine(YEAR, line.id(), line(USB, PC, "67", "15000000"), diknas));
        assertTrue(refused.detail().contains("Ceiling Rp1.000.000.000, current total Rp0, excess Rp5.000.000."), refused.detail());
    }

    @Test
    void theAgencyCeilingHoldsAcrossItsSubKegiatan() {
        db.budget.setCeiling(YEAR, DIKNAS, null, new BigDecimal("1250000000"), tapd);
        db.budget.addLine(YEAR, line(USB, PC, "66", "15000000"), diknas);   // 990.000.000
        db.budget.addLine(YEAR, line(PERLENGKAPAN, ATK, "1000", "250000"), diknas); // 250.000.000
        ProblemException refused = assertThrows(ProblemException.class,
                () -> db.budget.addLine(YEAR, line(PERLENGKAPAN, ATK, "1", "10000001"), diknas));
        assertEquals("Refused: this would exceed the ceiling (pagu) of agency " + DIKNAS
                + ". Ceiling Rp1.250.000.000, current total Rp1.240.000.000, excess Rp1.", refused.detail());
    }

    @Test
    void aLineWithoutCeilingIsInvalidAndCeilingsCannotDropBelowTheLines() {
        ProblemException noCeiling = assertThrows(ProblemException.class, () -> db.budget.addLine(YEAR,
                new Budget.LineInput(DINKES, "1.02.02.2.02.0001", ATK, "ATK", BigDecimal.ONE, "paket", BigDecimal.TEN),
                Actor.agency("dinkes", DINKES)));
        assertEquals(422, noCeiling.status());
        db.budget.addLine(YEAR, line(USB, PC, "40", "15000000"), diknas);
        ProblemException lower = assertThrows(ProblemException.class,
                () -> db.budget.setCeiling(YEAR, DIKNAS, USB, new BigDecimal("500000000"), tapd));
        assertEquals(409, lower.status());
        assertTrue(lower.detail().contains("Rp600.000.000"), lower.detail());
    }

    @Test
    void anotherAgencyCannotDraftForDiknas() {
        ProblemException forbidden = assertThrows(ProblemException.class,
                () -> db.budget.addLine(YEAR, line(USB, PC, "1", "1000"), Actor.agency("dinkes", DINKES)));
        assertEquals(403, forbidden.status());
    }

    @Test
    void concurrentLinesCannotJointlyExceedTheCeiling() throws Exception {
        // 40 agency operators at once each add Rp30.000.000 to a sub kegiatan with Rp1.000.000.000 ceiling: 33 fit
        int threads = 40;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<Boolean> add = () -> {
                start.await();
                try {
                    db.budget.addLine(YEAR, line(USB, PC, "2", "15000000"), diknas);
                    return true;
                } catch (ProblemException e) {
                    assertEquals(409, e.status(), e.detail());
                    return false;
                }
            };
            results.add(pool.submit(add));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Boolean> result : results) {
            accepted += result.get(120, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(33, accepted);
        BigDecimal total = db.budget.lines(YEAR, DIKNAS).stream().map(Budget.LineView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("990000000.00"), total);
    }

    @Test
    void concurrentChangesOfDifferentLinesCannotJointlyExceedTheAgencyCeiling() throws Exception {
        // two sub kegiatan, each within its own ceiling, both grown at once: the agency ceiling still holds
        db.budget.setCeiling(YEAR, DIKNAS, null, new BigDecimal("300000000"), tapd);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(db.budget.addLine(YEAR, line(i % 2 == 0 ? USB : PERLENGKAPAN, ATK, "1", "10000000"), diknas).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            String sub = i % 2 == 0 ? USB : PERLENGKAPAN;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    db.budget.changeLine(YEAR, id, line(sub, ATK, "1", "49000000"), diknas);
                    return true;
                } catch (ProblemException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        for (Future<Boolean> result : results) {
            result.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(3, db.budget.ceilings(YEAR, DIKNAS).size());
        BigDecimal total = db.budget.lines(YEAR, DIKNAS).stream().map(Budget.LineView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(total.compareTo(new BigDecimal("300000000")) <= 0, total.toPlainString());
        assertTrue(total.compareTo(new BigDecimal("261000000")) >= 0, "as many changes as fit were taken: " + total.toPlainString());
        for (Budget.CeilingView ceiling : db.budget.ceilings(YEAR, DIKNAS)) {
            assertTrue(ceiling.used().compareTo(ceiling.ceiling()) <= 0, ceiling.toString());
        }
    }
}
