package id.gapura.permits.rest;

import id.gapura.api.ProblemException;
import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.permits.internal.Applications;
import id.gapura.permits.internal.Views;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

/**
 * Public verification of a permit number, for the QR code printed on the decree:
 * {@code GET /api/permits/verification/503/0001/REKLAME/DPMPTSP/2026} (slashes as they are) or
 * {@code GET /api/permits/verification?number=...}. Answers the number, holder, type, dates and status only.
 */
@Component(service = VerificationResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.permits)")
@Public
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("verification")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    @Reference
    private Applications applications;

    @GET
    public Views.Verification byQuery(@QueryParam("number") String number) {
        if (number == null || number.isBlank()) {
            throw ProblemException.badRequest("Give the permit number: /api/permits/verification?number=503/0001/...");
        }
        return verify(number);
    }

    @GET
    @Path("/{number: .+}")
    public Views.Verification byPath(@PathParam("number") String number) {
        return verify(number);
    }

    private Views.Verification verify(String number) {
        return applications.verify(number).orElseThrow(() -> ProblemException.notFound("No permit has number '" + number
                + "'. Check the number as printed on the decree; if it is right, the document is not a permit "
                + "issued by this office."));
    }
}
