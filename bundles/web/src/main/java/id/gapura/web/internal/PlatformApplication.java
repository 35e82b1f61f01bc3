package id.gapura.web.internal;

import id.gapura.api.RestApplications;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import javax.ws.rs.core.Application;

/**
 * The platform's own JAX-RS application at {@code /api}: health, modules, security and the audit log, and the
 * problem+json answer for every {@code /api/...} path no module serves. Each module has an application of its own
 * at {@code /api/<id>} (the servlet container picks the longest matching context path), so a module that comes or
 * goes never rebuilds this one.
 */
@Component(service = Application.class, property = RestApplications.GAPURA_APPLICATION + ":Boolean=true")
@JaxrsApplicationBase("/api")
@JaxrsName(RestApplications.PLATFORM)
public class PlatformApplication extends Application {
}
