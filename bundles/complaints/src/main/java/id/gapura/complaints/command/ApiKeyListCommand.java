package id.gapura.complaints.command;

import id.gapura.api.time.RegionCalendar;
import id.gapura.complaints.internal.ApiKeyEntity;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

@Service
@Command(scope = "complaints", name = "apikey-list",
        description = "Lists the Open311 api_keys issued, active and revoked (never the keys themselves)")
public class ApiKeyListCommand extends ApiKeyCommandSupport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Reference
    RegionCalendar calendar;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        ZoneId zone = calendar.workingDays().zone();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("App");
        table.column("Key starts");
        table.column("State");
        table.column("Issued");
        table.column("Issued by");
        table.column("Last used");
        table.column("Revoked");
        table.column("Revoked by");
        for (ApiKeyEntity key : apiKeys.list()) {
            table.addRow().addContent(key.id(), key.name(), key.keyPrefix() + "...",
                    key.active() ? "active" : "revoked", time(key.createdAt(), zone), key.createdBy(),
                    time(key.lastUsedAt(), zone), time(key.revokedAt(), zone),
                    key.revokedBy() == null ? "" : key.revokedBy());
        }
        table.print(System.out, !noFormat);
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
