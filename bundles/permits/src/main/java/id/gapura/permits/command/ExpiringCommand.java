package id.gapura.permits.command;

import id.gapura.permits.internal.Applications;
import id.gapura.permits.internal.Views;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "permits", name = "expiring", description = "Lists issued permits that expire soon, to remind holders of renewal")
public class ExpiringCommand extends PermitsCommandSupport {

    @Reference
    private Applications applications;

    @Option(name = "--days", description = "Expiring within this many days (default 60)")
    int days = 60;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() throws Exception {
        if (days < 0) {
            throw failure("--days must be zero or more, was " + days + ".");
        }
        ShellTable table = new ShellTable();
        table.column("Permit number");
        table.column("Type");
        table.column("Holder");
        table.column("Issued");
        table.column("Valid until");
        for (Views.IssuedPermit permit : applications.permits(days)) {
            table.addRow().addContent(permit.number(), permit.type(), permit.holderName(), permit.issuedOn(),
                    permit.validUntil());
        }
        table.print(System.out, !noFormat);
    }
}
