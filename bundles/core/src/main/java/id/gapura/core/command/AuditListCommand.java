package id.gapura.core.command;

import id.gapura.api.AuditEntry;
import id.gapura.api.spi.AuditTrail;
import id.gapura.api.spi.AuditQuery;
import id.gapura.core.AgreementService;
import id.gapura.core.audit.AuditTimes;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

@Service
@Command(scope = "audit", name = "list", description = "Lists administrative actions, newest first: who, when, what, outcome")
public class AuditListCommand extends ModuleCommandSupport {

    @Option(name = "--module", description = "Only actions about this module")
    @Completion(ModuleIdCompleter.class)
    String module;

    @Option(name = "--since", description = "Only actions from this date (2026-03-01) or time (2026-03-01T08:00), "
            + "in the region's zone")
    String since;

    @Option(name = "--limit", description = "At most this many entries (default 50, at most 1000)")
    int limit = 50;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Reference
    AuditTrail audit;

    @Reference
    AgreementService agreements;

    @Override
    protected void run() throws Exception {
        ZoneId zone = agreements.zone();
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw failure("--limit must be between 1 and " + AuditQuery.MAX_LIMIT + ", not " + limit + ".");
        }
        AuditQuery query = AuditQuery.latest().limit(limit).forModule(module);
        if (since != null) {
            try {
                query = query.since(AuditTimes.parseSince(since, zone));
            } catch (IllegalArgumentException e) {
                throw failure("--since: " + e.getMessage() + ".");
            }
        }
        List<AuditEntry> entries = audit.find(query);
        ShellTable table = new ShellTable();
        table.column("Time (" + zone.getId() + ")");
        table.column("User");
        table.column("Action");
        table.column("Module");
        table.column("Subject");
        table.column("Outcome");
        table.column("Detail").maxSize(noFormat ? -1 : 100).wrap(!noFormat);
        for (AuditEntry entry : entries) {
            table.addRow().addContent(AuditTimes.format(entry.at(), zone), entry.actor(), entry.action(),
                    entry.module() == null ? "" : entry.module(), entry.subject(),
                    entry.outcome().name().toLowerCase(Locale.ROOT), entry.detail());
        }
        table.print(System.out, !noFormat);
        if (entries.isEmpty()) {
            System.out.println("No entry" + (module != null ? " for module " + module : "")
                    + (since != null ? " since " + since : "") + ".");
        }
    }
}
