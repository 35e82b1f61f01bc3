package id.gapura.sakip.command;

import id.gapura.sakip.internal.Agencies;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "sakip", name = "users", description = "Lists SAKIP planners and agency heads with their agencies")
public class UsersCommand extends SakipCommandSupport {

    @Reference
    private Agencies agencies;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Agency");
        agencies.assignments().forEach((user, agency) -> table.addRow().addContent(user, agency));
        table.print(System.out, !noFormat);
    }
}
