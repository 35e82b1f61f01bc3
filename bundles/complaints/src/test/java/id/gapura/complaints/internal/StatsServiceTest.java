package id.gapura.complaints.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.complaints.internal.StatsService.Bucket;
import id.gapura.complaints.internal.StatsService.Dimension;
import id.gapura.complaints.internal.StatsService.OverdueReport;
import id.gapura.complaints.internal.StatsService.Period;
import id.gapura.complaints.internal.StatsService.Timeliness;
import id.gapura.complaints.workflow.Action;
import id.gapura.complaints.workflow.ReportStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Statistics on a known data set; "now" is Monday 23 November 2026, 09:00 WIB, and the region has no
 * holidays. The reports, by submission time in WIB:
 * <pre>
 * OUT  Wed 31 Dec 2025 23:30  JLN-RUSAK  pengaduan  submitted (before the year: outside the default period)
 * JAN  Thu  1 Jan 2026 00:30  JLN-RUSAK  pengaduan  submitted             verification due Tue 6 Jan
 * A    Sat 31 Oct      23:59  SAMPAH     pengaduan  submitted             verification due Thu 5 Nov
 * B    Sun  1 Nov      00:00  SAMPAH     pengaduan  DLH, answered Thu 5 Nov, due Mon 9 Nov: on time, closed
 * C    Mon  2 Nov      10:00  PJU-MATI   aspirasi   DISHUB, answered Fri 20 Nov, due Mon 9 Nov: late
 * D    Tue 10 Nov      10:00  PELAYANAN  informasi  INSPEKTORAT, not answered; first response due Fri 13 Nov
 * E    Fri 20 Nov      10:00  BANJIR     pengaduan  DPUPR, not answered, nothing due yet
 * G    Mon 16 Nov      10:00  SAMPAH     pengaduan  archived
 * </pre>
 * A and B are one second apart in UTC, both on 31 October, but in different months in WIB.
 */
class StatsServiceTest {

    private final Fixture db = fixture();
    private final ReportService reports = db.reports();
    private final HandlingService handling = db.handling();
    private final CatalogService catalog = new CatalogService(db.database());
    private final StatsService stats = new StatsService(db.database(), db.calendar(), db.clock());
    private final Officer coordinator = new Officer("sari", Set.of(Officer.COORDINATOR), Optional.empty());
    private final Instant now = Instant.parse("2026-11-23T02:00:00Z");
    private String out, jan, a, b, c, d, e, g;

    Fixture fixture() {
        return Fixture.h2();
    }

    @BeforeEach
    void dataSet() {
        catalog.assignLiaison("dlh", "DLH", "admin");
        catalog.assignLiaison("dishub", "DISHUB", "admin");
        out = submit("2025-12-31T16:30:00Z", "JLN-RUSAK", null);
        jan = submit("2025-12-31T17:30:00Z", "JLN-RUSAK", null);
        a = submit("2026-10-31T16:59:59Z", "SAMPAH", null);
        b = submit("2026-10-31T17:00:00Z", "SAMPAH", null);
        disposition(b, "2026-11-02T02:00:00Z", "DLH");
        answer(b, "2026-11-05T03:00:00Z", "dlh");
        act(b, "2026-11-05T04:00:00Z", HandlingRequest.of(Action.CLOSE, null));
        c = submit("2026-11-02T03:00:00Z", "PJU-MATI", "aspirasi");
        disposition(c, "2026-11-02T03:00:00Z", "DISHUB");
        answer(c, "2026-11-20T03:00:00Z", "dishub");
        d = submit("2026-11-10T03:00:00Z", "PELAYANAN", "permintaan_informasi");
        disposition(d, "2026-11-10T03:00:00Z", "INSPEKTORAT");
        g = submit("2026-11-16T03:00:00Z", "SAMPAH", null);
        act(g, "2026-11-16T04:00:00Z", HandlingRequest.of(Action.ARCHIVE, "Laporan ganda"));
        e = submit("2026-11-20T03:00:00Z", "BANJIR", null);
        disposition(e, "2026-11-20T03:00:00Z", "DPUPR");
        db.clock().set(now);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void totalsAndTheShareAnsweredWithinTheDeadline() {
        StatsService.Stats figures = stats.stats(stats.period(null, null));
        assertEquals(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 23)), figures.period(),
                "by default the current year to date, in WIB");
        assertEquals(7, figures.total(), "OUT was submitted in 2025 in WIB");
        assertEquals(new Timeliness(3, 1), figures.timeliness(), "B, C and D are answered or due; only B on time");
        assertEquals(new BigDecimal("33.3"), figures.timeliness().percent());
        assertEquals(5, figures.overdueNow(), "OUT, JAN, A, C and D, whenever submitted");
    }

    @Test
    void breakdownsByCategoryAgencyClassAndStatus() {
        Map<Dimension, List<Bucket>> by = stats.stats(stats.period("2026-01-01", "2026-11-23")).breakdowns();
        assertEquals(List.of(
                new Bucket("SAMPAH", "Sampah tidak terangkut", 3, new Timeliness(1, 1)),
                new Bucket("BANJIR", "Genangan dan saluran tersumbat", 1, new Timeliness(0, 0)),
                new Bucket("JLN-RUSAK", "Jalan rusak", 1, new Timeliness(0, 0)),
                new Bucket("PELAYANAN", "Pelayanan publik", 1, new Timeliness(1, 0)),
                new Bucket("PJU-MATI", "Penerangan jalan umum mati", 1, new Timeliness(1, 0))),
                by.get(Dimension.CATEGORY), "most reports first, then by code");
        assertEquals(List.of(
                new Bucket(null, "not dispositioned", 3, new Timeliness(0, 0)),
                new Bucket("DISHUB", "Dinas Perhubungan", 1, new Timeliness(1, 0)),
                new Bucket("DLH", "Dinas Lingkungan Hidup", 1, new Timeliness(1, 1)),
                new Bucket("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", 1, new Timeliness(0, 0)),
                new Bucket("INSPEKTORAT", "Inspektorat", 1, new Timeliness(1, 0))),
                by.get(Dimension.AGENCY));
        assertEquals(List.of(
                new Bucket("aspirasi", "Aspirasi", 1, new Timeliness(1, 0)),
                new Bucket("pengaduan", "Pengaduan", 5, new Timeliness(1, 1)),
                new Bucket("permintaan_informasi", "Permintaan informasi", 1, new Timeliness(1, 0))),
                by.get(Dimension.CLASS), "every class, also when empty");
        assertEquals(List.of("submitted=2", "verified=0", "postponed=0", "not_our_authority=0", "archived=1",
                        "dispositioned=2", "answered=1", "closed=1"),
                by.get(Dimension.STATUS).stream().map(s -> s.code() + "=" + s.reports()).toList());
        assertEquals("Not our authority", by.get(Dimension.STATUS).get(3).name());
        assertNull(by.get(Dimension.CATEGORY).get(1).timeliness().percent(), "no percentage of nothing");
    }

    @Test
    void monthsAreTheRegionsMonthsAcrossTheMidnightBoundary() {
        List<Bucket> months = stats.breakdown(Dimension.MONTH, stats.period("2026-01-01", "2026-11-23"));
        assertEquals(11, months.size(), "every month of the period, also the empty ones");
        assertEquals(new Bucket("2026-01", "Januari 2026", 1, new Timeliness(0, 0)), months.get(0));
        assertEquals(new Bucket("2026-02", "Februari 2026", 0, new Timeliness(0, 0)), months.get(1));
        assertEquals(new Bucket("2026-10", "Oktober 2026", 1, new Timeliness(0, 0)), months.get(9),
                "A: 31 Oct 23:59:59 WIB");
        assertEquals(new Bucket("2026-11", "November 2026", 5, new Timeliness(3, 1)), months.get(10),
                "B: 1 Nov 00:00 WIB, though 31 Oct in UTC");

        assertEquals(List.of(1L), stats.breakdown(Dimension.MONTH, stats.period("2026-11-01", "2026-11-01"))
                .stream().map(Bucket::reports).toList(), "a one-day period is a part of one month: B only");
        assertEquals(List.of("2025-12=1", "2026-01=1"), stats.breakdown(Dimension.MONTH, stats.period("2025-12-31", "2026-01-01"))
                .stream().map(m -> m.code() + "=" + m.reports()).toList());
    }

    @Test
    void longPeriodsAreCountedInSeveralQueriesWithTheSameResult() {
        List<Bucket> months = stats.breakdown(Dimension.MONTH, stats.period("2024-12-15", "2026-12-31"));
        assertEquals(25, months.size());
        assertEquals(8, months.stream().mapToLong(Bucket::reports).sum(), "all 8 reports, each in one month");
        assertEquals("Desember 2025", months.get(12).name());
        assertEquals(1, months.get(12).reports());
    }

    @Test
    void theOverdueListIsTheLongestOverdueFirstWithItsMissedDeadline() {
        List<OverdueReport> overdue = stats.overdue(null, 0, 100);
        assertEquals(List.of(out, jan, a, c, d), overdue.stream().map(OverdueReport::trackingNumber).toList());
        OverdueReport first = overdue.get(0);
        assertEquals("verification", first.stage());
        assertEquals(LocalDate.of(2026, 1, 5), local(first.deadline()), "3 working days after Wed 31 Dec");
        assertEquals(322, first.daysOverdue());
        OverdueReport answeredLate = overdue.get(3);
        assertEquals(new OverdueReport(c, "PJU-MATI", "Penerangan jalan umum mati", "DISHUB", "Dinas Perhubungan",
                ReportStatus.ANSWERED, "answer", answeredLate.deadline(), 14), answeredLate);
        assertEquals(LocalDate.of(2026, 11, 9), local(answeredLate.deadline()));
        OverdueReport unanswered = overdue.get(4);
        assertEquals("first_response", unanswered.stage());
        assertEquals(LocalDate.of(2026, 11, 13), local(unanswered.deadline()));
        assertEquals(10, unanswered.daysOverdue());

        assertEquals(List.of(a, c), stats.overdue(null, 2, 2).stream().map(OverdueReport::trackingNumber).toList());
        assertEquals(List.of(c), stats.overdue("DISHUB", 0, 100).stream().map(OverdueReport::trackingNumber).toList());
        assertEquals(1, stats.overdueCount("INSPEKTORAT"));
        assertEquals(0, stats.overdueCount("DLH"));
    }

    @Test
    void overdueMeansWhatTheReportSearchMeans() {
        List<String> searched = reports.search(new ReportQuery(null, null, null, null, null, null, null, now, 0, 1000))
                .stream().map(ReportEntity::trackingNumber).sorted().toList();
        assertEquals(searched, stats.overdue(null, 0, 1000).stream().map(OverdueReport::trackingNumber).sorted().toList());
        assertEquals(searched.size(), stats.overdueCount(null));
        for (ReportEntity report : reports.search(ReportQuery.all())) {
            boolean overdue = report.currentDeadline() != null && now.isAfter(report.currentDeadline());
            assertEquals(overdue, searched.contains(report.trackingNumber()), report.trackingNumber());
        }
    }

    @Test
    void exportsReadEveryOverdueReportInTheListsOrder() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < StatsService.PAGE + 3; i++) {
            db.clock().set(Instant.parse("2026-01-05T03:00:00Z").plusSeconds(i));
            submit(db.clock().instant().toString(), "SAMPAH", null);
        }
        db.clock().set(now);
        stats.forEachOverdue(null, report -> all.add(report.trackingNumber()));
        assertEquals(StatsService.PAGE + 3 + 5, all.size());
        assertEquals(all.size(), all.stream().distinct().count());
        assertEquals(stats.overdue(null, 0, 1000).stream().map(OverdueReport::trackingNumber).toList(), all);
    }

    @Test
    void periodsAreCheckedFieldByField() {
        assertEquals(new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)), stats.period(null, "2025-06-30"));
        assertEquals(new Period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1)), stats.period("2026-12-01", null),
                "a period starting after today ends where it starts");
        ProblemException invalid = assertThrows(ProblemException.class, () -> stats.period("2026-13-01", "kemarin"));
        assertEquals(List.of(new FieldError("from", "'2026-13-01' is not a date (yyyy-MM-dd)"),
                new FieldError("to", "'kemarin' is not a date (yyyy-MM-dd)")), invalid.errors());
        assertEquals(List.of(new FieldError("from", "is after to (2026-11-01)")),
                assertThrows(ProblemException.class, () -> stats.period("2026-12-01", "2026-11-01")).errors());
        assertEquals(422, assertThrows(ProblemException.class, () -> stats.period("0026-01-01", "2026-11-01")).status());
    }

    @Test
    void anEmptyPeriodHasZerosAndNoPercentages() {
        StatsService.Stats figures = stats.stats(stats.period("2020-01-01", "2020-01-31"));
        assertEquals(0, figures.total());
        assertEquals(new Timeliness(0, 0), figures.timeliness());
        assertNull(figures.timeliness().percent());
        assertEquals(List.of(), figures.breakdowns().get(Dimension.CATEGORY));
        assertEquals(1, figures.breakdowns().get(Dimension.MONTH).size());
        assertEquals(3, figures.breakdowns().get(Dimension.CLASS).size());
    }

    private LocalDate local(Instant instant) {
        return db.calendar().workingDays().localDate(instant);
    }

    private String submit(String at, String service, String reportClass) {
        db.clock().set(Instant.parse(at));
        Map<String, List<String>> answers = service.equals("JLN-RUSAK") ? Map.of("ukuran", List.of("kecil")) : Map.of();
        return reports.submit(new NewReport(service, reportClass, "Mohon ditindaklanjuti",
                new NewReport.Location("Jl. Kenari 5", null, null, null, null),
                new NewReport.Reporter(null, null, null, null, null, false, false), answers, null, "api"))
                .trackingNumber();
    }

    private void disposition(String number, String at, String agency) {
        act(number, at, HandlingRequest.of(Action.VERIFY, null));
        act(number, at, new HandlingRequest(Action.DISPOSITION, null, agency, "Tindak lanjuti", null, null, null));
    }

    private void answer(String number, String at, String liaison) {
        db.clock().set(Instant.parse(at));
        handling.act(number, handling.officer(liaison, Set.of(Officer.LIAISON)),
                HandlingRequest.of(Action.ANSWER, "Sudah ditindaklanjuti"));
    }

    private void act(String number, String at, HandlingRequest request) {
        db.clock().set(Instant.parse(at));
        handling.act(number, coordinator, request);
    }
}
