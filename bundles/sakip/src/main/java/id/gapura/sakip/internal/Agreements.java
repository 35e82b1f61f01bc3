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
 * Performance agreements (Perjanjian Kinerja, PK): per agency and year, the Renstra indicators with the year's
 * targets and the budget programmes that deliver them. Planners draft; the agency head signs (who, when) and the
 * version is locked; a revision is a new version with its reason, and signing it supersedes the one before. Every
 * version is kept.
 */
@Component(service = Agreements.class)
public class Agreements {

    public static final String DRAFT = "draft";
    public static final String SIGNED = "signed";
    public static final String SUPERSEDED = "superseded";

    /** For a RANGE indicator {@code low} and {@code high}; otherwise {@code target}; omitted: the Renstra's target. */
    public record IndicatorInput(String indicatorCode, BigDecimal target, BigDecimal low, BigDecimal high,
                                 List<String> programmes) {
    }

    public record AgreementInput(String agencyCode, Integer year, String reason, List<IndicatorInput> indicators) {
    }

    public record Item(long indicatorId, String indicatorCode, String name, String unit, Direction direction,
                       String objectiveCode, BigDecimal target, BigDecimal low, BigDecimal high, List<String> programmes) {
    }

    public record Agreement(String agencyCode, int year, int version, String status, String reason, String createdBy,
                            OffsetDateTime createdAt, String signedBy, OffsetDateTime signedAt, List<Item> indicators) {

        public Optional<Item> item(String indicatorCode) {
            return indicators.stream().filter(item -> item.indicatorCode().equals(indicatorCode)).findFirst();
        }
    }

    private final SakipDatabase database;
    private final Agencies agencies;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public Agreements(@Reference SakipDatabase database, @Reference Agencies agencies, @Reference AuditLog audit) {
        this(database, agencies, audit, Clock.systemUTC());
    }

    Agreements(SakipDatabase database, Agencies agencies, AuditLog audit, Clock clock) {
        this.database = database;
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Writes the draft of the year: replaces the open draft, or opens version 1, or (after a signed version) a
     * revision, which needs a reason.
     */
    public Agreement draft(AgreementInput input, Actor actor) {
        if (input == null) {
            throw ProblemException.badRequest("Send the agreement as JSON: {\"agencyCode\":..., \"year\":2026,"
                    + " \"indicators\":[{\"indicatorCode\":..., \"target\":..., \"programmes\":[\"1.01.02\"]}]}.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (input.agencyCode() == null || input.agencyCode().isBlank()) {
            errors.add(new FieldError("agencyCode", "the agency's code"));
        }
        if (input.year() == null || !Inputs.isYear(input.year())) {
            errors.add(new FieldError("year", "the year of the agreement, e.g. 2026, from " + Inputs.MIN_YEAR
                    + " to " + Inputs.MAX_YEAR));
        }
        if (input.indicators() == null || input.indicators().isEmpty()) {
            errors.add(new FieldError("indicators", "at least one indicator of the agency's Renstra"));
        }
        if (input.reason() != null && (input.reason().length() > 1000 || Inputs.forbiddenCharacter(input.reason()) >= 0)) {
            errors.add(new FieldError("reason", "up to 1000 characters, without control characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        agencies.agency(input.agencyCode());
        if (!actor.mayPlan(input.agencyCode())) {
            throw ProblemException.forbidden(actor.name() + " may not draft the performance agreement of agency "
                    + input.agencyCode() + "; a sakip-planner assigned to it or an administrator does.");
        }
        int year = input.year();
        Instant now = clock.instant();
        database.write(em -> {
            Plans.Renstra renstra = Plans.covering(database, em, input.agencyCode(), year).orElseThrow(() -> new ProblemException(409,
                    "Conflict", "Agency " + input.agencyCode() + " has no Renstra covering " + year
                    + ": enter the Renstra first (POST /api/sakip/renstra).", List.of()));
            List<Item> items = items(input.indicators(), renstra, year);
            // the year's versions, newest first, locked against a concurrent draft or signature
            List<Object[]> versions = rows(em, "SELECT id, version, status FROM sakip_agreement WHERE agency_code = ?"
                    + " AND pk_year = ? ORDER BY version DESC FOR UPDATE", input.agencyCode(), year);
            long id;
            if (!versions.isEmpty() && DRAFT.equals(versions.get(0)[2])) {
                id = id(versions.get(0)[0]);
                update(em, "DELETE FROM sakip_agreement_programme WHERE agreement_id = ?", id);
                update(em, "DELETE FROM sakip_agreement_indicator WHERE agreement_id = ?", id);
                update(em, "UPDATE sakip_agreement SET reason = ?, created_by = ?, created_at = ? WHERE id = ?",
                        blankToNull(input.reason()), actor.name(), timestamp(now), id);
            } else {
                int version = versions.isEmpty() ? 1 : integer(versions.get(0)[1]) + 1;
                if (version > 1 && (input.reason() == null || input.reason().isBlank())) {
                    throw ProblemException.invalid(List.of(new FieldError("reason", "version " + (version - 1)
                            + " is signed; a revision needs its reason (e.g. APBD perubahan)")));
                }
                id = nextId(em);
                update(em, "INSERT INTO sakip_agreement (id, agency_code, pk_year, version, status, reason, created_by, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, input.agencyCode(), year, version, DRAFT,
                        blankToNull(input.reason()), actor.name(), timestamp(now));
            }
            for (Item item : items) {
                update(em, "INSERT INTO sakip_agreement_indicator (agreement_id, indicator_id, target, target_high)"
                        + " VALUES (?, ?, ?, ?)", id, item.indicatorId(), item.target() != null ? item.target() : item.low(), item.high());
                for (String programme : item.programmes()) {
                    update(em, "INSERT INTO sakip_agreement_programme (agreement_id, indicator_id, programme_code) VALUES (?, ?, ?)",
                            id, item.indicatorId(), programme);
                }
            }
        });
        return newest(input.agencyCode(), year);
    }

    private static List<Item> items(List<IndicatorInput> inputs, Plans.Renstra renstra, int year) {
        List<FieldError> errors = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            IndicatorInput input = inputs.get(i);
            String at = "indicators[" + i + "]";
            Optional<Plans.Indicator> found = input == null ? Optional.empty() : renstra.indicator(input.indicatorCode());
            if (found.isEmpty()) {
                errors.add(new FieldError(at + ".indicatorCode", "an indicator of the Renstra " + renstra.startYear() + "–"
                        + renstra.endYear() + " of agency " + renstra.agencyCode()));
                continue;
            }
            Plans.Indicator indicator = found.get();
            if (!seen.add(indicator.code())) {
                errors.add(new FieldError(at + ".indicatorCode", "indicator " + indicator.code() + " is listed twice"));
                continue;
            }
            Plans.Target planned = indicator.target(year).orElseThrow();
            BigDecimal target = null;
            BigDecimal low = null;
            BigDecimal high = null;
            // sakip_agreement_indicator.target and target_high DECIMAL(24, 4)
            Inputs bounds = new Inputs();
            bounds.decimal(at + ".target", input.target(), Plans.VALUE_PRECISION, Plans.VALUE_SCALE);
            bounds.decimal(at + ".low", input.low(), Plans.VALUE_PRECISION, Plans.VALUE_SCALE);
            bounds.decimal(at + ".high", input.high(), Plans.VALUE_PRECISION, Plans.VALUE_SCALE);
            if (!bounds.valid()) {
                errors.addAll(bounds.errors());
                continue;
            }
            if (indicator.direction() == Direction.RANGE) {
                low = input.low() != null ? input.low() : planned.low();
                high = input.high() != null ? input.high() : planned.high();
                if (low.compareTo(high) > 0) {
                    errors.add(new FieldError(at, "low <= high"));
                }
            } else {
                target = input.target() != null ? input.target() : planned.target();
            }
            List<String> programmes = input.programmes() == null ? List.of()
                    : input.programmes().stream().map(String::strip).distinct().toList();
            for (String programme : programmes) {
                if (!programme.matches("\\d{1,2}\\.\\d{2}\\.\\d{2}")) {
                    errors.add(new FieldError(at + ".programmes", Inputs.echo(programme, 40) + " is not a programme code (urusan.bidang.program,"
                            + " e.g. 1.01.02)"));
                }
            }
            String objective = renstra.objectives().stream().filter(o -> o.indicators().contains(indicator))
                    .findFirst().orElseThrow().code();
            items.add(new Item(indicator.id(), indicator.code(), indicator.name(), indicator.unit(), indicator.direction(),
                    objective, target, low, high, programmes));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return items;
    }

    /** The agency head signs the open draft: it is locked from now on and supersedes the version signed before. */
    public Agreement sign(String agencyCode, int year, Actor actor) {
        agencies.agency(agencyCode);
        if (!actor.maySign(agencyCode)) {
            throw ProblemException.forbidden(actor.name() + " may not sign the performance agreement of agency " + agencyCode
                    + "; its head (sakip-agency-head, assigned with sakip:user-assign) signs it.");
        }
        Instant now = clock.instant();
        int version = database.write(em -> {
            List<Object[]> versions = rows(em, "SELECT id, version, status FROM sakip_agreement WHERE agency_code = ?"
                    + " AND pk_year = ? ORDER BY version DESC FOR UPDATE", agencyCode, year);
            if (versions.isEmpty()) {
                throw ProblemException.notFound("Agency " + agencyCode + " has no performance agreement for " + year
                        + " to sign; a planner drafts it first (POST /api/sakip/agreements).");
            }
            if (!DRAFT.equals(versions.get(0)[2])) {
                throw ProblemException.conflict("Version " + versions.get(0)[1] + " of the " + year + " agreement of agency "
                        + agencyCode + " is signed already and locked; a change is a revision: draft a new version with its reason.");
            }
            update(em, "UPDATE sakip_agreement SET status = ? WHERE agency_code = ? AND pk_year = ? AND status = ?",
                    SUPERSEDED, agencyCode, year, SIGNED);
            update(em, "UPDATE sakip_agreement SET status = ?, signed_by = ?, signed_at = ? WHERE id = ?",
                    SIGNED, actor.name(), timestamp(now), id(versions.get(0)[0]));
            return integer(versions.get(0)[1]);
        });
        audit.record(actor.name(), "sakip.agreement.sign", "sakip", "PK " + agencyCode + " " + year + " v" + version,
                AuditOutcome.SUCCEEDED, "signed and locked");
        return version(agencyCode, year, version);
    }

    /** Every version of the year, newest first. */
    public List<Agreement> versions(String agencyCode, int year) {
        return database.read(em -> rows(em, "SELECT id FROM sakip_agreement WHERE agency_code = ? AND pk_year = ?"
                + " ORDER BY version DESC", agencyCode, year).stream().map(row -> load(database, em, id(row[0]))).toList());
    }

    public Agreement version(String agencyCode, int year, int version) {
        return database.read(em -> rows(em, "SELECT id FROM sakip_agreement WHERE agency_code = ? AND pk_year = ? AND version = ?",
                agencyCode, year, version).stream().findFirst().map(row -> load(database, em, id(row[0]))))
                .orElseThrow(() -> ProblemException.notFound("Agency " + agencyCode + " has no version " + version
                        + " of its " + year + " performance agreement."));
    }

    /** The newest version, draft or signed. */
    public Agreement newest(String agencyCode, int year) {
        return versions(agencyCode, year).stream().findFirst().orElseThrow(() -> ProblemException.notFound("Agency "
                + agencyCode + " has no performance agreement for " + year + "; a planner drafts it (POST /api/sakip/agreements)."));
    }

    /** The signed version in force. */
    public Optional<Agreement> inForce(String agencyCode, int year) {
        return database.read(em -> inForce(database, em, agencyCode, year));
    }

    static Optional<Agreement> inForce(SakipDatabase database, EntityManager em, String agencyCode, int year) {
        return rows(em, "SELECT id FROM sakip_agreement WHERE agency_code = ? AND pk_year = ? AND status = ?",
                agencyCode, year, SIGNED).stream().findFirst().map(row -> load(database, em, id(row[0])));
    }

    static Agreement load(SakipDatabase database, EntityManager em, long id) {
        Object[] head = rows(em, "SELECT agency_code, pk_year, version, status, reason, created_by, created_at, signed_by,"
                + " signed_at FROM sakip_agreement WHERE id = ?", id).get(0);
        Map<Long, List<String>> programmes = new LinkedHashMap<>();
        rows(em, "SELECT indicator_id, programme_code FROM sakip_agreement_programme WHERE agreement_id = ?"
                + " ORDER BY programme_code", id).forEach(row -> programmes.computeIfAbsent(id(row[0]), key -> new ArrayList<>())
                .add((String) row[1]));
        List<Item> items = rows(em, "SELECT i.id, i.code, i.name, i.unit, i.direction, o.code AS objective_code, a.target, a.target_high"
                + " FROM sakip_agreement_indicator a JOIN sakip_indicator i ON i.id = a.indicator_id"
                + " JOIN sakip_objective o ON o.id = i.objective_id WHERE a.agreement_id = ? ORDER BY i.id", id).stream()
                .map(row -> {
                    Direction direction = Direction.valueOf((String) row[4]);
                    boolean range = direction == Direction.RANGE;
                    return new Item(id(row[0]), (String) row[1], (String) row[2], (String) row[3], direction, (String) row[5],
                            range ? null : decimal(row[6]), range ? decimal(row[6]) : null, range ? decimal(row[7]) : null,
                            List.copyOf(programmes.getOrDefault(id(row[0]), List.of())));
                }).toList();
        return new Agreement((String) head[0], integer(head[1]), integer(head[2]), (String) head[3], (String) head[4],
                (String) head[5], database.shown(head[6]), (String) head[7], database.shown(head[8]), items);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
