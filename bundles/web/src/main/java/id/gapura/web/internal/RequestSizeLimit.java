package id.gapura.web.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.metatype.annotations.Designate;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Refuses request bodies larger than the configured limit with 413, before any resource reads them. */
@Component(service = ContainerRequestFilter.class, configurationPid = WebConfig.PID, scope = ServiceScope.PROTOTYPE)
@Designate(ocd = WebConfig.class)
@JaxrsExtension
@JaxrsApplicationSelect(ExtensionProperties.GAPURA_APPLICATIONS)
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    private volatile long maxBytes;

    @Activate
    @Modified
    void configure(WebConfig config) {
        maxBytes = config.maxRequestBytes();
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        long limit = maxBytes;
        if (request.getLength() > limit) {
            request.abortWith(tooLarge(limit));
            return;
        }
        if (request.hasEntity() && request.getLength() < 0) {
            // no Content-Length (chunked): read at most limit + 1 bytes to know
            byte[] body = request.getEntityStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                request.abortWith(tooLarge(limit));
                return;
            }
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    private static javax.ws.rs.core.Response tooLarge(long limit) {
        return Problem.of(413, "Request too large",
                "The request body is larger than the limit of " + limit + " bytes.").toResponse();
    }

}
