package id.gapura.complaints.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.validation.Inputs;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.time.WorkingDays;
import id.gapura.complaints.workflow.ReportClass;
import id.gapura.complaints.workflow.ReportStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Submitting reports and reading them, for citizens, apps (Open311) and officers. */
@Component(service = ReportService.class)
public class ReportService {

    static final String CITIZEN = "citizen";
    static final int MAX_DESCRIPTION = 4000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ComplaintsDatabase database;
    private final RegionCalendar calendar;
    private final ComplaintsSettings settings;
    private final Clock clock;
    private final TrackingNumbers trackingNumbers = new TrackingNumbers();
    private final ReporterSecrets reporterSecrets = new ReporterSecrets();

    @Activate
    public ReportService(@Reference ComplaintsDatabase database, @Reference RegionCalendar calendar,
                         @Reference ComplaintsSettings settings) {
        this(database, calendar, settings, Clock.systemUTC());
    }

    ReportService(ComplaintsDatabase database, RegionCalendar calendar, ComplaintsSettings settings, Clock clock) {
        this.database = database;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    public List<ServiceEntity> activeServices() {
        return database.read(em -> em.createQuery(
                "select s from ServiceEntity s where s.active = true order by s.group, s.name", ServiceEntity.class)
                .getResultList());
    }

    public List<ServiceEntity> allServices() {
        return database.read(em -> em.createQuery(
                "select s from ServiceEntity s order by s.group, s.name", ServiceEntity.class).getResultList());
    }

    public Optional<ServiceEntity> activeService(String code) {
        return service(code).filter(ServiceEntity::active);
    }

    public Optional<ServiceEntity> service(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(database.read(em -> em.find(ServiceEntity.class, code)));
    }

    /** The category's extra questions in display order (empty when it has none). */
    public List<ServiceAttributeEntity> attributes(String serviceCode) {
        return database.read(em -> em.createQuery("select a from ServiceAttributeEntity a "
                        + "where a.serviceCode = :code order by a.order, a.code", ServiceAttributeEntity.class)
                .setParameter("code", serviceCode).getResultList());
    }

    /** Codes of the categories that have extra questions, i.e. Open311 {@code metadata=true}. */
    public List<String> servicesWithAttributes() {
        return database.read(em -> em.createQuery(
                "select distinct a.serviceCode from ServiceAttributeEntity a", String.class).getResultList());
    }

    public List<AgencyEntity> agencies() {
        return database.read(em -> em.createQuery("select a from AgencyEntity a order by a.name", AgencyEntity.class)
                .getResultList());
    }

    public Optional<AgencyEntity> agency(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(database.read(em -> em.find(AgencyEntity.class, code)));
    }

    /**
     * Validates and stores a submission, with its first history entry, in one transaction.
     *
     * @throws ProblemException 422 naming every invalid field ({@code serviceCode}, {@code reportClass},
     *                          {@code description}, {@code address}, {@code latitude}, {@code longitude},
     *                          {@code email}, {@code attribute[code]})
     */
    public ReportEntity submit(NewReport report) {
        List<FieldError> errors = new ArrayList<>();
        Optional<ServiceEntity> service = Optional.empty();
        if (blank(report.serviceCode())) {
            errors.add(new FieldError("serviceCode", "is required; the list of services gives the codes"));
        } else {
            service = activeService(report.serviceCode());
            if (service.isEmpty()) {
                errors.add(new FieldError("serviceCode", "'" + Inputs.echo(report.serviceCode(), 40) + "' is not an active service code"));
            }
        }
        ReportClass reportClass = ReportClass.PENGADUAN;
        if (!blank(report.reportClass())) {
            try {
                reportClass = ReportClass.fromCode(report.reportClass());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("reportClass", e.getMessage()));
            }
        }
        if (report.description() != null && report.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "is longer than " + MAX_DESCRIPTION + " characters"));
        } else {
            errors.addAll(textErrors("description", report.description(), MAX_DESCRIPTION));
        }
        checkLocation(report.location(), errors);
        NewReport.Reporter reporter = report.reporter();
        if (!blank(reporter.email()) && (reporter.email().length() > 254 || !EMAIL.matcher(reporter.email()).matches())) {
            errors.add(new FieldError("email", reporter.email().length() > 254 ? "must be at most 254 characters"
                    : "is not an e-mail address"));
        }
        // complaints_report: reporter_name VARCHAR(200), reporter_phone VARCHAR(32), device_id and account_id
        // VARCHAR(200), media_url VARCHAR(1000)
        errors.addAll(textErrors("name", reporter.name(), 200));
        errors.addAll(textErrors("phone", reporter.phone(), 32));
        errors.addAll(textErrors("deviceId", reporter.deviceId(), 200));
        errors.addAll(textErrors("accountId", reporter.accountId(), 200));
        Inputs media = new Inputs();
        media.url("mediaUrl", report.mediaUrl(), 1000);
        errors.addAll(media.errors());
        service.ifPresent(s -> checkAttributes(s, report.attributes(), errors));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }

        Instant now = clock.instant();
        WorkingDays workingDays = calendar.workingDays();
        String number = trackingNumbers.next(workingDays.localDate(now));
        Instant verificationDue = workingDays.deadline(now, settings.rules().verificationDays());
        ReportClass reportClassChosen = reportClass;
        NewReport stored = withColumnScale(report);
        return database.write(em -> {
            ReportEntity entity = new ReportEntity(number, stored, reportClassChosen, now, verificationDue,
                    reporterSecrets.next());
            em.persist(entity);
            em.flush();
            report.attributes().forEach((code, values) -> values.forEach(
                    value -> em.persist(new ReportAttributeEntity(entity.id(), code, value))));
            em.persist(new ReportEventEntity(entity.id(), now, CITIZEN, ReportEventEntity.SUBMIT, null,
                    entity.status(), null, null, false));
            return entity;
        });
    }

    /** What is wrong with an optional text field of a column of {@code max} characters; empty when nothing. */
    static List<FieldError> textErrors(String field, String value, int max) {
        Inputs inputs = new Inputs();
        inputs.text(field, value, max);
        return inputs.errors();
    }

    /** Coordinates as latitude and longitude DECIMAL(9, 6) hold them: rounded to six decimals (about 10 cm). */
    private static NewReport withColumnScale(NewReport report) {
        NewReport.Location l = report.location();
        return new NewReport(report.serviceCode(), report.reportClass(), report.description(),
                new NewReport.Location(l.address(), l.addressId(), l.zipcode(), sixDecimals(l.latitude()),
                        sixDecimals(l.longitude())), report.reporter(), report.attributes(), report.mediaUrl(),
                report.channel());
    }

    private static BigDecimal sixDecimals(BigDecimal value) {
        return value == null ? null : value.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    private static void checkLocation(NewReport.Location location, List<FieldError> errors) {
        // address VARCHAR(500), address_id VARCHAR(100), zipcode VARCHAR(10)
        errors.addAll(textErrors("address", location.address(), 500));
        errors.addAll(textErrors("addressId", location.addressId(), 100));
        errors.addAll(textErrors("zipcode", location.zipcode(), 10));
        BigDecimal latitude = location.latitude();
        BigDecimal longitude = location.longitude();
        // at most 20 decimals before anything rounds them (1e-1000000 would be a million digits)
        if (latitude != null && !Inputs.fits(latitude, 40, 20)) {
            errors.add(new FieldError("latitude", "must be a number between -90 and 90 with at most 20 decimals"));
        }
        if (longitude != null && !Inputs.fits(longitude, 40, 20)) {
            errors.add(new FieldError("longitude", "must be a number between -180 and 180 with at most 20 decimals"));
        }
        boolean hasPoint = latitude != null && longitude != null;
        if (!hasPoint && blank(location.address()) && blank(location.addressId())) {
            errors.add(new FieldError("address", "give an address, or latitude and longitude"));
        }
        if ((latitude == null) != (longitude == null)) {
            errors.add(new FieldError(latitude == null ? "latitude" : "longitude",
                    "is required together with " + (latitude == null ? "longitude" : "latitude")));
        }
        if (latitude != null && Inputs.fits(latitude, 40, 20) && latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            errors.add(new FieldError("latitude", "must be between -90 and 90"));
        }
        if (longitude != null && Inputs.fits(longitude, 40, 20) && longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            errors.add(new FieldError("longitude", "must be between -180 and 180"));
        }
    }

    private void checkAttributes(ServiceEntity service, Map<String, List<String>> answers, List<FieldError> errors) {
        Map<String, ServiceAttributeEntity> questions = new LinkedHashMap<>();
        attributes(service.code()).forEach(attribute -> questions.put(attribute.code(), attribute));
        for (String code : answers.keySet()) {
            if (!questions.containsKey(code)) {
                errors.add(new FieldError("attribute[" + Inputs.echo(code, 64) + "]", "is not a question of service " + service.code()));
            }
        }
        for (ServiceAttributeEntity question : questions.values()) {
            List<String> given = answers.getOrDefault(question.code(), List.of()).stream()
                    .filter(value -> !blank(value)).toList();
            String field = "attribute[" + question.code() + "]";
            if (given.isEmpty()) {
                if (question.required()) {
                    errors.add(new FieldError(field, "is required: " + question.description()));
                }
                continue;
            }
            switch (question.datatype()) {
                case "singlevaluelist", "multivaluelist" -> {
                    if (question.datatype().equals("singlevaluelist") && given.size() > 1) {
                        errors.add(new FieldError(field, "takes one value"));
                    }
                    given.stream().filter(value -> !question.values().containsKey(value)).findFirst().ifPresent(
                            value -> errors.add(new FieldError(field, "'" + Inputs.echo(value, 40) + "' is not one of "
                                    + String.join(", ", question.values().keySet()))));
                }
                case "number" -> given.stream().filter(value -> !value.matches("-?\\d+(\\.\\d+)?")).findFirst()
                        .ifPresent(value -> errors.add(new FieldError(field, "'" + Inputs.echo(value, 40) + "' is not a number")));
                default -> given.stream().filter(value -> value.length() > 1000 || Inputs.forbiddenCharacter(value) >= 0)
                        .findFirst().ifPresent(value -> errors.add(new FieldError(field, value.length() > 1000
                                ? "is longer than 1000 characters" : "must not contain control characters")));
            }
        }
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

    /** The whole history of a report, oldest first. */
    public List<ReportEventEntity> history(Long reportId) {
        return database.read(em -> em.createQuery("select e from ReportEventEntity e where e.reportId = :id "
                        + "order by e.occurredAt, e.id", ReportEventEntity.class)
                .setParameter("id", reportId).getResultList());
    }

    public List<ReportAttributeEntity> answers(Long reportId) {
        return database.read(em -> em.createQuery("select a from ReportAttributeEntity a where a.reportId = :id "
                        + "order by a.code, a.value", ReportAttributeEntity.class)
                .setParameter("id", reportId).getResultList());
    }

    /** Reports matching every given filter, newest first. */
    public List<ReportEntity> search(ReportQuery query) {
        return database.read(em -> build(em, query).setFirstResult(query.offset()).setMaxResults(query.limit())
                .getResultList());
    }

    private TypedQuery<ReportEntity> build(EntityManager em, ReportQuery query) {
        StringBuilder jpql = new StringBuilder("select r from ReportEntity r where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        add(jpql, parameters, " and r.trackingNumber in :numbers", "numbers", nonEmpty(query.trackingNumbers()));
        add(jpql, parameters, " and r.serviceCode in :services", "services", nonEmpty(query.serviceCodes()));
        add(jpql, parameters, " and r.status in :statuses", "statuses", nonEmpty(query.statuses()));
        add(jpql, parameters, " and r.agencyCode = :agency", "agency", query.agencyCode());
        add(jpql, parameters, " and r.reportClass = :reportClass", "reportClass", query.reportClass());
        add(jpql, parameters, " and r.submittedAt >= :from", "from", query.submittedFrom());
        add(jpql, parameters, " and r.submittedAt < :to", "to", query.submittedBefore());
        if (query.overdueAt() != null) {
            jpql.append(" and ((r.status in :verifying and r.verificationDue < :now)"
                    + " or (r.status = :dispositioned and (r.answerDue < :now"
                    + "     or (r.firstResponseAt is null and r.firstResponseDue < :now)))"
                    + " or (r.status = :answered and r.answerDue < :now))");
            parameters.put("verifying", List.of(ReportStatus.SUBMITTED, ReportStatus.POSTPONED, ReportStatus.VERIFIED));
            parameters.put("dispositioned", ReportStatus.DISPOSITIONED);
            parameters.put("answered", ReportStatus.ANSWERED);
            parameters.put("now", query.overdueAt());
        }
        jpql.append(" order by r.submittedAt desc, r.id desc");
        TypedQuery<ReportEntity> typed = em.createQuery(jpql.toString(), ReportEntity.class);
        parameters.forEach(typed::setParameter);
        return typed;
    }

    private static void add(StringBuilder jpql, Map<String, Object> parameters, String clause, String name,
                            Object value) {
        if (value != null) {
            jpql.append(clause);
            parameters.put(name, value);
        }
    }

    private static Collection<?> nonEmpty(Collection<?> values) {
        return values == null || values.isEmpty() ? null : values;
    }

    public WorkingDays workingDays() {
        return calendar.workingDays();
    }

    public ComplaintsSettings settings() {
        return settings;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
