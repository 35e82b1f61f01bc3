package id.gapura.permits.rest;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.permits.internal.Applications;
import id.gapura.permits.internal.Views;
import id.gapura.permits.workflow.Roles;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import java.util.List;

/** Issued permits, and expiry tracking: {@code ?expiringWithinDays=60} lists those to remind of renewal. */
@Component(service = PermitsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.permits)")
@RolesAllowed({Roles.FRONT_OFFICE, Roles.BACK_OFFICE, Roles.TECHNICAL, Roles.HEAD, Roles.VIEWER, Roles.ADMIN})
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("permits")
@Produces(MediaType.APPLICATION_JSON)
public class PermitsResource {

    @Reference
    private Applications applications;

    @GET
    public List<Views.IssuedPermit> list(@QueryParam("expiringWithinDays") Integer expiringWithinDays) {
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 3660)) {
            throw ProblemException.invalid(List.of(new FieldError("expiringWithinDays", "must be 0 to 3660 days")));
        }
        return applications.permits(expiringWithinDays);
    }
}
