package id.gapura.sakip.internal;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.validation.Inputs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static id.gapura.sakip.internal.SakipDatabase.rows;
import static id.gapura.sakip.internal.SakipDatabase.update;

/**
 * SAKIP's own agencies (perangkat daerah), so that it works without the budgeting module; their codes are the
 * budgeting module's agency codes where both are installed. And which agency each planner or head works for.
 */
@Component(service = Agencies.class)
public class Agencies {

    public record Agency(String code, String name) {
    }

    private final SakipDatabase database;
    private final AuditLog audit;

    @Activate
    public Agencies(@Reference SakipDatabase database, @Reference AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    public List<Agency> list() {
        return database.read(em -> rows(em, "SELECT code, name FROM sakip_agency ORDER BY code")).stream()
                .map(row -> new Agency((String) row[0], (String) row[1])).toList();
    }

    public Optional<Agency> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return database.read(em -> rows(em, "SELECT code, name FROM sakip_agency WHERE code = ?", code)).stream()
                .findFirst().map(row -> new Agency((String) row[0], (String) row[1]));
    }

    public Agency agency(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("No agency with code " + Inputs.echo(code, 40)
                + " in SAKIP; see GET /api/sakip/agencies (an administrator adds one with sakip:agency-add)."));
    }

    /** Adds an agency or renames a known one. */
    public Agency put(String code, String name, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        // sakip_agency.code VARCHAR(40): a code, never "..", "-1" or a path
        if (code == null || !code.matches("[0-9A-Za-z.\\-]{1,40}") || !Inputs.isCode(code, 40)) {
            errors.add(new FieldError("code", "an agency code of up to 40 letters, digits, dots or dashes, e.g. 1.01.0.00.0.00.01.0000"));
        }
        if (name == null || name.isBlank() || name.length() > 300 || Inputs.forbiddenCharacter(name) >= 0) {
            errors.add(new FieldError("name", "the agency's name, up to 300 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!actor.admin()) {
            throw ProblemException.forbidden(actor.name() + " may not change SAKIP's agencies; an administrator does.");
        }
        boolean added = database.write(em -> {
            if (update(em, "UPDATE sakip_agency SET name = ? WHERE code = ?", name.strip(), code) == 0) {
                update(em, "INSERT INTO sakip_agency (code, name) VALUES (?, ?)", code, name.strip());
                return true;
            }
            return false;
        });
        audit.record(actor.name(), added ? "sakip.agency.add" : "sakip.agency.rename", "sakip", "agency " + code,
                AuditOutcome.SUCCEEDED, name.strip());
        return new Agency(code, name.strip());
    }

    /** Assigns a sakip-planner or sakip-agency-head user to the agency they work for. */
    public void assign(String username, String agencyCode, Actor actor) {
        // sakip_agency_user.username VARCHAR(100)
        if (username == null || username.isBlank() || new Inputs().username("user", username, 100) == null) {
            throw ProblemException.invalid(List.of(new FieldError("user", "a user name as in etc/users.properties"
                    + " (letters, digits, '.', '_', '@' or '-', up to 100 characters)")));
        }
        agency(agencyCode);
        database.write(em -> {
            if (update(em, "UPDATE sakip_agency_user SET agency_code = ? WHERE username = ?", agencyCode, username) == 0) {
                update(em, "INSERT INTO sakip_agency_user (username, agency_code) VALUES (?, ?)", username, agencyCode);
            }
        });
        audit.record(actor.name(), "sakip.user.assign", "sakip", "user " + username, AuditOutcome.SUCCEEDED,
                "works for agency " + agencyCode);
    }

    public Optional<String> agencyOf(String username) {
        return database.read(em -> rows(em, "SELECT agency_code FROM sakip_agency_user WHERE username = ?", username))
                .stream().findFirst().map(row -> (String) row[0]);
    }

    public Map<String, String> assignments() {
        Map<String, String> result = new TreeMap<>();
        database.read(em -> rows(em, "SELECT username, agency_code FROM sakip_agency_user"))
                .forEach(row -> result.put((String) row[0], (String) row[1]));
        return result;
    }
}
