package id.gapura.complaints.pages;

import id.gapura.api.FieldError;
import id.gapura.api.ui.View;
import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.HandlingRequest;
import id.gapura.complaints.internal.HandlingService;
import id.gapura.complaints.internal.NewReport;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.PhotoService;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.StatsService;
import id.gapura.complaints.internal.TestDatabase;
import id.gapura.complaints.workflow.Action;
import id.gapura.complaints.workflow.ReportStatus;
import id.gapura.api.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The officer pages called as the platform calls them, on the module's real database (H2): what they show, the
 * actions they offer and perform through the API's services, and how bad input is answered (404, 422 naming the
 * field), never an exception the platform would show as a failure.
 */
class OfficerPagesTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    private final TestDatabase db = new TestDatabase();
    private final ReportService reports = db.reports();
    private final HandlingService handling = db.handling();
    private final PhotoService photos = new PhotoService(db.database, db.settings);
    private final CatalogService catalog = new CatalogService(db.database);
    private final InboxPage inbox = new InboxPage(reports, db.clock);
    private final OfficerReportPage reportPage = new OfficerReportPage(reports, handling, photos, db.settings);
    private final DispositionsPage dispositions = new DispositionsPage(reports, handling, db.clock);
    private final StatisticsPage statistics = new StatisticsPage(new StatsService(db.database, db.calendar));

    @AfterEach
    void close() {
        db.close();
    }

    // ---- the inbox

    @Test
    void theInboxListsNewestFirstWithFlagsAndLinks() {
        ReportEntity older = submit("SAMPAH", false);
        db.clock.set(Instant.parse("2026-11-23T03:00:00Z"));
        ReportEntity newer = submit("PJU-MATI", false);
        View view = inbox.get(coordinator());
        assertEquals(View.Kind.PAGE, view.kind());
        assertEquals(200, view.status());
        List<Map<String, Object>> rows = rows(view);
        assertEquals(List.of(newer.trackingNumber(), older.trackingNumber()), rows.stream().map(r -> r.get("number")).toList());
        Map<String, Object> first = rows.get(0);
        assertEquals("/kantor/complaints/laporan?nomor=" + newer.trackingNumber(), first.get("href"));
        assertEquals("Penerangan jalan umum mati", first.get("category"));
        assertEquals("status.submitted", first.get("status"));
        assertEquals(true, first.get("fresh"));
        // the test clock is in November 2026; the API's overdue flag is against the real now
        assertEquals(reports.byTrackingNumber(newer.trackingNumber()).orElseThrow().verificationDue()
                .isBefore(Instant.now()), first.get("overdue"));
    }

    @Test
    void theInboxFlagsWhatIsDueByTheEndOfTheNextWorkingDay() {
        db.clock.set(Instant.now());
        ReportEntity report = submit("SAMPAH", false);
        InboxPage later = new InboxPage(reports, java.time.Clock.fixed(report.verificationDue().minusSeconds(3600),
                java.time.ZoneOffset.UTC));
        Map<String, Object> row = rows(later.get(coordinator())).get(0);
        assertEquals(true, row.get("soon"));
        assertEquals(false, row.get("overdue"));
        Map<String, Object> fresh = rows(inbox.get(coordinator())).get(0);
        assertEquals(false, fresh.get("soon"), "3 working days ahead is not soon");
    }

    @Test
    void theInboxFiltersByCategoryAgencyAndStatus() {
        ReportEntity rubbish = submit("SAMPAH", false);
        submit("PJU-MATI", false);
        dispositionTo(rubbish, "DLH");
        assertEquals(List.of(rubbish.trackingNumber()), numbers(inbox.get(coordinator().with("kategori", "SAMPAH"))));
        assertEquals(List.of(rubbish.trackingNumber()), numbers(inbox.get(coordinator().with("instansi", "DLH"))));
        assertEquals(List.of(rubbish.trackingNumber()),
                numbers(inbox.get(coordinator().with("status", "dispositioned"))));
        assertEquals(1, numbers(inbox.get(coordinator().with("status", "submitted"))).size());
    }

    @Test
    void badFiltersAnswer422NamingTheField() {
        View view = inbox.get(coordinator().with("kategori", "<script>").with("instansi", "NOPE")
                .with("status", "lost").with("mulai", "-1").with("per", "100000"));
        assertEquals(422, view.status());
        assertEquals(List.of("kategori", "instansi", "status", "mulai", "per"), fields(view));
        assertEquals(List.of(), view.model().get("rows"));
        assertEquals(422, inbox.get(coordinator().with("mulai", "99999999999999999999")).status());
        assertEquals(422, inbox.get(coordinator().with("per", "0")).status());
    }

    @Test
    void theInboxPagesWithBoundedLinksThatKeepTheFilters() {
        for (int i = 0; i < 3; i++) {
            submit("SAMPAH", false);
        }
        View first = inbox.get(coordinator().with("kategori", "SAMPAH").with("per", "2"));
        assertEquals(2, rows(first).size());
        Map<?, ?> paging = (Map<?, ?>) first.model().get("paging");
        assertEquals("/kantor/complaints/kotak-masuk?kategori=SAMPAH&mulai=2&per=2", paging.get("nextHref"));
        assertFalse(paging.containsKey("prevHref"));
        View second = inbox.get(coordinator().with("kategori", "SAMPAH").with("per", "2").with("mulai", "2"));
        assertEquals(1, rows(second).size());
        Map<?, ?> secondPaging = (Map<?, ?>) second.model().get("paging");
        assertEquals("/kantor/complaints/kotak-masuk?kategori=SAMPAH&per=2", secondPaging.get("prevHref"));
        assertFalse(secondPaging.containsKey("nextHref"));
        assertEquals(3, secondPaging.get("first"));
    }

    // ---- the report page

    @Test
    void anUnknownOrMalformedNumberIsNotFound() {
        assertEquals(View.Kind.NOT_FOUND, reportPage.get(coordinator()).kind());
        assertEquals(View.Kind.NOT_FOUND, reportPage.get(coordinator().with("nomor", "ADU-2026-00000000")).kind());
        assertEquals(View.Kind.NOT_FOUND, reportPage.get(coordinator().with("nomor", "x".repeat(5000))).kind());
        assertEquals(View.Kind.NOT_FOUND, reportPage.post(coordinator().with("nomor", "<b>").with("aksi", "verify")).kind());
    }

    @Test
    void theCoordinatorIsOfferedTheAllowedActionsOnlyAndSeesTheConfidentialReporter() {
        ReportEntity report = submit("SAMPAH", true);
        View view = reportPage.get(coordinator().with("nomor", report.trackingNumber().toLowerCase()));
        assertEquals(List.of("verify", "postpone", "not_our_authority", "archive"), view.model().get("actions"));
        Map<?, ?> reporter = (Map<?, ?>) view.model().get("reporter");
        assertEquals(false, reporter.get("hidden"));
        assertEquals("Ani", reporter.get("name"));
        assertEquals(true, reporter.get("confidential"));
        assertFalse(view.model().containsKey("disposition"), "no disposition form before verification");

        View viewer = reportPage.get(FakeRequest.officer("bupati", Officer.VIEWER).with("nomor", report.trackingNumber()));
        assertEquals(List.of(), viewer.model().get("actions"));
        assertEquals(true, ((Map<?, ?>) viewer.model().get("reporter")).get("hidden"),
                "only the coordinator sees a confidential reporter, as in the API");
    }

    @Test
    void anActionIsPerformedThroughTheServiceAndRedirectsBackWithANotice() {
        ReportEntity report = submit("SAMPAH", false);
        View done = reportPage.post(coordinator().with("nomor", report.trackingNumber()).with("aksi", "verify")
                .with("verify-catatan", "Lengkap"));
        assertEquals(View.Kind.REDIRECT, done.kind());
        assertEquals(303, done.status());
        assertEquals("/kantor/complaints/laporan?nomor=" + report.trackingNumber() + "&selesai=verify", done.location());
        assertEquals(ReportStatus.VERIFIED, reload(report).status());

        View shown = reportPage.get(coordinator().with("nomor", report.trackingNumber()).with("selesai", "verify"));
        assertEquals("verify", shown.model().get("done"));
        assertEquals(List.of("disposition"), shown.model().get("actions"));
        Map<?, ?> disposition = (Map<?, ?>) shown.model().get("disposition");
        assertEquals("DLH", disposition.get("usualAgency"), "the category's agency is chosen");
        assertEquals("simple", disposition.get("usualTrack"));
        assertFalse(reportPage.get(coordinator().with("nomor", report.trackingNumber()).with("selesai", "<x>"))
                .model().containsKey("done"), "only an action's notice");
    }

    @Test
    void aDispositionWithMissingOrBadFieldsAnswers422InTheOfficersLanguage() {
        ReportEntity report = submit("SAMPAH", false);
        handling.act(report.trackingNumber(), coordinatorOfficer(), HandlingRequest.of(Action.VERIFY, null));
        View missing = reportPage.post(coordinator().with("nomor", report.trackingNumber()).with("aksi", "disposition")
                .with("disposition-instruksi", "Angkut"));
        assertEquals(422, missing.status());
        assertEquals(List.of(new FieldError("disposition-instansi", "galat.petugas.instansi.wajib")), errors(missing));
        assertEquals("Angkut", ((Map<?, ?>) missing.model().get("sent")).get("disposition-instruksi"), "kept");

        View badDate = reportPage.post(coordinator().with("nomor", report.trackingNumber()).with("aksi", "disposition")
                .with("disposition-instansi", "DLH").with("disposition-instruksi", "Angkut")
                .with("disposition-tenggat", "31/12/2026").with("disposition-jalur", "slow"));
        assertEquals(List.of("disposition-tenggat", "disposition-jalur"), fields(badDate));

        View past = reportPage.post(coordinator().with("nomor", report.trackingNumber()).with("aksi", "disposition")
                .with("disposition-instansi", "DLH").with("disposition-instruksi", "Angkut")
                .with("disposition-tenggat", "2026-01-01"));
        assertEquals(List.of(new FieldError("disposition-tenggat", "galat.petugas.tenggat.lampau")), errors(past));

        View inactive = reportPage.post(coordinator().with("nomor", report.trackingNumber()).with("aksi", "disposition")
                .with("disposition-instansi", "NOPE").with("disposition-instruksi", "Angkut"));
        assertEquals(List.of(new FieldError("disposition-instansi", "galat.petugas.instansi.salah")), errors(inactive));

        View done = reportPage.post(coordinator().with("nomor", report.trackingNumber()).with("aksi", "disposition")
                .with("disposition-instansi", "DLH").with("disposition-instruksi", "Angkut")
                .with("disposition-jalur", "investigation").with("disposition-tenggat", "2026-12-31"));
        assertEquals(View.Kind.REDIRECT, done.kind());
        ReportEntity dispositioned = reload(report);
        assertEquals("DLH", dispositioned.agencyCode());
        assertEquals("Angkut", dispositioned.instruction());
    }

    @Test
    void aRequiredNoteAndAnUnknownOrStaleActionAnswer422() {
        ReportEntity report = submit("SAMPAH", false);
        View noReason = reportPage.post(coordinator().with("nomor", report.trackingNumber()).with("aksi", "postpone"));
        assertEquals(List.of(new FieldError("postpone-catatan", "galat.petugas.catatan.wajib")), errors(noReason));
        assertEquals("postpone", noReason.model().get("openAction"), "the form sent is shown open");
        View tooLong = reportPage.post(coordinator().with("nomor", report.trackingNumber()).with("aksi", "archive")
                .with("archive-catatan", "x".repeat(4001)));
        assertEquals(List.of(new FieldError("archive-catatan", "galat.petugas.catatan.panjang")), errors(tooLong));

        assertEquals(List.of(new FieldError("tindakan", "galat.petugas.aksi")),
                errors(reportPage.post(coordinator().with("nomor", report.trackingNumber()).with("aksi", "reopen"))));
        assertEquals(List.of(new FieldError("tindakan", "galat.petugas.aksi")),
                errors(reportPage.post(coordinator().with("nomor", report.trackingNumber()))));
        View notNow = reportPage.post(coordinator().with("nomor", report.trackingNumber()).with("aksi", "close"));
        assertEquals(List.of(new FieldError("tindakan", "galat.petugas.berubah")), errors(notNow));
        assertEquals(ReportStatus.SUBMITTED, reload(report).status());
    }

    @Test
    void theLiaisonAnswersWithAPhotoAndNeverSeesAConfidentialReporter() {
        ReportEntity report = submit("SAMPAH", true);
        dispositionTo(report, "DLH");
        catalog.assignLiaison("budi", "DLH", "sari");
        View view = reportPage.get(liaison("budi").with("nomor", report.trackingNumber()));
        Map<?, ?> reporter = (Map<?, ?>) view.model().get("reporter");
        assertEquals(true, reporter.get("hidden"));
        assertFalse(reporter.containsKey("name"));
        assertFalse(view.model().toString().contains("Ani"), "no trace of the reporter: " + view.model());
        assertFalse(view.model().toString().contains("ani@example.id"));
        assertEquals(List.of("answer"), view.model().get("actions"));
        assertEquals("disposisi", view.model().get("back"));

        View badPhoto = reportPage.post(liaison("budi").with("nomor", report.trackingNumber()).with("aksi", "answer")
                .with("answer-catatan", "Sudah diangkut").upload("answer-foto", "not an image".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(new FieldError("answer-foto", "galat.photo.type")), errors(badPhoto));
        assertEquals(ReportStatus.DISPOSITIONED, reload(report).status(), "nothing stored with a bad photo");

        View noAnswer = reportPage.post(liaison("budi").with("nomor", report.trackingNumber()).with("aksi", "answer"));
        assertEquals(List.of(new FieldError("answer-catatan", "galat.petugas.jawaban.wajib")), errors(noAnswer));

        View done = reportPage.post(liaison("budi").with("nomor", report.trackingNumber()).with("aksi", "answer")
                .with("answer-catatan", "Sudah diangkut").upload("answer-foto", JPEG));
        assertEquals("/kantor/complaints/laporan?nomor=" + report.trackingNumber() + "&selesai=answer", done.location());
        assertEquals(ReportStatus.ANSWERED, reload(report).status());
        assertEquals(1, photos.photos(report.id()).size());
        assertTrue(photos.photos(report.id()).get(0).eventId() != null, "on the follow-up");
    }

    @Test
    void anotherAgencysLiaisonIsRefusedAsByTheApi() {
        ReportEntity report = submit("SAMPAH", false);
        dispositionTo(report, "DLH");
        catalog.assignLiaison("rina", "DISHUB", "sari");
        ProblemException refused = assertThrows(ProblemException.class,
                () -> reportPage.get(liaison("rina").with("nomor", report.trackingNumber())));
        assertEquals(403, refused.status());
        assertEquals(403, assertThrows(ProblemException.class, () -> reportPage.post(liaison("rina")
                .with("nomor", report.trackingNumber()).with("aksi", "answer").with("answer-catatan", "x"))).status());
        assertEquals(ReportStatus.DISPOSITIONED, reload(report).status());
    }

    @Test
    void serviceErrorsMapToTheFormsFieldsAndKeys() {
        assertEquals(new FieldError("close-catatan", "galat.petugas.catatan.kendali"), OfficerReportPage.fieldError(
                Action.CLOSE, new FieldError("note", "must not contain control characters")));
        assertEquals(new FieldError("not_our_authority-diteruskan", "galat.petugas.diteruskan.salah"),
                OfficerReportPage.fieldError(Action.MARK_NOT_OUR_AUTHORITY, new FieldError("forwardedTo",
                        "the authority it goes to, at most 200 characters without control characters")));
        assertEquals(new FieldError("not_our_authority-catatan", "galat.petugas.diteruskan.panjang"),
                OfficerReportPage.fieldError(Action.MARK_NOT_OUR_AUTHORITY, new FieldError("note",
                        "together with forwardedTo is longer than 4000 characters")));
        assertEquals(new FieldError("tindakan", "galat.petugas.aksi"),
                OfficerReportPage.fieldError(Action.VERIFY, new FieldError("action", "must be one of ...")));
    }

    // ---- the liaison's dispositions

    @Test
    void aLiaisonSeesTheirAgencysOpenDispositionsOnly() {
        ReportEntity rubbish = submit("SAMPAH", false);
        ReportEntity light = submit("PJU-MATI", false);
        submit("SAMPAH", false);
        dispositionTo(rubbish, "DLH");
        dispositionTo(light, "DISHUB");
        assertEquals(false, dispositions.get(liaison("budi")).model().get("assigned"));
        catalog.assignLiaison("budi", "DLH", "sari");
        View view = dispositions.get(liaison("budi"));
        assertEquals(true, view.model().get("assigned"));
        assertEquals("Dinas Lingkungan Hidup", view.model().get("agency"));
        assertEquals(List.of(rubbish.trackingNumber()), numbers(view));
        assertEquals(List.of(), numbers(dispositions.get(liaison("budi").with("status", "closed"))));
        assertEquals(List.of(rubbish.trackingNumber()), numbers(dispositions.get(liaison("budi").with("status", "semua"))));
        assertEquals(List.of("status"), fields(dispositions.get(liaison("budi").with("status", "submitted"))));
    }

    // ---- statistics

    @Test
    void statisticsChartEachBreakdownWithBoundedBars() {
        ReportEntity rubbish = submit("SAMPAH", false);
        submit("SAMPAH", false);
        submit("PJU-MATI", false);
        dispositionTo(rubbish, "DLH");
        View view = statistics.get(coordinator().with("dari", "2026-11-01").with("sampai", "2026-11-30"));
        assertEquals(200, view.status());
        assertEquals(3L, view.model().get("total"));
        List<?> charts = (List<?>) view.model().get("charts");
        assertEquals(3, charts.size());
        Map<?, ?> byCategory = (Map<?, ?>) charts.get(0);
        assertEquals("category", byCategory.get("id"));
        List<?> lines = (List<?>) byCategory.get("lines");
        Map<?, ?> top = (Map<?, ?>) lines.get(0);
        assertEquals("Sampah tidak terangkut", top.get("label"));
        assertEquals(2L, top.get("reports"));
        assertEquals(StatisticsPage.BAR_SPACE, top.get("width"), "the largest bar fills the space");
        assertEquals(StatisticsPage.BAR_SPACE / 2, ((Map<?, ?>) lines.get(1)).get("width"));
        Map<?, ?> byAgency = (Map<?, ?>) charts.get(1);
        assertTrue(((List<?>) byAgency.get("lines")).stream().anyMatch(l -> "statistik.tanpaInstansi"
                .equals(((Map<?, ?>) l).get("label"))));
        Map<?, ?> byMonth = (Map<?, ?>) charts.get(2);
        assertEquals("November 2026", ((Map<?, ?>) ((List<?>) byMonth.get("lines")).get(0)).get("label"));
    }

    @Test
    void aBadPeriodAnswers422NamingTheField() {
        assertEquals(List.of(new FieldError("dari", "galat.statistik.tanggal")),
                errors(statistics.get(coordinator().with("dari", "kemarin"))));
        assertEquals(List.of(new FieldError("dari", "galat.statistik.urutan")),
                errors(statistics.get(coordinator().with("dari", "2026-12-01").with("sampai", "2026-11-01"))));
        assertEquals(List.of(new FieldError("dari", "galat.statistik.rentang")),
                errors(statistics.get(coordinator().with("dari", "2000-01-01").with("sampai", "2026-11-01"))));
        assertEquals(List.of(new FieldError("sampai", "galat.statistik.tanggal")),
                errors(statistics.get(coordinator().with("sampai", "2026-11-01" + "9".repeat(5000)))));
        assertEquals(List.of(new FieldError("unduh", "galat.statistik.unduh")),
                errors(statistics.get(coordinator().with("unduh", "everything"))));
    }

    @Test
    void theCsvDownloadIsTheApisExport() {
        submit("SAMPAH", false);
        View view = statistics.get(coordinator().with("dari", "2026-11-01").with("sampai", "2026-11-30")
                .with("unduh", "category"));
        assertEquals(View.Kind.DOWNLOAD, view.kind());
        assertEquals("pengaduan-category-2026-11-01_2026-11-30.csv", view.location());
        assertEquals("text/csv; charset=utf-8", view.file().contentType());
        String csv = new String(view.file().content(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFcategory,name,reports,due_or_answered,answered_on_time,on_time_percent\r\n"), csv);
        assertTrue(csv.contains("SAMPAH,Sampah tidak terangkut,1,"), csv);
    }

    @Test
    void percentagesReadAsInTheOfficersLanguage() {
        assertEquals("87,5%", StatisticsPage.percent(new java.math.BigDecimal("87.5"), java.util.Locale.forLanguageTag("id")));
        assertEquals("87.5%", StatisticsPage.percent(new java.math.BigDecimal("87.5"), java.util.Locale.ENGLISH));
    }

    // ---- helpers

    private static FakeRequest coordinator() {
        return FakeRequest.officer("sari", Officer.COORDINATOR);
    }

    private static FakeRequest liaison(String name) {
        return FakeRequest.officer(name, Officer.LIAISON);
    }

    private static Officer coordinatorOfficer() {
        return new Officer("sari", Set.of(Officer.COORDINATOR), Optional.empty());
    }

    private ReportEntity submit(String service, boolean confidential) {
        return reports.submit(new NewReport(service, null, "Ada masalah <script>alert(1)</script>",
                new NewReport.Location("Jl. Kenari 5", null, null, null, null),
                new NewReport.Reporter("Ani", "ani@example.id", null, null, null, false, confidential),
                Map.of(), null, "web"));
    }

    private void dispositionTo(ReportEntity report, String agency) {
        handling.act(report.trackingNumber(), coordinatorOfficer(), HandlingRequest.of(Action.VERIFY, null));
        handling.act(report.trackingNumber(), coordinatorOfficer(),
                new HandlingRequest(Action.DISPOSITION, null, agency, "Tindak lanjuti", null, null, null));
    }

    private ReportEntity reload(ReportEntity report) {
        return reports.byTrackingNumber(report.trackingNumber()).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(View view) {
        return (List<Map<String, Object>>) view.model().get("rows");
    }

    private static List<Object> numbers(View view) {
        return rows(view).stream().map(row -> row.get("number")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(View view) {
        assertEquals(422, view.status(), String.valueOf(view.model()));
        return (List<FieldError>) view.model().get(View.ERRORS);
    }

    private static List<String> fields(View view) {
        return errors(view).stream().map(FieldError::field).toList();
    }
}
