package id.gapura.web.internal;

import id.gapura.api.ProblemException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

/** A module's own refusal: its status, title, detail and field errors, nothing more. */
@Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(ExtensionProperties.GAPURA_APPLICATIONS)
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException exception) {
        return new Problem("about:blank", exception.title(), exception.status(), exception.detail(),
                exception.errors()).toResponse();
    }
}
