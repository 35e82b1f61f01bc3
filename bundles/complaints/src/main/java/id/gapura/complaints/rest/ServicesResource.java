package id.gapura.complaints.rest;

import id.gapura.complaints.internal.AgencyEntity;
import id.gapura.complaints.internal.ReportService;

import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code GET /api/complaints/services}: the categories a citizen can report under. */
@Component(service = ServicesResource.class)
@JaxrsResource
@Public
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("/api/complaints/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

    @Reference
    private ReportService reports;

    public record Service(String code, String name, String group, String description, List<String> keywords,
                          String agencyCode, String agency) {
    }

    @GET
    public List<Service> services() {
        Map<String, String> agencies = reports.agencies().stream()
                .collect(Collectors.toMap(AgencyEntity::code, AgencyEntity::name));
        return reports.activeServices().stream()
                .map(s -> new Service(s.code(), s.name(), s.group(), s.description(),
                        List.of(s.keywords().split("\\s*,\\s*")), s.agencyCode(), agencies.get(s.agencyCode())))
                .toList();
    }
}
