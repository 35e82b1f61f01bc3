package id.gapura.complaints.internal;

import id.gapura.api.ProblemException;
import id.gapura.complaints.workflow.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhotoServiceTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    private static final byte[] WEBP = {'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P', 'V', 'P', '8'};

    private final TestDatabase db = new TestDatabase();
    private final ReportService reports = db.reports();
    private final HandlingService handling = db.handling();
    private final PhotoService photos = new PhotoService(db.database, db.settings, db.clock);
    private final Officer coordinator = new Officer("sari", Set.of(Officer.COORDINATOR), Optional.empty());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theTypeComesFromTheBytesNotFromTheClaim() {
        assertEquals(Optional.of("image/jpeg"), PhotoService.imageType(JPEG));
        assertEquals(Optional.of("image/png"), PhotoService.imageType(PNG));
        assertEquals(Optional.of("image/webp"), PhotoService.imageType(WEBP));
        assertEquals(Optional.empty(), PhotoService.imageType("<svg onload=alert(1)>".getBytes()));
        assertEquals(Optional.empty(), PhotoService.imageType(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    }

    @Test
    void theReporterAddsOnePhotoWhichBecomesTheMediaUrl() {
        ReportEntity report = submit();
        PhotoEntity photo = photos.addReporterPhoto(report, report.reporterSecret(), JPEG, id -> "http://gapura.example/api/complaints/photos/" + id);
        assertArrayEquals(JPEG, photos.photo(photo.id()).orElseThrow().content());
        assertEquals("image/jpeg", photo.contentType());
        assertEquals("http://gapura.example/api/complaints/photos/" + photo.id(),
                reports.byTrackingNumber(report.trackingNumber()).orElseThrow().mediaUrl());
        assertProblem(409, () -> photos.addReporterPhoto(report, report.reporterSecret(), PNG, id -> "x"));
        assertEquals(1, photos.photos(report.id()).size());
    }

    @Test
    void theReportersPhotoNeedsTheSecretOfTheReceipt() {
        ReportEntity submitted = submit();
        String secret = submitted.reporterSecret();
        ReportEntity report = reports.byTrackingNumber(submitted.trackingNumber()).orElseThrow();
        String otherReportsSecret = submit().reporterSecret();

        ProblemException missing = assertThrows(ProblemException.class,
                () -> photos.addReporterPhoto(report, null, JPEG, id -> "x"));
        assertEquals(403, missing.status());
        assertEquals("To add its photo, send the reporter secret you received when you submitted report "
                + report.trackingNumber() + " in the X-Reporter-Secret header.", missing.detail());
        assertProblem(403, () -> photos.addReporterPhoto(report, "", JPEG, id -> "x"));
        assertProblem(403, () -> photos.addReporterPhoto(report, otherReportsSecret, JPEG, id -> "x"));
        assertProblem(403, () -> photos.addReporterPhoto(report, secret.substring(1), JPEG, id -> "x"));
        assertProblem(403, () -> photos.addReporterPhoto(report, "GIF89a", "GIF89a".getBytes(), id -> "x"));
        assertEquals(List.of(), photos.photos(report.id()), "nobody but the reporter takes the photo slot");

        PhotoEntity photo = photos.addReporterPhoto(report, secret, JPEG, id -> "x");
        assertEquals(List.of(photo.id()), photos.photos(report.id()).stream().map(PhotoEntity::id).toList());
    }

    @Test
    void wrongTypesEmptyAndOversizedPhotosAreRefused() {
        ReportEntity report = submit();
        assertProblem(415, () -> photos.addReporterPhoto(report, report.reporterSecret(), "GIF89a".getBytes(), id -> "x"));
        assertProblem(400, () -> photos.addReporterPhoto(report, report.reporterSecret(), new byte[0], id -> "x"));
        byte[] big = Arrays.copyOf(JPEG, 1_000_001);
        assertProblem(413, () -> photos.addReporterPhoto(report, report.reporterSecret(), big, id -> "x"));
        assertEquals(List.of(), photos.photos(report.id()));
    }

    @Test
    void aFollowUpPhotoComesFromTheAgencysLiaison() {
        ReportEntity report = submit();
        handling.act(report.trackingNumber(), coordinator, HandlingRequest.of(Action.VERIFY, null));
        handling.act(report.trackingNumber(), coordinator,
                new HandlingRequest(Action.DISPOSITION, null, "DLH", "Angkut", null, null, null));
        db.database.write(em -> {
            em.persist(new LiaisonEntity("budi", "DLH"));
            em.persist(new LiaisonEntity("rina", "DISHUB"));
        });
        Officer budi = handling.officer("budi", Set.of(Officer.LIAISON));
        handling.act(report.trackingNumber(), budi, HandlingRequest.of(Action.ANSWER, "Sudah diangkut"));
        long answer = reports.history(report.id()).get(3).id();
        long disposition = reports.history(report.id()).get(2).id();

        assertProblem(403, () -> photos.addAnswerPhoto(report, answer, handling.officer("rina", Set.of(Officer.LIAISON)), PNG));
        assertProblem(404, () -> photos.addAnswerPhoto(report, disposition, budi, PNG));
        PhotoEntity photo = photos.addAnswerPhoto(report, answer, budi, PNG);
        assertEquals(answer, photo.eventId());
        assertProblem(409, () -> photos.addAnswerPhoto(report, answer, budi, WEBP));
    }

    @Test
    void aClosedReportTakesNoNewPhotos() {
        ReportEntity report = submit();
        ReportEntity archived = handling.act(report.trackingNumber(), coordinator,
                HandlingRequest.of(Action.ARCHIVE, "Ganda"));
        assertProblem(409, () -> photos.addReporterPhoto(archived, report.reporterSecret(), JPEG, id -> "x"));
    }

    private ReportEntity submit() {
        return reports.submit(new NewReport("SAMPAH", null, "Sampah menumpuk",
                new NewReport.Location("Jl. Kenari 5", null, null, null, null),
                new NewReport.Reporter(null, null, null, null, null, false, false), Map.of(), null, "api"));
    }

    private static void assertProblem(int status, org.junit.jupiter.api.function.Executable action) {
        assertEquals(status, assertThrows(ProblemException.class, action).status());
    }
}
