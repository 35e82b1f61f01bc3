package id.gapura.sakip.command;

import id.gapura.sakip.internal.Agencies;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "sakip", name = "agencies", description = "Lists SAKIP's agencies")
public class AgenciesCommand extends SakipCommandSupport {

    @Reference
    private Agencies agencies;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        agencies.list().forEach(agency -> table.addRow().addContent(agency.code(), agency.name()));
        table.print(System.out, !noFormat);
    }
}
