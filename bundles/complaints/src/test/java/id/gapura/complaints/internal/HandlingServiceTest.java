package id.gapura.complaints.internal;

import id.gapura.api.ProblemException;
import id.gapura.complaints.workflow.Action;
import id.gapura.complaints.workflow.HandlingTrack;
import id.gapura.complaints.workflow.ReportStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandlingServiceTest {

    private final TestDatabase db = new TestDatabase(LocalDate.of(2026, 12, 25));
    private final ReportService reports = db.reports();
    private final HandlingService handling = db.handling();
    private final Officer coordinator = new Officer("sari", Set.of(Officer.COORDINATOR), java.util.Optional.empty());
    private final Officer viewer = new Officer("bupati", Set.of(Officer.VIEWER), java.util.Optional.empty());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aReportGoesThroughTheWholeFlowAndKeepsItsHistory() {
        ReportEntity report = submit("SAMPAH");
        assertEquals(Instant.parse("2026-11-26T16:59:59.999999Z"), report.verificationDue(),
                "3 working days from Monday: end of Thursday in WIB");
        assertEquals(report.verificationDue(), reports.byTrackingNumber(report.trackingNumber()).orElseThrow()
                .verificationDue(), "the database keeps the deadline to the microsecond, still on Thursday");

        act(report, coordinator, HandlingRequest.of(Action.VERIFY, null));
        ReportEntity dispositioned = handling.act(report.trackingNumber(), coordinator, new HandlingRequest(
                Action.DISPOSITION, null, "DLH", "Angkut sampah di TPS Jl. Kenari", null, null, null));
        assertEquals("DLH", dispositioned.agencyCode());
        assertEquals(HandlingTrack.SIMPLE, dispositioned.track(), "the category's track");
        assertEquals(Instant.parse("2026-11-30T16:59:59.999999Z"), dispositioned.answerDue(), "5 working days");

        db.clock.set(Instant.parse("2026-11-24T03:00:00Z"));
        Officer liaison = handling.officer("budi", Set.of(Officer.LIAISON));
        assignLiaison("budi", "DLH");
        liaison = handling.officer("budi", Set.of(Officer.LIAISON));
        ReportEntity answered = act(report, liaison, HandlingRequest.of(Action.ANSWER, "Sampah sudah diangkut hari ini."));
        assertEquals(ReportStatus.ANSWERED, answered.status());
        assertEquals("Sampah sudah diangkut hari ini.", answered.statusNotes());
        assertEquals(Instant.parse("2026-11-24T03:00:00Z"), answered.firstResponseAt());
        act(report, liaison, HandlingRequest.of(Action.ANSWER, "TPS akan dijadwalkan dua kali seminggu."));

        ReportEntity closed = act(report, coordinator, HandlingRequest.of(Action.CLOSE, null));
        assertEquals(ReportStatus.CLOSED, closed.status());
        assertEquals("TPS akan dijadwalkan dua kali seminggu.", closed.statusNotes(), "the last answer stays public");

        db.clock.set(Instant.parse("2026-11-27T03:00:00Z"));
        ReportEntity reopened = handling.reopen(report.trackingNumber(), report.reporterSecret(), "Sampah menumpuk lagi.");
        assertEquals(ReportStatus.DISPOSITIONED, reopened.status());
        assertEquals("DLH", reopened.agencyCode());
        assertNull(reopened.closedAt());

        List<ReportEventEntity> history = reports.history(report.id());
        assertEquals(List.of("SUBMIT", "VERIFY", "DISPOSITION", "ANSWER", "ANSWER", "CLOSE", "REOPEN"),
                history.stream().map(ReportEventEntity::action).toList());
        assertEquals(List.of("citizen", "sari", "sari", "budi", "budi", "sari", "reporter"),
                history.stream().map(ReportEventEntity::actor).toList());
        assertEquals(ReportStatus.ANSWERED, history.get(5).fromStatus());
        assertEquals("Angkut sampah di TPS Jl. Kenari", history.get(2).note());
        assertTrue(history.get(3).publicNote());
        assertTrue(!history.get(1).publicNote() && !history.get(6).publicNote());
    }

    @Test
    void notesAndForwardingAreBoundedAndClean() {
        ReportEntity report = submit("SAMPAH");
        ProblemException control = assertProblem(422, () -> act(report, coordinator,
                HandlingRequest.of(Action.POSTPONE, "Tunggu\u0000")));
        assertEquals("note", control.errors().get(0).field());
        ProblemException forwarded = assertProblem(422, () -> act(report, coordinator, new HandlingRequest(
                Action.MARK_NOT_OUR_AUTHORITY, "n".repeat(3990), null, null, null, null, "Kementerian " + "x".repeat(300))));
        assertEquals(List.of("forwardedTo"), forwarded.errors().stream().map(e -> e.field()).toList());
        assertEquals(ReportStatus.SUBMITTED, reports.byTrackingNumber(report.trackingNumber()).orElseThrow().status());
        assertProblem(422, () -> handling.reopen(report.trackingNumber(), report.reporterSecret(), "lagi\u202E"));
    }

    @Test
    void illegalTransitionsAreRefusedWithTheAllowedActionsAndChangeNothing() {
        ReportEntity report = submit("SAMPAH");
        ProblemException refused = assertProblem(409, () -> act(report, coordinator, HandlingRequest.of(Action.CLOSE, null)));
        assertEquals("Cannot close a report that is submitted: allowed actions are verify, postpone, "
                + "not_our_authority, archive.", refused.detail());
        assertEquals(ReportStatus.SUBMITTED, reports.byTrackingNumber(report.trackingNumber()).orElseThrow().status());
        assertEquals(1, reports.history(report.id()).size());
    }

    @Test
    void onlyTheCoordinatorHandlesAndOnlyTheAgencysLiaisonAnswers() {
        ReportEntity report = submit("SAMPAH");
        assertProblem(403, () -> act(report, viewer, HandlingRequest.of(Action.VERIFY, null)));
        act(report, coordinator, HandlingRequest.of(Action.VERIFY, null));
        handling.act(report.trackingNumber(), coordinator,
                new HandlingRequest(Action.DISPOSITION, null, "DLH", "Tindak lanjuti", null, null, null));

        ProblemException unassigned = assertProblem(403, () -> handling.checkCanRead(report,
                handling.officer("rina", Set.of(Officer.LIAISON))));
        assertTrue(unassigned.detail().contains("complaints:liaison-assign rina"), unassigned.detail());
        assignLiaison("rina", "DISHUB");
        Officer otherAgency = handling.officer("rina", Set.of(Officer.LIAISON));
        assertProblem(403, () -> act(report, otherAgency, HandlingRequest.of(Action.ANSWER, "Bukan kami")));
        assertProblem(403, () -> act(report, coordinator, HandlingRequest.of(Action.ANSWER, "Koordinator menjawab")));
        assertEquals(Set.of(), handling.allowedActions(report(report), viewer));
    }

    @Test
    void missingDataIsNamedFieldByField() {
        ReportEntity report = submit("SAMPAH");
        ProblemException noReason = assertProblem(422, () -> act(report, coordinator, HandlingRequest.of(Action.POSTPONE, " ")));
        assertEquals("note", noReason.errors().get(0).field());
        act(report, coordinator, HandlingRequest.of(Action.VERIFY, null));
        ProblemException incomplete = assertProblem(422, () -> act(report, coordinator,
                HandlingRequest.of(Action.DISPOSITION, null)));
        assertEquals(List.of("agency", "instruction"), incomplete.errors().stream().map(e -> e.field()).toList());
        ProblemException unknownAgency = assertProblem(422, () -> handling.act(report.trackingNumber(), coordinator,
                new HandlingRequest(Action.DISPOSITION, null, "NOPE", "x", null, null, null)));
        assertEquals("'NOPE' is not an active agency code", unknownAgency.errors().get(0).message());
        ProblemException past = assertProblem(422, () -> handling.act(report.trackingNumber(), coordinator,
                new HandlingRequest(Action.DISPOSITION, null, "DLH", "x", null, LocalDate.of(2026, 11, 20), null)));
        assertEquals("dueDate", past.errors().get(0).field());
        assertEquals(ReportStatus.VERIFIED, report(report).status());
    }

    @Test
    void answerDeadlinesFollowTheTrackInWorkingDaysSkippingHolidays() {
        ReportEntity report = submit("JLN-RUSAK", Map.of("ukuran", List.of("besar")));
        act(report, coordinator, HandlingRequest.of(Action.VERIFY, null));
        ReportEntity fieldCheck = handling.act(report.trackingNumber(), coordinator,
                new HandlingRequest(Action.DISPOSITION, null, "DPUPR", "Survei lokasi", null, null, null));
        assertEquals(HandlingTrack.FIELD_CHECK, fieldCheck.track());
        // 60 working days after Monday 23 Nov 2026, skipping weekends and 25 Dec: Tuesday 16 Feb 2027
        assertEquals(LocalDate.of(2027, 2, 16), db.calendar.workingDays().localDate(fieldCheck.answerDue()));
        assertEquals(LocalDate.of(2026, 11, 26), db.calendar.workingDays().localDate(fieldCheck.firstResponseDue()));
    }

    @Test
    void aCoordinatorMayChooseTheDueDate() {
        ReportEntity report = submit("SAMPAH");
        act(report, coordinator, HandlingRequest.of(Action.VERIFY, null));
        ReportEntity chosen = handling.act(report.trackingNumber(), coordinator, new HandlingRequest(
                Action.DISPOSITION, null, "DLH", "Segera", HandlingTrack.SIMPLE, LocalDate.of(2026, 11, 24), null));
        assertEquals(Instant.parse("2026-11-24T16:59:59.999999Z"), chosen.answerDue());
        assertEquals(chosen.answerDue(), chosen.firstResponseDue(), "never later than the answer itself");
    }

    @Test
    void reopeningAfterTheWindowIsRefused() {
        ReportEntity submitted = submit("SAMPAH");
        String secret = submitted.reporterSecret();
        ReportEntity report = answeredAndClosed(submitted);
        db.clock.set(db.clock.instant().plus(Duration.ofDays(15)));
        ProblemException late = assertProblem(409, () -> handling.reopen(report.trackingNumber(), secret, "Masih rusak"));
        assertTrue(late.detail().contains("reopen window of 14 days"), late.detail());
        assertProblem(422, () -> handling.reopen(report.trackingNumber(), secret, ""));
        assertEquals(ReportStatus.CLOSED, report(report).status());
    }

    @Test
    void overdueReportsAreListedOnlyOncePastTheirDeadline() {
        ReportEntity report = submit("SAMPAH");
        ReportQuery overdueOnThursday = query(Instant.parse("2026-11-26T16:00:00Z"));
        assertEquals(List.of(), reports.search(overdueOnThursday));
        ReportQuery overdueOnFriday = query(Instant.parse("2026-11-27T01:00:00Z"));
        assertEquals(List.of(report.trackingNumber()),
                reports.search(overdueOnFriday).stream().map(ReportEntity::trackingNumber).toList());
        act(report, coordinator, HandlingRequest.of(Action.ARCHIVE, "Laporan ganda"));
        assertEquals(List.of(), reports.search(overdueOnFriday), "archived reports have no deadline");
    }

    @Test
    void unknownReportsAre404() {
        assertProblem(404, () -> handling.act("ADU-2026-XXXXXXXX", coordinator, HandlingRequest.of(Action.VERIFY, null)));
    }

    @Test
    void onlyTheReporterWithTheSecretOfTheReceiptReopens() {
        ReportEntity submitted = submit("SAMPAH");
        String number = answeredAndClosed(submitted).trackingNumber();
        String otherReportsSecret = submit("SAMPAH").reporterSecret();

        ProblemException missing = assertProblem(403, () -> handling.reopen(number, null, "Masih rusak"));
        assertTrue(missing.detail().contains("send the reporter secret you received when you submitted report "
                + number + " in the X-Reporter-Secret header"), missing.detail());
        assertProblem(403, () -> handling.reopen(number, " ", "Masih rusak"));
        ProblemException wrong = assertProblem(403, () -> handling.reopen(number, otherReportsSecret, "Masih rusak"));
        assertTrue(wrong.detail().contains("is not the reporter secret of report " + number), wrong.detail());
        assertProblem(403, () -> handling.reopen(number, submitted.reporterSecret() + "x", "Masih rusak"));
        assertProblem(403, () -> handling.reopen(number, "x".repeat(100_000), "Masih rusak"));
        assertEquals(ReportStatus.CLOSED, report(submitted).status());
        assertEquals(5, reports.history(submitted.id()).size(), "refusals change nothing");

        ReportEntity reopened = handling.reopen(number, " " + submitted.reporterSecret() + " ", "Masih rusak");
        assertEquals(ReportStatus.DISPOSITIONED, reopened.status());
    }

    @Test
    void aReportFromBeforeReporterSecretsCannotBeReopenedThroughThePublicEndpoint() throws Exception {
        ReportEntity submitted = submit("SAMPAH");
        String number = answeredAndClosed(submitted).trackingNumber();
        try (java.sql.Connection connection = db.dataSource.getConnection();
             java.sql.Statement sql = connection.createStatement()) {
            // as every report stored before migration V6 is
            sql.executeUpdate("UPDATE complaints_report SET reporter_secret_hash = NULL");
        }
        ProblemException refused = assertProblem(403,
                () -> handling.reopen(number, submitted.reporterSecret(), "Masih rusak"));
        assertTrue(refused.detail().contains("was submitted before reporters received a reporter secret"),
                refused.detail());
        assertTrue(refused.detail().contains("complaint coordinator"), refused.detail());
        assertEquals(ReportStatus.CLOSED, report(submitted).status());
    }

    private ReportEntity answeredAndClosed(ReportEntity report) {
        act(report, coordinator, HandlingRequest.of(Action.VERIFY, null));
        handling.act(report.trackingNumber(), coordinator,
                new HandlingRequest(Action.DISPOSITION, null, "DLH", "Tindak lanjuti", null, null, null));
        assignLiaison("budi", "DLH");
        act(report, handling.officer("budi", Set.of(Officer.LIAISON)), HandlingRequest.of(Action.ANSWER, "Selesai"));
        return act(report, coordinator, HandlingRequest.of(Action.CLOSE, "Terima kasih"));
    }

    private static ReportQuery query(Instant overdueAt) {
        return new ReportQuery(null, null, null, null, null, null, null, overdueAt, 0, 100);
    }

    private ReportEntity submit(String service) {
        return submit(service, Map.of());
    }

    private ReportEntity submit(String service, Map<String, List<String>> attributes) {
        return reports.submit(new NewReport(service, null, "Ada masalah di sini",
                new NewReport.Location("Jl. Kenari 5", null, null, null, null),
                new NewReport.Reporter("Ani", "ani@example.id", null, null, null, false, false),
                attributes, null, "api"));
    }

    private ReportEntity act(ReportEntity report, Officer officer, HandlingRequest request) {
        return handling.act(report.trackingNumber(), officer, request);
    }

    private ReportEntity report(ReportEntity report) {
        return reports.byTrackingNumber(report.trackingNumber()).orElseThrow();
    }

    private void assignLiaison(String username, String agency) {
        db.database.write(em -> {
            em.persist(new LiaisonEntity(username, agency));
        });
    }

    private static ProblemException assertProblem(int status, Executable action) {
        ProblemException problem = assertThrows(ProblemException.class, action);
        assertEquals(status, problem.status(), problem.getMessage());
        return problem;
    }
}
