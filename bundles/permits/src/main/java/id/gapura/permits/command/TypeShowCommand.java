package id.gapura.permits.command;

import id.gapura.permits.internal.PermitType;
import id.gapura.permits.internal.PermitTypes;
import id.gapura.permits.workflow.Stage;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.stream.Collectors;

@Service
@Command(scope = "permits", name = "type-show", description = "Shows a permit type: documents, stages, service level, fee rule, validity, number format")
public class TypeShowCommand extends PermitsCommandSupport {

    @Reference
    private PermitTypes types;

    @Argument(index = 0, name = "code", description = "Permit type code", required = true)
    @Completion(TypeCodeCompleter.class)
    String code;

    @Override
    protected void run() throws Exception {
        PermitType type = types.find(code).orElseThrow(() -> failure("Unknown permit type '" + code
                + "'. Run permits:types --all to see the codes."));
        ShellTable table = new ShellTable().noHeaders();
        table.column("Key");
        table.column("Value");
        table.addRow().addContent("Code", type.code());
        table.addRow().addContent("Name", type.name());
        table.addRow().addContent("Active", type.active() ? "yes" : "no (not offered for new applications)");
        table.addRow().addContent("Service level", type.slaDays() + " working days");
        table.addRow().addContent("Stages", type.workflow().pipeline().stream().map(Stage::code)
                .collect(Collectors.joining(" > ")));
        table.addRow().addContent("Fee", type.feeRule().describe());
        type.feeRule().parameters().forEach((name, asked) -> table.addRow().addContent("  parameter " + name, asked));
        table.addRow().addContent("Validity", type.validityMonths() == null ? "no end"
                : type.validityMonths() + " months" + (type.renewable()
                ? ", renewable from " + type.renewalDaysBefore() + " days before expiry" : ", not renewable"));
        table.addRow().addContent("Number format", type.numberFormat());
        for (PermitType.Document document : type.requiredDocuments()) {
            table.addRow().addContent("  document " + document.code(), document.name());
        }
        table.print(System.out);
    }
}
