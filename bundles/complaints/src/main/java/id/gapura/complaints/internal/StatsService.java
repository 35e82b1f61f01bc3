package id.gapura.complaints.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
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
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Figures for the region's leaders: how many reports came in per category, agency, class, month and
 * status; how many were answered within their deadline; which reports are overdue now. Every figure is an
 * aggregate query in the database (a handful per request, whatever the number of reports); only the overdue
 * list reads reports themselves: a page at a time, or streamed from one query for exports.
 * <p>
 * "Answered on time" counts, over the reports that have an answer deadline (they were dispositioned) and
 * either have been answered or are past that deadline, those whose first answer came at or before it. It is
 * the current handling round: reopening a report sets a new deadline and waits for a new first answer.
 */
@Component(service = StatsService.class)
public class StatsService {

    /** The longest period one request may cover. */
    static final int MAX_PERIOD_YEARS = 10;
    /** Rows fetched at a time when exporting. */
    static final int PAGE = 500;
    private static final int MONTHS_PER_QUERY = 12;
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    // The conditions below are the SQL form of ReportEntity.currentDeadline() and of ReportQuery.overdueAt;
    // StatsServiceTest checks that both agree with ReportService's overdue search.
    private static final String DUE_OR_ANSWERED =
            "r.answerDue is not null and (r.firstResponseAt is not null or r.answerDue < :now)";
    private static final String ANSWERED_ON_TIME =
            "r.answerDue is not null and r.firstResponseAt is not null and r.firstResponseAt <= r.answerDue";
    private static final String OVERDUE = "((r.status in :verifying and r.verificationDue < :now)"
            + " or (r.status = :dispositioned and (r.answerDue < :now"
            + " or (r.firstResponseAt is null and r.firstResponseDue < :now)))"
            + " or (r.status = :answered and r.answerDue < :now))";
    private static final String BY_CURRENT_DEADLINE = " order by case when r.status in :verifying then r.verificationDue"
            + " when r.status = :answered then r.answerDue else r.firstResponseDue end, r.id";
    private static final List<ReportStatus> VERIFYING =
            List.of(ReportStatus.SUBMITTED, ReportStatus.POSTPONED, ReportStatus.VERIFIED);

    private final ComplaintsDatabase database;
    private final RegionCalendar calendar;
    private final Clock clock;

    @Activate
    public StatsService(@Reference ComplaintsDatabase database, @Reference RegionCalendar calendar) {
        this(database, calendar, Clock.systemUTC());
    }

    StatsService(ComplaintsDatabase database, RegionCalendar calendar, Clock clock) {
        this.database = database;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What the figures can be broken down by, with the code used in URLs and the console. */
    public enum Dimension {
        CATEGORY("r.serviceCode"),
        AGENCY("r.agencyCode"),
        CLASS("r.reportClass"),
        MONTH(null),
        STATUS("r.status");

        private final String key;

        Dimension(String key) {
            this.key = key;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Dimension> of(String code) {
            return Arrays.stream(values()).filter(d -> d.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                    .findFirst();
        }

        public static String codes() {
            return Arrays.stream(values()).map(Dimension::code).collect(Collectors.joining(", "));
        }
    }

    /** Submission dates from {@code from} to {@code to}, both included, in the region's zone. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /**
     * @param dueOrAnswered  reports with an answer deadline that have been answered or are past it
     * @param answeredOnTime of those, the ones first answered at or before the deadline
     */
    public record Timeliness(long dueOrAnswered, long answeredOnTime) {
        /** Answered on time as a percentage with one decimal, or null when nothing is due or answered yet. */
        public BigDecimal percent() {
            return dueOrAnswered == 0 ? null : BigDecimal.valueOf(answeredOnTime * 100L)
                    .divide(BigDecimal.valueOf(dueOrAnswered), 1, RoundingMode.HALF_UP);
        }
    }

    /** One line of a breakdown; for agencies, a null code is the reports not dispositioned to any agency. */
    public record Bucket(String code, String name, long reports, Timeliness timeliness) {
    }

    public record Stats(Period period, ZoneId zone, Instant computedAt, long total, Timeliness timeliness,
                        long overdueNow, Map<Dimension, List<Bucket>> breakdowns) {
    }

    /**
     * A report past the deadline it is working against.
     *
     * @param stage       which deadline: {@code verification}, {@code first_response} or {@code answer}
     * @param daysOverdue calendar days from the deadline's date to today, in the region's zone
     */
    public record OverdueReport(String trackingNumber, String serviceCode, String serviceName, String agencyCode,
                                String agencyName, ReportStatus status, String stage, Instant deadline,
                                long daysOverdue) {
    }

    public ZoneId zone() {
        return calendar.workingDays().zone();
    }

    /**
     * The period for {@code yyyy-MM-dd} texts; by default from the first of January of the current year to
     * today, in the region's zone.
     *
     * @throws ProblemException 422 naming {@code from} or {@code to}
     */
    public Period period(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = calendar.workingDays().localDate(clock.instant());
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        toDate = toDate != null ? toDate : fromDate != null && fromDate.isAfter(today) ? fromDate : today;
        fromDate = fromDate != null ? fromDate : toDate.withDayOfYear(1);
        if (fromDate.isAfter(toDate)) {
            errors.add(new FieldError("from", "is after to (" + toDate + ")"));
        } else if (fromDate.plusYears(MAX_PERIOD_YEARS).isBefore(toDate)) {
            errors.add(new FieldError("from", "is more than " + MAX_PERIOD_YEARS + " years before to (" + toDate + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Period(fromDate, toDate);
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (ReportService.blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a date (yyyy-MM-dd)"));
            return null;
        }
    }

    /** Every figure for the period; the overdue count is of all reports overdue now, whenever submitted. */
    public Stats stats(Period period) {
        Instant now = clock.instant();
        WorkingDays days = calendar.workingDays();
        Instant from = period.from().atStartOfDay(days.zone()).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(days.zone()).toInstant();
        return database.read(em -> {
            Names names = names(em);
            Object[] totals = em.createQuery("select count(r), " + sum(DUE_OR_ANSWERED) + ", " + sum(ANSWERED_ON_TIME)
                            + " from ReportEntity r where r.submittedAt >= :from and r.submittedAt < :to", Object[].class)
                    .setParameter("from", from).setParameter("to", to).setParameter("now", now).getSingleResult();
            Map<Dimension, List<Bucket>> breakdowns = new EnumMap<>(Dimension.class);
            for (Dimension dimension : Dimension.values()) {
                breakdowns.put(dimension, breakdown(em, dimension, period, names, now));
            }
            long overdue = overdueCount(em, null, now);
            return new Stats(period, days.zone(), now, number(totals[0]),
                    new Timeliness(number(totals[1]), number(totals[2])), overdue, breakdowns);
        });
    }

    /** One breakdown of the period's reports, as the CSV export gives it. */
    public List<Bucket> breakdown(Dimension dimension, Period period) {
        Instant now = clock.instant();
        return database.read(em -> breakdown(em, dimension, period, names(em), now));
    }

    private List<Bucket> breakdown(EntityManager em, Dimension dimension, Period period, Names names, Instant now) {
        ZoneId zone = calendar.workingDays().zone();
        if (dimension == Dimension.MONTH) {
            return months(em, period, zone, now);
        }
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(zone).toInstant();
        List<Object[]> rows = em.createQuery("select " + dimension.key + ", count(r), " + sum(DUE_OR_ANSWERED) + ", "
                        + sum(ANSWERED_ON_TIME) + " from ReportEntity r where r.submittedAt >= :from and r.submittedAt < :to"
                        + " group by " + dimension.key, Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("now", now).getResultList();
        Map<Object, Bucket> found = new LinkedHashMap<>();
        for (Object[] row : rows) {
            found.put(row[0], bucket(dimension, row[0], names, number(row[1]),
                    new Timeliness(number(row[2]), number(row[3]))));
        }
        return switch (dimension) {
            // every class and status, in their own order, so that series keep their shape when one is zero
            case CLASS -> Arrays.stream(ReportClass.values()).map(c -> found.getOrDefault(c,
                    bucket(dimension, c, names, 0, new Timeliness(0, 0)))).toList();
            case STATUS -> Arrays.stream(ReportStatus.values()).map(s -> found.getOrDefault(s,
                    bucket(dimension, s, names, 0, new Timeliness(0, 0)))).toList();
            default -> found.values().stream().sorted(Comparator.comparingLong(Bucket::reports).reversed()
                    .thenComparing(b -> b.code() == null ? "\uffff" : b.code())).toList();
        };
    }

    private static Bucket bucket(Dimension dimension, Object key, Names names, long reports, Timeliness timeliness) {
        return switch (dimension) {
            case CATEGORY -> new Bucket((String) key, names.services().get(key), reports, timeliness);
            case AGENCY -> key == null ? new Bucket(null, "not dispositioned", reports, timeliness)
                    : new Bucket((String) key, names.agencies().get(key), reports, timeliness);
            case CLASS -> new Bucket(((ReportClass) key).code(), label(((ReportClass) key).code()), reports, timeliness);
            case STATUS -> new Bucket(((ReportStatus) key).name().toLowerCase(Locale.ROOT),
                    label(((ReportStatus) key).name()), reports, timeliness);
            case MONTH -> throw new IllegalArgumentException("months are counted by range");
        };
    }

    /** Each month of the period, also the empty ones, by the region's calendar; the first and last may be partial. */
    private List<Bucket> months(EntityManager em, Period period, ZoneId zone, Instant now) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            months.add(m);
        }
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMMM yyyy", INDONESIAN);
        List<Bucket> buckets = new ArrayList<>();
        for (int first = 0; first < months.size(); first += MONTHS_PER_QUERY) {
            List<YearMonth> chunk = months.subList(first, Math.min(months.size(), first + MONTHS_PER_QUERY));
            StringBuilder jpql = new StringBuilder("select ");
            List<Instant> bounds = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                LocalDate start = later(chunk.get(i).atDay(1), period.from());
                bounds.add(start.atStartOfDay(zone).toInstant());
                String inMonth = "r.submittedAt >= :b" + i + " and r.submittedAt < :b" + (i + 1);
                jpql.append(i == 0 ? "" : ", ").append(sum(inMonth)).append(", ")
                        .append(sum(inMonth + " and " + DUE_OR_ANSWERED)).append(", ")
                        .append(sum(inMonth + " and " + ANSWERED_ON_TIME));
            }
            LocalDate end = earlier(chunk.get(chunk.size() - 1).atEndOfMonth(), period.to()).plusDays(1);
            bounds.add(end.atStartOfDay(zone).toInstant());
            jpql.append(" from ReportEntity r where r.submittedAt >= :b0 and r.submittedAt < :b").append(chunk.size());
            TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setParameter("now", now);
            for (int i = 0; i < bounds.size(); i++) {
                query.setParameter("b" + i, bounds.get(i));
            }
            Object[] row = query.getSingleResult();
            for (int i = 0; i < chunk.size(); i++) {
                buckets.add(new Bucket(chunk.get(i).toString(), capitalized(chunk.get(i).format(label)),
                        number(row[3 * i]), new Timeliness(number(row[3 * i + 1]), number(row[3 * i + 2]))));
            }
        }
        return buckets;
    }

    // ---- overdue reports

    /** How many reports are overdue now, of one agency or (null) of all. */
    public long overdueCount(String agencyCode) {
        Instant now = clock.instant();
        return database.read(em -> overdueCount(em, agencyCode, now));
    }

    private static long overdueCount(EntityManager em, String agencyCode, Instant now) {
        TypedQuery<Long> query = em.createQuery("select count(r) from ReportEntity r where " + OVERDUE
                + (agencyCode == null ? "" : " and r.agencyCode = :agency"), Long.class);
        overdueParameters(query, agencyCode, now);
        return query.getSingleResult();
    }

    /** Reports overdue now, of one agency or (null) of all, the longest overdue first. */
    public List<OverdueReport> overdue(String agencyCode, int offset, int limit) {
        Instant now = clock.instant();
        return database.read(em -> overduePage(em, names(em), agencyCode, now, offset, limit));
    }

    /**
     * Every overdue report in the same order, for exports of any size: one query whose rows are read as the
     * consumer takes them (a database cursor on PostgreSQL), each report let go once it is passed on. The
     * database connection stays open until the consumer has taken the last one.
     */
    public void forEachOverdue(String agencyCode, Consumer<OverdueReport> consumer) {
        Instant now = clock.instant();
        database.read(em -> {
            Names names = names(em);
            TypedQuery<ReportEntity> query = overdueQuery(em, agencyCode, now)
                    .setHint("org.hibernate.fetchSize", PAGE).setHint("org.hibernate.readOnly", true);
            Converter converter = new Converter(names, now);
            try (Stream<ReportEntity> reports = query.getResultStream()) {
                reports.forEach(report -> {
                    consumer.accept(converter.apply(report));
                    em.detach(report);
                });
            }
            return null;
        });
    }

    private List<OverdueReport> overduePage(EntityManager em, Names names, String agencyCode, Instant now,
                                            int offset, int limit) {
        return overdueQuery(em, agencyCode, now).setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(new Converter(names, now)).toList();
    }

    private static TypedQuery<ReportEntity> overdueQuery(EntityManager em, String agencyCode, Instant now) {
        TypedQuery<ReportEntity> query = em.createQuery("select r from ReportEntity r where " + OVERDUE
                + (agencyCode == null ? "" : " and r.agencyCode = :agency") + BY_CURRENT_DEADLINE, ReportEntity.class);
        overdueParameters(query, agencyCode, now);
        return query;
    }

    /** A report as a line of the overdue list. */
    private final class Converter implements Function<ReportEntity, OverdueReport> {
        private final Names names;
        private final WorkingDays days = calendar.workingDays();
        private final LocalDate today;

        Converter(Names names, Instant now) {
            this.names = names;
            this.today = days.localDate(now);
        }

        @Override
        public OverdueReport apply(ReportEntity r) {
            Instant deadline = r.currentDeadline();
            return new OverdueReport(r.trackingNumber(), r.serviceCode(), names.services().get(r.serviceCode()),
                    r.agencyCode(), r.agencyCode() == null ? null : names.agencies().get(r.agencyCode()), r.status(),
                    stage(r), deadline, ChronoUnit.DAYS.between(days.localDate(deadline), today));
        }
    }

    private static void overdueParameters(TypedQuery<?> query, String agencyCode, Instant now) {
        query.setParameter("verifying", VERIFYING).setParameter("dispositioned", ReportStatus.DISPOSITIONED)
                .setParameter("answered", ReportStatus.ANSWERED).setParameter("now", now);
        if (agencyCode != null) {
            query.setParameter("agency", agencyCode);
        }
    }

    private static String stage(ReportEntity report) {
        return switch (report.status()) {
            case DISPOSITIONED -> report.firstResponseDue().isBefore(report.answerDue()) ? "first_response" : "answer";
            case ANSWERED -> "answer";
            default -> "verification";
        };
    }

    // ---- helpers

    private record Names(Map<String, String> services, Map<String, String> agencies) {
    }

    /** Display names of categories and agencies: the region's reference data, a few hundred rows at most. */
    private static Names names(EntityManager em) {
        Function<List<Object[]>, Map<String, String>> map = rows -> rows.stream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
        return new Names(map.apply(em.createQuery("select s.code, s.name from ServiceEntity s", Object[].class)
                .getResultList()),
                map.apply(em.createQuery("select a.code, a.name from AgencyEntity a", Object[].class).getResultList()));
    }

    private static String sum(String condition) {
        return "sum(case when " + condition + " then 1 else 0 end)";
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** {@code PERMINTAAN_INFORMASI} or {@code permintaan_informasi} as "Permintaan informasi". */
    private static String label(String code) {
        return capitalized(code.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
