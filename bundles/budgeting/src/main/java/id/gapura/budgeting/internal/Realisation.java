package id.gapura.budgeting.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.validation.Inputs;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static id.gapura.api.persistence.NativeQueries.rows;
import static id.gapura.api.persistence.NativeQueries.update;

/**
 * Spending (realisasi) against the DPA in force: each payment recorded once against an agency's sub kegiatan and
 * account, never above what the DPA in force budgets for them; corrections are reversing entries, nothing is
 * overwritten. Writes lock the year (shared) and the agency ceiling (exclusive) before they read the totals, so
 * concurrent payments of one agency cannot jointly exceed a budget and a new DPA version is never locked halfway.
 */
@Component(service = Realisation.class)
public class Realisation {

    public record Input(String agencyCode, String subKegiatanCode, String accountCode, String date, BigDecimal amount,
                        String document, String description) {
    }

    /**
     * One entry: a payment (positive) or the reversal of one (negative, {@code reversesId} set). {@code reversedBy}
     * is the entry that reversed this one, if any.
     */
    public record Entry(long id, int year, int version, String agencyCode, String subKegiatanCode, String accountCode,
                        LocalDate date, BigDecimal amount, String document, String description, Long reversesId,
                        Long reversedBy, String reason, String recordedBy, OffsetDateTime recordedAt) {
    }

    /** What one agency's sub kegiatan and account has in the DPA in force, and what was spent of it. */
    public record Key(String agencyCode, String subKegiatanCode, String accountCode) {
    }

    public record ImportOutcome(int recorded, BigDecimal total) {
    }

    static final List<String> CSV_HEADER = List.of("agency_code", "sub_kegiatan_code", "account_code", "date", "amount",
            "document", "description");
    private static final BigDecimal LARGEST = new BigDecimal("99999999999999999");

    private final BudgetingDatabase database;
    private final ReferenceData reference;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    @Activate
    public Realisation(@Reference BudgetingDatabase database, @Reference ReferenceData reference,
                       @Reference RegionCalendar calendar) {
        this(database, reference, Clock.systemUTC(), () -> calendar.workingDays().zone());
    }

    /** For tests: times are shown in the clock's zone. */
    Realisation(BudgetingDatabase database, ReferenceData reference, Clock clock) {
        this(database, reference, clock, clock::getZone);
    }

    private Realisation(BudgetingDatabase database, ReferenceData reference, Clock clock, Supplier<ZoneId> zone) {
        this.database = database;
        this.reference = reference;
        this.clock = clock;
        this.zone = zone;
    }

    /** Records one payment; refused over the budget of its sub kegiatan and account in the DPA in force. */
    public Entry record(int year, Input input, Actor actor) {
        Valid valid = validate(year, input, "");
        requireMayRecord(actor, valid.input.agencyCode());
        return database.write(em -> {
            long id = insert(em, year, valid, actor);
            return entries(em, year, null, id).get(0);
        });
    }

    /**
     * Records every row of a CSV file ({@code agency_code,sub_kegiatan_code,account_code,date,amount,document,description})
     * in one transaction: all rows or none; the refusal names each failing line.
     */
    public ImportOutcome importCsv(int year, Reader csv, Actor actor) throws IOException {
        requireTeam(actor, "import realisation");
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build().parse(csv)) {
            if (!Set.copyOf(parser.getHeaderNames()).containsAll(CSV_HEADER.subList(0, 6))) {
                throw ProblemException.badRequest("The realisation CSV needs the header " + String.join(",", CSV_HEADER)
                        + " (description may be left empty); got " + String.join(",", parser.getHeaderNames())
                        + ". Nothing was imported.");
            }
            records = parser.getRecords();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw ProblemException.badRequest("The realisation CSV cannot be read (" + e.getMessage() + "). Nothing was imported.");
        }
        if (records.isEmpty()) {
            throw ProblemException.badRequest("The realisation CSV has no rows. Nothing was imported.");
        }
        return database.write(em -> {
            List<String> problems = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (CSVRecord record : records) {
                String line = "line " + (record.getRecordNumber() + 1) + ": ";
                try {
                    Input input = new Input(value(record, "agency_code"), value(record, "sub_kegiatan_code"),
                            value(record, "account_code"), value(record, "date"), amount(value(record, "amount")),
                            value(record, "document"), value(record, "description"));
                    Valid valid = validate(year, input, line);
                    insert(em, year, valid, actor);
                    total = total.add(valid.amount);
                } catch (ProblemException e) {
                    problems.add(line + describe(e));
                }
            }
            if (!problems.isEmpty()) {
                throw new ProblemException(422, "Realisation not imported", "Nothing was imported: " + problems.size()
                        + " problem(s): " + ReferenceData.firstProblems(problems), List.of());
            }
            return new ImportOutcome(records.size(), total);
        });
    }

    /** A correction: the entry is cancelled by a reversing entry of the opposite amount; the entry itself stays. */
    public Entry reverse(int year, long id, String reason, Actor actor) {
        if (reason == null || reason.isBlank() || reason.length() > 1000 || Inputs.forbiddenCharacter(reason) >= 0) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "say why the entry is reversed, 1 to 1000 characters")));
        }
        return database.write(em -> {
            Budget.requireYear(em, year, LockModeType.PESSIMISTIC_READ);
            Entry original = entries(em, year, null, id).stream().findFirst().orElseThrow(() -> ProblemException.notFound(
                    "Fiscal year " + year + " has no realisation entry " + id + "."));
            requireMayRecord(actor, original.agencyCode());
            Budget.ceiling(em, year, original.agencyCode(), CeilingEntity.AGENCY);
            if (original.reversesId() != null) {
                throw ProblemException.conflict("Entry " + id + " is itself the reversal of entry " + original.reversesId()
                        + "; record the payment again instead of reversing a reversal.");
            }
            if (original.reversedBy() != null) {
                throw ProblemException.conflict("Entry " + id + " was already reversed by entry " + original.reversedBy() + ".");
            }
            int version = inForce(em, year);
            update(em, "INSERT INTO budgeting_realisation (fiscal_year, version, agency_code, sub_kegiatan_code, account_code,"
                            + " spent_on, amount, document, description, reverses_id, reason, recorded_by, recorded_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", year, version, original.agencyCode(),
                    original.subKegiatanCode(), original.accountCode(), java.sql.Date.valueOf(original.date()),
                    original.amount().negate(), original.document(), original.description() == null ? "" : original.description(),
                    id, reason.strip(), actor.name(), Timestamp.from(clock.instant()));
            return entries(em, year, null, lastId(em, original.agencyCode())).get(0);
        });
    }

    /** The entries of a year, of one agency when given, oldest first. */
    public List<Entry> entries(int year, String agencyCode) {
        return database.read(em -> {
            Budget.requireYear(em, year, LockModeType.NONE);
            return entries(em, year, agencyCode, null);
        });
    }

    /** Net realisation (payments less reversals) per agency, sub kegiatan and account. */
    public Map<Key, BigDecimal> totals(int year) {
        return database.read(em -> totals(em, year));
    }

    static Map<Key, BigDecimal> totals(EntityManager em, int year) {
        Map<Key, BigDecimal> totals = new TreeMap<>(java.util.Comparator.comparing(Key::agencyCode)
                .thenComparing(Key::subKegiatanCode).thenComparing(Key::accountCode));
        rows(em, "SELECT agency_code, sub_kegiatan_code, account_code, SUM(amount) FROM budgeting_realisation WHERE fiscal_year = ?"
                + " GROUP BY agency_code, sub_kegiatan_code, account_code", year)
                .forEach(row -> totals.put(new Key((String) row[0], (String) row[1], (String) row[2]),
                        Budget.decimal(row[3]).setScale(2, RoundingMode.UNNECESSARY)));
        return totals;
    }

    // ---- internals --------------------------------------------------------------------------------------

    private record Valid(Input input, LocalDate date, BigDecimal amount, String document, String description) {
    }

    private Valid validate(int year, Input input, String prefix) {
        if (input == null) {
            throw ProblemException.badRequest("Send the payment as JSON: {\"agencyCode\":..., \"subKegiatanCode\":...,"
                    + " \"accountCode\":..., \"date\":\"" + year + "-03-15\", \"amount\":..., \"document\":\"SP2D number\","
                    + " \"description\":...}.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (input.agencyCode() == null || reference.find(Codes.Kind.AGENCIES, input.agencyCode()).isEmpty()) {
            errors.add(new FieldError("agencyCode", "not a known agency code"));
        }
        if (input.subKegiatanCode() == null || Codes.programmeLevel(input.subKegiatanCode()).filter(Codes.SUB_KEGIATAN::equals).isEmpty()) {
            errors.add(new FieldError("subKegiatanCode", "a sub kegiatan code such as 1.01.02.2.01.0001"));
        }
        if (input.accountCode() == null || Codes.accountLevel(input.accountCode()) != 6 || !input.accountCode().startsWith("5.")) {
            errors.add(new FieldError("accountCode", "an expenditure account at sub rincian objek level, such as 5.1.02.01.01.0024"));
        }
        LocalDate date = null;
        try {
            date = input.date() == null ? null : LocalDate.parse(input.date().strip());
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null || date.getYear() != year) {
            errors.add(new FieldError("date", "the payment date in fiscal year " + year + ", as " + year + "-03-15"));
        }
        BigDecimal amount = input.amount();
        if (amount == null || amount.signum() <= 0 || !Inputs.fits(amount, 19, 2) || amount.compareTo(LARGEST) > 0) {
            errors.add(new FieldError("amount", "a positive amount in rupiah with at most 2 decimals"));
        }
        String document = input.document() == null ? "" : input.document().strip();
        if (document.isEmpty() || document.length() > 100 || Inputs.forbiddenCharacter(document) >= 0) {
            errors.add(new FieldError("document", "the payment document, e.g. the SP2D number, 1 to 100 characters"));
        }
        String description = input.description() == null || input.description().isBlank() ? null : input.description().strip();
        if (description != null && (description.length() > 500 || Inputs.forbiddenCharacter(description) >= 0)) {
            errors.add(new FieldError("description", "at most 500 characters, no control characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Valid(input, date, amount.setScale(2, RoundingMode.UNNECESSARY), document, description);
    }

    /** Locks, checks against the DPA in force and inserts; returns the new entry's id. */
    private long insert(EntityManager em, int year, Valid valid, Actor actor) {
        Input input = valid.input;
        Budget.requireYear(em, year, LockModeType.PESSIMISTIC_READ);
        int version = inForce(em, year);
        Budget.ceiling(em, year, input.agencyCode(), CeilingEntity.AGENCY);
        BigDecimal budget = sum(em, "SELECT SUM(amount) FROM budgeting_version_line WHERE fiscal_year = ? AND version = ?"
                + " AND agency_code = ? AND sub_kegiatan_code = ? AND account_code = ?", year, version, input.agencyCode(),
                input.subKegiatanCode(), input.accountCode());
        String what = "account " + input.accountCode() + " of sub kegiatan " + input.subKegiatanCode() + " of agency " + input.agencyCode();
        if (budget.signum() == 0) {
            throw new ProblemException(422, "Not in the DPA", "The DPA in force (version " + version + " of " + year
                    + ") has no budget for " + what + "; realisation is recorded against budget lines of the DPA only.",
                    List.of(new FieldError("accountCode", "no budget in DPA version " + version + " for this sub kegiatan and account")));
        }
        BigDecimal realised = sum(em, "SELECT SUM(amount) FROM budgeting_realisation WHERE fiscal_year = ? AND agency_code = ?"
                + " AND sub_kegiatan_code = ? AND account_code = ?", year, input.agencyCode(), input.subKegiatanCode(), input.accountCode());
        if (realised.add(valid.amount).compareTo(budget) > 0) {
            throw ProblemException.conflict("Refused: this would exceed the budget in the DPA (version " + version + ") of " + what
                    + ". Budget " + Rupiah.format(budget) + ", realised so far " + Rupiah.format(realised) + ", this payment "
                    + Rupiah.format(valid.amount) + ", excess " + Rupiah.format(realised.add(valid.amount).subtract(budget)) + ".");
        }
        update(em, "INSERT INTO budgeting_realisation (fiscal_year, version, agency_code, sub_kegiatan_code, account_code,"
                        + " spent_on, amount, document, description, reverses_id, reason, recorded_by, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)", year, version, input.agencyCode(),
                input.subKegiatanCode(), input.accountCode(), java.sql.Date.valueOf(valid.date), valid.amount, valid.document,
                valid.description == null ? "" : valid.description, actor.name(), Timestamp.from(clock.instant()));
        return lastId(em, input.agencyCode());
    }

    /** The newest locked DPA version of the year: realisation needs one. */
    private static int inForce(EntityManager em, int year) {
        Object newest = rows(em, "SELECT MAX(version) FROM budgeting_version WHERE fiscal_year = ?", year).get(0)[0];
        if (newest == null) {
            throw ProblemException.conflict("Fiscal year " + year + " has no locked DPA yet; realisation is recorded against"
                    + " the DPA in force.");
        }
        return ((Number) newest).intValue();
    }

    /** The newest entry of the agency: the one just inserted, as the agency's writes are serialised on its ceiling lock. */
    private static long lastId(EntityManager em, String agencyCode) {
        return ((Number) rows(em, "SELECT MAX(id) FROM budgeting_realisation WHERE agency_code = ?", agencyCode).get(0)[0]).longValue();
    }

    private List<Entry> entries(EntityManager em, int year, String agencyCode, Long id) {
        StringBuilder sql = new StringBuilder("SELECT r.id, r.fiscal_year, r.version, r.agency_code, r.sub_kegiatan_code,"
                + " r.account_code, r.spent_on, r.amount, r.document, r.description, r.reverses_id,"
                + " (SELECT x.id FROM budgeting_realisation x WHERE x.reverses_id = r.id) AS reversed_by, r.reason, r.recorded_by, r.recorded_at"
                + " FROM budgeting_realisation r WHERE r.fiscal_year = ?");
        List<Object> arguments = new ArrayList<>(List.of(year));
        if (agencyCode != null) {
            sql.append(" AND r.agency_code = ?");
            arguments.add(agencyCode);
        }
        if (id != null) {
            sql.append(" AND r.id = ?");
            arguments.add(id);
        }
        sql.append(" ORDER BY r.id");
        return rows(em, sql.toString(), arguments.toArray()).stream().map(row -> new Entry(((Number) row[0]).longValue(),
                ((Number) row[1]).intValue(), ((Number) row[2]).intValue(), (String) row[3], (String) row[4], (String) row[5],
                date(row[6]), Budget.decimal(row[7]).setScale(2, RoundingMode.UNNECESSARY), (String) row[8],
                row[9] == null || ((String) row[9]).isEmpty() ? null : (String) row[9],
                row[10] == null ? null : ((Number) row[10]).longValue(), row[11] == null ? null : ((Number) row[11]).longValue(),
                (String) row[12], (String) row[13], Budget.instant(row[14]).atZone(zone.get()).toOffsetDateTime())).toList();
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toLocalDate();
        }
        throw new IllegalStateException("not a date: " + value);
    }

    private static BigDecimal sum(EntityManager em, String sql, Object... arguments) {
        Object value = rows(em, sql, arguments).get(0)[0];
        return value == null ? BigDecimal.ZERO.setScale(2) : Budget.decimal(value).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static void requireMayRecord(Actor actor, String agencyCode) {
        // like drafting: the agency's own users; which roles may call it at all is the REST layer's @RolesAllowed
        if (!actor.budgetTeam() && !actor.mayActFor(agencyCode)) {
            throw ProblemException.forbidden(actor.name() + " may not record realisation for agency " + agencyCode
                    + ": that is for budget-agency users of that agency, budget-tapd, or an administrator.");
        }
    }

    private static void requireTeam(Actor actor, String what) {
        if (!actor.budgetTeam()) {
            throw ProblemException.forbidden(actor.name() + " is not in the budget team (budget-tapd) and may not " + what + ".");
        }
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(List.of(new FieldError("amount", "a number such as 1250000 or 1250000.50, without"
                    + " thousands separators; got \"" + Inputs.echo(text, 40) + "\"")));
        }
    }

    private static String describe(ProblemException e) {
        if (e.errors() == null || e.errors().isEmpty()) {
            return e.detail();
        }
        return String.join(", ", e.errors().stream().map(error -> error.field() + ": " + error.message()).toList());
    }
}
