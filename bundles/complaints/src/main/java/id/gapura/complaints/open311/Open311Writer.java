package id.gapura.complaints.open311;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;

import javax.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes GeoReport documents as the chosen format, UTF-8 with the spec's content types. XML goes through
 * Jackson's XmlMapper on Woodstox (chosen explicitly, so the container and the tests use the same StAX
 * implementation) and starts with the XML declaration the spec requires.
 */
final class Open311Writer {

    private final ObjectMapper json;
    private final XmlMapper xml;

    Open311Writer() {
        json = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        WstxOutputFactory output = new WstxOutputFactory();
        output.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
        // a control character a citizen pasted into a description must not make the whole list unreadable
        output.setProperty(WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER,
                new InvalidCharHandler.ReplacingHandler('\uFFFD'));
        xml = new XmlMapper(new XmlFactory(new WstxInputFactory(), output));
        xml.enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION);
        xml.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /**
     * A document: JSON writes {@code json} (an array for lists, as in the spec), XML writes {@code xml}, the
     * same content in its wrapper element.
     */
    record Document(Object json, Object xml) {

        static Document services(List<GeoReport.Service> services) {
            return new Document(services, new GeoReport.Services(services));
        }

        static Document requests(List<?> requests) {
            return new Document(requests, new GeoReport.ServiceRequests(requests));
        }

        static Document errors(List<GeoReport.Error> errors) {
            return new Document(errors, new GeoReport.Errors(errors));
        }

        static Document of(Object both) {
            return new Document(both, both);
        }
    }

    Response response(int status, Open311Format format, Document document) {
        return Response.status(status).type(format.contentType()).entity(bytes(format, document)).build();
    }

    byte[] bytes(Open311Format format, Document document) {
        try {
            return format == Open311Format.XML ? xml.writeValueAsBytes(document.xml())
                    : json.writeValueAsBytes(document.json());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
