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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.gapura.sakip.internal.SakipDatabase.decimal;
import static id.gapura.sakip.internal.SakipDatabase.instant;
import static id.gapura.sakip.internal.SakipDatabase.integer;
import static id.gapura.sakip.internal.SakipDatabase.rows;
import static id.gapura.sakip.internal.SakipDatabase.timestamp;
import static id.gapura.sakip.internal.SakipDatabase.update;

/** The LKE evaluation of an agency per year by the inspectorate: the worksheet's scores, total and grade. */
@Component(service = Evaluations.class)
public class Evaluations {

    /** {@code scores}: component → sub-component → score 0–100, e.g. {"perencanaan":{"pemenuhan":90,...},...}. */
    public record EvaluationInput(Map<String, Map<String, BigDecimal>> scores, String note) {
    }

    public record SubScore(String key, String name, BigDecimal weight, BigDecimal score) {
    }

    public record ComponentScore(String key, String name, BigDecimal weight, BigDecimal total, List<SubScore> subcomponents) {
    }

    public record Evaluation(String agencyCode, int year, List<ComponentScore> components, BigDecimal total, String grade,
                             String predicate, String note, String evaluatedBy, OffsetDateTime evaluatedAt) {
    }

    /** One year of an agency's evaluation history. */
    public record Summary(String agencyCode, int year, BigDecimal total, String grade, String predicate, String evaluatedBy,
                          OffsetDateTime evaluatedAt) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SakipDatabase database;
    private final Agencies agencies;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public Evaluations(@Reference SakipDatabase database, @Reference Agencies agencies, @Reference AuditLog audit) {
        this(database, agencies, audit, Clock.systemUTC());
    }

    Evaluations(SakipDatabase database, Agencies agencies, AuditLog audit, Clock clock) {
        this.database = database;
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
    }

    /** Enters (or corrects) the whole worksheet of the year: every sub-component's score is needed. */
    public Evaluation evaluate(String agencyCode, int year, EvaluationInput input, Actor actor) {
        Map<String, BigDecimal> scores = scores(input);
        if (!Inputs.isYear(year)) {
            throw ProblemException.invalid(List.of(new FieldError("year", "a year from " + Inputs.MIN_YEAR + " to "
                    + Inputs.MAX_YEAR)));
        }
        agencies.agency(agencyCode);
        if (!actor.mayEvaluate()) {
            throw ProblemException.forbidden(actor.name() + " may not evaluate agencies; the inspectorate (sakip-evaluator) does.");
        }
        BigDecimal total = Lke.total(scores);
        Lke.Grade grade = Lke.grade(total);
        Instant now = clock.instant();
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        String before = database.write(em -> {
            List<Object[]> previous = rows(em, "SELECT total, grade FROM sakip_evaluation WHERE agency_code = ? AND eval_year = ?",
                    agencyCode, year);
            update(em, "DELETE FROM sakip_evaluation_score WHERE agency_code = ? AND eval_year = ?", agencyCode, year);
            update(em, "DELETE FROM sakip_evaluation WHERE agency_code = ? AND eval_year = ?", agencyCode, year);
            for (Lke.Item item : Lke.ITEMS) {
                update(em, "INSERT INTO sakip_evaluation_score (agency_code, eval_year, component, subcomponent, score)"
                        + " VALUES (?, ?, ?, ?, ?)", agencyCode, year, item.component(), item.subcomponent(), scores.get(item.key()));
            }
            update(em, "INSERT INTO sakip_evaluation (agency_code, eval_year, total, grade, note, evaluated_by, evaluated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", agencyCode, year, total, grade.code(), note, actor.name(), timestamp(now));
            return previous.isEmpty() ? null : decimal(previous.get(0)[0]).toPlainString() + " " + previous.get(0)[1];
        });
        audit.record(actor.name(), "sakip.evaluation.enter", "sakip", "LKE " + agencyCode + " " + year, AuditOutcome.SUCCEEDED,
                (before == null ? "" : "was " + before + ", ") + "now " + total.toPlainString() + " " + grade.code());
        return evaluation(agencyCode, year);
    }

    static Map<String, BigDecimal> scores(EvaluationInput input) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, BigDecimal> scores = new HashMap<>();
        Map<String, Map<String, BigDecimal>> given = input == null || input.scores() == null ? Map.of() : input.scores();
        for (String component : given.keySet()) {
            if (Lke.COMPONENTS.stream().noneMatch(c -> c.key().equals(component))) {
                errors.add(new FieldError("scores." + component, "not a component; the components are perencanaan,"
                        + " pengukuran, pelaporan, evaluasi"));
            }
        }
        for (Lke.Item item : Lke.ITEMS) {
            Map<String, BigDecimal> component = given.get(item.component());
            BigDecimal score = component == null ? null : component.get(item.subcomponent());
            String field = "scores." + item.key();
            if (score == null) {
                errors.add(new FieldError(field, "a score 0–100 for " + item.subcomponent() + " of " + item.component()));
            } else if (score.signum() < 0 || score.compareTo(HUNDRED) > 0 || score.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError(field, "a score from 0 to 100 with at most 2 decimals"));
            } else {
                scores.put(item.key(), score);
            }
        }
        if (input != null && input.note() != null && (input.note().length() > 2000
                || Inputs.forbiddenCharacter(input.note()) >= 0)) {
            errors.add(new FieldError("note", "up to 2000 characters, without control characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return scores;
    }

    public Evaluation evaluation(String agencyCode, int year) {
        agencies.agency(agencyCode);
        if (!Inputs.isYear(year)) {
            throw ProblemException.notFound("Agency " + agencyCode + " has no LKE evaluation for " + year + ".");
        }
        return database.read(em -> {
            List<Object[]> head = rows(em, "SELECT total, grade, note, evaluated_by, evaluated_at FROM sakip_evaluation"
                    + " WHERE agency_code = ? AND eval_year = ?", agencyCode, year);
            if (head.isEmpty()) {
                throw ProblemException.notFound("Agency " + agencyCode + " has no LKE evaluation for " + year + " yet.");
            }
            Map<String, BigDecimal> scores = new HashMap<>();
            rows(em, "SELECT component, subcomponent, score FROM sakip_evaluation_score WHERE agency_code = ? AND eval_year = ?",
                    agencyCode, year).forEach(row -> scores.put(row[0] + "." + row[1], decimal(row[2])));
            Map<String, BigDecimal> totals = Lke.componentTotals(scores);
            List<ComponentScore> components = Lke.COMPONENTS.stream().map(component -> new ComponentScore(component.key(),
                    component.name(), component.weight(), totals.get(component.key()), Lke.SUBCOMPONENTS.stream().map(sub -> {
                        Lke.Item item = Lke.ITEMS.stream().filter(i -> i.component().equals(component.key())
                                && i.subcomponent().equals(sub.key())).findFirst().orElseThrow();
                        return new SubScore(sub.key(), sub.name(), item.weight().stripTrailingZeros(), scores.get(item.key()));
                    }).toList())).toList();
            String grade = (String) head.get(0)[1];
            return new Evaluation(agencyCode, year, components, decimal(head.get(0)[0]).setScale(2), grade, Lke.predicate(grade),
                    (String) head.get(0)[2], (String) head.get(0)[3], database.shown(head.get(0)[4]));
        });
    }

    /** The evaluation history: every year of one agency (or of all, agencyCode null), newest year first. */
    public List<Summary> history(String agencyCode) {
        return database.read(em -> rows(em, "SELECT agency_code, eval_year, total, grade, evaluated_by, evaluated_at"
                + " FROM sakip_evaluation WHERE (? IS NULL OR agency_code = ?) ORDER BY eval_year DESC, agency_code",
                agencyCode, agencyCode)).stream().map(row -> new Summary((String) row[0], integer(row[1]),
                decimal(row[2]).setScale(2), (String) row[3], Lke.predicate((String) row[3]), (String) row[4], database.shown(row[5])))
                .toList();
    }
}
