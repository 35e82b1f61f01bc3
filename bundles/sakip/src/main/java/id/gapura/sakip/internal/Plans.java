package id.gapura.sakip.internal;

import java.time.OffsetDateTime;
import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.validation.Inputs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static id.gapura.sakip.internal.SakipDatabase.decimal;
import static id.gapura.sakip.internal.SakipDatabase.id;
import static id.gapura.sakip.internal.SakipDatabase.instant;
import static id.gapura.sakip.internal.SakipDatabase.integer;
import static id.gapura.sakip.internal.SakipDatabase.nextId;
import static id.gapura.sakip.internal.SakipDatabase.rows;
import static id.gapura.sakip.internal.SakipDatabase.timestamp;
import static id.gapura.sakip.internal.SakipDatabase.update;

/**
 * The Renstra of an agency: a 5-year plan of goals (tujuan) → objectives (sasaran, each supporting a region-level
 * objective of the RPJMD) → key performance indicators (IKU) with unit, baseline, direction and a target for each
 * year of the period. A Renstra is entered whole and kept as entered.
 */
@Component(service = Plans.class)
public class Plans {

    public static final int PERIOD_YEARS = 5;

    /** For a RANGE indicator, {@code low} and {@code high}; otherwise {@code target}. */
    public record TargetInput(Integer year, BigDecimal target, BigDecimal low, BigDecimal high) {
    }

    public record IndicatorInput(String code, String name, String unit, String direction, BigDecimal baseline,
                                 List<TargetInput> targets) {
    }

    public record ObjectiveInput(String code, String statement, String regionObjective, List<IndicatorInput> indicators) {
    }

    public record GoalInput(String code, String statement, List<ObjectiveInput> objectives) {
    }

    public record RenstraInput(String agencyCode, Integer startYear, List<GoalInput> goals) {
    }

    /** A year's target; for a RANGE indicator {@code target} is null and {@code low}, {@code high} are set. */
    public record Target(int year, BigDecimal target, BigDecimal low, BigDecimal high) {
    }

    public record Indicator(long id, String code, String name, String unit, Direction direction, BigDecimal baseline,
                            List<Target> targets) {
        public Optional<Target> target(int year) {
            return targets.stream().filter(t -> t.year() == year).findFirst();
        }
    }

    public record Objective(String code, String statement, String regionObjective, List<Indicator> indicators) {
    }

    public record Goal(String code, String statement, List<Objective> objectives) {
    }

    public record Renstra(long id, String agencyCode, int startYear, int endYear, String createdBy, OffsetDateTime createdAt,
                          List<Goal> goals) {

        public List<Objective> objectives() {
            return goals.stream().flatMap(goal -> goal.objectives().stream()).toList();
        }

        public List<Indicator> indicators() {
            return objectives().stream().flatMap(objective -> objective.indicators().stream()).toList();
        }

        public Optional<Indicator> indicator(String code) {
            return indicators().stream().filter(indicator -> indicator.code().equals(code)).findFirst();
        }

        public Goal goalOf(Objective objective) {
            return goals.stream().filter(goal -> goal.objectives().contains(objective)).findFirst().orElseThrow();
        }
    }

    public record RenstraSummary(String agencyCode, int startYear, int endYear, int goals, int objectives, int indicators) {
    }

    private final SakipDatabase database;
    private final Agencies agencies;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public Plans(@Reference SakipDatabase database, @Reference Agencies agencies, @Reference AuditLog audit) {
        this(database, agencies, audit, Clock.systemUTC());
    }

    Plans(SakipDatabase database, Agencies agencies, AuditLog audit, Clock clock) {
        this.database = database;
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
    }

    public Renstra create(RenstraInput input, Actor actor) {
        if (input == null) {
            throw ProblemException.badRequest("Send the Renstra as JSON: {\"agencyCode\":..., \"startYear\":2025, \"goals\":[...]}.");
        }
        validate(input);
        agencies.agency(input.agencyCode());
        if (!actor.mayPlan(input.agencyCode())) {
            throw ProblemException.forbidden(actor.name() + " may not plan for agency " + input.agencyCode()
                    + "; a sakip-planner assigned to it (sakip:user-assign) or an administrator does.");
        }
        int start = input.startYear();
        int end = start + PERIOD_YEARS - 1;
        Instant now = clock.instant();
        long id = database.write(em -> {
            List<Object[]> overlapping = rows(em, "SELECT start_year, end_year FROM sakip_renstra WHERE agency_code = ?"
                    + " AND start_year <= ? AND end_year >= ?", input.agencyCode(), end, start);
            if (!overlapping.isEmpty()) {
                throw ProblemException.conflict("Agency " + input.agencyCode() + " already has a Renstra for "
                        + overlapping.get(0)[0] + "–" + overlapping.get(0)[1] + ", which overlaps " + start + "–" + end
                        + "; a Renstra is kept as entered.");
            }
            long renstra = nextId(em);
            update(em, "INSERT INTO sakip_renstra (id, agency_code, start_year, end_year, created_by, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", renstra, input.agencyCode(), start, end, actor.name(), timestamp(now));
            for (GoalInput goal : input.goals()) {
                long goalId = nextId(em);
                update(em, "INSERT INTO sakip_goal (id, renstra_id, code, statement) VALUES (?, ?, ?, ?)",
                        goalId, renstra, goal.code().strip(), goal.statement().strip());
                for (ObjectiveInput objective : goal.objectives()) {
                    long objectiveId = nextId(em);
                    update(em, "INSERT INTO sakip_objective (id, goal_id, renstra_id, code, statement, region_objective)"
                                    + " VALUES (?, ?, ?, ?, ?, ?)", objectiveId, goalId, renstra, objective.code().strip(),
                            objective.statement().strip(), blankToNull(objective.regionObjective()));
                    for (IndicatorInput indicator : objective.indicators()) {
                        long indicatorId = nextId(em);
                        Direction direction = Direction.of(indicator.direction()).orElseThrow();
                        update(em, "INSERT INTO sakip_indicator (id, objective_id, renstra_id, code, name, unit,"
                                        + " direction, baseline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", indicatorId, objectiveId,
                                renstra, indicator.code().strip(), indicator.name().strip(), indicator.unit().strip(),
                                direction.name(), indicator.baseline());
                        for (TargetInput target : indicator.targets()) {
                            boolean range = direction == Direction.RANGE;
                            insertTarget(em, indicatorId, target.year(), range ? target.low() : target.target(),
                                    range ? target.high() : null);
                        }
                    }
                }
            }
            return renstra;
        });
        audit.record(actor.name(), "sakip.renstra.create", "sakip", "Renstra " + input.agencyCode() + " " + start + "-" + end,
                AuditOutcome.SUCCEEDED, input.goals().size() + " goal(s)");
        return database.read(em -> load(database, em, id));
    }

    private static void insertTarget(EntityManager em, long indicatorId, int year, BigDecimal target, BigDecimal high) {
        update(em, "INSERT INTO sakip_indicator_target (indicator_id, target_year, target, target_high) VALUES (?, ?, ?, ?)",
                indicatorId, year, target, high);
    }

    public List<RenstraSummary> list(String agencyCode) {
        return database.read(em -> rows(em, "SELECT r.agency_code, r.start_year, r.end_year,"
                + " (SELECT COUNT(*) FROM sakip_goal g WHERE g.renstra_id = r.id) AS goals,"
                + " (SELECT COUNT(*) FROM sakip_objective o WHERE o.renstra_id = r.id) AS objectives,"
                + " (SELECT COUNT(*) FROM sakip_indicator i WHERE i.renstra_id = r.id) AS indicators"
                + " FROM sakip_renstra r WHERE (? IS NULL OR r.agency_code = ?) ORDER BY r.agency_code, r.start_year",
                agencyCode, agencyCode)).stream()
                .map(row -> new RenstraSummary((String) row[0], integer(row[1]), integer(row[2]), integer(row[3]),
                        integer(row[4]), integer(row[5]))).toList();
    }

    /** The agency's Renstra whose period covers the year. */
    public Optional<Renstra> covering(String agencyCode, int year) {
        return database.read(em -> covering(database, em, agencyCode, year));
    }

    static Optional<Renstra> covering(SakipDatabase database, EntityManager em, String agencyCode, int year) {
        return rows(em, "SELECT id FROM sakip_renstra WHERE agency_code = ? AND start_year <= ? AND end_year >= ?",
                agencyCode, year, year).stream().findFirst().map(row -> load(database, em, id(row[0])));
    }

    public Renstra renstra(String agencyCode, int startYear) {
        return database.read(em -> rows(em, "SELECT id FROM sakip_renstra WHERE agency_code = ? AND start_year = ?",
                agencyCode, startYear).stream().findFirst().map(row -> load(database, em, id(row[0]))))
                .orElseThrow(() -> ProblemException.notFound("Agency " + agencyCode + " has no Renstra starting in "
                        + startYear + "; see GET /api/sakip/renstra?agency=" + agencyCode + "."));
    }

    static Renstra load(SakipDatabase database, EntityManager em, long id) {
        Object[] head = rows(em, "SELECT agency_code, start_year, end_year, created_by, created_at FROM sakip_renstra WHERE id = ?", id).get(0);
        Map<Long, List<Target>> targets = new LinkedHashMap<>();
        rows(em, "SELECT t.indicator_id, t.target_year, t.target, t.target_high FROM sakip_indicator_target t"
                + " JOIN sakip_indicator i ON i.id = t.indicator_id WHERE i.renstra_id = ? ORDER BY t.target_year", id)
                .forEach(row -> {
                    BigDecimal high = decimal(row[3]);
                    targets.computeIfAbsent(id(row[0]), key -> new ArrayList<>()).add(high == null
                            ? new Target(integer(row[1]), decimal(row[2]), null, null)
                            : new Target(integer(row[1]), null, decimal(row[2]), high));
                });
        Map<Long, List<Indicator>> indicators = new LinkedHashMap<>();
        rows(em, "SELECT id, objective_id, code, name, unit, direction, baseline FROM sakip_indicator WHERE renstra_id = ?"
                + " ORDER BY id", id).forEach(row -> indicators.computeIfAbsent(id(row[1]), key -> new ArrayList<>())
                .add(new Indicator(id(row[0]), (String) row[2], (String) row[3], (String) row[4],
                        Direction.valueOf((String) row[5]), decimal(row[6]), targets.getOrDefault(id(row[0]), List.of()))));
        Map<Long, List<Objective>> objectives = new LinkedHashMap<>();
        rows(em, "SELECT id, goal_id, code, statement, region_objective FROM sakip_objective WHERE renstra_id = ? ORDER BY id", id)
                .forEach(row -> objectives.computeIfAbsent(id(row[1]), key -> new ArrayList<>())
                        .add(new Objective((String) row[2], (String) row[3], (String) row[4],
                                indicators.getOrDefault(id(row[0]), List.of()))));
        List<Goal> goals = rows(em, "SELECT id, code, statement FROM sakip_goal WHERE renstra_id = ? ORDER BY id", id).stream()
                .map(row -> new Goal((String) row[1], (String) row[2], objectives.getOrDefault(id(row[0]), List.of()))).toList();
        return new Renstra(id, (String) head[0], integer(head[1]), integer(head[2]), (String) head[3], database.shown(head[4]), goals);
    }

    /** Every field of the whole tree, so a Renstra is stored complete or not at all. */
    /** Indicator values (baseline, targets, realisations): DECIMAL(24, 4) columns. */
    static final int VALUE_PRECISION = 24;
    static final int VALUE_SCALE = 4;

    static void validate(RenstraInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.agencyCode() == null || input.agencyCode().isBlank()) {
            errors.add(new FieldError("agencyCode", "the agency's code"));
        }
        if (input.startYear() == null || input.startYear() < 2000 || input.startYear() > 2100) {
            errors.add(new FieldError("startYear", "the first year of the 5-year period, e.g. 2025"));
        }
        if (input.goals() == null || input.goals().isEmpty()) {
            errors.add(new FieldError("goals", "at least one goal (tujuan)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        int start = input.startYear();
        Set<String> codes = new HashSet<>();
        for (int g = 0; g < input.goals().size(); g++) {
            GoalInput goal = input.goals().get(g);
            String at = "goals[" + g + "]";
            if (goal == null) {
                errors.add(new FieldError(at, "a goal"));
                continue;
            }
            code(goal.code(), at + ".code", codes, errors);
            text(goal.statement(), at + ".statement", errors);
            if (goal.objectives() == null || goal.objectives().isEmpty()) {
                errors.add(new FieldError(at + ".objectives", "at least one objective (sasaran)"));
                continue;
            }
            for (int o = 0; o < goal.objectives().size(); o++) {
                ObjectiveInput objective = goal.objectives().get(o);
                String oat = at + ".objectives[" + o + "]";
                if (objective == null) {
                    errors.add(new FieldError(oat, "an objective"));
                    continue;
                }
                code(objective.code(), oat + ".code", codes, errors);
                text(objective.statement(), oat + ".statement", errors);
                if (objective.regionObjective() != null && (objective.regionObjective().length() > 1000
                        || Inputs.forbiddenCharacter(objective.regionObjective()) >= 0)) {
                    errors.add(new FieldError(oat + ".regionObjective", "up to 1000 characters, without control characters"));
                }
                if (objective.indicators() == null || objective.indicators().isEmpty()) {
                    errors.add(new FieldError(oat + ".indicators", "at least one indicator (IKU)"));
                    continue;
                }
                for (int i = 0; i < objective.indicators().size(); i++) {
                    indicator(objective.indicators().get(i), oat + ".indicators[" + i + "]", start, codes, errors);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void indicator(IndicatorInput indicator, String at, int start, Set<String> codes, List<FieldError> errors) {
        if (indicator == null) {
            errors.add(new FieldError(at, "an indicator"));
            return;
        }
        code(indicator.code(), at + ".code", codes, errors);
        text(indicator.name(), at + ".name", errors);
        if (indicator.unit() == null || indicator.unit().isBlank() || indicator.unit().length() > 100
                || Inputs.forbiddenCharacter(indicator.unit()) >= 0) {
            errors.add(new FieldError(at + ".unit", "the unit, e.g. %, orang, km (up to 100 characters)"));
        }
        if (indicator.baseline() != null && !Inputs.fits(indicator.baseline(), VALUE_PRECISION, VALUE_SCALE)) {
            errors.add(new FieldError(at + ".baseline", valueBounds()));
        }
        Optional<Direction> direction = Direction.of(indicator.direction());
        if (direction.isEmpty()) {
            errors.add(new FieldError(at + ".direction", "HIGHER_IS_BETTER, LOWER_IS_BETTER or RANGE"));
            return;
        }
        Set<Integer> years = new HashSet<>();
        for (int t = 0; indicator.targets() != null && t < indicator.targets().size(); t++) {
            TargetInput target = indicator.targets().get(t);
            String tat = at + ".targets[" + t + "]";
            if (target == null || target.year() == null || target.year() < start || target.year() >= start + PERIOD_YEARS
                    || !years.add(target.year())) {
                errors.add(new FieldError(tat + ".year", "a year of the period " + start + "–" + (start + PERIOD_YEARS - 1)
                        + ", each once"));
                continue;
            }
            int before = errors.size();
            for (Map.Entry<String, BigDecimal> value : targetValues(target).entrySet()) {
                if (!Inputs.fits(value.getValue(), VALUE_PRECISION, VALUE_SCALE)) {
                    errors.add(new FieldError(tat + "." + value.getKey(), valueBounds()));
                }
            }
            if (errors.size() > before) {
                continue;
            }
            if (direction.get() == Direction.RANGE) {
                if (target.low() == null || target.high() == null || target.low().compareTo(target.high()) > 0) {
                    errors.add(new FieldError(tat, "a RANGE indicator's target is {\"low\":..., \"high\":...} with low <= high"));
                }
            } else if (target.target() == null) {
                errors.add(new FieldError(tat + ".target", "the target for " + target.year()));
            }
        }
        if (years.size() != PERIOD_YEARS) {
            errors.add(new FieldError(at + ".targets", "a target for each of the " + PERIOD_YEARS + " years "
                    + start + "–" + (start + PERIOD_YEARS - 1)));
        }
    }

    private static void code(String code, String field, Set<String> codes, List<FieldError> errors) {
        if (code == null || !code.strip().matches("[0-9A-Za-z.\\-_]{1,40}")) {
            errors.add(new FieldError(field, "a code of up to 40 letters, digits, dots, dashes or underscores, e.g. IKU-1"));
        } else if (!codes.add(code.strip())) {
            errors.add(new FieldError(field, "code " + code.strip() + " is used twice in this Renstra"));
        }
    }

    private static void text(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank() || text.length() > 1000 || Inputs.forbiddenCharacter(text) >= 0) {
            errors.add(new FieldError(field, "a statement of up to 1000 characters, without control characters"));
        }
    }

    private static String valueBounds() {
        return "a number with at most " + (VALUE_PRECISION - VALUE_SCALE) + " digits before the decimal point and "
                + VALUE_SCALE + " after it";
    }

    private static Map<String, BigDecimal> targetValues(TargetInput target) {
        Map<String, BigDecimal> values = new java.util.LinkedHashMap<>();
        if (target.target() != null) {
            values.put("target", target.target());
        }
        if (target.low() != null) {
            values.put("low", target.low());
        }
        if (target.high() != null) {
            values.put("high", target.high());
        }
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
