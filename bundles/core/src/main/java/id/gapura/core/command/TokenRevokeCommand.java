package id.gapura.core.command;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.api.spi.AccessToken;
import id.gapura.api.spi.AccessTokens;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.Optional;

@Service
@Command(scope = "token", name = "revoke", description = "Revokes a REST bearer token: every node refuses it within the token cache time (tokenCacheSeconds)")
public class TokenRevokeCommand extends ModuleCommandSupport {

    @Argument(index = 0, name = "id", required = true, description = "The token's id, as token:list shows it")
    @Completion(TokenIdCompleter.class)
    String id;

    @Reference
    AccessTokens tokens;

    @Reference
    AuditLog audit;

    @Override
    protected void run() throws Exception {
        Optional<AccessToken> revoked = tokens.revoke(id, actor());
        if (revoked.isEmpty()) {
            throw failure("There is no token " + id + "; token:list shows the ids.");
        }
        audit.record(actor(), "security.token.revoke", null, "token " + id, AuditOutcome.SUCCEEDED,
                "revoked the token of " + revoked.get().user() + " (" + revoked.get().label() + ")");
        System.out.println("Token " + id + " of " + revoked.get().user() + " is revoked.");
    }
}
