package id.gapura.web.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Set;

/** What JAX-RS itself refuses (no such route, wrong method or media type) in the problem format. */
@Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(ExtensionProperties.GAPURA_APPLICATIONS)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private final EndpointCatalog catalog;

    @Context
    private UriInfo uriInfo;

    @Activate
    public WebApplicationExceptionMapper(@Reference EndpointCatalog catalog) {
        this.catalog = catalog;
    }

    /** Without the catalog: a 405 keeps JAX-RS's Allow header. */
    WebApplicationExceptionMapper() {
        this(null);
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
        return allowing(exception, paths()).build();
    }

    private List<String> paths() {
        try {
            return uriInfo == null ? List.of() : OptionsAnswer.paths(uriInfo);
        } catch (RuntimeException e) {
            return List.of(); // no request in reach: JAX-RS's own Allow stays
        }
    }

    /** The problem answer; for a 405 its Allow names the methods that answer at one of these paths. */
    Response.ResponseBuilder allowing(WebApplicationException exception, List<String> paths) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        Response.ResponseBuilder answer = Response.fromResponse(Problem.of(status, title, detail(exception)).toResponse());
        // CXF throws a plain WebApplicationException with status 405 where no method matches, not NotAllowedException
        if (status == 405) {
            Set<String> allowed = catalog == null || paths.isEmpty() ? Set.of()
                    : AllowedMethods.at(catalog.endpoints(), paths);
            if (!allowed.isEmpty()) {
                answer.header("Allow", String.join(", ", allowed));
            } else if (original.getHeaderString("Allow") != null) {
                answer.header("Allow", original.getHeaderString("Allow"));
            }
        }
        return answer;
    }

    private static String detail(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (exception instanceof NotFoundException || status == 404) {
            return "There is no resource at this address. If it belongs to a module, check that the module is "
                    + "installed (GET /api/modules).";
        }
        if (exception instanceof NotAllowedException || status == 405) {
            return "This resource does not accept this HTTP method; see the Allow header.";
        }
        if (exception instanceof NotSupportedException || status == 415) {
            return "This resource does not accept the request's Content-Type.";
        }
        return exception.getResponse().getStatusInfo().getReasonPhrase();
    }
}
