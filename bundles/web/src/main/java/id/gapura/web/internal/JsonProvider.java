package id.gapura.web.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

/**
 * JSON for every Gapura application: ISO-8601 dates, exact decimals, and unknown fields refused so that a
 * misspelt field is an error the caller sees rather than data silently dropped.
 * <p>
 * Every resource requires this provider ({@code RestApplications.REQUIRES_JSON}), and it requires the
 * {@link AccessFilter}: should the filter be missing (its component disabled, say), no resource is served
 * rather than every resource unprotected.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class}, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsName("gapura.json")
@JaxrsMediaType("application/json")
@JaxrsApplicationSelect(ExtensionProperties.GAPURA_APPLICATIONS)
@JaxrsExtensionSelect("(osgi.jaxrs.name=" + AccessFilter.NAME + ")")
public class JsonProvider extends JacksonJsonProvider {

    public JsonProvider() {
        super(objectMapper());
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
