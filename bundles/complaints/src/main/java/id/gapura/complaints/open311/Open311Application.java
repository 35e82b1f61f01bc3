package id.gapura.complaints.open311;

import id.gapura.api.RestApplications;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import javax.ws.rs.core.Application;

/**
 * Open311 GeoReport v2 at the path the standard's clients expect, {@code /open311/v2}: a JAX-RS application of its
 * own beside the module's {@code /api/complaints}, there while the complaints module is. The platform's JSON, error
 * and access extensions apply to it ({@link RestApplications#GAPURA_APPLICATION}).
 */
@Component(service = Application.class, property = RestApplications.GAPURA_APPLICATION + ":Boolean=true")
@JaxrsApplicationBase("/open311/v2")
@JaxrsName(Open311Application.NAME)
public class Open311Application extends Application {

    static final String NAME = "gapura.complaints.open311";
}
