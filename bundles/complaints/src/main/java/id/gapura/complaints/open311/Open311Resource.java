package id.gapura.complaints.open311;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.complaints.internal.ApiKeyEntity;
import id.gapura.complaints.internal.ApiKeyService;
import id.gapura.complaints.internal.NewReport;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportQuery;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.ServiceAttributeEntity;
import id.gapura.complaints.internal.ServiceEntity;
import id.gapura.complaints.workflow.ReportStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Open311 GeoReport v2 under {@code /open311/v2/}: the region's service categories, citizens' and apps'
 * submissions (form-encoded, with an api_key an administrator issued) and the public state of requests,
 * by tracking number. Every answer is in the format of the path's extension ({@code .xml}, the spec's
 * required format, or {@code .json}); so are errors, in the spec's own error format and status codes.
 * <p>
 * Decisions where the spec leaves a choice: every service is {@code realtime}, so a submission answers
 * the {@code service_request_id} (the tracking number) at once; {@code tokens/{token}} accepts that
 * number as the token, so clients written for batch servers work too. A {@code jurisdiction_id} other
 * than the configured one is "not found" (404); none given is accepted, as this endpoint serves one
 * jurisdiction. Failures of the server itself are 400 as the spec prescribes, with code 500 in the body
 * and a reference to the log.
 */
@Component(service = Open311Resource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + Open311Application.NAME + ")")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Public
@Path("/")
public class Open311Resource {

    static final int MAX_RESULTS = ReportQuery.MAX_LIMIT;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    static final String CHANNEL = "open311";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this endpoint's behaviour last changed, for discovery's changeset. */
    static final String CHANGESET = "2026-12-04T00:00:00Z";
    /**
     * The longest value of each optional text field, as the database holds it (db/complaints V1 and V3:
     * complaints_report.address, address_id, zipcode, reporter_email, reporter_phone, device_id, account_id,
     * media_url). {@code first_name} and {@code last_name} together go to reporter_name ({@link #MAX_NAME}).
     */
    static final Map<String, Integer> MAX_LENGTHS = lengths("address_string", 500, "address_id", 100, "zipcode", 10,
            "email", 254, "phone", 32, "device_id", 200, "account_id", 200, "media_url", 1000);
    static final int MAX_NAME = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Open311Resource.class);
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]+)](\\[])?");
    private static final String FORMAT = "{format: [^/.]+}";

    private final ReportService reports;
    private final ApiKeyService apiKeys;
    private final Clock clock;
    private final Open311Writer writer = new Open311Writer();

    @Activate
    public Open311Resource(@Reference ReportService reports, @Reference ApiKeyService apiKeys) {
        this(reports, apiKeys, Clock.systemUTC());
    }

    Open311Resource(ReportService reports, ApiKeyService apiKeys, Clock clock) {
        this.reports = reports;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    /** {@code GET services.{format}}: the active service categories. */
    @GET
    @Path("services." + FORMAT)
    public Response services(@PathParam("format") String format, @QueryParam("jurisdiction_id") String jurisdiction) {
        return answer(format, () -> {
            checkJurisdiction(jurisdiction);
            Set<String> withQuestions = new LinkedHashSet<>(reports.servicesWithAttributes());
            List<GeoReport.Service> services = reports.activeServices().stream()
                    .map(service -> new GeoReport.Service(service.code(), service.name(), service.description(),
                            withQuestions.contains(service.code()), "realtime", keywords(service), service.group()))
                    .toList();
            return Open311Writer.Document.services(services);
        });
    }

    /** {@code GET services/{service_code}.{format}}: the service's extra questions (none when metadata is false). */
    @GET
    @Path("services/{code}." + FORMAT)
    public Response serviceDefinition(@PathParam("code") String code, @PathParam("format") String format,
                                      @QueryParam("jurisdiction_id") String jurisdiction) {
        return answer(format, () -> {
            checkJurisdiction(jurisdiction);
            ServiceEntity service = activeService(code);
            List<GeoReport.Attribute> attributes = reports.attributes(service.code()).stream()
                    .map(Open311Resource::attribute).toList();
            return Open311Writer.Document.of(new GeoReport.ServiceDefinition(service.code(), attributes));
        });
    }

    /**
     * {@code POST requests.{format}}, form-encoded or multipart: a new service request, with a valid {@code api_key}.
     * Answers the tracking number as {@code service_request_id} and a {@code service_notice}. The body is
     * read here rather than by JAX-RS so that a body of another type is refused in the Open311 format too, and so
     * that the api_key is checked before anything else of the body: without a valid key, the answer is 403.
     */
    @POST
    @Path("requests." + FORMAT)
    public Response submit(@PathParam("format") String format, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           byte[] body, @QueryParam("api_key") String queryApiKey,
                           @QueryParam("jurisdiction_id") String queryJurisdiction) {
        FormBody.Parsed parsed = FormBody.read(contentType, body);
        return submit(format, parsed.fields(), parsed.problem(), queryApiKey, queryJurisdiction);
    }

    /** The submission once its form fields are read; {@code api_key} and {@code jurisdiction_id} may be in the query. */
    Response submit(String format, MultivaluedMap<String, String> form, String queryApiKey, String queryJurisdiction) {
        return submit(format, form, null, queryApiKey, queryJurisdiction);
    }

    private Response submit(String format, MultivaluedMap<String, String> form, String bodyProblem,
                            String queryApiKey, String queryJurisdiction) {
        return answer(format, () -> {
            MultivaluedMap<String, String> fields = form == null ? new MultivaluedHashMap<>() : form;
            checkApiKeys(field(fields, "api_key"), absent(queryApiKey));
            if (bodyProblem != null) {
                throw Open311Exception.badRequest(bodyProblem);
            }
            checkJurisdiction(Optional.ofNullable(field(fields, "jurisdiction_id")).orElse(absent(queryJurisdiction)));
            ReportEntity saved = store(fields);
            GeoReport.Receipt receipt = new GeoReport.Receipt(saved.trackingNumber(),
                    new Open311Views(reports).receiptNotice(saved), saved.reporterSecret());
            return Open311Writer.Document.requests(List.of(receipt));
        });
    }

    /**
     * {@code GET requests.{format}}: requests by {@code service_request_id} (comma-separated, overriding every
     * other filter) or by {@code service_code}, {@code status}, {@code start_date} and {@code end_date}; the
     * last 90 days by default, newest first, at most 1000.
     */
    @GET
    @Path("requests." + FORMAT)
    public Response requests(@PathParam("format") String format,
                             @QueryParam("service_request_id") String ids,
                             @QueryParam("service_code") String serviceCodes,
                             @QueryParam("start_date") String startDate,
                             @QueryParam("end_date") String endDate,
                             @QueryParam("status") String status,
                             @QueryParam("jurisdiction_id") String jurisdiction) {
        return answer(format, () -> {
            checkJurisdiction(jurisdiction);
            ReportQuery query = trimmed(ids) != null ? byIds(ids) : filtered(serviceCodes, startDate, endDate, status);
            Open311Views views = new Open311Views(reports);
            return Open311Writer.Document.requests(reports.search(query).stream().map(views::request).toList());
        });
    }

    /** {@code GET requests/{service_request_id}.{format}}: one request by its tracking number. */
    @GET
    @Path("requests/{id}." + FORMAT)
    public Response request(@PathParam("id") String id, @PathParam("format") String format,
                            @QueryParam("jurisdiction_id") String jurisdiction) {
        return answer(format, () -> {
            checkJurisdiction(jurisdiction);
            ReportEntity report = reports.byTrackingNumber(id.strip()).orElseThrow(() -> Open311Exception.notFound(
                    "service_request_id '" + id + "' was not found. Check the tracking number (e.g. ADU-2026-7K3M9QXD)."));
            return Open311Writer.Document.requests(List.of(new Open311Views(reports).request(report)));
        });
    }

    /**
     * {@code GET tokens/{token}.{format}}: requests are realtime here, so the token is the
     * {@code service_request_id} itself; answers the pair for a request that exists.
     */
    @GET
    @Path("tokens/{token}." + FORMAT)
    public Response token(@PathParam("token") String token, @PathParam("format") String format,
                          @QueryParam("jurisdiction_id") String jurisdiction) {
        return answer(format, () -> {
            checkJurisdiction(jurisdiction);
            ReportEntity report = reports.byTrackingNumber(token.strip()).orElseThrow(() -> Open311Exception.notFound(
                    "token '" + token + "' was not found. Requests here are realtime: the service_request_id "
                            + "answered on submission is also its token."));
            return Open311Writer.Document.requests(
                    List.of(new GeoReport.Token(report.trackingNumber(), report.trackingNumber())));
        });
    }

    /**
     * {@code GET discovery.{format}}: the service discovery document GeoReport v2 requires, naming this endpoint
     * (its address as the client reached it), the specification and the two formats.
     */
    @GET
    @Path("discovery." + FORMAT)
    public Response discovery(@PathParam("format") String format, @Context UriInfo uri) {
        return discovery(format, uri.getRequestUri());
    }

    Response discovery(String format, URI requested) {
        return answer(format, () -> {
            String base = requested.resolve(".").toString().replaceAll("[?#].*$", "");
            String url = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            String jurisdiction = reports.settings().jurisdictionId();
            return Open311Writer.Document.of(new GeoReport.Discovery(CHANGESET,
                    "Koordinator pengaduan pemerintah daerah" + (jurisdiction.isEmpty() ? "" : " (" + jurisdiction + ")")
                            + ": hubungi melalui kanal pengaduan resmi daerah.",
                    "api_key diterbitkan oleh administrator pengaduan pemerintah daerah; ajukan permintaan untuk "
                            + "aplikasi Anda kepada koordinator pengaduan.",
                    List.of(new GeoReport.DiscoveryEndpoint(SPECIFICATION, url, CHANGESET, "production",
                            List.of("text/xml", "application/json")))));
        });
    }

    /** Anything else under {@code /open311/}: 404 in the Open311 format, as XML unless the path ends in .json. */
    @GET
    @Path("{path: .*}")
    public Response unknown(@PathParam("path") String path) {
        return notFoundPath(path);
    }

    @POST
    @Path("{path: .*}")
    public Response unknownPost(@PathParam("path") String path) {
        return error(formatOf(path), Open311Exception.notFound("Nothing accepts POST at /open311/v2/" + path
                + ": submit service requests to requests.xml or requests.json."));
    }

    /** Other HTTP methods: GeoReport v2 reads with GET and submits with POST; refused in the Open311 format. */
    @PUT
    @Path("{path: .*}")
    public Response put(@PathParam("path") String path) {
        return methodNotSupported(path);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@PathParam("path") String path) {
        return methodNotSupported(path);
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(@PathParam("path") String path) {
        return methodNotSupported(path);
    }

    private Response methodNotSupported(String path) {
        return error(formatOf(path), Open311Exception.badRequest("GeoReport v2 reads with GET and submits requests with "
                + "POST; this method is not supported on /open311/v2/" + path + "."));
    }

    /** JSON when the path ends in .json, else the spec's required XML. */
    private static Open311Format formatOf(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".json") ? Open311Format.JSON : Open311Format.XML;
    }

    private Response notFoundPath(String path) {
        return error(formatOf(path), Open311Exception.notFound("There is no Open311 resource at /open311/v2/" + path
                + ". GeoReport v2 serves services, services/{service_code}, requests, requests/{service_request_id} "
                + "and tokens/{token}, each ending in .xml or .json."));
    }

    // --- answering

    /** Runs the handler in the path's format; every failure becomes an Open311 error in that format. */
    private Response answer(String extension, Supplier<Open311Writer.Document> handler) {
        Optional<Open311Format> chosen = Open311Format.of(extension);
        if (chosen.isEmpty()) {
            return error(Open311Format.XML, Open311Exception.notFound("Unknown format '" + extension
                    + "': end the path in .xml or .json."));
        }
        Open311Format format = chosen.get();
        try {
            return writer.response(200, format, handler.get());
        } catch (Open311Exception e) {
            return error(format, e);
        } catch (ProblemException e) {
            return error(format, fromProblem(e));
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.error("Open311 request failed, reference {}", reference, e);
            // GeoReport v2: "400 - General service error"; the body's code says it is the server's fault
            return error(format, new Open311Exception(400, List.of(new GeoReport.Error(500,
                    "The service could not complete the request. Report reference " + reference
                            + " to the region's administrator."))));
        }
    }

    private Response error(Open311Format format, Open311Exception exception) {
        return writer.response(exception.status(), format, Open311Writer.Document.errors(exception.errors()));
    }

    /** The domain's refusals in Open311 terms: invalid fields are 400, with Open311's field names. */
    static Open311Exception fromProblem(ProblemException problem) {
        int status = switch (problem.status()) {
            case 403, 404 -> problem.status();
            default -> 400;
        };
        if (problem.errors().isEmpty()) {
            return Open311Exception.of(status, problem.detail());
        }
        return new Open311Exception(status, problem.errors().stream()
                .map(error -> new GeoReport.Error(status, describe(error))).toList());
    }

    /**
     * A platform field error (ReportService's field names) as the Open311 parameter the client sent. The
     * platform's {@code name} is first_name and last_name joined, so both are named. Its {@code address}
     * names two errors: no location at all (its message begins "give"), or an address_string it refuses.
     */
    private static String describe(FieldError error) {
        String message = error.message();
        return switch (error.field()) {
            case "serviceCode" -> "service_code: " + message;
            case "reportClass" -> "report_class: " + message;
            case "address" -> message.startsWith("give ")
                    ? "location: give lat and long, address_string or address_id"
                    : "address_string: " + message;
            case "addressId" -> "address_id: " + message;
            case "latitude", "longitude" -> (error.field().equals("latitude") ? "lat" : "long") + ": "
                    + message.replaceAll("\\blatitude\\b", "lat").replaceAll("\\blongitude\\b", "long");
            case "name" -> "first_name, last_name: " + message;
            case "deviceId" -> "device_id: " + message;
            case "accountId" -> "account_id: " + message;
            case "mediaUrl" -> "media_url: " + message;
            // description, zipcode, email, phone and attribute[code] are named as in Open311
            default -> error.field() + ": " + message;
        };
    }

    // --- checks

    private void checkJurisdiction(String given) {
        String served = reports.settings().jurisdictionId();
        String asked = absent(given);
        if (asked != null && !served.isEmpty() && !served.equalsIgnoreCase(asked)) {
            throw Open311Exception.notFound("jurisdiction_id '" + asked + "' was not found: this endpoint serves '"
                    + served + "'.");
        }
    }

    /** Every api_key given (form and query) must be valid, and one must be given. */
    private void checkApiKeys(String... given) {
        List<String> keys = Arrays.stream(given).filter(key -> key != null).toList();
        if (keys.isEmpty()) {
            throw Open311Exception.forbidden("api_key is missing: submitting a request needs an api_key. Ask the "
                    + "region's complaint administrator to issue one for your app.");
        }
        for (String apiKey : keys) {
            Optional<ApiKeyEntity> key = apiKeys.authenticate(apiKey);
            if (key.isEmpty()) {
                throw Open311Exception.forbidden("Invalid api_key: it is unknown or has been revoked. Ask the region's "
                        + "complaint administrator for a valid one.");
            }
        }
    }

    private ServiceEntity activeService(String code) {
        return reports.activeService(code == null ? null : code.strip()).orElseThrow(() -> Open311Exception.notFound(
                "service_code '" + code + "' was not found. GET services.xml lists the service codes."));
    }

    // --- submission

    private ReportEntity store(MultivaluedMap<String, String> form) {
        String serviceCode = field(form, "service_code");
        List<GeoReport.Error> errors = new ArrayList<>();
        if (serviceCode == null) {
            errors.add(new GeoReport.Error(400, "service_code was not provided. GET services.xml lists the service "
                    + "codes."));
        }
        BigDecimal lat = coordinate(form, "lat", errors);
        BigDecimal lon = coordinate(form, "long", errors);
        checkLengths(form, errors);
        String mediaUrl = field(form, "media_url");
        if (mediaUrl != null && mediaUrl.length() <= MAX_LENGTHS.get("media_url") && !isWebAddress(mediaUrl)) {
            errors.add(new GeoReport.Error(400, "media_url: must be the http or https address of the photo, e.g. "
                    + "https://foto.example.id/1.jpg"));
        }
        if (!errors.isEmpty()) {
            throw new Open311Exception(400, errors);
        }
        activeService(serviceCode);
        String name = String.join(" ", nonBlank(field(form, "first_name")), nonBlank(field(form, "last_name")))
                .strip();
        return reports.submit(new NewReport(serviceCode, null, field(form, "description"),
                new NewReport.Location(field(form, "address_string"), field(form, "address_id"),
                        field(form, "zipcode"), lat, lon),
                new NewReport.Reporter(name.isEmpty() ? null : name, field(form, "email"),
                        field(form, "phone"), field(form, "device_id"),
                        field(form, "account_id"), false, false),
                attributes(form), mediaUrl, CHANNEL));
    }

    /** Longer than the database holds is the client's error (400 naming the field), never the server's. */
    private static void checkLengths(MultivaluedMap<String, String> form, List<GeoReport.Error> errors) {
        MAX_LENGTHS.forEach((field, max) -> {
            String value = field(form, field);
            if (value != null && value.length() > max) {
                errors.add(new GeoReport.Error(400, field + ": is longer than " + max + " characters"));
            }
        });
        String first = nonBlank(field(form, "first_name"));
        String last = nonBlank(field(form, "last_name"));
        if (first.length() > MAX_NAME) {
            errors.add(new GeoReport.Error(400, "first_name: is longer than " + MAX_NAME + " characters"));
        } else if (last.length() > MAX_NAME) {
            errors.add(new GeoReport.Error(400, "last_name: is longer than " + MAX_NAME + " characters"));
        } else if ((first + " " + last).strip().length() > MAX_NAME) {
            errors.add(new GeoReport.Error(400, "first_name, last_name: are together longer than " + MAX_NAME
                    + " characters"));
        }
    }

    /** An absolute http or https URL with a host: what a client can fetch, never javascript:, data: or a file. */
    static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isBlank() && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static BigDecimal coordinate(MultivaluedMap<String, String> form, String field, List<GeoReport.Error> errors) {
        String value = field(form, field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new GeoReport.Error(400, field + ": '" + value + "' is not a number; send WGS84 decimal "
                    + "degrees, e.g. lat=-6.1754&long=106.8272"));
            return null;
        }
    }

    /** {@code attribute[code]=value} and, for multivaluelist, {@code attribute[code][]=value} repeated. */
    private static Map<String, List<String>> attributes(MultivaluedMap<String, String> form) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            Matcher matcher = ATTRIBUTE.matcher(key);
            if (matcher.matches()) {
                List<String> given = values.stream().map(Open311Resource::absent).filter(v -> v != null).toList();
                if (!given.isEmpty()) {
                    answers.computeIfAbsent(matcher.group(1).strip(), code -> new ArrayList<>()).addAll(given);
                }
            }
        });
        return answers;
    }

    // --- queries

    private static ReportQuery byIds(String ids) {
        List<String> numbers = Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .distinct().toList();
        return new ReportQuery(numbers, null, null, null, null, null, null, null, 0, MAX_RESULTS);
    }

    private ReportQuery filtered(String serviceCodes, String startDate, String endDate, String status) {
        List<GeoReport.Error> errors = new ArrayList<>();
        ZoneId zone = reports.workingDays().zone();
        Instant start = instant("start_date", startDate, zone, false, errors);
        Instant end = instant("end_date", endDate, zone, true, errors);
        Set<ReportStatus> statuses = statuses(status, errors);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add(new GeoReport.Error(400, "start_date must be before end_date."));
            } else if (Duration.between(start, end).compareTo(DEFAULT_WINDOW.plusSeconds(1)) > 0) {
                errors.add(new GeoReport.Error(400, "start_date and end_date may not span more than 90 days."));
            }
        }
        if (!errors.isEmpty()) {
            throw new Open311Exception(400, errors);
        }
        Instant from;
        Instant before;
        if (start == null && end == null) {
            from = clock.instant().minus(DEFAULT_WINDOW);
            before = null;
        } else if (end == null) {
            from = start;
            before = start.plus(DEFAULT_WINDOW);
        } else if (start == null) {
            from = end.minus(DEFAULT_WINDOW);
            before = end;
        } else {
            from = start;
            before = end;
        }
        List<String> services = trimmed(serviceCodes) == null ? null : Arrays.stream(serviceCodes.split(","))
                .map(String::strip).filter(code -> !code.isEmpty()).distinct().toList();
        return new ReportQuery(null, services, statuses, null, null, from, before, null, 0, MAX_RESULTS);
    }

    /**
     * A W3C datetime with its zone ({@code 2026-11-01T00:00:00+07:00}, {@code ...Z}) or a date, which means
     * that day in the region's zone. Returns the exclusive upper bound for an end date.
     */
    private static Instant instant(String field, String value, ZoneId zone, boolean end, List<GeoReport.Error> errors) {
        String text = trimmed(value);
        if (text == null) {
            return null;
        }
        // an unencoded '+' of the offset arrives as a space in a query string
        text = text.replace(' ', '+');
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return end ? instant.plusNanos(1) : instant;
        } catch (DateTimeParseException e) {
            errors.add(new GeoReport.Error(400, field + ": '" + value + "' is not a W3C datetime with a zone, e.g. "
                    + "2026-11-01T00:00:00+07:00 or 2026-11-01T00:00:00Z"));
            return null;
        }
    }

    private static Set<ReportStatus> statuses(String value, List<GeoReport.Error> errors) {
        if (trimmed(value) == null) {
            return null;
        }
        Set<ReportStatus> statuses = EnumSet.noneOf(ReportStatus.class);
        for (String code : value.split(",")) {
            String open311 = code.strip().toLowerCase(Locale.ROOT);
            if (open311.isEmpty()) {
                continue;
            }
            if (!open311.equals("open") && !open311.equals("closed")) {
                errors.add(new GeoReport.Error(400, "status: '" + code.strip() + "' is not a status; use open, "
                        + "closed or both (open,closed)."));
                continue;
            }
            Arrays.stream(ReportStatus.values()).filter(s -> s.open311Status().equals(open311)).forEach(statuses::add);
        }
        return statuses.isEmpty() ? null : statuses;
    }

    // --- small helpers

    private static GeoReport.Attribute attribute(ServiceAttributeEntity question) {
        boolean list = question.datatype().endsWith("valuelist");
        List<GeoReport.Value> values = list ? question.values().entrySet().stream()
                .map(entry -> new GeoReport.Value(entry.getKey(), entry.getValue())).toList() : null;
        return new GeoReport.Attribute(true, question.code(), question.datatype(), question.required(),
                question.datatypeDescription(), question.order(), question.description(), values);
    }

    private static String keywords(ServiceEntity service) {
        return service.keywords() == null ? null : Arrays.stream(service.keywords().split(","))
                .map(String::strip).filter(word -> !word.isEmpty()).collect(Collectors.joining(", "));
    }

    private static String nonBlank(String value) {
        return value == null ? "" : value.strip();
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A field's value, trimmed; null when it is absent, blank, or the literal {@code null} that client libraries
     * send for a field they have no value for.
     */
    static String absent(String value) {
        String text = trimmed(value);
        return text == null || text.equalsIgnoreCase("null") ? null : text;
    }

    private static String field(MultivaluedMap<String, String> form, String name) {
        return absent(form.getFirst(name));
    }

    private static Map<String, Integer> lengths(Object... pairs) {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            lengths.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(lengths);
    }
}
