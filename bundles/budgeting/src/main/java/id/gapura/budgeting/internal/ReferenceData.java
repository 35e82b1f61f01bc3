package id.gapura.budgeting.internal;

import id.gapura.api.ProblemException;
import id.gapura.api.validation.Inputs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.io.IOException;
import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static id.gapura.api.persistence.NativeQueries.rows;
import static id.gapura.api.persistence.NativeQueries.update;

/** Agencies, programme nomenclature and the account chart; imported whole from CSV, read by everyone. */
@Component(service = ReferenceData.class)
public class ReferenceData {

    public record Entry(String code, String level, String name, String parent) {
    }

    public record ImportOutcome(Codes.Kind kind, int added, int updated) {
    }

    private final BudgetingDatabase database;

    @Activate
    public ReferenceData(@Reference BudgetingDatabase database) {
        this.database = database;
    }

    /** Checks the whole file first; stores all rows (adding new codes, renaming known ones) or none. */
    public ImportOutcome importCsv(Codes.Kind kind, Reader csv) throws IOException {
        Set<String> known = new HashSet<>(database.read(em -> rows(em, kind == Codes.Kind.ACCOUNTS
                ? "SELECT code FROM budgeting_account" : "SELECT code FROM budgeting_programme")).stream()
                .map(row -> (String) row[0]).toList());
        ReferenceImport.Result result = ReferenceImport.read(kind, csv, known::contains);
        if (!result.ok()) {
            throw new ProblemException(422, "Invalid reference data", "Nothing was imported: "
                    + result.errors().size() + " problem(s): " + firstProblems(result.errors()), List.of());
        }
        return database.write(em -> {
            int added = 0;
            int updated = 0;
            // parents before children, so references hold at every step
            List<ReferenceImport.Row> ordered = result.rows().stream()
                    .sorted((a, b) -> Integer.compare(a.code().length(), b.code().length())).toList();
            for (ReferenceImport.Row row : ordered) {
                int changed = switch (kind) {
                    case PROGRAMMES -> update(em, "UPDATE budgeting_programme SET name = ? WHERE code = ?", row.name(), row.code());
                    case ACCOUNTS -> update(em, "UPDATE budgeting_account SET name = ? WHERE code = ?", row.name(), row.code());
                    case AGENCIES -> update(em, "UPDATE budgeting_agency SET name = ? WHERE code = ?", row.name(), row.code());
                };
                if (changed == 1) {
                    updated++;
                    continue;
                }
                switch (kind) {
                    case PROGRAMMES -> update(em, "INSERT INTO budgeting_programme (code, level, name, parent_code) VALUES (?, ?, ?, ?)",
                            row.code(), row.level(), row.name(), row.parent());
                    case ACCOUNTS -> update(em, "INSERT INTO budgeting_account (code, level, name, parent_code) VALUES (?, ?, ?, ?)",
                            row.code(), Integer.parseInt(row.level()), row.name(), row.parent());
                    case AGENCIES -> update(em, "INSERT INTO budgeting_agency (code, name, bidang_code) VALUES (?, ?, ?)",
                            row.code(), row.name(), row.parent());
                }
                added++;
            }
            return new ImportOutcome(kind, added, updated);
        });
    }

    public List<Entry> list(Codes.Kind kind) {
        return database.read(em -> rows(em, switch (kind) {
            case PROGRAMMES -> "SELECT code, level, name, parent_code FROM budgeting_programme ORDER BY code";
            case ACCOUNTS -> "SELECT code, level, name, parent_code FROM budgeting_account ORDER BY code";
            case AGENCIES -> "SELECT code, 'agency', name, bidang_code FROM budgeting_agency ORDER BY code";
        })).stream().map(row -> new Entry((String) row[0], String.valueOf(row[1]), (String) row[2], (String) row[3])).toList();
    }

    /** Code → name of every entry of a kind, for reports. */
    public Map<String, String> names(Codes.Kind kind) {
        Map<String, String> names = new TreeMap<>();
        list(kind).forEach(entry -> names.put(entry.code(), entry.name()));
        return names;
    }

    public Optional<Entry> find(Codes.Kind kind, String code) {
        return database.read(em -> rows(em, switch (kind) {
            case PROGRAMMES -> "SELECT code, level, name, parent_code FROM budgeting_programme WHERE code = ?";
            case ACCOUNTS -> "SELECT code, level, name, parent_code FROM budgeting_account WHERE code = ?";
            case AGENCIES -> "SELECT code, 'agency', name, bidang_code FROM budgeting_agency WHERE code = ?";
        }, code)).stream().findFirst()
                .map(row -> new Entry((String) row[0], String.valueOf(row[1]), (String) row[2], (String) row[3]));
    }

    public Entry agency(String code) {
        return find(Codes.Kind.AGENCIES, code).orElseThrow(() -> ProblemException.notFound(
                "No agency with code " + Inputs.echo(code, 40) + "; see GET /api/budgeting/agencies."));
    }

    /** At most the first {@value #PROBLEMS_SHOWN} problems of a refused import, so a refusal stays short. */
    static String firstProblems(List<String> problems) {
        String shown = String.join("; ", problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())));
        return problems.size() > PROBLEMS_SHOWN ? shown + "; and " + (problems.size() - PROBLEMS_SHOWN) + " more" : shown;
    }

    static final int PROBLEMS_SHOWN = 10;

    /** Assigns a budget-agency user to the agency they draft for. */
    public void assign(String username, String agencyCode) {
        // budgeting_agency_user.username VARCHAR(128), a name of the realm's form
        Inputs inputs = new Inputs();
        inputs.username("user", username, 128);
        inputs.validate();
        agency(agencyCode);
        database.write(em -> {
            if (update(em, "UPDATE budgeting_agency_user SET agency_code = ? WHERE username = ?", agencyCode, username) == 0) {
                update(em, "INSERT INTO budgeting_agency_user (username, agency_code) VALUES (?, ?)", username, agencyCode);
            }
        });
    }

    public Optional<String> agencyOf(String username) {
        return database.read(em -> rows(em, "SELECT agency_code FROM budgeting_agency_user WHERE username = ?", username))
                .stream().findFirst().map(row -> (String) row[0]);
    }

    public Map<String, String> assignments() {
        Map<String, String> result = new TreeMap<>();
        database.read(em -> rows(em, "SELECT username, agency_code FROM budgeting_agency_user"))
                .forEach(row -> result.put((String) row[0], (String) row[1]));
        return result;
    }
}
