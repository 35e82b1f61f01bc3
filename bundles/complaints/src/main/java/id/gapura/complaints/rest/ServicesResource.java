package id.gapura.complaints.rest;

import id.gapura.api.ProblemException;
import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.complaints.internal.AgencyEntity;
import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.ServiceEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Service categories: {@code GET /api/complaints/services} lists the active ones a citizen can report under;
 * officers list them all and the administrator or coordinator creates and changes them.
 */
@Component(service = ServicesResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.complaints)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("services")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

    private final ReportService reports;
    private final CatalogService catalog;

    @Activate
    public ServicesResource(@Reference ReportService reports, @Reference CatalogService catalog) {
        this.reports = reports;
        this.catalog = catalog;
    }

    public record Service(String code, String name, String group, String description, List<String> keywords,
                          String agencyCode, String agency) {
    }

    /** A category as officers see it: also its deadline track and whether citizens can choose it. */
    public record CatalogEntry(String code, String name, String group, String description, List<String> keywords,
                               String agencyCode, String agency, String track, boolean active) {
    }

    /**
     * The category's whole new state. Name, group, agency (code) and track ({@code simple},
     * {@code investigation} or {@code field_check}) are required; description and keywords default to
     * empty, {@code active} to true.
     */
    public record ServiceBody(String name, String group, String description, List<String> keywords, String agency,
                              String track, Boolean active) {
    }

    @GET
    @Public
    public List<Service> services() {
        Map<String, String> agencies = agencyNames(reports.agencies());
        return reports.activeServices().stream()
                .map(s -> new Service(s.code(), s.name(), s.group(), s.description(),
                        CatalogService.keywordList(s.keywords()), s.agencyCode(), agencies.get(s.agencyCode())))
                .toList();
    }

    /** Every category, also inactive ones, with its deadline track. */
    @GET
    @RolesAllowed({Officers.ADMIN, Officer.COORDINATOR, Officer.VIEWER, Officer.LIAISON})
    @Path("/all")
    public List<CatalogEntry> all() {
        Map<String, String> agencies = agencyNames(catalog.agencies());
        return catalog.services().stream().map(s -> entry(s, agencies)).toList();
    }

    /** Creates (201) or updates (200) a category. */
    @PUT
    @RolesAllowed({Officers.ADMIN, Officer.COORDINATOR})
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("code") String code, ServiceBody body, @Context SecurityContext security) {
        String actor = Officers.username(security);
        if (body == null) {
            throw ProblemException.badRequest("The request has no body; send the category as JSON.");
        }
        CatalogService.Saved<ServiceEntity> saved = catalog.putService(code, new CatalogService.ServiceChange(
                body.name(), body.group(), body.description(), body.keywords(), body.agency(), body.track(), body.active()),
                true, actor);
        CatalogEntry entry = entry(saved.value(), agencyNames(catalog.agencies()));
        return saved.created()
                ? Response.created(UriBuilder.fromResource(ServicesResource.class).path(code).build()).entity(entry).build()
                : Response.ok(entry).build();
    }

    private static CatalogEntry entry(ServiceEntity s, Map<String, String> agencies) {
        return new CatalogEntry(s.code(), s.name(), s.group(), s.description(), CatalogService.keywordList(s.keywords()),
                s.agencyCode(), agencies.get(s.agencyCode()), s.track().name().toLowerCase(Locale.ROOT), s.active());
    }

    private static Map<String, String> agencyNames(List<AgencyEntity> agencies) {
        return agencies.stream().collect(Collectors.toMap(AgencyEntity::code, AgencyEntity::name));
    }
}
