package id.gapura.budgeting.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.budgeting.api.ProgrammeBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static id.gapura.budgeting.internal.CeilingsTest.ATK;
import static id.gapura.budgeting.internal.CeilingsTest.DIKNAS;
import static id.gapura.budgeting.internal.CeilingsTest.DINKES;
import static id.gapura.budgeting.internal.CeilingsTest.PC;
import static id.gapura.budgeting.internal.CeilingsTest.USB;
import static id.gapura.budgeting.internal.CeilingsTest.YEAR;
import static id.gapura.budgeting.internal.CeilingsTest.line;
import static id.gapura.budgeting.internal.ReportsTest.GIZI;
import static id.gapura.budgeting.internal.ReportsTest.MEALS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Realisation against the DPA in force: refused over a line's budget with the figures, corrections as reversing
 * entries, concurrent payments never jointly over the budget, all-or-nothing CSV import, absorption reports and the
 * realisation other modules read.
 */
class RealisationTest {

    final Actor tapd = Actor.tapd("tapd");
    final Actor bendahara = Actor.agency("bendahara-diknas", DIKNAS);
    TestDatabase db;
    Realisation realisation;
    Reports reports;

    TestDatabase database() throws Exception {
        return new TestDatabase();
    }

    @BeforeEach
    void setUp() throws Exception {
        db = database();
        realisation = db.realisation;
        reports = new Reports(db.budget, db.reference, realisation);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static Realisation.Input pay(String agency, String sub, String account, String date, String amount, String document) {
        return new Realisation.Input(agency, sub, account, date, new BigDecimal(amount), document, "Pembayaran " + document);
    }

    @Test
    void noRealisationBeforeTheDpa() {
        db.budget.openYear(YEAR, tapd);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> realisation.record(YEAR, pay(DIKNAS, USB, PC, "2027-02-01", "1", "SP2D-1"), bendahara));
        assertEquals(409, refused.status());
        assertTrue(refused.detail().contains("no locked DPA"), refused.detail());
    }

    @Test
    void paymentsUpToTheLineBudgetThenRefusedWithTheFigures() {
        ReportsTest.lockedDpa(db.budget);
        Realisation.Entry first = realisation.record(YEAR, pay(DIKNAS, USB, PC, "2027-03-15", "150000000", "SP2D-0001/LS/2027"), bendahara);
        assertEquals(1, first.version());
        assertEquals(LocalDate.of(2027, 3, 15), first.date());
        assertEquals(new BigDecimal("150000000.00"), first.amount());
        assertEquals("bendahara-diknas", first.recordedBy());
        assertEquals("SP2D-0001/LS/2027", first.document());
        realisation.record(YEAR, pay(DIKNAS, USB, PC, "2027-04-02", "149999999.50", "SP2D-0002/LS/2027"), bendahara);

        ProblemException over = assertThrows(ProblemException.class,
                () -> realisation.record(YEAR, pay(DIKNAS, USB, PC, "2027-05-02", "1", "SP2D-0003/LS/2027"), bendahara));
        assertEquals(409, over.status());
        assertEquals("Refused: this would exceed the budget in the DPA (version 1) of account " + PC + " of sub kegiatan " + USB
                + " of agency " + DIKNAS + ". Budget Rp300.000.000, realised so far Rp299.999.999,50, this payment Rp1,"
                + " excess Rp0,50.", over.detail());
        realisation.record(YEAR, pay(DIKNAS, USB, PC, "2027-05-02", "0.50", "SP2D-0003/LS/2027"), bendahara);

        ProblemException notInDpa = assertThrows(ProblemException.class,
                () -> realisation.record(YEAR, pay(DIKNAS, USB, MEALS, "2027-05-02", "1", "SP2D-0004/LS/2027"), bendahara));
        assertEquals(422, notInDpa.status());
        assertTrue(notInDpa.detail().contains("has no budget for account " + MEALS), notInDpa.detail());

        ProblemException invalid = assertThrows(ProblemException.class, () -> realisation.record(YEAR,
                new Realisation.Input(DIKNAS, USB, "5.1.02", "2026-12-31", new BigDecimal("-5"), " ", null), bendahara));
        assertEquals(422, invalid.status());
        assertEquals(List.of("accountCode", "date", "amount", "document"), invalid.errors().stream().map(FieldError::field).toList());
        assertEquals(422, assertThrows(ProblemException.class, () -> realisation.record(YEAR,
                pay(DIKNAS, USB, PC, "2027-02-30", "1", "X"), bendahara)).status());
        assertEquals(422, assertThrows(ProblemException.class, () -> realisation.record(YEAR,
                pay(DIKNAS, USB, PC, "2027-02-01", "0.001", "X"), bendahara)).status());
    }

    @Test
    void onlyTheAgencysOwnStaffOrTapdRecordIt() {
        ReportsTest.lockedDpa(db.budget);
        assertEquals(403, assertThrows(ProblemException.class, () -> realisation.record(YEAR,
                pay(DINKES, GIZI, MEALS, "2027-03-01", "1000", "SP2D-9"), bendahara)).status());
        Realisation.Entry byTapd = realisation.record(YEAR, pay(DINKES, GIZI, MEALS, "2027-03-01", "1000", "SP2D-9"), tapd);
        assertEquals(403, assertThrows(ProblemException.class,
                () -> realisation.reverse(YEAR, byTapd.id(), "salah", bendahara)).status());
    }

    @Test
    void aCorrectionIsAReversingEntryNeverAnOverwrite() {
        ReportsTest.lockedDpa(db.budget);
        Realisation.Entry wrong = realisation.record(YEAR, pay(DIKNAS, USB, ATK, "2027-03-01", "12000000", "SP2D-0010/LS/2027"), bendahara);
        assertEquals(409, assertThrows(ProblemException.class, () -> realisation.record(YEAR,
                pay(DIKNAS, USB, ATK, "2027-03-02", "1000000", "SP2D-0011/LS/2027"), bendahara)).status());
        assertEquals(422, assertThrows(ProblemException.class, () -> realisation.reverse(YEAR, wrong.id(), " ", bendahara)).status());

        Realisation.Entry reversal = realisation.reverse(YEAR, wrong.id(), "Nilai SP2D salah ketik; yang benar Rp1.200.000", bendahara);
        assertEquals(new BigDecimal("-12000000.00"), reversal.amount());
        assertEquals(wrong.id(), reversal.reversesId());
        assertEquals(wrong.date(), reversal.date());
        realisation.record(YEAR, pay(DIKNAS, USB, ATK, "2027-03-01", "1200000", "SP2D-0010/LS/2027"), bendahara);

        List<Realisation.Entry> entries = realisation.entries(YEAR, DIKNAS);
        assertEquals(3, entries.size());
        assertEquals(new BigDecimal("12000000.00"), entries.get(0).amount(), "the wrong entry stays as it was");
        assertEquals(reversal.id(), entries.get(0).reversedBy());
        assertNull(entries.get(1).reversedBy());
        assertEquals(new BigDecimal("1200000.00"), realisation.totals(YEAR)
                .get(new Realisation.Key(DIKNAS, USB, ATK)));

        ProblemException twice = assertThrows(ProblemException.class, () -> realisation.reverse(YEAR, wrong.id(), "lagi", bendahara));
        assertEquals(409, twice.status());
        assertTrue(twice.detail().contains("already reversed by entry " + reversal.id()), twice.detail());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> realisation.reverse(YEAR, reversal.id(), "balik", bendahara)).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> realisation.reverse(YEAR, 9999, "x", bendahara)).status());
    }

    @Test
    void concurrentPaymentsCannotJointlyExceedTheBudget() throws Exception {
        ReportsTest.lockedDpa(db.budget);
        Actor dinkes = Actor.agency("bendahara-dinkes", DINKES);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> payments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String document = "SP2D-" + i;
            payments.add(pool.submit(() -> {
                start.await();
                try {
                    realisation.record(YEAR, pay(DINKES, GIZI, MEALS, "2027-06-01", "2000000", document), dinkes);
                    return 201;
                } catch (ProblemException e) {
                    return e.status();
                }
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> payment : payments) {
            statuses.add(payment.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(10, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(2, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(new BigDecimal("20000000.00"), realisation.totals(YEAR).get(new Realisation.Key(DINKES, GIZI, MEALS)));
    }

    @Test
    void theCsvImportIsAllOrNothing() throws Exception {
        ReportsTest.lockedDpa(db.budget);
        String header = "agency_code,sub_kegiatan_code,account_code,date,amount,document,description\n";
        ProblemException refused = assertThrows(ProblemException.class, () -> realisation.importCsv(YEAR, new StringReader(header
                + DIKNAS + "," + USB + "," + PC + ",2027-03-01,100000000,SP2D-1,PC tahap 1\n"
                + DIKNAS + "," + USB + "," + PC + ",2027-04-01,250000000,SP2D-2,PC tahap 2\n"
                + DINKES + "," + GIZI + "," + MEALS + ",01/05/2027,1000,SP2D-3,\n"), Actor.admin("karaf")));
        assertEquals(422, refused.status());
        assertEquals("Nothing was imported: 2 problem(s): line 3: Refused: this would exceed the budget in the DPA (version 1)"
                + " of account " + PC + " of sub kegiatan " + USB + " of agency " + DIKNAS + ". Budget Rp300.000.000, realised so far"
                + " Rp100.000.000, this payment Rp250.000.000, excess Rp50.000.000.; line 4: date: the payment date in fiscal year"
                + " 2027, as 2027-03-15", refused.detail());
        assertEquals(List.of(), realisation.entries(YEAR, null));
        assertEquals(403, assertThrows(ProblemException.class,
                () -> realisation.importCsv(YEAR, new StringReader(header), bendahara)).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> realisation.importCsv(YEAR, new StringReader("agency,amount\nx,1\n"), Actor.admin("karaf"))).status());

        Realisation.ImportOutcome imported = realisation.importCsv(YEAR, new StringReader(header
                + DIKNAS + "," + USB + "," + PC + ",2027-03-01,100000000,SP2D-1,PC tahap 1\n"
                + DINKES + "," + GIZI + "," + MEALS + ",2027-05-01,1000.50,SP2D-3,\n"), Actor.admin("karaf"));
        assertEquals(2, imported.recorded());
        assertEquals(new BigDecimal("100001000.50"), imported.total());
        assertNull(realisation.entries(YEAR, DINKES).get(0).description());
    }

    @Test
    void absorptionByProgrammeAndAgencyAndTheFiguresOtherModulesRead() {
        ReportsTest.lockedDpa(db.budget);
        assertEquals(new BigDecimal("0.00"), reports.byProgramme(DINKES, YEAR).get(0).realisation());
        realisation.record(YEAR, pay(DIKNAS, USB, PC, "2027-03-15", "150000000", "SP2D-1"), bendahara);
        realisation.record(YEAR, pay(DIKNAS, CeilingsTest.PERLENGKAPAN, ATK, "2027-03-16", "2750000", "SP2D-2"), bendahara);
        realisation.record(YEAR, pay(DINKES, GIZI, MEALS, "2027-03-17", "7000000", "SP2D-3"), tapd);

        Reports.Absorption byProgramme = reports.absorption(YEAR, "programme", null);
        assertEquals(1, byProgramme.version());
        assertEquals(List.of("1.01.02", "1.02.02"), byProgramme.rows().stream().map(Reports.AbsorptionRow::code).toList());
        Reports.AbsorptionRow education = byProgramme.rows().get(0);
        assertEquals(new BigDecimal("314750000.00"), education.budget());
        assertEquals(new BigDecimal("152750000.00"), education.realisation());
        assertEquals(new BigDecimal("162000000.00"), education.remaining());
        assertEquals(new BigDecimal("48.53"), education.absorption());
        assertEquals(new BigDecimal("33.33"), byProgramme.rows().get(1).absorption());
        assertEquals(new BigDecimal("335750000.00"), byProgramme.budget());
        assertEquals(new BigDecimal("159750000.00"), byProgramme.realisation());
        assertEquals(new BigDecimal("47.58"), byProgramme.absorption());

        Reports.Absorption byAgency = reports.absorption(YEAR, "agency", DINKES);
        assertEquals(1, byAgency.rows().size());
        assertEquals(DINKES, byAgency.rows().get(0).code());
        assertTrue(Reports.csv(byAgency).startsWith("agency_code,agency_name,code,name,budget,realisation,remaining,absorption_percent\r\n"
                + DINKES + ","), Reports.csv(byAgency));
        assertTrue(Reports.html(byProgramme).contains("48,53%"), Reports.html(byProgramme));
        assertEquals(404, assertThrows(ProblemException.class, () -> reports.absorption(YEAR, "account", null)).status());

        List<ProgrammeBudget> figures = reports.byProgramme(DIKNAS, YEAR);
        assertEquals(1, figures.size());
        assertEquals(new BigDecimal("314750000.00"), figures.get(0).budget());
        assertEquals(new BigDecimal("152750000.00"), figures.get(0).realisation());
    }

    @Test
    void aNewDpaVersionCannotBudgetLessThanWasSpent() {
        ReportsTest.lockedDpa(db.budget);
        Budget budget = db.budget;
        realisation.record(YEAR, pay(DIKNAS, USB, PC, "2027-03-15", "240000000", "SP2D-1"), bendahara);
        budget.openChange(YEAR, "perubahan", tapd);
        // while the perubahan is prepared, payments go on against the DPA in force (version 1)
        assertEquals(1, realisation.record(YEAR, pay(DIKNAS, USB, PC, "2027-07-01", "15000000", "SP2D-2"), bendahara).version());
        Budget.LineView pcs = budget.lines(YEAR, DIKNAS).stream().filter(l -> l.accountCode().equals(PC)).findFirst().orElseThrow();
        budget.changeLine(YEAR, pcs.id(), line(USB, PC, "16", "15000000"), bendahara);
        budget.advance(YEAR, Stage.VERIFICATION, tapd);
        budget.verifyAgency(YEAR, DIKNAS, tapd);
        budget.advance(YEAR, Stage.VALIDATION, tapd);
        budget.validateAgency(YEAR, DIKNAS, Actor.head("kadisdik", DIKNAS));
        budget.validateAgency(YEAR, DINKES, Actor.head("kadinkes", DINKES));
        ProblemException refused = assertThrows(ProblemException.class, () -> budget.advance(YEAR, Stage.DPA, tapd));
        assertEquals(409, refused.status());
        assertEquals("Fiscal year 2027 cannot be locked as DPA version 2: it would budget less than was already realised for"
                + " account " + PC + " of sub kegiatan " + USB + " of agency " + DIKNAS + " (budget Rp240.000.000, realised"
                + " Rp255.000.000). Keep at least the realised amounts in those lines, or reverse wrong realisation entries first.",
                refused.detail());
        assertEquals(List.of(1), budget.versions(YEAR).stream().map(Budget.VersionView::version).toList());
    }
}
