package id.gapura.sakip.internal;

import java.time.OffsetDateTime;
import id.gapura.api.ProblemException;
import id.gapura.budgeting.api.ProgrammeBudget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The yearly performance report (LKjIP) of an agency: per objective and indicator of the signed performance
 * agreement, the target, the quarters' realisation and the achievement; the indicator's previous years in the
 * Renstra period; its progress towards the Renstra end target (the same achievement formula against the last
 * year's target); and the budget allocated and spent for the linked programmes, from the e-budgeting module while it
 * is installed, otherwise stated as not available.
 */
@Component(service = Lkjip.class)
public class Lkjip {

    public static final String BUDGETING_ABSENT = "not available: the e-budgeting module is not installed";
    public static final String SPENT_ABSENT = "not available: the e-budgeting module does not report spending (realisation) yet";

    public record Quarter(int quarter, BigDecimal realisation, Achievement achievement) {
    }

    public record PreviousYear(int year, BigDecimal target, BigDecimal low, BigDecimal high, BigDecimal realisation,
                               Achievement achievement) {
    }

    public record Programme(String code, String name, BigDecimal allocated, BigDecimal spent, BigDecimal absorption) {
    }

    /**
     * @param available false while the budgeting module is not installed; then every figure is null
     * @param note      why a figure is missing, null when all are there
     */
    public record Budget(boolean available, String note, List<Programme> programmes, BigDecimal allocated, BigDecimal spent,
                         BigDecimal absorption) {
    }

    public record IndicatorReport(String code, String name, String unit, Direction direction, BigDecimal target,
                                  BigDecimal low, BigDecimal high, List<Quarter> quarters, BigDecimal realisation,
                                  Achievement achievement, List<PreviousYear> previousYears, int endYear,
                                  BigDecimal endTarget, BigDecimal endLow, BigDecimal endHigh, Achievement progressToEndTarget,
                                  List<String> programmes) {
    }

    public record ObjectiveReport(String goalCode, String goal, String code, String statement, String regionObjective,
                                  List<IndicatorReport> indicators, Achievement achievement, Budget budget) {
    }

    public record Report(String agencyCode, String agencyName, int year, int renstraStart, int renstraEnd,
                         int agreementVersion, String signedBy, OffsetDateTime signedAt, List<ObjectiveReport> objectives,
                         Achievement achievement, Budget budget, OffsetDateTime generatedAt) {
    }

    private final SakipDatabase database;
    private final Agencies agencies;
    private final BudgetLink budgetLink;
    private final Clock clock;

    @Activate
    public Lkjip(@Reference SakipDatabase database, @Reference Agencies agencies, @Reference BudgetLink budgetLink) {
        this(database, agencies, budgetLink, Clock.systemUTC());
    }

    Lkjip(SakipDatabase database, Agencies agencies, BudgetLink budgetLink, Clock clock) {
        this.database = database;
        this.agencies = agencies;
        this.budgetLink = budgetLink;
        this.clock = clock;
    }

    public Report report(String agencyCode, int year) {
        Agencies.Agency agency = agencies.agency(agencyCode);
        record Data(Plans.Renstra renstra, Agreements.Agreement agreement, Map<Integer, Agreements.Agreement> previous,
                    List<Realisations.Value> values) {
        }
        Data data = database.read(em -> {
            Agreements.Agreement agreement = Agreements.inForce(database, em, agencyCode, year).orElseThrow(() -> ProblemException.conflict(
                    "Agency " + agencyCode + " has no signed performance agreement for " + year
                            + "; the LKjIP reports against it: the agency head signs it first."));
            Plans.Renstra renstra = Plans.covering(database, em, agencyCode, year).orElseThrow();
            Map<Integer, Agreements.Agreement> previous = new java.util.HashMap<>();
            for (int y = renstra.startYear(); y < year; y++) {
                Agreements.inForce(database, em, agencyCode, y).ifPresent(a -> previous.put(a.year(), a));
            }
            List<Long> ids = renstra.indicators().stream().map(Plans.Indicator::id).toList();
            return new Data(renstra, agreement, previous, Realisations.values(em, ids, year));
        });
        Optional<List<ProgrammeBudget>> figures = budgetLink.byProgramme(agencyCode, year);

        List<ObjectiveReport> objectives = new ArrayList<>();
        List<Achievement> all = new ArrayList<>();
        for (Plans.Goal goal : data.renstra().goals()) {
            for (Plans.Objective objective : goal.objectives()) {
                List<IndicatorReport> indicators = new ArrayList<>();
                Set<String> programmes = new LinkedHashSet<>();
                for (Plans.Indicator indicator : objective.indicators()) {
                    Optional<Agreements.Item> item = data.agreement().item(indicator.code());
                    if (item.isEmpty()) {
                        continue;
                    }
                    IndicatorReport report = indicator(indicator, item.get(), year, data.renstra(), data.previous(), data.values());
                    indicators.add(report);
                    programmes.addAll(item.get().programmes());
                }
                if (indicators.isEmpty()) {
                    continue;
                }
                List<Achievement> achievements = indicators.stream().map(IndicatorReport::achievement).toList();
                all.addAll(achievements);
                objectives.add(new ObjectiveReport(goal.code(), goal.statement(), objective.code(), objective.statement(),
                        objective.regionObjective(), indicators, Achievement.average(achievements),
                        budget(List.copyOf(programmes), figures, year)));
            }
        }
        Set<String> allProgrammes = data.agreement().indicators().stream().flatMap(item -> item.programmes().stream())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        return new Report(agencyCode, agency.name(), year, data.renstra().startYear(), data.renstra().endYear(),
                data.agreement().version(), data.agreement().signedBy(), data.agreement().signedAt(), objectives,
                Achievement.average(all), budget(List.copyOf(allProgrammes), figures, year), database.shown(clock.instant()));
    }

    private static IndicatorReport indicator(Plans.Indicator indicator, Agreements.Item item, int year, Plans.Renstra renstra,
                                             Map<Integer, Agreements.Agreement> previous, List<Realisations.Value> values) {
        List<Quarter> quarters = values.stream()
                .filter(v -> v.indicatorId() == indicator.id() && v.year() == year)
                .sorted(Comparator.comparingInt(Realisations.Value::quarter))
                .map(v -> new Quarter(v.quarter(), v.value(), Realisations.achievement(item, v.value()))).toList();
        BigDecimal realisation = quarters.isEmpty() ? null : quarters.get(quarters.size() - 1).realisation();
        Achievement achievement = Realisations.achievement(item, realisation);

        List<PreviousYear> previousYears = new ArrayList<>();
        for (int y = renstra.startYear(); y < year; y++) {
            int at = y;
            BigDecimal last = values.stream().filter(v -> v.indicatorId() == indicator.id() && v.year() == at)
                    .max(Comparator.comparingInt(Realisations.Value::quarter)).map(Realisations.Value::value).orElse(null);
            // the year's signed agreement where there is one, otherwise the Renstra's target for that year
            Optional<Agreements.Item> agreed = Optional.ofNullable(previous.get(y)).flatMap(a -> a.item(indicator.code()));
            Plans.Target planned = indicator.target(y).orElseThrow();
            BigDecimal target = agreed.map(Agreements.Item::target).orElse(planned.target());
            BigDecimal low = agreed.map(Agreements.Item::low).orElse(planned.low());
            BigDecimal high = agreed.map(Agreements.Item::high).orElse(planned.high());
            previousYears.add(new PreviousYear(y, target, low, high, last,
                    Achievement.of(indicator.direction(), last, target != null ? target : low, high)));
        }
        Plans.Target end = indicator.target(renstra.endYear()).orElseThrow();
        Achievement progress = Achievement.of(indicator.direction(), realisation, end.target() != null ? end.target() : end.low(),
                end.high());
        return new IndicatorReport(indicator.code(), indicator.name(), indicator.unit(), indicator.direction(), item.target(),
                item.low(), item.high(), quarters, realisation, achievement, previousYears, renstra.endYear(), end.target(),
                end.low(), end.high(), progress, item.programmes());
    }

    /** The budget of these programmes of the agency in the year, as far as the budgeting module can tell. */
    static Budget budget(List<String> codes, Optional<List<ProgrammeBudget>> figures, int year) {
        if (figures.isEmpty()) {
            return new Budget(false, BUDGETING_ABSENT, List.of(), null, null, null);
        }
        Map<String, ProgrammeBudget> byCode = figures.get().stream()
                .collect(Collectors.toMap(ProgrammeBudget::programmeCode, Function.identity(), (a, b) -> a));
        List<Programme> programmes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        boolean spentKnown = true;
        for (String code : codes) {
            ProgrammeBudget figure = byCode.get(code);
            if (figure == null) {
                notes.add("programme " + code + " has no budget in a locked DPA of " + year);
                programmes.add(new Programme(code, null, null, null, null));
                continue;
            }
            allocated = allocated.add(figure.budget());
            if (figure.realisation() == null) {
                spentKnown = false;
            } else {
                spent = spent.add(figure.realisation());
            }
            programmes.add(new Programme(code, figure.programmeName(), figure.budget(), figure.realisation(),
                    absorption(figure.budget(), figure.realisation())));
        }
        if (!spentKnown) {
            notes.add("spent " + SPENT_ABSENT);
        }
        BigDecimal totalSpent = spentKnown && !codes.isEmpty() ? spent : null;
        return new Budget(true, notes.isEmpty() ? null : String.join("; ", notes), programmes, allocated,
                totalSpent, absorption(allocated, totalSpent));
    }

    /** spent / allocated × 100, 2 decimals HALF_UP; null when either is unknown or nothing is allocated. */
    static BigDecimal absorption(BigDecimal allocated, BigDecimal spent) {
        if (allocated == null || spent == null || allocated.signum() == 0) {
            return null;
        }
        return spent.multiply(BigDecimal.valueOf(100)).divide(allocated, 2, RoundingMode.HALF_UP);
    }
}
