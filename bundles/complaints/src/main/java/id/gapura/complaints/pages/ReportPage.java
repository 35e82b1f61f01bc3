package id.gapura.complaints.pages;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
import id.gapura.complaints.internal.ComplaintsSettings;
import id.gapura.complaints.internal.NewReport;
import id.gapura.complaints.internal.PhotoService;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.ServiceAttributeEntity;
import id.gapura.complaints.internal.ServiceEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A citizen reports a problem: first the category (GET without {@code kategori}), then the form for that
 * category with its own questions, sent by POST. The rules are the API's (the same {@link ReportService}); the
 * page adds the citizen's language and the photo, which is checked (type, size) before the report is stored.
 */
@Component(service = Page.class, property = {Page.PATH + "=" + ComplaintsUi.REPORT, Page.AUDIENCE + "=" + Page.CITIZEN})
public class ReportPage implements Page {

    private static final Logger LOG = LoggerFactory.getLogger(ReportPage.class);
    static final String CATEGORY = "kategori";
    static final String PHOTO = "photo";

    private final ReportService reports;
    private final PhotoService photos;
    private final ComplaintsSettings settings;

    @Activate
    public ReportPage(@Reference ReportService reports, @Reference PhotoService photos,
                      @Reference ComplaintsSettings settings) {
        this.reports = reports;
        this.photos = photos;
        this.settings = settings;
    }

    @Override
    public View get(PageRequest request) {
        Optional<String> code = request.parameter(CATEGORY);
        if (code.isEmpty()) {
            return categories(null);
        }
        Optional<ServiceEntity> service = reports.activeService(code.get());
        if (service.isEmpty()) {
            return categories(List.of(new FieldError(CATEGORY, "galat.kategori")));
        }
        return form(service.get(), Map.of(), null);
    }

    @Override
    public View post(PageRequest request) {
        Optional<ServiceEntity> service = request.parameter(CATEGORY).flatMap(reports::activeService);
        if (service.isEmpty()) {
            return categories(List.of(new FieldError(CATEGORY, "galat.kategori")));
        }
        Map<String, Object> sent = sent(request, service.get());
        List<FieldError> errors = new ArrayList<>();
        if (request.parameter("description").isEmpty()) {
            errors.add(new FieldError("description", "galat.description.empty"));
        }
        if (request.parameter("address").isEmpty()) {
            errors.add(new FieldError("address", "galat.address.empty"));
        }
        Optional<PageRequest.Upload> photo = request.upload(PHOTO);
        photo.ifPresent(upload -> {
            if (upload.content().length > settings.maxPhotoBytes()) {
                errors.add(new FieldError(PHOTO, request.message("galat.photo.size", megabytes(settings.maxPhotoBytes()))));
            } else if (PhotoService.imageType(upload.content()).isEmpty()) {
                errors.add(new FieldError(PHOTO, "galat.photo.type"));
            }
        });
        if (!errors.isEmpty()) {
            return form(service.get(), sent, errors);
        }
        ReportEntity saved;
        try {
            saved = reports.submit(new NewReport(service.get().code(), null, request.parameter("description").get(),
                    new NewReport.Location(request.parameter("address").orElse(null), null, null,
                            decimal(request, "latitude"), decimal(request, "longitude")),
                    new NewReport.Reporter(request.parameter("name").orElse(null),
                            request.parameter("email").orElse(null), request.parameter("phone").orElse(null), null,
                            null, request.parameter("anonymous").isPresent(),
                            request.parameter("confidential").isPresent()),
                    answers(request, service.get()), null, "web"));
        } catch (ProblemException e) {
            if (e.status() != 422) {
                throw e;
            }
            return form(service.get(), sent, e.errors().stream()
                    .map(error -> new FieldError(error.field(), fieldMessage(error))).toList());
        }
        boolean photoStored = photo.map(upload -> addPhoto(saved, upload)).orElse(true);
        return View.redirect("/layanan/complaints" + ComplaintsUi.SENT + "?nomor=" + saved.trackingNumber()
                + (photoStored ? "" : "&foto=gagal"));
    }

    /** Whether the photo was stored; the report is stored either way, and the confirmation says which. */
    private boolean addPhoto(ReportEntity saved, PageRequest.Upload upload) {
        try {
            photos.addReporterPhoto(saved, saved.reporterSecret(), upload.content(),
                    id -> "/api/complaints/photos/" + id);
            return true;
        } catch (RuntimeException e) {
            // the photo was checked, so this is the database's trouble, not the citizen's
            LOG.warn("The photo of report {} could not be stored: {}", saved.trackingNumber(), e.toString());
            return false;
        }
    }

    private View categories(List<FieldError> errors) {
        Map<String, List<Map<String, String>>> groups = new TreeMap<>();
        for (ServiceEntity service : reports.activeServices()) {
            groups.computeIfAbsent(service.group() == null ? "" : service.group(), group -> new ArrayList<>())
                    .add(Map.of("code", service.code(), "name", service.name(),
                            "description", service.description() == null ? "" : service.description()));
        }
        List<Map<String, Object>> model = new ArrayList<>();
        groups.forEach((group, services) -> model.add(Map.of("name", group, "services", services)));
        View view = View.page("report-category.ftlh", "lapor.kategori.judul", Map.of("groups", model));
        return errors == null ? view : view.invalid(errors);
    }

    private View form(ServiceEntity service, Map<String, Object> sent, List<FieldError> errors) {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (ServiceAttributeEntity attribute : reports.attributes(service.code())) {
            if (!attribute.datatype().equals("string") && !attribute.datatype().equals("text")
                    && !attribute.datatype().equals("number") && !attribute.datatype().endsWith("valuelist")) {
                continue;
            }
            List<Map<String, String>> options = new ArrayList<>();
            attribute.values().forEach((key, label) -> options.add(Map.of("value", key, "label", label)));
            Map<String, Object> question = new LinkedHashMap<>();
            question.put("name", "attribute[" + attribute.code() + "]");
            question.put("label", attribute.description());
            question.put("type", attribute.datatype());
            question.put("required", attribute.required());
            question.put("options", options);
            questions.add(question);
        }
        Map<String, Object> model = new LinkedHashMap<>(sent);
        model.put("service", Map.of("code", service.code(), "name", service.name()));
        model.put("questions", questions);
        model.put("maxPhoto", megabytes(settings.maxPhotoBytes()));
        model.put("maxPhotoBytes", settings.maxPhotoBytes());
        model.put("verificationDays", settings.rules().verificationDays());
        View view = View.page("report-form.ftlh", "lapor.isi.judul", model);
        return errors == null ? view : view.invalid(errors);
    }

    /** What the citizen typed, to show it again with the errors. */
    private Map<String, Object> sent(PageRequest request, ServiceEntity service) {
        Map<String, Object> sent = new LinkedHashMap<>();
        for (String field : List.of("description", "address", "name", "email", "phone", "latitude", "longitude")) {
            sent.put(field, request.parameter(field).orElse(""));
        }
        sent.put("anonymous", request.parameter("anonymous").isPresent());
        sent.put("confidential", request.parameter("confidential").isPresent());
        Map<String, String> answers = new LinkedHashMap<>();
        answers(request, service).forEach((code, values) -> answers.put("attribute[" + code + "]", values.get(0)));
        sent.put("answers", answers);
        return sent;
    }

    private Map<String, List<String>> answers(PageRequest request, ServiceEntity service) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (ServiceAttributeEntity attribute : reports.attributes(service.code())) {
            List<String> values = request.parameters("attribute[" + attribute.code() + "]");
            if (!values.isEmpty()) {
                answers.put(attribute.code(), values);
            }
        }
        return answers;
    }

    private static BigDecimal decimal(PageRequest request, String name) {
        Optional<String> value = request.parameter(name);
        if (value.isEmpty() || value.get().length() > 30 || !value.get().matches("-?\\d{1,3}(\\.\\d{1,12})?")) {
            return null;
        }
        return new BigDecimal(value.get());
    }

    /** A message key per field for the API's rules, which speak English; the API's own sentence otherwise. */
    private static String fieldMessage(FieldError error) {
        String field = error.field();
        if (field.startsWith("attribute[")) {
            return "galat.attribute";
        }
        return switch (field) {
            case "description", "address", "name", "email", "phone", "latitude", "longitude" -> "galat." + field;
            default -> error.message();
        };
    }

    static String megabytes(int bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1_000_000)).stripTrailingZeros().toPlainString();
    }
}
