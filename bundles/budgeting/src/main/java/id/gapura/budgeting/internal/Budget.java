package id.gapura.budgeting.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.validation.Inputs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static id.gapura.api.persistence.NativeQueries.rows;
import static id.gapura.api.persistence.NativeQueries.update;

/**
 * The budget of each fiscal year: stages, ceilings, lines with their history, locked versions and their
 * comparison. Ceilings are enforced inside the writing transaction with the ceiling rows locked
 * ({@code SELECT ... FOR UPDATE}, agency ceiling first, then the sub kegiatan's), so concurrent edits of one
 * agency are serialised on its ceiling and can never jointly exceed it.
 */
@Component(service = Budget.class)
public class Budget {

    public record YearView(int year, String stage, int version, String versionKind, String updatedBy, OffsetDateTime updatedAt) {
    }

    public record CeilingView(String agencyCode, String subKegiatanCode, BigDecimal ceiling, BigDecimal used,
                              BigDecimal remaining, String updatedBy, OffsetDateTime updatedAt) {
    }

    public record LineInput(String agencyCode, String subKegiatanCode, String accountCode, String description,
                            BigDecimal volume, String unit, BigDecimal unitPrice) {
    }

    public record LineView(long id, int year, String agencyCode, String subKegiatanCode, String accountCode,
                           String description, BigDecimal volume, String unit, BigDecimal unitPrice, BigDecimal amount,
                           String status, String note, String updatedBy, OffsetDateTime updatedAt) {
    }

    /** A line as it stands in a version (or now). */
    public record Snapshot(long lineId, String agencyCode, String subKegiatanCode, String accountCode,
                           String description, BigDecimal volume, String unit, BigDecimal unitPrice, BigDecimal amount) {
    }

    public record ChangeView(int version, String action, String changedBy, OffsetDateTime changedAt, JsonNode before, JsonNode after) {
    }

    public record VersionView(int version, String kind, String lockedBy, OffsetDateTime lockedAt, BigDecimal total) {
    }

    public record LineDifference(long lineId, String change, Snapshot before, Snapshot after, BigDecimal difference) {
    }

    public record Comparison(int year, String from, String to, BigDecimal totalFrom, BigDecimal totalTo,
                             BigDecimal difference, Map<String, BigDecimal> differenceByAgency,
                             List<LineDifference> lines) {
    }

    static final String CURRENT = "current";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private final BudgetingDatabase database;
    private final ReferenceData reference;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    @Activate
    public Budget(@Reference BudgetingDatabase database, @Reference ReferenceData reference,
                  @Reference RegionCalendar calendar) {
        this(database, reference, Clock.systemUTC(), () -> calendar.workingDays().zone());
    }

    /** For tests: times are shown in the clock's zone. */
    Budget(BudgetingDatabase database, ReferenceData reference, Clock clock) {
        this(database, reference, clock, clock::getZone);
    }

    private Budget(BudgetingDatabase database, ReferenceData reference, Clock clock, Supplier<ZoneId> zone) {
        this.database = database;
        this.reference = reference;
        this.clock = clock;
        this.zone = zone;
    }

    /** An instant as shown: in the region's zone (stored in UTC). */
    OffsetDateTime shown(Instant instant) {
        return instant == null ? null : instant.atZone(zone.get()).toOffsetDateTime();
    }

    // ---- fiscal years and stages ------------------------------------------------------------------------

    public YearView openYear(int year, Actor actor) {
        requireTeam(actor, "open a fiscal year");
        if (!Inputs.isYear(year)) {
            throw ProblemException.invalid(List.of(new FieldError("year", "a fiscal year such as 2027, from "
                    + Inputs.MIN_YEAR + " to " + Inputs.MAX_YEAR)));
        }
        return database.write(em -> {
            if (em.find(YearEntity.class, year) != null) {
                throw ProblemException.conflict("Fiscal year " + year + " is already open; see GET /api/budgeting/years/" + year + ".");
            }
            YearEntity entity = new YearEntity(year, Stage.CEILINGS.id(), actor.name(), clock.instant());
            em.persist(entity);
            return view(entity);
        });
    }

    public List<YearView> years() {
        return database.read(em -> em.createQuery("select y from YearEntity y order by y.year", YearEntity.class)
                .getResultList().stream().map((YearEntity y) -> view(y)).toList());
    }

    public YearView year(int year) {
        return database.read(em -> view(requireYear(em, year, LockModeType.NONE)));
    }

    /**
     * Moves a year to the next stage. Verification → validation needs every line verified; validation → dpa
     * needs every agency with lines validated, and locks the version.
     */
    public YearView advance(int year, Stage target, Actor actor) {
        requireTeam(actor, "move a fiscal year to another stage");
        return database.write(em -> {
            YearEntity entity = requireYear(em, year, LockModeType.PESSIMISTIC_WRITE);
            Stage current = Stage.of(entity.stage).orElseThrow();
            if (current.next().orElse(null) != target) {
                throw ProblemException.conflict("Fiscal year " + year + " is in stage " + current.id() + "; "
                        + current.next().map(next -> "the next stage is " + next.id() + ".")
                        .orElse("the DPA is locked: open a change (perubahan or pergeseran) to revise it."));
            }
            if (target == Stage.VALIDATION) {
                List<Object[]> open = rows(em, "SELECT status, COUNT(*) FROM budgeting_line WHERE fiscal_year = ? AND removed = FALSE"
                        + " AND status <> 'verified' GROUP BY status ORDER BY status", year);
                if (!open.isEmpty()) {
                    throw ProblemException.conflict("Fiscal year " + year + " cannot go to validation: lines not verified yet ("
                            + String.join(", ", open.stream().map(row -> row[1] + " " + row[0]).toList())
                            + "). Verify or return them first.");
                }
            }
            if (target == Stage.DPA) {
                List<String> missing = rows(em, "SELECT DISTINCT l.agency_code FROM budgeting_line l WHERE l.fiscal_year = ?"
                        + " AND l.removed = FALSE AND NOT EXISTS (SELECT 1 FROM budgeting_validation v WHERE v.fiscal_year = l.fiscal_year"
                        + " AND v.version = ? AND v.agency_code = l.agency_code) ORDER BY l.agency_code", year, entity.version)
                        .stream().map(row -> (String) row[0]).toList();
                if (!missing.isEmpty()) {
                    throw ProblemException.conflict("Fiscal year " + year + " cannot be locked as DPA: not validated by the agency head yet: "
                            + String.join(", ", missing) + ".");
                }
                if ("pergeseran".equals(entity.versionKind)) {
                    requireSameAgencyTotals(em, entity);
                }
                requireRealisationCovered(em, entity);
                lockVersion(em, entity, actor);
            }
            entity.stage = target.id();
            entity.updatedBy = actor.name();
            entity.updatedAt = clock.instant();
            return view(entity);
        });
    }

    private void lockVersion(EntityManager em, YearEntity year, Actor actor) {
        BigDecimal total = BigDecimal.ZERO;
        for (Snapshot line : current(em, year.year)) {
            update(em, "INSERT INTO budgeting_version_line (fiscal_year, version, line_id, agency_code, sub_kegiatan_code,"
                            + " account_code, description, volume, unit, unit_price, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    year.year, year.version, line.lineId(), line.agencyCode(), line.subKegiatanCode(), line.accountCode(),
                    line.description(), line.volume(), line.unit(), line.unitPrice(), line.amount());
            total = total.add(line.amount());
        }
        update(em, "INSERT INTO budgeting_version (fiscal_year, version, kind, locked_by, locked_at, total) VALUES (?, ?, ?, ?, ?, ?)",
                year.year, year.version, year.versionKind, actor.name(), Timestamp.from(clock.instant()), total);
    }

    /**
     * A new DPA version never budgets less than was already spent: each agency's sub kegiatan and account keeps at least
     * its realisation. Realisation is recorded under the shared year lock, so none can slip in while this checks.
     */
    private static void requireRealisationCovered(EntityManager em, YearEntity year) {
        Map<Realisation.Key, BigDecimal> realised = Realisation.totals(em, year.year);
        if (realised.isEmpty()) {
            return;
        }
        Map<Realisation.Key, BigDecimal> budget = new java.util.HashMap<>();
        current(em, year.year).forEach(line -> budget.merge(new Realisation.Key(line.agencyCode(), line.subKegiatanCode(),
                line.accountCode()), line.amount(), BigDecimal::add));
        List<String> shortfalls = new ArrayList<>();
        realised.forEach((key, spent) -> {
            BigDecimal planned = budget.getOrDefault(key, BigDecimal.ZERO.setScale(2));
            if (spent.compareTo(planned) > 0) {
                shortfalls.add("account " + key.accountCode() + " of sub kegiatan " + key.subKegiatanCode() + " of agency "
                        + key.agencyCode() + " (budget " + Rupiah.format(planned) + ", realised " + Rupiah.format(spent) + ")");
            }
        });
        if (!shortfalls.isEmpty()) {
            throw ProblemException.conflict("Fiscal year " + year.year + " cannot be locked as DPA version " + year.version
                    + ": it would budget less than was already realised for " + String.join("; ", shortfalls)
                    + ". Keep at least the realised amounts in those lines, or reverse wrong realisation entries first.");
        }
    }

    /** A pergeseran shifts money between lines of an agency; each agency's total stays what the previous version had. */
    private static void requireSameAgencyTotals(EntityManager em, YearEntity year) {
        Map<String, BigDecimal> before = new TreeMap<>();
        rows(em, "SELECT agency_code, SUM(amount) FROM budgeting_version_line WHERE fiscal_year = ? AND version = ?"
                + " GROUP BY agency_code", year.year, year.version - 1)
                .forEach(row -> before.put((String) row[0], decimal(row[1])));
        Map<String, BigDecimal> after = new TreeMap<>();
        current(em, year.year).forEach(line -> after.merge(line.agencyCode(), line.amount(), BigDecimal::add));
        List<String> changed = new ArrayList<>();
        TreeMap<String, Boolean> agencies = new TreeMap<>();
        before.keySet().forEach(agency -> agencies.put(agency, true));
        after.keySet().forEach(agency -> agencies.put(agency, true));
        for (String agency : agencies.keySet()) {
            BigDecimal was = before.getOrDefault(agency, BigDecimal.ZERO);
            BigDecimal now = after.getOrDefault(agency, BigDecimal.ZERO);
            if (was.compareTo(now) != 0) {
                changed.add(agency + " " + Rupiah.format(was) + " → " + Rupiah.format(now));
            }
        }
        if (!changed.isEmpty()) {
            throw ProblemException.conflict("Version " + year.version + " of " + year.year + " is a pergeseran, which keeps each"
                    + " agency's total; changed: " + String.join(", ", changed) + ". Balance the lines, or use a perubahan.");
        }
    }

    /** After the DPA: a perubahan (changes ceilings and lines) or pergeseran (shifts within ceilings) opens a new version. */
    public YearView openChange(int year, String kind, Actor actor) {
        requireTeam(actor, "open a change of the budget");
        if (!"perubahan".equals(kind) && !"pergeseran".equals(kind)) {
            throw ProblemException.invalid(List.of(new FieldError("kind", "perubahan or pergeseran")));
        }
        return database.write(em -> {
            YearEntity entity = requireYear(em, year, LockModeType.PESSIMISTIC_WRITE);
            if (!Stage.DPA.id().equals(entity.stage)) {
                throw ProblemException.conflict("Fiscal year " + year + " is in stage " + entity.stage
                        + "; a " + kind + " is opened on a locked DPA only.");
            }
            entity.version++;
            entity.versionKind = kind;
            entity.stage = Stage.DRAFTING.id();
            entity.updatedBy = actor.name();
            entity.updatedAt = clock.instant();
            return view(entity);
        });
    }

    // ---- ceilings ---------------------------------------------------------------------------------------

    /** Sets the ceiling of an agency ({@code subKegiatan} null) or of one of its sub kegiatan. */
    public CeilingView setCeiling(int year, String agencyCode, String subKegiatan, BigDecimal amount, Actor actor) {
        requireTeam(actor, "set ceilings");
        List<FieldError> errors = new ArrayList<>();
        // budgeting_ceiling.amount DECIMAL(19, 2), checked on precision and scale before any arithmetic
        if (amount == null || amount.signum() < 0 || !Inputs.fits(amount, 19, 2)) {
            errors.add(new FieldError("amount", "a non-negative amount in rupiah with at most 17 digits and 2 decimals"));
        }
        if (agencyCode == null || reference.find(Codes.Kind.AGENCIES, agencyCode).isEmpty()) {
            errors.add(new FieldError("agencyCode", "not a known agency code"));
        }
        if (subKegiatan != null && !reference.find(Codes.Kind.PROGRAMMES, subKegiatan)
                .filter(entry -> Codes.SUB_KEGIATAN.equals(entry.level())).isPresent()) {
            errors.add(new FieldError("subKegiatanCode", "not a known sub kegiatan code"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        BigDecimal value = amount.setScale(2, RoundingMode.UNNECESSARY);
        return locked(em -> {
            YearEntity entity = requireYear(em, year, LockModeType.PESSIMISTIC_READ);
            if (!Stage.CEILINGS.id().equals(entity.stage) && !Stage.DRAFTING.id().equals(entity.stage)) {
                throw ProblemException.conflict("Fiscal year " + year + " is in stage " + entity.stage
                        + "; ceilings are set in stage ceilings or drafting.");
            }
            if ("pergeseran".equals(entity.versionKind)) {
                throw ProblemException.conflict("Version " + entity.version + " of " + year
                        + " is a pergeseran, which shifts lines within the ceilings; open a perubahan to change ceilings.");
            }
            Optional<CeilingEntity> agencyCeiling = ceiling(em, year, agencyCode, CeilingEntity.AGENCY);
            CeilingEntity target;
            if (subKegiatan == null) {
                target = agencyCeiling.orElse(null);
            } else {
                agencyCeiling.orElseThrow(() -> ProblemException.conflict("Agency " + agencyCode
                        + " has no ceiling for " + year + "; set the agency ceiling before its sub kegiatan ceilings."));
                target = ceiling(em, year, agencyCode, subKegiatan).orElse(null);
            }
            String scope = subKegiatan == null ? CeilingEntity.AGENCY : subKegiatan;
            BigDecimal used = used(em, year, agencyCode, scope, null);
            if (value.compareTo(used) < 0) {
                throw ProblemException.conflict("The ceiling " + Rupiah.format(value) + " is below the budget lines already drafted ("
                        + Rupiah.format(used) + ") for " + describe(agencyCode, scope) + "; reduce the lines first.");
            }
            if (target == null) {
                target = new CeilingEntity(year, agencyCode, scope, value, actor.name(), clock.instant());
                em.persist(target);
            } else {
                target.amount = value;
                target.updatedBy = actor.name();
                target.updatedAt = clock.instant();
            }
            return new CeilingView(agencyCode, subKegiatan, value, used, value.subtract(used), actor.name(), shown(target.updatedAt));
        });
    }

    public List<CeilingView> ceilings(int year, String agencyCode) {
        return database.read(em -> {
            requireYear(em, year, LockModeType.NONE);
            var query = em.createQuery("select c from CeilingEntity c where c.year = :year"
                    + (agencyCode == null ? "" : " and c.agencyCode = :agency")
                    + " order by c.agencyCode, c.subKegiatanCode", CeilingEntity.class).setParameter("year", year);
            if (agencyCode != null) {
                query.setParameter("agency", agencyCode);
            }
            return query.getResultList().stream().map(c -> {
                BigDecimal used = used(em, year, c.agencyCode, c.subKegiatanCode, null);
                return new CeilingView(c.agencyCode, CeilingEntity.AGENCY.equals(c.subKegiatanCode) ? null : c.subKegiatanCode,
                        c.amount, used, c.amount.subtract(used), c.updatedBy, shown(c.updatedAt));
            }).toList();
        });
    }

    // ---- budget lines -----------------------------------------------------------------------------------

    public LineView addLine(int year, LineInput input, Actor actor) {
        Validated line = validate(input);
        if (!actor.mayActFor(line.input.agencyCode())) {
            throw ProblemException.forbidden(actor.name() + " drafts for " + (actor.agency() == null ? "no agency" : "agency " + actor.agency())
                    + ", not for " + line.input.agencyCode() + ".");
        }
        return locked(em -> {
            YearEntity entity = requireYear(em, year, LockModeType.PESSIMISTIC_READ);
            requireEditable(entity, null);
            enforceCeilings(em, year, line.input.agencyCode(), line.input.subKegiatanCode(), line.amount, null);
            LineEntity row = new LineEntity(year, line.input.agencyCode());
            apply(row, line, actor);
            em.persist(row);
            em.flush();
            record(em, row.id, entity.version, "created", actor, null, snapshot(row));
            return view(row);
        });
    }

    public LineView changeLine(int year, long id, LineInput input, Actor actor) {
        Validated line = validate(input);
        return locked(em -> {
            YearEntity entity = requireYear(em, year, LockModeType.PESSIMISTIC_READ);
            LineEntity row = requireLine(em, year, id, actor);
            requireEditable(entity, row);
            if (!row.agencyCode.equals(line.input.agencyCode())) {
                throw ProblemException.invalid(List.of(new FieldError("agencyCode", "a line stays with its agency " + row.agencyCode)));
            }
            Snapshot before = snapshot(row);
            enforceCeilings(em, year, row.agencyCode, line.input.subKegiatanCode(), line.amount, row.id);
            if (!row.subKegiatanCode.equals(line.input.subKegiatanCode())) {
                // the old sub kegiatan only loses; lock it too so its readers see a consistent total
                ceiling(em, year, row.agencyCode, row.subKegiatanCode);
            }
            apply(row, line, actor);
            record(em, row.id, entity.version, "changed", actor, before, snapshot(row));
            return view(row);
        });
    }

    public LineView removeLine(int year, long id, Actor actor) {
        return database.write(em -> {
            YearEntity entity = requireYear(em, year, LockModeType.PESSIMISTIC_READ);
            LineEntity row = requireLine(em, year, id, actor);
            requireEditable(entity, row);
            Snapshot before = snapshot(row);
            row.removed = true;
            row.updatedBy = actor.name();
            row.updatedAt = clock.instant();
            record(em, row.id, entity.version, "removed", actor, before, null);
            return view(row);
        });
    }

    public List<LineView> lines(int year, String agencyCode) {
        return database.read(em -> {
            requireYear(em, year, LockModeType.NONE);
            var query = em.createQuery("select l from LineEntity l where l.year = :year and l.removed = false"
                    + (agencyCode == null ? "" : " and l.agencyCode = :agency")
                    + " order by l.agencyCode, l.subKegiatanCode, l.accountCode, l.id", LineEntity.class).setParameter("year", year);
            if (agencyCode != null) {
                query.setParameter("agency", agencyCode);
            }
            return query.getResultList().stream().map((LineEntity l) -> view(l)).toList();
        });
    }

    public LineView line(int year, long id) {
        return database.read(em -> view(requireLine(em, year, id, null)));
    }

    // ---- verification and validation --------------------------------------------------------------------

    /** TAPD sends a line back to its agency with what to fix; the agency may then edit it during verification. */
    public LineView returnLine(int year, long id, String note, Actor actor) {
        requireTeam(actor, "return lines");
        if (note == null || note.isBlank()) {
            throw ProblemException.invalid(List.of(new FieldError("note", "say what the agency must fix")));
        }
        Inputs inputs = new Inputs();
        inputs.text("note", note.strip(), 1000);
        inputs.validate();
        return verification(year, id, actor, "returned", note.strip());
    }

    public LineView verifyLine(int year, long id, Actor actor) {
        requireTeam(actor, "verify lines");
        return verification(year, id, actor, "verified", null);
    }

    /** Verifies every draft line of an agency; returned lines stay returned. */
    public int verifyAgency(int year, String agencyCode, Actor actor) {
        requireTeam(actor, "verify lines");
        database.read(em -> requireYear(em, year, LockModeType.NONE));
        reference.agency(agencyCode);
        List<Long> ids = database.read(em -> em.createQuery("select l.id from LineEntity l where l.year = :year and l.agencyCode = :agency"
                        + " and l.removed = false and l.status = 'draft' order by l.id", Long.class)
                .setParameter("year", year).setParameter("agency", agencyCode).getResultList());
        for (long id : ids) {
            verification(year, id, actor, "verified", null);
        }
        return ids.size();
    }

    private LineView verification(int year, long id, Actor actor, String status, String note) {
        return database.write(em -> {
            YearEntity entity = requireYear(em, year, LockModeType.PESSIMISTIC_READ);
            if (!Stage.VERIFICATION.id().equals(entity.stage)) {
                throw ProblemException.conflict("Fiscal year " + year + " is in stage " + entity.stage
                        + "; lines are verified or returned in stage verification.");
            }
            LineEntity row = requireLine(em, year, id, null);
            if (row.removed) {
                throw ProblemException.conflict("Line " + id + " was removed.");
            }
            Snapshot before = snapshot(row);
            row.status = status;
            row.note = note;
            row.updatedBy = actor.name();
            row.updatedAt = clock.instant();
            record(em, row.id, entity.version, status, actor, before, snapshot(row));
            return view(row);
        });
    }

    /** The agency head (budget-agency-head of that agency) validates the agency's lines of the version being prepared. */
    public void validateAgency(int year, String agencyCode, Actor actor) {
        database.read(em -> requireYear(em, year, LockModeType.NONE));
        reference.agency(agencyCode);
        if (!actor.headOf(agencyCode)) {
            throw ProblemException.forbidden(actor.name() + " may not validate for agency " + agencyCode + ": validation is"
                    + " by the head of that agency (role budget-agency-head, assigned to " + agencyCode + " with budgeting:user-assign).");
        }
        database.write(em -> {
            YearEntity entity = requireYear(em, year, LockModeType.PESSIMISTIC_READ);
            if (!Stage.VALIDATION.id().equals(entity.stage)) {
                throw ProblemException.conflict("Fiscal year " + year + " is in stage " + entity.stage
                        + "; the agency head validates in stage validation.");
            }
            if (rows(em, "SELECT 1 FROM budgeting_validation WHERE fiscal_year = ? AND version = ? AND agency_code = ?",
                    year, entity.version, agencyCode).isEmpty()) {
                update(em, "INSERT INTO budgeting_validation (fiscal_year, version, agency_code, validated_by, validated_at)"
                        + " VALUES (?, ?, ?, ?, ?)", year, entity.version, agencyCode, actor.name(), Timestamp.from(clock.instant()));
            }
        });
    }

    // ---- history and versions ---------------------------------------------------------------------------

    public List<ChangeView> history(int year, long id) {
        return database.read(em -> {
            requireLine(em, year, id, null);
            return rows(em, "SELECT version, action, changed_by, changed_at, before_json, after_json FROM budgeting_line_change"
                    + " WHERE line_id = ? ORDER BY id", id).stream()
                    .map(row -> new ChangeView(((Number) row[0]).intValue(), (String) row[1], (String) row[2],
                            shown(instant(row[3])), tree((String) row[4]), tree((String) row[5]))).toList();
        });
    }

    public List<VersionView> versions(int year) {
        return database.read(em -> {
            requireYear(em, year, LockModeType.NONE);
            return rows(em, "SELECT version, kind, locked_by, locked_at, total FROM budgeting_version WHERE fiscal_year = ? ORDER BY version", year)
                    .stream().map(row -> new VersionView(((Number) row[0]).intValue(), (String) row[1], (String) row[2],
                            shown(instant(row[3])), decimal(row[4]))).toList();
        });
    }

    /** The lines of a locked version, or with {@code "current"} the lines as they stand now. */
    public List<Snapshot> snapshot(int year, String version) {
        return database.read(em -> {
            requireYear(em, year, LockModeType.NONE);
            if (CURRENT.equals(version)) {
                return current(em, year);
            }
            int number = versionNumber(version);
            if (rows(em, "SELECT 1 FROM budgeting_version WHERE fiscal_year = ? AND version = ?", year, number).isEmpty()) {
                throw ProblemException.notFound("Fiscal year " + year + " has no locked version " + number
                        + "; see GET /api/budgeting/years/" + year + "/versions.");
            }
            return rows(em, "SELECT line_id, agency_code, sub_kegiatan_code, account_code, description, volume, unit, unit_price, amount"
                    + " FROM budgeting_version_line WHERE fiscal_year = ? AND version = ? ORDER BY line_id", year, number)
                    .stream().map(row -> new Snapshot(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                            (String) row[4], decimal(row[5]), (String) row[6], decimal(row[7]), decimal(row[8]))).toList();
        });
    }

    /** The newest locked version of a year, if any. */
    public Optional<VersionView> lockedVersion(int year) {
        List<VersionView> versions = versions(year);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Comparison compare(int year, String from, String to) {
        return compare(year, from, to, null);
    }

    /** Compares two versions line by line, of one agency only when {@code agencyCode} is given. */
    public Comparison compare(int year, String from, String to, String agencyCode) {
        Map<Long, Snapshot> before = new LinkedHashMap<>();
        snapshot(year, from).stream().filter(line -> agencyCode == null || line.agencyCode().equals(agencyCode))
                .forEach(line -> before.put(line.lineId(), line));
        Map<Long, Snapshot> after = new LinkedHashMap<>();
        snapshot(year, to).stream().filter(line -> agencyCode == null || line.agencyCode().equals(agencyCode))
                .forEach(line -> after.put(line.lineId(), line));
        List<LineDifference> differences = new ArrayList<>();
        Map<String, BigDecimal> byAgency = new TreeMap<>();
        TreeMap<Long, Boolean> ids = new TreeMap<>();
        before.keySet().forEach(id -> ids.put(id, true));
        after.keySet().forEach(id -> ids.put(id, true));
        for (long id : ids.keySet()) {
            Snapshot a = before.get(id);
            Snapshot b = after.get(id);
            BigDecimal difference = (b == null ? BigDecimal.ZERO : b.amount()).subtract(a == null ? BigDecimal.ZERO : a.amount());
            String change = a == null ? "added" : b == null ? "removed" : same(a, b) ? null : "changed";
            if (change != null) {
                differences.add(new LineDifference(id, change, a, b, difference));
                byAgency.merge((a == null ? b : a).agencyCode(), difference, BigDecimal::add);
            }
        }
        BigDecimal totalFrom = before.values().stream().map(Snapshot::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal totalTo = after.values().stream().map(Snapshot::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Comparison(year, from, to, totalFrom, totalTo, totalTo.subtract(totalFrom), byAgency, differences);
    }

    private static boolean same(Snapshot a, Snapshot b) {
        return a.subKegiatanCode().equals(b.subKegiatanCode()) && a.accountCode().equals(b.accountCode())
                && a.description().equals(b.description()) && a.volume().compareTo(b.volume()) == 0
                && a.unit().equals(b.unit()) && a.unitPrice().compareTo(b.unitPrice()) == 0 && a.amount().compareTo(b.amount()) == 0;
    }

    private static int versionNumber(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("A version is a number such as 1, or \"current\"; got \"" + version + "\".");
        }
    }

    /**
     * A write that waits on ceiling locks; a wait the database gives up on (its lock timeout) becomes a 409 the
     * caller can retry, never a half-checked write.
     */
    private <R> R locked(org.apache.aries.jpa.template.EmFunction<R> change) {
        try {
            return database.write(change);
        } catch (javax.persistence.PessimisticLockException | javax.persistence.LockTimeoutException e) {
            throw ProblemException.conflict("Other edits of the same budget held its ceiling for too long; nothing was"
                    + " changed. Try again in a moment.");
        }
    }

    // ---- internals --------------------------------------------------------------------------------------

    private record Validated(LineInput input, BigDecimal amount) {
    }

    private Validated validate(LineInput input) {
        if (input == null) {
            throw ProblemException.badRequest("Send the line as JSON: {\"agencyCode\":..., \"subKegiatanCode\":..., \"accountCode\":...,"
                    + " \"description\":..., \"volume\":..., \"unit\":..., \"unitPrice\":...}.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (input.agencyCode() == null || reference.find(Codes.Kind.AGENCIES, input.agencyCode()).isEmpty()) {
            errors.add(new FieldError("agencyCode", "not a known agency code"));
        }
        if (input.subKegiatanCode() == null || Codes.programmeLevel(input.subKegiatanCode()).filter(Codes.SUB_KEGIATAN::equals).isEmpty()) {
            errors.add(new FieldError("subKegiatanCode", "a sub kegiatan code such as 1.01.02.2.01.0001"));
        } else if (reference.find(Codes.Kind.PROGRAMMES, input.subKegiatanCode()).isEmpty()) {
            errors.add(new FieldError("subKegiatanCode", "not in the programme nomenclature"));
        }
        if (input.accountCode() == null || Codes.accountLevel(input.accountCode()) != 6 || !input.accountCode().startsWith("5.")) {
            errors.add(new FieldError("accountCode", "an expenditure account at sub rincian objek level, such as 5.1.02.01.01.0024"));
        } else if (reference.find(Codes.Kind.ACCOUNTS, input.accountCode()).isEmpty()) {
            errors.add(new FieldError("accountCode", "not in the account chart"));
        }
        // budgeting_line: description VARCHAR(500), volume DECIMAL(19, 4), unit VARCHAR(60), unit_price DECIMAL(19, 2)
        if (input.description() == null || input.description().isBlank() || input.description().length() > 500
                || Inputs.forbiddenCharacter(input.description()) >= 0) {
            errors.add(new FieldError("description", "what is bought, 1 to 500 characters (no control characters)"));
        }
        if (input.volume() == null || input.volume().signum() <= 0 || !Inputs.fits(input.volume(), 19, 4)) {
            errors.add(new FieldError("volume", "a positive number with at most 15 digits and 4 decimals"));
        }
        if (input.unit() == null || input.unit().isBlank() || input.unit().length() > 60
                || Inputs.forbiddenCharacter(input.unit()) >= 0) {
            errors.add(new FieldError("unit", "the unit (satuan), e.g. paket, orang/hari, unit; at most 60 characters"));
        }
        if (input.unitPrice() == null || input.unitPrice().signum() < 0 || !Inputs.fits(input.unitPrice(), 19, 2)) {
            errors.add(new FieldError("unitPrice", "a non-negative price in rupiah with at most 17 digits and 2 decimals"));
        }
        BigDecimal amount = null;
        if (errors.stream().noneMatch(e -> e.field().equals("volume") || e.field().equals("unitPrice"))) {
            amount = input.volume().multiply(input.unitPrice()).stripTrailingZeros();
            if (amount.scale() > 2) {
                errors.add(new FieldError("volume", "volume × unit price = " + amount.toPlainString()
                        + " is not an exact amount in rupiah and sen"));
            } else if (amount.compareTo(new BigDecimal("99999999999999999")) > 0) {
                errors.add(new FieldError("unitPrice", "the amount is too large"));
            } else {
                amount = amount.setScale(2, RoundingMode.UNNECESSARY);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Validated(input, amount);
    }

    /**
     * Locks the agency ceiling then the sub kegiatan ceiling and refuses an amount that would take either over.
     * The totals are read after the locks, so they include every concurrent edit committed before.
     */
    private void enforceCeilings(EntityManager em, int year, String agency, String subKegiatan, BigDecimal amount, Long replacing) {
        CeilingEntity agencyCeiling = ceiling(em, year, agency, CeilingEntity.AGENCY).orElseThrow(() -> new ProblemException(422,
                "No ceiling", "Agency " + agency + " has no ceiling (pagu) for " + year + "; TAPD sets it first.",
                List.of(new FieldError("agencyCode", "no ceiling for " + year))));
        CeilingEntity subCeiling = ceiling(em, year, agency, subKegiatan).orElseThrow(() -> new ProblemException(422,
                "No ceiling", "Sub kegiatan " + subKegiatan + " has no ceiling (pagu) for agency " + agency + " in " + year
                + "; TAPD sets it first.", List.of(new FieldError("subKegiatanCode", "no ceiling for " + year))));
        BigDecimal subTotal = used(em, year, agency, subKegiatan, replacing);
        if (subTotal.add(amount).compareTo(subCeiling.amount) > 0) {
            throw ProblemException.conflict(exceeds("sub kegiatan " + subKegiatan + " of agency " + agency,
                    subCeiling.amount, subTotal, subTotal.add(amount).subtract(subCeiling.amount)));
        }
        BigDecimal agencyTotal = used(em, year, agency, CeilingEntity.AGENCY, replacing);
        if (agencyTotal.add(amount).compareTo(agencyCeiling.amount) > 0) {
            throw ProblemException.conflict(exceeds("agency " + agency, agencyCeiling.amount, agencyTotal,
                    agencyTotal.add(amount).subtract(agencyCeiling.amount)));
        }
    }

    static String exceeds(String what, BigDecimal ceiling, BigDecimal total, BigDecimal excess) {
        return "Refused: this would exceed the ceiling (pagu) of " + what + ". Ceiling " + Rupiah.format(ceiling)
                + ", current total " + Rupiah.format(total) + ", excess " + Rupiah.format(excess) + ".";
    }

    static Optional<CeilingEntity> ceiling(EntityManager em, int year, String agency, String scope) {
        return em.createQuery("select c from CeilingEntity c where c.year = :year and c.agencyCode = :agency"
                        + " and c.subKegiatanCode = :scope", CeilingEntity.class)
                .setParameter("year", year).setParameter("agency", agency).setParameter("scope", scope)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** The total of the live lines of an agency or of one of its sub kegiatan, without the line being replaced. */
    private static BigDecimal used(EntityManager em, int year, String agency, String scope, Long replacing) {
        String sql = "SELECT SUM(amount) FROM budgeting_line WHERE fiscal_year = ? AND agency_code = ? AND removed = FALSE AND id <> ?";
        long skip = replacing == null ? -1L : replacing;
        return CeilingEntity.AGENCY.equals(scope) ? sum(em, sql, year, agency, skip)
                : sum(em, sql + " AND sub_kegiatan_code = ?", year, agency, skip, scope);
    }

    private static BigDecimal sum(EntityManager em, String sql, Object... arguments) {
        Object value = rows(em, sql, arguments).get(0)[0];
        return value == null ? BigDecimal.ZERO.setScale(2) : decimal(value).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static void requireTeam(Actor actor, String what) {
        if (!actor.budgetTeam()) {
            throw ProblemException.forbidden(actor.name() + " is not in the budget team (budget-tapd) and may not " + what + ".");
        }
    }

    static YearEntity requireYear(EntityManager em, int year, LockModeType lock) {
        YearEntity entity = Inputs.isYear(year) ? em.find(YearEntity.class, year, lock) : null;
        if (entity == null) {
            throw ProblemException.notFound("Fiscal year " + year + " is not open; TAPD opens it with POST /api/budgeting/years"
                    + " or budgeting:year-open " + year + ".");
        }
        return entity;
    }

    private static LineEntity requireLine(EntityManager em, int year, long id, Actor actor) {
        LineEntity row = em.find(LineEntity.class, id);
        if (row == null || row.year != year) {
            throw ProblemException.notFound("Fiscal year " + year + " has no budget line " + id + ".");
        }
        if (actor != null && !actor.mayActFor(row.agencyCode)) {
            throw ProblemException.forbidden("Line " + id + " belongs to agency " + row.agencyCode + "; "
                    + actor.name() + " may not change it.");
        }
        return row;
    }

    /** Lines change in drafting; in verification only lines TAPD returned; never in validation or the locked DPA. */
    private static void requireEditable(YearEntity year, LineEntity line) {
        if (line != null && line.removed) {
            throw ProblemException.conflict("Line " + line.id + " was removed; add a new line instead.");
        }
        if (Stage.DRAFTING.id().equals(year.stage)) {
            return;
        }
        if (Stage.VERIFICATION.id().equals(year.stage) && line != null && "returned".equals(line.status)) {
            return;
        }
        if (Stage.DPA.id().equals(year.stage)) {
            throw ProblemException.conflict("The DPA of " + year.year + " (version " + year.version
                    + ") is locked; budget lines cannot change. TAPD opens a perubahan or pergeseran to revise it.");
        }
        throw ProblemException.conflict("Fiscal year " + year.year + " is in stage " + year.stage + "; budget lines change in stage drafting"
                + (Stage.VERIFICATION.id().equals(year.stage) ? ", or in verification when TAPD returned them." : "."));
    }

    private void apply(LineEntity row, Validated line, Actor actor) {
        row.subKegiatanCode = line.input.subKegiatanCode();
        row.accountCode = line.input.accountCode();
        row.description = line.input.description().strip();
        row.volume = line.input.volume().setScale(4, RoundingMode.UNNECESSARY);
        row.unit = line.input.unit().strip();
        row.unitPrice = line.input.unitPrice().setScale(2, RoundingMode.UNNECESSARY);
        row.amount = line.amount;
        row.status = "draft";
        row.removed = false;
        row.updatedBy = actor.name();
        row.updatedAt = clock.instant();
    }

    private void record(EntityManager em, long lineId, int version, String action, Actor actor, Snapshot before, Snapshot after) {
        update(em, "INSERT INTO budgeting_line_change (line_id, version, action, changed_by, changed_at, before_json, after_json)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", lineId, version, action, actor.name(), Timestamp.from(clock.instant()),
                json(before), json(after));
    }

    private static List<Snapshot> current(EntityManager em, int year) {
        return em.createQuery("select l from LineEntity l where l.year = :year and l.removed = false order by l.id", LineEntity.class)
                .setParameter("year", year).getResultList().stream().map(Budget::snapshot).toList();
    }

    private static Snapshot snapshot(LineEntity row) {
        return new Snapshot(row.id, row.agencyCode, row.subKegiatanCode, row.accountCode, row.description, row.volume,
                row.unit, row.unitPrice, row.amount);
    }

    private static String json(Snapshot snapshot) {
        if (snapshot == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(String agency, String scope) {
        return CeilingEntity.AGENCY.equals(scope) ? "agency " + agency : "sub kegiatan " + scope + " of agency " + agency;
    }

    static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value);
    }

    private YearView view(YearEntity year) {
        return new YearView(year.year, year.stage, year.version, year.versionKind, year.updatedBy, shown(year.updatedAt));
    }

    private LineView view(LineEntity row) {
        return new LineView(row.id, row.year, row.agencyCode, row.subKegiatanCode, row.accountCode, row.description,
                row.volume, row.unit, row.unitPrice, row.amount, row.status, row.note, row.updatedBy, shown(row.updatedAt));
    }
}
