package id.gapura.permits.internal;

import id.gapura.api.csv.CsvWriter;

import id.gapura.api.time.RegionCalendar;
import id.gapura.api.time.WorkingDays;
import id.gapura.permits.workflow.ClockState;
import id.gapura.permits.workflow.Stage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reports for the head of DPMPTSP and the region: volumes, processing times against service levels, fee revenue. */
@Component(service = Reports.class)
public class Reports {

    private final PermitsDatabase database;
    private final RegionCalendar calendar;

    @Activate
    public Reports(@Reference PermitsDatabase database, @Reference RegionCalendar calendar) {
        this.database = database;
        this.calendar = calendar;
    }

    /** Applications filed in a month, by type and the stage they are in now. */
    public record ApplicationsRow(String month, String type, String stage, long applications) {
    }

    /**
     * Applications decided (issued or rejected) in the year, by type: working days used with the clock running
     * (time returned to the applicant does not count), and the share decided within the service level, in percent.
     */
    public record ProcessingRow(String type, long decided, long issued, long rejected, BigDecimal averageDays,
                                int worstDays, long withinServiceLevel, BigDecimal percentWithinServiceLevel) {
    }

    /** Fees (retribusi) paid in a month, by type, in rupiah. */
    public record RevenueRow(String month, String type, long payments, BigDecimal amount) {
    }

    public List<ApplicationsRow> applications(int year) {
        WorkingDays days = calendar.workingDays();
        Map<List<String>, Long> counts = between(year, "submittedAt").stream()
                .collect(Collectors.groupingBy(app -> List.of(month(days, app.submittedAt), app.typeCode, app.stage.code()),
                        Reports::byKey, Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> new ApplicationsRow(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue()))
                .toList();
    }

    public List<ProcessingRow> processing(int year) {
        Map<String, List<ApplicationEntity>> byType = between(year, "decidedAt").stream()
                .filter(app -> app.clockState == ClockState.STOPPED)
                .collect(Collectors.groupingBy(app -> app.typeCode, TreeMap::new, Collectors.toList()));
        List<ProcessingRow> rows = new ArrayList<>();
        byType.forEach((type, apps) -> {
            long decided = apps.size();
            long issued = apps.stream().filter(app -> app.stage == Stage.ISSUED).count();
            int total = apps.stream().mapToInt(app -> app.clockDaysUsed).sum();
            int worst = apps.stream().mapToInt(app -> app.clockDaysUsed).max().orElse(0);
            long within = apps.stream().filter(app -> app.clockDaysUsed <= app.slaDays).count();
            rows.add(new ProcessingRow(type, decided, issued, decided - issued,
                    BigDecimal.valueOf(total).divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_UP), worst, within,
                    BigDecimal.valueOf(within * 100).divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_UP)));
        });
        return rows;
    }

    public List<RevenueRow> revenue(int year) {
        WorkingDays days = calendar.workingDays();
        Map<List<String>, List<ApplicationEntity>> paid = between(year, "paidAt").stream()
                .filter(app -> app.feeAmount != null)
                .collect(Collectors.groupingBy(app -> List.of(month(days, app.paidAt), app.typeCode), Reports::byKey,
                        Collectors.toList()));
        return paid.entrySet().stream()
                .map(e -> new RevenueRow(e.getKey().get(0), e.getKey().get(1), e.getValue().size(),
                        e.getValue().stream().map(app -> app.feeAmount).reduce(BigDecimal.ZERO, BigDecimal::add)))
                .toList();
    }

    /** The rows as CSV (RFC 4180, a header line of the field names), formula cells neutralised ({@link CsvWriter}). */
    public static String csv(List<? extends Record> rows, Class<? extends Record> type) {
        RecordComponent[] components = type.getRecordComponents();
        StringWriter out = new StringWriter();
        CsvWriter printer = new CsvWriter(out);
        printer.printRecord(Arrays.stream(components).map(RecordComponent::getName).toList());
        try {
            for (Record row : rows) {
                List<Object> values = new ArrayList<>();
                for (RecordComponent component : components) {
                    values.add(component.getAccessor().invoke(row));
                }
                printer.printRecord(values);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read report row " + type.getSimpleName(), e);
        }
        return out.toString();
    }

    private List<ApplicationEntity> between(int year, String field) {
        WorkingDays days = calendar.workingDays();
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(days.zone()).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(days.zone()).toInstant();
        return database.read(em -> em.createQuery("select a from ApplicationEntity a where a." + field + " >= :from and a."
                        + field + " < :to", ApplicationEntity.class)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    /** Rows sorted by their key: month, then type, then stage. */
    private static <V> TreeMap<List<String>, V> byKey() {
        return new TreeMap<>(Comparator.comparing((List<String> key) -> String.join("\u0001", key)));
    }

    private static String month(WorkingDays days, Instant instant) {
        return YearMonth.from(days.localDate(instant)).toString();
    }

}
