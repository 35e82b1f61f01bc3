package id.gapura.complaints.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.math.BigDecimal;
import java.util.List;

/**
 * The documents of the Open311 GeoReport v2 specification, with its field and element names. The same
 * records are written as JSON (lists as arrays, as the spec's examples show) and as XML, where a list
 * gets its wrapper document: {@code <services><service>}, {@code <service_requests><request>},
 * {@code <errors><error>}.
 */
public final class GeoReport {

    private GeoReport() {
    }

    /** One entry of {@code GET services}. */
    @JsonPropertyOrder({"service_code", "service_name", "description", "metadata", "type", "keywords", "group"})
    public record Service(@JsonProperty("service_code") String serviceCode,
                          @JsonProperty("service_name") String serviceName,
                          @JsonProperty("description") String description,
                          @JsonProperty("metadata") boolean metadata,
                          @JsonProperty("type") String type,
                          @JsonProperty("keywords") String keywords,
                          @JsonProperty("group") String group) {
    }

    @JacksonXmlRootElement(localName = "services")
    public record Services(@JacksonXmlElementWrapper(useWrapping = false)
                           @JacksonXmlProperty(localName = "service") List<Service> services) {
    }

    /** {@code GET services/{service_code}}: the extra questions of a service. */
    @JacksonXmlRootElement(localName = "service_definition")
    @JsonPropertyOrder({"service_code", "attributes"})
    public record ServiceDefinition(@JsonProperty("service_code") String serviceCode,
                                    @JsonProperty("attributes")
                                    @JacksonXmlElementWrapper(localName = "attributes")
                                    @JacksonXmlProperty(localName = "attribute") List<Attribute> attributes) {
    }

    /** A question of a service definition; {@code values} only for the two list datatypes. */
    @JsonPropertyOrder({"variable", "code", "datatype", "required", "datatype_description", "order", "description",
            "values"})
    public record Attribute(@JsonProperty("variable") boolean variable,
                            @JsonProperty("code") String code,
                            @JsonProperty("datatype") String datatype,
                            @JsonProperty("required") boolean required,
                            @JsonProperty("datatype_description") String datatypeDescription,
                            @JsonProperty("order") int order,
                            @JsonProperty("description") String description,
                            @JsonProperty("values") @JsonInclude(JsonInclude.Include.NON_NULL)
                            @JacksonXmlElementWrapper(localName = "values")
                            @JacksonXmlProperty(localName = "value") List<Value> values) {
    }

    @JsonPropertyOrder({"key", "name"})
    public record Value(@JsonProperty("key") String key, @JsonProperty("name") String name) {
    }

    /** A service request as {@code GET requests} and {@code GET requests/{id}} show it: no personal data. */
    @JsonPropertyOrder({"service_request_id", "status", "status_notes", "service_name", "service_code",
            "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
            "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"})
    public record ServiceRequest(@JsonProperty("service_request_id") String serviceRequestId,
                                 @JsonProperty("status") String status,
                                 @JsonProperty("status_notes") String statusNotes,
                                 @JsonProperty("service_name") String serviceName,
                                 @JsonProperty("service_code") String serviceCode,
                                 @JsonProperty("description") String description,
                                 @JsonProperty("agency_responsible") String agencyResponsible,
                                 @JsonProperty("service_notice") String serviceNotice,
                                 @JsonProperty("requested_datetime") String requestedDatetime,
                                 @JsonProperty("updated_datetime") String updatedDatetime,
                                 @JsonProperty("expected_datetime") String expectedDatetime,
                                 @JsonProperty("address") String address,
                                 @JsonProperty("address_id") String addressId,
                                 @JsonProperty("zipcode") String zipcode,
                                 @JsonProperty("lat") BigDecimal lat,
                                 @JsonProperty("long") BigDecimal lon,
                                 @JsonProperty("media_url") String mediaUrl) {
    }

    /**
     * The answer to {@code POST requests}: the tracking number, what happens next, and (Gapura's own field, which
     * other clients ignore) the reporter secret that reopening the report or adding its photo needs, answered only here.
     */
    @JsonPropertyOrder({"service_request_id", "service_notice", "reporter_secret"})
    public record Receipt(@JsonProperty("service_request_id") String serviceRequestId,
                          @JsonProperty("service_notice") String serviceNotice,
                          @JsonProperty("reporter_secret") String reporterSecret) {
    }

    /** The answer to {@code GET tokens/{token}}. */
    @JsonPropertyOrder({"service_request_id", "token"})
    public record Token(@JsonProperty("service_request_id") String serviceRequestId,
                        @JsonProperty("token") String token) {
    }

    /** The XML wrapper of requests, receipts and tokens: {@code <service_requests><request>...}. */
    @JacksonXmlRootElement(localName = "service_requests")
    public record ServiceRequests(@JacksonXmlElementWrapper(useWrapping = false)
                                  @JacksonXmlProperty(localName = "request") List<?> requests) {
    }

    @JsonPropertyOrder({"code", "description"})
    public record Error(@JsonProperty("code") int code, @JsonProperty("description") String description) {
    }

    @JacksonXmlRootElement(localName = "errors")
    public record Errors(@JacksonXmlElementWrapper(useWrapping = false)
                         @JacksonXmlProperty(localName = "error") List<Error> errors) {
    }

    /** {@code GET discovery}: where the endpoints are, which specification and formats they serve. */
    @JacksonXmlRootElement(localName = "discovery")
    @JsonPropertyOrder({"changeset", "contact", "key_service", "endpoints"})
    public record Discovery(@JsonProperty("changeset") String changeset,
                            @JsonProperty("contact") String contact,
                            @JsonProperty("key_service") String keyService,
                            @JsonProperty("endpoints")
                            @JacksonXmlElementWrapper(localName = "endpoints")
                            @JacksonXmlProperty(localName = "endpoint") List<DiscoveryEndpoint> endpoints) {
    }

    @JsonPropertyOrder({"specification", "url", "changeset", "type", "formats"})
    public record DiscoveryEndpoint(@JsonProperty("specification") String specification,
                                    @JsonProperty("url") String url,
                                    @JsonProperty("changeset") String changeset,
                                    @JsonProperty("type") String type,
                                    @JsonProperty("formats")
                                    @JacksonXmlElementWrapper(localName = "formats")
                                    @JacksonXmlProperty(localName = "format") List<String> formats) {
    }
}
