package id.gapura.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

/** What JAX-RS itself refuses (no such route, wrong method or media type) in the problem format. */
@Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(ExtensionProperties.GAPURA_APPLICATIONS)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        Response.ResponseBuilder answer = Response.fromResponse(Problem.of(status, title, detail(exception)).toResponse());
        if (exception instanceof NotAllowedException && original.getHeaderString("Allow") != null) {
            answer.header("Allow", original.getHeaderString("Allow"));
        }
        return answer.build();
    }

    private static String detail(WebApplicationException exception) {
        if (exception instanceof NotFoundException) {
            return "There is no resource at this address. If it belongs to a module, check that the module is "
                    + "installed (GET /api/modules).";
        }
        if (exception instanceof NotAllowedException) {
            return "This resource does not accept this HTTP method; see the Allow header.";
        }
        if (exception instanceof NotSupportedException) {
            return "This resource does not accept the request's Content-Type.";
        }
        return exception.getResponse().getStatusInfo().getReasonPhrase();
    }
}
