package id.gapura.budgeting.rest;

import id.gapura.api.ProblemException;
import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.budgeting.internal.Codes;
import id.gapura.budgeting.internal.ReferenceData;
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
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * Reference data per Permendagri 90/2019: public to read; imported from CSV ({@code code,name}) by the
 * administrator, all rows or none.
 */
@Component(service = ReferenceResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.budgeting)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    @Reference
    private ReferenceData reference;

    @GET
    @Path("/agencies")
    @Public
    public List<ReferenceData.Entry> agencies() {
        return reference.list(Codes.Kind.AGENCIES);
    }

    @GET
    @Path("/programmes")
    @Public
    public List<ReferenceData.Entry> programmes() {
        return reference.list(Codes.Kind.PROGRAMMES);
    }

    @GET
    @Path("/accounts")
    @Public
    public List<ReferenceData.Entry> accounts() {
        return reference.list(Codes.Kind.ACCOUNTS);
    }

    /** Admin only: imports a CSV file of agencies, programmes or accounts. */
    @POST
    @Path("/reference/{kind}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Callers.ADMIN})
    public ReferenceData.ImportOutcome importCsv(@PathParam("kind") String kind, String csv,
                                                 @Context SecurityContext security) throws IOException {
        if (!Callers.of(security, reference).admin()) {
            throw ProblemException.forbidden("Only an administrator imports reference data.");
        }
        Codes.Kind which = Codes.Kind.of(kind).orElseThrow(() -> ProblemException.notFound(
                "No reference data \"" + kind + "\"; import agencies, programmes or accounts."));
        return reference.importCsv(which, new StringReader(csv == null ? "" : csv));
    }
}
