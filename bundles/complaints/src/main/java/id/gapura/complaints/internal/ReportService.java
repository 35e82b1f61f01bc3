package id.gapura.complaints.internal;

import id.gapura.complaints.workflow.DeadlineRules;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.time.WorkingDays;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Submitting and reading reports. */
@Component(service = ReportService.class)
public class ReportService {

    static final String CITIZEN = "citizen";

    private final ComplaintsDatabase database;
    private final RegionCalendar calendar;
    private final Clock clock = Clock.systemUTC();
    private final TrackingNumbers trackingNumbers = new TrackingNumbers();
    private final DeadlineRules rules = DeadlineRules.nationalDefaults();

    @Activate
    public ReportService(@Reference ComplaintsDatabase database, @Reference RegionCalendar calendar) {
        this.database = database;
        this.calendar = calendar;
    }

    public List<ServiceEntity> activeServices() {
        return database.read(em -> em.createQuery(
                "select s from ServiceEntity s where s.active = true order by s.group, s.name", ServiceEntity.class)
                .getResultList());
    }

    public Optional<ServiceEntity> activeService(String code) {
        return Optional.ofNullable(database.read(em -> em.find(ServiceEntity.class, code)))
                .filter(ServiceEntity::active);
    }

    public ReportEntity submit(NewReport report) {
        Instant now = clock.instant();
        WorkingDays workingDays = calendar.workingDays();
        String number = trackingNumbers.next(workingDays.localDate(now));
        Instant verificationDue = workingDays.deadline(now, rules.verificationDays());
        return database.write(em -> {
            ReportEntity entity = new ReportEntity(number, report, now, verificationDue);
            em.persist(entity);
            em.flush();
            em.persist(new ReportEventEntity(entity.id(), now, CITIZEN, null, entity.status(), null));
            return entity;
        });
    }

    public Optional<ReportEntity> byTrackingNumber(String trackingNumber) {
        if (!TrackingNumbers.looksValid(trackingNumber)) {
            return Optional.empty();
        }
        return database.read(em -> em.createQuery(
                        "select r from ReportEntity r where r.trackingNumber = :number", ReportEntity.class)
                .setParameter("number", trackingNumber)
                .getResultStream().findFirst());
    }

    public WorkingDays workingDays() {
        return calendar.workingDays();
    }
}
