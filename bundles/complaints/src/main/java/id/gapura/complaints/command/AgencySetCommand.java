package id.gapura.complaints.command;

import id.gapura.complaints.internal.AgencyEntity;
import id.gapura.complaints.internal.CatalogService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.List;

@Service
@Command(scope = "complaints", name = "agency-set",
        description = "Creates or updates an agency (OPD): its name, and whether reports can be dispositioned to it")
public class AgencySetCommand extends AdminCommandSupport {

    @Reference
    private CatalogService catalog;

    @Argument(index = 0, name = "code", description = "Agency code: uppercase letters, digits and dashes, e.g. DISHUB",
            required = true)
    @Completion(AgencyCodeCompleter.class)
    String code;

    @Argument(index = 1, name = "name", description = "Full name, e.g. Dinas Perhubungan (quotes are optional)",
            required = true, multiValued = true)
    List<String> name;

    @Option(name = "--inactive", description = "No new dispositions or categories for this agency; refused while it is in use")
    boolean inactive;

    @Override
    protected void run() throws Exception {
        if (name.stream().anyMatch(word -> word.startsWith("--"))) {
            throw failure("Options go before the code, e.g. complaints:agency-set --inactive " + code + " <name>. "
                    + "Nothing was changed.");
        }
        CatalogService.Saved<AgencyEntity> saved = catalog.putAgency(code, String.join(" ", name), !inactive, actor());
        AgencyEntity agency = saved.value();
        System.out.println((saved.created() ? "Created" : "Updated") + " agency " + agency.code() + " '"
                + agency.name() + "' (" + (agency.active() ? "active" : "inactive") + ").");
    }
}
