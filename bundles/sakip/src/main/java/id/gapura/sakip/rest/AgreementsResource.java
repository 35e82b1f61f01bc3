package id.gapura.sakip.rest;

import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.sakip.internal.Agencies;
import id.gapura.sakip.internal.Agreements;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * Performance agreements (Perjanjian Kinerja): planners draft (a revision after a signed version needs a reason),
 * the agency head signs, which locks the version; every version is kept.
 */
@Component(service = AgreementsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.sakip)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("agreements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Callers.PLANNER, Callers.HEAD, Callers.EVALUATOR, Callers.VIEWER, Callers.ADMIN})
public class AgreementsResource {

    @Reference
    private Agreements agreements;
    @Reference
    private Agencies agencies;

    /** Writes the year's draft: replaces the open draft, or opens the next version. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.PLANNER, Callers.ADMIN})
    public Agreements.Agreement draft(Agreements.AgreementInput input, @Context SecurityContext security) {
        return agreements.draft(input, Callers.of(security, agencies));
    }

    /** The newest version, draft or signed. */
    @GET
    @Path("/{agency}/{year}")
    public Agreements.Agreement newest(@PathParam("agency") String agency, @PathParam("year") int year,
                                       @Context SecurityContext security) {
        Callers.reader(security, agencies, agency);
        return agreements.newest(agency, year);
    }

    @GET
    @Path("/{agency}/{year}/versions")
    public List<Agreements.Agreement> versions(@PathParam("agency") String agency, @PathParam("year") int year,
                                               @Context SecurityContext security) {
        Callers.reader(security, agencies, agency);
        return agreements.versions(agency, year);
    }

    @GET
    @Path("/{agency}/{year}/versions/{version}")
    public Agreements.Agreement version(@PathParam("agency") String agency, @PathParam("year") int year,
                                        @PathParam("version") int version, @Context SecurityContext security) {
        Callers.reader(security, agencies, agency);
        return agreements.version(agency, year, version);
    }

    @POST
    @Path("/{agency}/{year}/sign")
    @RolesAllowed({Callers.HEAD, Callers.ADMIN})
    public Agreements.Agreement sign(@PathParam("agency") String agency, @PathParam("year") int year,
                                     @Context SecurityContext security) {
        return agreements.sign(agency, year, Callers.of(security, agencies));
    }
}
