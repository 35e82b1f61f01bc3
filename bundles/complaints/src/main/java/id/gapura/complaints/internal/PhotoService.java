package id.gapura.complaints.internal;

import id.gapura.api.ProblemException;
import id.gapura.complaints.workflow.Action;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Photos as evidence: the reporter adds one to their report while it is open, an agency's liaison adds one to
 * each of their follow-ups. The type is decided from the bytes (JPEG, PNG or WebP), never from what the
 * client claims, and the size is limited.
 */
@Component(service = PhotoService.class)
public class PhotoService {

    private final ComplaintsDatabase database;
    private final ComplaintsSettings settings;
    private final Clock clock;

    @Activate
    public PhotoService(@Reference ComplaintsDatabase database, @Reference ComplaintsSettings settings) {
        this(database, settings, Clock.systemUTC());
    }

    PhotoService(ComplaintsDatabase database, ComplaintsSettings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The reporter's photo of an open report; at most one per report. It becomes the report's media URL
     * (Open311 {@code media_url}) unless the reporter gave one on submission. The reporter proves it is them
     * with the reporter secret of their receipt ({@link ReporterSecrets}; 403 without it).
     */
    public PhotoEntity addReporterPhoto(ReportEntity report, String reporterSecret, byte[] content,
                                        LongFunction<String> urlOfPhoto) {
        ReporterSecrets.check(report, reporterSecret, "add its photo");
        String type = check(content);
        if (!report.status().isOpen()) {
            throw ProblemException.conflict("Report " + report.trackingNumber() + " is " + report.status()
                    + "; photos can be added only while it is open.");
        }
        return database.write(em -> {
            long existing = em.createQuery("select count(p) from PhotoEntity p where p.reportId = :report "
                    + "and p.eventId is null", Long.class).setParameter("report", report.id()).getSingleResult();
            if (existing > 0) {
                throw ProblemException.conflict("Report " + report.trackingNumber() + " already has a photo.");
            }
            PhotoEntity photo = new PhotoEntity(report.id(), null, type, content, sha256(content), clock.instant(),
                    ReportService.CITIZEN);
            em.persist(photo);
            em.flush();
            ReportEntity stored = em.find(ReportEntity.class, report.id());
            if (stored.mediaUrl() == null) {
                stored.mediaUrl(urlOfPhoto.apply(photo.id()));
            }
            return photo;
        });
    }

    /** A liaison officer's photo of one of their agency's follow-ups; at most one per follow-up. */
    public PhotoEntity addAnswerPhoto(ReportEntity report, long eventId, Officer officer, byte[] content) {
        String type = check(content);
        return database.write(em -> {
            ReportEventEntity event = em.find(ReportEventEntity.class, eventId);
            if (event == null || !event.reportId().equals(report.id()) || !Action.ANSWER.name().equals(event.action())) {
                throw ProblemException.notFound("Report " + report.trackingNumber() + " has no follow-up " + eventId + ".");
            }
            if (officer.liaisonAgency().isEmpty() || !officer.liaisonAgency().get().equals(event.agencyCode())) {
                throw ProblemException.forbidden("Follow-up " + eventId + " was written for agency "
                        + event.agencyCode() + "; only its liaison officers may add its photo.");
            }
            long existing = em.createQuery("select count(p) from PhotoEntity p where p.eventId = :event", Long.class)
                    .setParameter("event", eventId).getSingleResult();
            if (existing > 0) {
                throw ProblemException.conflict("Follow-up " + eventId + " already has a photo.");
            }
            PhotoEntity photo = new PhotoEntity(report.id(), eventId, type, content, sha256(content), clock.instant(),
                    officer.username());
            em.persist(photo);
            return photo;
        });
    }

    public Optional<PhotoEntity> photo(long id) {
        return Optional.ofNullable(database.read(em -> em.find(PhotoEntity.class, id)));
    }

    /** Photo ids and their follow-up ids (null for the reporter's photo) of a report, oldest first. */
    public List<PhotoEntity> photos(Long reportId) {
        return database.read(em -> em.createQuery("select p from PhotoEntity p where p.reportId = :report "
                + "order by p.id", PhotoEntity.class).setParameter("report", reportId).getResultList());
    }

    private String check(byte[] content) {
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("The request has no photo; send the image bytes as the body.");
        }
        if (content.length > settings.maxPhotoBytes()) {
            throw new ProblemException(413, "Photo too large", "The photo has " + content.length
                    + " bytes; the limit is " + settings.maxPhotoBytes() + ". Send a smaller or more compressed image.",
                    List.of());
        }
        return imageType(content).orElseThrow(() -> new ProblemException(415, "Unsupported photo type",
                "Only JPEG, PNG and WebP photos are accepted.", List.of()));
    }

    /** The image type from the file's signature. */
    public static Optional<String> imageType(byte[] content) {
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int offset, int... signature) {
        if (content.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((content[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
