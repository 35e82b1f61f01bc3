package id.gapura.core.command;

import id.gapura.api.spi.AccessToken;
import id.gapura.api.spi.AccessTokens;
import id.gapura.core.AgreementService;
import id.gapura.core.audit.AuditTimes;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

@Service
@Command(scope = "token", name = "list", description = "Lists the REST bearer tokens issued (never the tokens themselves), newest first")
public class TokenListCommand extends ModuleCommandSupport {

    @Option(name = "--user", description = "Only this user's tokens")
    String user;

    @Option(name = "--active", description = "Only tokens that are still accepted")
    boolean active;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Reference
    AccessTokens tokens;

    @Reference
    AgreementService agreements;

    @Override
    protected void run() {
        ZoneId zone = agreements.zone();
        Instant now = Instant.now();
        List<AccessToken> list = tokens.list(user).stream()
                .filter(token -> !active || token.status(now) == AccessToken.Status.ACTIVE).toList();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("User");
        table.column("Label");
        table.column("Status");
        table.column("Created (" + zone.getId() + ")");
        table.column("Created by");
        table.column("Expires");
        table.column("Last used");
        for (AccessToken token : list) {
            table.addRow().addContent(token.id(), token.user(), token.label(),
                    token.status(now).name().toLowerCase(Locale.ROOT), AuditTimes.format(token.createdAt(), zone),
                    token.createdBy(), AuditTimes.format(token.expiresAt(), zone),
                    token.lastUsedAt() == null ? "never" : AuditTimes.format(token.lastUsedAt(), zone));
        }
        table.print(System.out, !noFormat);
        if (list.isEmpty()) {
            System.out.println("No " + (active ? "active " : "") + "token" + (user != null ? " of user " + user : "")
                    + ".");
        }
    }
}
