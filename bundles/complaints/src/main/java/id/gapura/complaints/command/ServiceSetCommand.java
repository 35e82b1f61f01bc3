package id.gapura.complaints.command;

import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.ServiceEntity;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.Locale;

@Service
@Command(scope = "complaints", name = "service-set",
        description = "Creates or changes a service category; options left out keep their value")
public class ServiceSetCommand extends AdminCommandSupport {

    @Reference
    private CatalogService catalog;

    @Argument(index = 0, name = "code", description = "Category code: uppercase letters, digits and dashes, e.g. JLN-RUSAK",
            required = true)
    @Completion(ServiceCodeCompleter.class)
    String code;

    @Option(name = "--name", description = "Name citizens see, e.g. \"Jalan rusak\" (required for a new category)")
    String name;

    @Option(name = "--group", description = "Group in the list, e.g. Infrastruktur (required for a new category)")
    String group;

    @Option(name = "--agency", description = "Code of the agency that answers (required for a new category)")
    @Completion(AgencyCodeCompleter.class)
    String agency;

    @Option(name = "--track", description = "Deadline track: simple, investigation or field_check (required for a new category)")
    @Completion(TrackCompleter.class)
    String track;

    @Option(name = "--keywords", description = "Comma-separated search keywords, e.g. \"jalan,lubang,aspal\"")
    String keywords;

    @Option(name = "--description", description = "One sentence on what belongs in the category")
    String description;

    @Option(name = "--inactive", description = "Citizens can no longer choose it; its reports stay")
    boolean inactive;

    @Option(name = "--active", description = "Citizens can choose it again")
    boolean active;

    @Override
    protected void run() throws Exception {
        if (inactive && active) {
            throw failure("Give --active or --inactive, not both. Nothing was changed.");
        }
        CatalogService.Saved<ServiceEntity> saved = catalog.putService(code, new CatalogService.ServiceChange(name,
                group, description, CatalogService.splitKeywords(keywords), agency, track,
                active ? Boolean.TRUE : inactive ? Boolean.FALSE : null), false, actor());
        ServiceEntity service = saved.value();
        System.out.println((saved.created() ? "Created" : "Updated") + " category " + service.code() + " '"
                + service.name() + "' in " + service.group() + ": agency " + service.agencyCode() + ", track "
                + service.track().name().toLowerCase(Locale.ROOT) + ", " + (service.active() ? "active" : "inactive")
                + ".");
    }
}
