package id.gapura.budgeting.internal;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static id.gapura.api.persistence.NativeQueries.rows;
import static id.gapura.api.persistence.NativeQueries.update;

/**
 * The cash plan (anggaran kas) of the DPA in force: per agency's sub kegiatan, the budget spread over the twelve
 * months, adding up exactly to the sub kegiatan's budget in that DPA version (refused otherwise, with the
 * figures). Setting a plan again adds a revision; earlier revisions stay.
 */
@Component(service = CashPlan.class)
public class CashPlan {

    public record Input(String agencyCode, String subKegiatanCode, List<BigDecimal> months) {
    }

    /** A plan as it stands: the newest revision for the version, with the sub kegiatan's budget in that version. */
    public record View(int year, int version, String agencyCode, String subKegiatanCode, int revision, List<BigDecimal> months,
                       BigDecimal total, BigDecimal budget, String setBy, OffsetDateTime setAt) {
    }

    private static final String MONTHS = "month_01, month_02, month_03, month_04, month_05, month_06, month_07, month_08,"
            + " month_09, month_10, month_11, month_12";

    private final BudgetingDatabase database;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    @Activate
    public CashPlan(@Reference BudgetingDatabase database, @Reference RegionCalendar calendar) {
        this(database, Clock.systemUTC(), () -> calendar.workingDays().zone());
    }

    /** For tests: times are shown in the clock's zone. */
    CashPlan(BudgetingDatabase database, Clock clock) {
        this(database, clock, clock::getZone);
    }

    private CashPlan(BudgetingDatabase database, Clock clock, Supplier<ZoneId> zone) {
        this.database = database;
        this.clock = clock;
        this.zone = zone;
    }

    public View set(int year, Input input, Actor actor) {
        if (input == null || input.agencyCode() == null || input.subKegiatanCode() == null) {
            throw ProblemException.badRequest("Send the cash plan as JSON: {\"agencyCode\":..., \"subKegiatanCode\":...,"
                    + " \"months\":[January, ..., December]} with twelve amounts in rupiah.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (input.months() == null || input.months().size() != 12) {
            errors.add(new FieldError("months", "twelve amounts, January to December"));
        } else {
            for (int i = 0; i < 12; i++) {
                BigDecimal month = input.months().get(i);
                // month_01 .. month_12 DECIMAL(19, 2), checked on precision and scale before any arithmetic
                if (month == null || month.signum() < 0 || !Inputs.fits(month, 19, 2)) {
                    errors.add(new FieldError("months[" + i + "]", "a non-negative amount in rupiah with at most 17 digits and 2 decimals"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!actor.budgetTeam() && !actor.mayActFor(input.agencyCode())) {
            throw ProblemException.forbidden(actor.name() + " may not set the cash plan of agency " + input.agencyCode()
                    + ": that is for budget-agency users of that agency, budget-tapd, or an administrator.");
        }
        List<BigDecimal> months = input.months().stream().map(month -> month.setScale(2, RoundingMode.UNNECESSARY)).toList();
        BigDecimal total = months.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return database.write(em -> {
            Budget.requireYear(em, year, LockModeType.PESSIMISTIC_READ);
            int version = inForce(em, year);
            Budget.ceiling(em, year, input.agencyCode(), CeilingEntity.AGENCY);
            BigDecimal budget = budget(em, year, version, input.agencyCode(), input.subKegiatanCode());
            if (budget.signum() == 0) {
                throw new ProblemException(422, "Not in the DPA", "The DPA in force (version " + version + " of " + year
                        + ") has no budget for sub kegiatan " + input.subKegiatanCode() + " of agency " + input.agencyCode() + ".",
                        List.of(new FieldError("subKegiatanCode", "no budget in DPA version " + version)));
            }
            if (total.compareTo(budget) != 0) {
                throw new ProblemException(422, "Cash plan does not add up", "Refused: the months of the cash plan add up to "
                        + Rupiah.format(total) + " but the DPA (version " + version + ") budgets " + Rupiah.format(budget)
                        + " for sub kegiatan " + input.subKegiatanCode() + " of agency " + input.agencyCode() + "; difference "
                        + Rupiah.format(total.subtract(budget)) + ".", List.of(new FieldError("months", "must add up to "
                        + budget.toPlainString())));
            }
            Object newest = rows(em, "SELECT MAX(revision) FROM budgeting_cash_plan WHERE fiscal_year = ? AND version = ?"
                    + " AND agency_code = ? AND sub_kegiatan_code = ?", year, version, input.agencyCode(), input.subKegiatanCode()).get(0)[0];
            int revision = newest == null ? 1 : ((Number) newest).intValue() + 1;
            List<Object> arguments = new ArrayList<>(List.of(year, version, input.agencyCode(), input.subKegiatanCode(), revision));
            arguments.addAll(months);
            arguments.add(actor.name());
            arguments.add(Timestamp.from(clock.instant()));
            update(em, "INSERT INTO budgeting_cash_plan (fiscal_year, version, agency_code, sub_kegiatan_code, revision, " + MONTHS
                    + ", set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments.toArray());
            return plans(em, year, version, input.agencyCode(), input.subKegiatanCode()).get(0);
        });
    }

    /** The plans in force (newest revision of the DPA in force) of the year, of one agency when given. */
    public List<View> plans(int year, String agencyCode) {
        return database.read(em -> {
            Budget.requireYear(em, year, LockModeType.NONE);
            return plans(em, year, inForce(em, year), agencyCode, null);
        });
    }

    private List<View> plans(EntityManager em, int year, int version, String agencyCode, String subKegiatan) {
        StringBuilder sql = new StringBuilder("SELECT p.agency_code, p.sub_kegiatan_code, p.revision, " + MONTHS.replace("month_", "p.month_")
                + ", p.set_by, p.set_at FROM budgeting_cash_plan p WHERE p.fiscal_year = ? AND p.version = ?"
                + " AND p.revision = (SELECT MAX(q.revision) FROM budgeting_cash_plan q WHERE q.fiscal_year = p.fiscal_year"
                + " AND q.version = p.version AND q.agency_code = p.agency_code AND q.sub_kegiatan_code = p.sub_kegiatan_code)");
        List<Object> arguments = new ArrayList<>(List.of(year, version));
        if (agencyCode != null) {
            sql.append(" AND p.agency_code = ?");
            arguments.add(agencyCode);
        }
        if (subKegiatan != null) {
            sql.append(" AND p.sub_kegiatan_code = ?");
            arguments.add(subKegiatan);
        }
        sql.append(" ORDER BY p.agency_code, p.sub_kegiatan_code");
        Map<String, BigDecimal> budgets = new TreeMap<>();
        rows(em, "SELECT agency_code, sub_kegiatan_code, SUM(amount) FROM budgeting_version_line WHERE fiscal_year = ? AND version = ?"
                + " GROUP BY agency_code, sub_kegiatan_code", year, version)
                .forEach(row -> budgets.put(row[0] + " " + row[1], Budget.decimal(row[2]).setScale(2, RoundingMode.UNNECESSARY)));
        return rows(em, sql.toString(), arguments.toArray()).stream().map(row -> {
            List<BigDecimal> months = new ArrayList<>();
            for (int i = 3; i < 15; i++) {
                months.add(Budget.decimal(row[i]).setScale(2, RoundingMode.UNNECESSARY));
            }
            BigDecimal total = months.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            return new View(year, version, (String) row[0], (String) row[1], ((Number) row[2]).intValue(), months, total,
                    budgets.getOrDefault(row[0] + " " + row[1], BigDecimal.ZERO.setScale(2)), (String) row[15], Budget.instant(row[16]).atZone(zone.get()).toOffsetDateTime());
        }).toList();
    }

    private static BigDecimal budget(EntityManager em, int year, int version, String agency, String subKegiatan) {
        Object value = rows(em, "SELECT SUM(amount) FROM budgeting_version_line WHERE fiscal_year = ? AND version = ?"
                + " AND agency_code = ? AND sub_kegiatan_code = ?", year, version, agency, subKegiatan).get(0)[0];
        return value == null ? BigDecimal.ZERO.setScale(2) : Budget.decimal(value).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static int inForce(EntityManager em, int year) {
        Object newest = rows(em, "SELECT MAX(version) FROM budgeting_version WHERE fiscal_year = ?", year).get(0)[0];
        if (newest == null) {
            throw ProblemException.conflict("Fiscal year " + year + " has no locked DPA yet; the cash plan spreads the DPA in"
                    + " force over the months.");
        }
        return ((Number) newest).intValue();
    }
}
