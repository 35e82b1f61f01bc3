package id.gapura.permits.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.validation.Inputs;
import id.gapura.permits.rules.FeeRule;
import id.gapura.permits.rules.PermitNumberFormat;
import id.gapura.permits.workflow.Stage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The region's permit types: reading, defining and changing them, and fee simulation. */
@Component(service = PermitTypes.class)
public class PermitTypes {

    static final String CODE = "[A-Z][A-Z0-9_-]{1,31}";
    private static final String DOCUMENT_CODE = "[a-z][a-z0-9_]{0,31}";
    static final int MAX_DOCUMENTS = 30;
    static final int MAX_DOCUMENT_NAME = 200;

    private final PermitsDatabase database;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public PermitTypes(@Reference PermitsDatabase database) {
        this.database = database;
    }

    /**
     * What a region states to define or change a permit type ({@code PUT /api/permits/types/{code}}).
     * Leaving out {@code renewable}, {@code renewalDaysBefore} or {@code active} means false, 30 (0 when not
     * renewable) and true.
     */
    public record Definition(String name, String description, List<PermitType.Document> requiredDocuments,
                             List<String> stages, Integer slaDays, FeeRule feeRule, Integer validityMonths,
                             Boolean renewable, Integer renewalDaysBefore, String numberFormat, Boolean active) {
    }

    public List<PermitType> all(boolean activeOnly) {
        return database.read(em -> em.createQuery("select t from PermitTypeEntity t order by t.code",
                PermitTypeEntity.class).getResultList()).stream()
                .filter(t -> !activeOnly || t.active)
                .map(PermitTypes::toType).toList();
    }

    public Optional<PermitType> find(String code) {
        if (code == null || !code.matches(CODE)) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.read(em -> em.find(PermitTypeEntity.class, code))).map(PermitTypes::toType);
    }

    public PermitType require(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("No permit type has code '" + code
                + "'. GET /api/permits/types lists the codes."));
    }

    /** Creates or replaces a type; answers whether it was created. Applications already filed keep their stages. */
    public boolean save(String code, Definition definition) {
        if (code == null || !code.matches(CODE)) {
            throw ProblemException.invalid(List.of(new FieldError("code",
                    "must be 2-32 capital letters, digits, - or _, starting with a letter, such as REKLAME")));
        }
        PermitType type = validate(code, definition);
        return database.write(em -> {
            PermitTypeEntity entity = em.find(PermitTypeEntity.class, code);
            boolean created = entity == null;
            if (created) {
                entity = new PermitTypeEntity(code);
            }
            entity.name = type.name();
            entity.description = type.description();
            entity.requiredDocuments = Json.write(type.requiredDocuments());
            entity.stages = type.stages().stream().map(Stage::code).collect(Collectors.joining(","));
            entity.slaDays = type.slaDays();
            entity.feeRule = Json.write(type.feeRule());
            entity.validityMonths = type.validityMonths();
            entity.renewable = type.renewable();
            entity.renewalDaysBefore = type.renewalDaysBefore();
            entity.numberFormat = type.numberFormat();
            entity.active = type.active();
            entity.updatedAt = clock.instant();
            if (created) {
                em.persist(entity);
            }
            return created;
        });
    }

    private PermitType validate(String code, Definition d) {
        if (d == null) {
            throw ProblemException.badRequest("The request has no body; send the permit type as JSON.");
        }
        List<FieldError> errors = new ArrayList<>();
        // permits_type: name VARCHAR(200), description VARCHAR(2000), required_documents VARCHAR(4000) of JSON
        Inputs inputs = new Inputs();
        inputs.required("name", d.name(), 200);
        inputs.text("description", d.description(), 2000);
        errors.addAll(inputs.errors());
        List<PermitType.Document> documents = d.requiredDocuments() == null ? List.of() : d.requiredDocuments();
        if (documents.isEmpty()) {
            errors.add(new FieldError("requiredDocuments", "list at least one document, such as {\"code\":\"ktp\",\"name\":\"KTP pemohon\"}"));
        } else if (documents.size() > MAX_DOCUMENTS) {
            errors.add(new FieldError("requiredDocuments", "at most " + MAX_DOCUMENTS + " documents"));
            documents = List.of();
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            PermitType.Document document = documents.get(i);
            if (document == null || document.code() == null || !document.code().matches(DOCUMENT_CODE)) {
                errors.add(new FieldError("requiredDocuments[" + i + "].code", "is required: lowercase letters, digits and _"));
            } else if (!codes.add(document.code())) {
                errors.add(new FieldError("requiredDocuments[" + i + "].code", "'" + document.code() + "' is listed twice"));
            }
            if (document != null) {
                Inputs name = new Inputs();
                name.required("requiredDocuments[" + i + "].name", document.name(), MAX_DOCUMENT_NAME);
                errors.addAll(name.errors());
            }
        }
        if (errors.isEmpty() && Json.write(documents).length() > 4000) {
            errors.add(new FieldError("requiredDocuments", "the documents' codes and names together are too long;"
                    + " shorten the names"));
        }
        List<Stage> stages = new ArrayList<>();
        for (String stage : d.stages() == null ? List.<String>of() : d.stages()) {
            Optional<Stage> optional = Arrays.stream(Stage.values()).filter(Stage::isOptional)
                    .filter(s -> s.code().equals(stage)).findFirst();
            if (optional.isEmpty()) {
                errors.add(new FieldError("stages", "'" + Inputs.echo(stage, 40) + "' is not an optional stage; they are verification, "
                        + "technical_review, validation (completeness check, fee and decree stages always apply)"));
            } else if (!stages.contains(optional.get())) {
                stages.add(optional.get());
            }
        }
        if (d.slaDays() == null || d.slaDays() < 1 || d.slaDays() > 365) {
            errors.add(new FieldError("slaDays", "is required: the service level in working days, 1 to 365"));
        }
        if (d.feeRule() == null) {
            errors.add(new FieldError("feeRule", "is required; {\"kind\":\"none\"} for a permit without fee"));
        } else {
            List<FieldError> feeErrors = d.feeRule().validate("feeRule");
            errors.addAll(feeErrors);
            if (feeErrors.isEmpty() && Json.write(d.feeRule()).length() > 4000) {
                errors.add(new FieldError("feeRule", "is too long to store; shorten the labels or use fewer options"));
            }
        }
        if (d.validityMonths() != null && (d.validityMonths() < 1 || d.validityMonths() > 600)) {
            errors.add(new FieldError("validityMonths", "must be 1 to 600 months, or left out for a permit without end"));
        }
        boolean renewable = Boolean.TRUE.equals(d.renewable());
        if (renewable && d.validityMonths() == null) {
            errors.add(new FieldError("renewable", "only a permit with validityMonths can be renewed"));
        }
        int renewalDays = d.renewalDaysBefore() != null ? d.renewalDaysBefore() : renewable ? 30 : 0;
        if (renewalDays < 0 || renewalDays > 365) {
            errors.add(new FieldError("renewalDaysBefore", "must be 0 to 365 days"));
        }
        List<String> formatProblems = PermitNumberFormat.problems(d.numberFormat());
        formatProblems.forEach(problem -> errors.add(new FieldError("numberFormat", problem)));
        if (formatProblems.isEmpty() && !d.numberFormat().contains("{type}")) {
            all(false).stream()
                    .filter(other -> !other.code().equals(code) && other.numberFormat().equals(d.numberFormat().trim()))
                    .findFirst()
                    .ifPresent(other -> errors.add(new FieldError("numberFormat", "is the same as permit type "
                            + other.code() + "'s and has no {type}: their numbers would collide")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PermitType(code, d.name().strip(), d.description() == null ? "" : d.description().strip(),
                documents.stream().map(doc -> new PermitType.Document(doc.code(), doc.name().strip())).toList(),
                stages, d.slaDays(), d.feeRule(), d.validityMonths(), renewable, renewalDays,
                d.numberFormat().trim(), d.active() == null || d.active());
    }

    /** The fee for these parameters, as the fee-simulation endpoint answers it. */
    public FeeRule.Calculation simulate(String code, Map<String, ?> parameters) {
        PermitType type = require(code);
        try {
            return type.feeRule().calculate(parameters, "parameters");
        } catch (FeeRule.InvalidParameters e) {
            throw ProblemException.invalid(e.errors());
        }
    }

    static PermitType toType(PermitTypeEntity entity) {
        List<Stage> stages = entity.stages.isBlank() ? List.of()
                : Arrays.stream(entity.stages.split(",")).map(String::trim).map(Stage::fromCode).toList();
        return new PermitType(entity.code, entity.name, entity.description,
                Json.read(entity.requiredDocuments, new TypeReference<List<PermitType.Document>>() { }),
                stages, entity.slaDays, Json.read(entity.feeRule, FeeRule.class), entity.validityMonths,
                entity.renewable, entity.renewalDaysBefore, entity.numberFormat, entity.active);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
