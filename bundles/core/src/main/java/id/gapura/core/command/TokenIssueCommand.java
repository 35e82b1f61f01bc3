package id.gapura.core.command;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.api.spi.AccessTokens;
import id.gapura.api.spi.IssuedToken;
import id.gapura.core.AgreementService;
import id.gapura.core.audit.AuditTimes;
import id.gapura.core.internal.RealmUsers;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.time.Duration;

@Service
@Command(scope = "token", name = "issue", description = "Issues a REST bearer token for a user; the token is shown this once")
public class TokenIssueCommand extends ModuleCommandSupport {

    @Argument(index = 0, name = "user", required = true, description = "The user the token acts as (with that "
            + "user's roles at each request)")
    String user;

    @Option(name = "--label", description = "What the token is for, shown in token:list")
    String label;

    @Option(name = "--valid", description = "How long it is good: 90m, 8h, 30d (default token.defaultHours, at "
            + "most token.maxDays of etc/id.gapura.core.cfg)")
    String valid;

    @Reference
    AccessTokens tokens;

    @Reference
    AuditLog audit;

    @Reference
    AgreementService agreements;

    @Reference
    RealmUsers users;

    @Override
    protected void run() throws Exception {
        if (!inRealm(user)) {
            throw failure("No token issued: there is no user " + user + "; user:list shows the users.");
        }
        Duration validity;
        IssuedToken issued;
        try {
            validity = valid == null ? null : TokenValidity.parse(valid);
            issued = tokens.issue(user, label, validity, actor());
        } catch (IllegalArgumentException e) {
            throw failure("No token issued for " + user + ": " + e.getMessage());
        }
        audit.record(actor(), "security.token.issue", null, "token " + issued.token().id(), AuditOutcome.SUCCEEDED,
                "issued for " + issued.token().user() + " (" + issued.token().label() + "), valid until "
                        + issued.token().expiresAt());
        System.out.println("Token " + issued.token().id() + " for " + issued.token().user() + ", valid until "
                + AuditTimes.format(issued.token().expiresAt(), agreements.zone()) + " (" + agreements.zone().getId()
                + "). It is shown this once; keep it secret:");
        System.out.println(issued.secret());
    }

    /** Whether the realm knows the user; a realm without a users file (a directory server) is not asked. */
    private boolean inRealm(String name) {
        try {
            return users.find(name).isPresent();
        } catch (RealmUsers.Refused e) {
            return true;
        }
    }
}
