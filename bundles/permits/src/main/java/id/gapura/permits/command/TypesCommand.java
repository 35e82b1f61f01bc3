package id.gapura.permits.command;

import id.gapura.permits.internal.PermitType;
import id.gapura.permits.internal.PermitTypes;
import id.gapura.permits.workflow.Stage;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.stream.Collectors;

@Service
@Command(scope = "permits", name = "types", description = "Lists the region's permit types with service level, stages and fee")
public class TypesCommand extends PermitsCommandSupport {

    @Reference
    private PermitTypes types;

    @Option(name = "--all", description = "Include inactive types")
    boolean all;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("SLA (working days)");
        table.column("Stages");
        table.column("Fee");
        table.column("Validity");
        table.column("Active");
        for (PermitType type : types.all(!all)) {
            table.addRow().addContent(type.code(), type.name(), type.slaDays(),
                    type.stages().isEmpty() ? "-" : type.stages().stream().map(Stage::code).collect(Collectors.joining(",")),
                    type.feeRule().describe(),
                    type.validityMonths() == null ? "no end" : type.validityMonths() + " months"
                            + (type.renewable() ? ", renewable" : ""),
                    type.active() ? "yes" : "no");
        }
        table.print(System.out, !noFormat);
    }
}
