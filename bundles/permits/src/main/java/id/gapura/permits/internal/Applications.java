package id.gapura.permits.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.validation.Inputs;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.time.WorkingDays;
import id.gapura.permits.rules.FeeRule;
import id.gapura.permits.rules.IdentityNumbers;
import id.gapura.permits.rules.PermitNumberFormat;
import id.gapura.permits.workflow.ClockState;
import id.gapura.permits.workflow.IllegalTransitionException;
import id.gapura.permits.workflow.ServiceClock;
import id.gapura.permits.workflow.Stage;
import id.gapura.permits.workflow.Step;
import id.gapura.permits.workflow.Workflow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Filing applications, taking workflow steps, and reading applications and permits. */
@Component(service = Applications.class)
public class Applications {

    static final String SKRD_COUNTER = "SKRD";
    private static final List<String> KINDS = List.of("new", "renewal", "change", "copy");

    private final PermitsDatabase database;
    private final PermitTypes types;
    private final RegionCalendar calendar;
    private final PermitSettings settings;
    private final Clock clock;
    private final RegistrationNumbers registrationNumbers = new RegistrationNumbers();

    @Activate
    public Applications(@Reference PermitsDatabase database, @Reference PermitTypes types,
                        @Reference RegionCalendar calendar, @Reference PermitSettings settings) {
        this(database, types, calendar, settings, Clock.systemUTC());
    }

    Applications(PermitsDatabase database, PermitTypes types, RegionCalendar calendar, PermitSettings settings,
                 Clock clock) {
        this.database = database;
        this.types = types;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = Clock.tick(clock, java.time.Duration.ofNanos(1000));
    }

    public record Applicant(String kind, String idNumber, String name, String address, String phone, String email) {
    }

    /**
     * A new application. {@code kind} is new (default), renewal, change or copy; the last three name the issued
     * permit in {@code permitNumber} and default the applicant and subject to the permit's.
     */
    public record Filing(String typeCode, String kind, String permitNumber, Applicant applicant, String subject,
                         String location, Map<String, Object> feeParameters, List<String> documents, Boolean submit) {
    }

    /** A step with what it needs; see the README for which step needs which field. */
    public record StepRequest(String step, String note, List<String> documents, List<String> missingDocuments,
                              String recommendation, Map<String, Object> feeParameters, String paymentReference,
                              BigDecimal amount, String reasons) {
    }

    public WorkingDays workingDays() {
        return calendar.workingDays();
    }

    // ---- filing -------------------------------------------------------------------------------------------

    public Views.Application file(Filing filing, String channel, Caller caller) {
        if (filing == null) {
            throw ProblemException.badRequest("The request has no body; send the application as JSON.");
        }
        List<FieldError> errors = new ArrayList<>();
        String kind = blank(filing.kind()) ? "new" : filing.kind().trim().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "must be one of " + String.join(", ", KINDS)));
            throw ProblemException.invalid(errors);
        }
        ApplicationEntity parent = null;
        PermitType type = null;
        if (kind.equals("new")) {
            if (!blank(filing.permitNumber())) {
                errors.add(new FieldError("permitNumber", "only a renewal, change or copy names an issued permit"));
            }
            if (blank(filing.typeCode())) {
                errors.add(new FieldError("typeCode", "is required; GET /api/permits/types lists the codes"));
            } else {
                type = types.find(filing.typeCode()).filter(PermitType::active).orElse(null);
                if (type == null) {
                    errors.add(new FieldError("typeCode", "'" + filing.typeCode() + "' is not an active permit type"));
                }
            }
        } else {
            if (blank(filing.permitNumber())) {
                errors.add(new FieldError("permitNumber", "is required for a " + kind + ": the number of the issued permit"));
            } else {
                parent = findIssued(filing.permitNumber()).orElse(null);
                if (parent == null) {
                    errors.add(new FieldError("permitNumber", "no issued permit has number '" + filing.permitNumber() + "'"));
                } else if (parent.supersededById != null) {
                    errors.add(new FieldError("permitNumber", "this permit was replaced by a renewal or change; "
                            + "use the newest permit's number"));
                } else {
                    type = types.require(parent.typeCode);
                    if (!blank(filing.typeCode()) && !filing.typeCode().equals(parent.typeCode)) {
                        errors.add(new FieldError("typeCode", "the permit is of type " + parent.typeCode));
                    }
                    if (kind.equals("renewal")) {
                        LocalDate today = workingDays().localDate(clock.instant());
                        type.validity().renewalRefusal(Optional.ofNullable(parent.validUntil), today)
                                .ifPresent(refusal -> errors.add(new FieldError("permitNumber", "cannot be renewed: " + refusal)));
                    }
                }
            }
        }
        Applicant applicant = filing.applicant();
        if (parent != null && channel.equals("online") && (applicant == null || applicant.idNumber() == null
                || !applicant.idNumber().strip().equals(parent.applicantIdNumber))) {
            // permit numbers are public: online, only the holder (by NIK or NIB) may ask for a renewal, change or copy
            errors.add(new FieldError("applicant.idNumber", "must be the NIK or NIB of the permit's holder"));
        }
        if (applicant == null && parent != null) {
            applicant = new Applicant(parent.applicantKind, parent.applicantIdNumber, parent.applicantName,
                    parent.applicantAddress, parent.applicantPhone, parent.applicantEmail);
        }
        checkApplicant(applicant, errors);
        String subject = blank(filing.subject()) && parent != null ? parent.subject : filing.subject();
        if (blank(subject)) {
            errors.add(new FieldError("subject", "is required: what the permit is for, e.g. the building or billboard"));
        } else {
            errors.addAll(textErrors("subject", subject, 1000));
        }
        String location = blank(filing.location()) && parent != null ? parent.location : filing.location();
        errors.addAll(textErrors("location", location, 500));
        Map<String, String> feeParameters = normalize(filing.feeParameters());
        if (Json.write(feeParameters).length() > 2000) {
            errors.add(new FieldError("feeParameters", "are too long to store: state only the type's fee parameters"));
        }
        boolean copy = kind.equals("copy");
        if (type != null) {
            if (copy && !feeParameters.isEmpty()) {
                errors.add(new FieldError("feeParameters", "a copy of a decree carries no fee"));
            } else if (!copy) {
                try {
                    type.feeRule().calculate(feeParameters, "feeParameters");
                } catch (FeeRule.InvalidParameters e) {
                    errors.addAll(e.errors());
                }
            }
            errors.addAll(checkDocuments(type, filing.documents(), "documents"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }

        Instant now = clock.instant();
        PermitType chosen = type;
        Applicant holder = applicant;
        ApplicationEntity renewed = parent;
        Views.Application filed = database.write(em -> {
            ApplicationEntity entity = new ApplicationEntity(registrationNumbers.next(workingDays().localDate(now)), now);
            entity.typeCode = chosen.code();
            entity.kind = kind;
            entity.parentId = renewed == null ? null : renewed.id;
            entity.channel = channel;
            entity.filedBy = caller.name();
            entity.applicantKind = holder.kind().trim().toLowerCase(Locale.ROOT);
            entity.applicantIdNumber = holder.idNumber().trim();
            entity.applicantName = holder.name().strip();
            entity.applicantAddress = trimmed(holder.address());
            entity.applicantPhone = trimmed(holder.phone());
            entity.applicantEmail = trimmed(holder.email());
            entity.subject = subject.strip();
            entity.location = trimmed(location);
            entity.feeParameters = Json.write(feeParameters);
            entity.documents = Json.write(distinct(filing.documents()));
            entity.stages = copy ? "" : chosen.stages().stream().map(Stage::code).collect(Collectors.joining(","));
            entity.hasFee = !copy && chosen.feeRule().hasFee();
            entity.slaDays = chosen.slaDays();
            em.persist(entity);
            em.flush();
            em.persist(new ApplicationEventEntity(entity.id, now, caller.name(), "file", null, Stage.DRAFT.code(),
                    channel.equals("online") ? "filed online by the applicant" : "filed at the front office", 0));
            return view(em, entity, chosen, now);
        });
        if (Boolean.TRUE.equals(filing.submit())) {
            return step(filed.registrationNumber(), new StepRequest("submit", null, null, null, null, null, null, null, null), caller);
        }
        return filed;
    }

    private static void checkApplicant(Applicant applicant, List<FieldError> errors) {
        if (applicant == null) {
            errors.add(new FieldError("applicant", "is required: kind (person or company), idNumber, name"));
            return;
        }
        String kind = applicant.kind() == null ? "" : applicant.kind().trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "person" -> IdentityNumbers.checkNik(strip(applicant.idNumber()))
                    .ifPresent(problem -> errors.add(new FieldError("applicant.idNumber", "is not a valid NIK: " + problem)));
            case "company" -> IdentityNumbers.checkNib(strip(applicant.idNumber()))
                    .ifPresent(problem -> errors.add(new FieldError("applicant.idNumber", "is not a valid NIB: " + problem)));
            default -> errors.add(new FieldError("applicant.kind", "must be person (with a NIK) or company (with a NIB)"));
        }
        if (blank(applicant.name())) {
            errors.add(new FieldError("applicant.name", "is required: the person's or the company's name"));
        } else {
            errors.addAll(textErrors("applicant.name", applicant.name(), 200));
        }
        errors.addAll(textErrors("applicant.address", applicant.address(), 500));
        if (!blank(applicant.email()) && applicant.email().strip().length() > 254) {
            errors.add(new FieldError("applicant.email", "must be at most 254 characters"));
        }
        if (!blank(applicant.phone()) && !applicant.phone().strip().matches("\\+?[0-9 -]{6,20}")) {
            errors.add(new FieldError("applicant.phone", "is not a phone number"));
        }
        if (!blank(applicant.email()) && applicant.email().strip().length() <= 254 && !applicant.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("applicant.email", "is not an e-mail address"));
        }
    }

    private static List<FieldError> checkDocuments(PermitType type, List<String> documents, String field) {
        List<FieldError> errors = new ArrayList<>();
        if (documents == null) {
            return errors;
        }
        Set<String> known = Set.copyOf(type.documentCodes());
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) == null || !known.contains(documents.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "'" + Inputs.echo(documents.get(i), 40) + "' is not a document of "
                        + type.code() + "; its documents are " + String.join(", ", type.documentCodes())));
            }
        }
        return errors;
    }

    // ---- steps --------------------------------------------------------------------------------------------

    /**
     * Takes one workflow step.
     *
     * @throws ProblemException 404 unknown application, 403 role missing, 409 step not allowed in the current
     *                          stage, 422 data the step needs is missing or wrong
     */
    public Views.Application step(String registrationNumber, StepRequest request, Caller caller) {
        if (request == null || blank(request.step())) {
            throw ProblemException.invalid(List.of(new FieldError("step", "is required; nextSteps of the application lists the allowed ones")));
        }
        Step step;
        try {
            step = Step.fromCode(request.step());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new FieldError("step", e.getMessage())));
        }
        if (caller.authenticated() && !step.mayBeTakenBy(caller.hasRole())) {
            throw ProblemException.forbidden(step.roles().size() == 1
                    ? "Step " + step.code() + " needs role " + step.roles().get(0) + "; user " + caller.name()
                    + " does not have it. Ask the administrator to grant it."
                    : "Step " + step.code() + " needs role " + String.join(" or ", step.roles()) + "; user "
                    + caller.name() + " has neither. Ask the administrator to grant one.");
        }
        ApplicationEntity current = require(registrationNumber);
        PermitType type = types.require(current.typeCode);
        Instant now = clock.instant();
        WorkingDays days = workingDays();
        int year = days.localDate(now).getYear();
        if (step == Step.ISSUE && current.stage == Stage.SIGNED && !"copy".equals(current.kind)) {
            database.ensureCounter(current.typeCode, year);
        }
        if (step == Step.ASSESS_FEE && current.stage == Stage.FEE_ASSESSMENT) {
            database.ensureCounter(SKRD_COUNTER, year);
        }
        return transactional(() -> database.write(em -> {
            ApplicationEntity app = em.find(ApplicationEntity.class, current.id, LockModeType.PESSIMISTIC_WRITE);
            Stage from = app.stage;
            Stage to;
            try {
                to = workflowOf(app).next(from, step);
            } catch (IllegalTransitionException e) {
                throw ProblemException.conflict(e.getMessage());
            }
            String note = apply(em, app, type, step, request, now, year);
            ServiceClock clock = app.clock().apply(Workflow.clockChange(step), days, now);
            app.clock(clock);
            if (step == Step.SIGN) {
                app.signedBy = caller.name();
            }
            app.stage = to;
            app.updatedAt = now;
            em.persist(new ApplicationEventEntity(app.id, now, caller.name(), step.code(), from.code(), to.code(),
                    note, clock.daysUsed(days, now)));
            em.flush();
            return view(em, app, type, now);
        }));
    }

    /** What a step does besides moving the stage; answers the note for the history. */
    private String apply(EntityManager em, ApplicationEntity app, PermitType type, Step step, StepRequest request,
                         Instant now, int year) {
        String note = trimmed(request.note());
        // permits_application_event.note VARCHAR(4000) holds the note with what a step adds (the missing
        // documents, the SKRD and its formula); recommendation_note and rejection_reasons VARCHAR(4000)
        Inputs inputs = new Inputs();
        inputs.text("note", note, MAX_NOTE);
        inputs.text("reasons", trimmed(request.reasons()), 4000);
        inputs.text("paymentReference", trimmed(request.paymentReference()), 100);
        inputs.decimal("amount", request.amount(), 15, 0);
        inputs.validate();
        List<FieldError> errors = new ArrayList<>();
        switch (step) {
            case SUBMIT -> {
                addDocuments(app, type, request.documents(), errors);
                app.submittedAt = now;
            }
            case RESUBMIT -> {
                addDocuments(app, type, request.documents(), errors);
                List<String> missing = new ArrayList<>(Json.strings(app.missingDocuments));
                missing.removeAll(Json.strings(app.documents));
                app.missingDocuments = Json.write(missing);
            }
            case ACCEPT_COMPLETE -> {
                addDocuments(app, type, request.documents(), errors);
                List<String> missing = missing(app, type);
                if (errors.isEmpty() && !missing.isEmpty()) {
                    errors.add(new FieldError("documents", "still missing: " + String.join(", ", missing)
                            + ". Record them with documents, or take step return_incomplete."));
                }
                app.missingDocuments = "[]";
            }
            case RETURN_INCOMPLETE -> {
                List<String> missing = request.missingDocuments() == null || request.missingDocuments().isEmpty()
                        ? missing(app, type) : distinct(request.missingDocuments());
                errors.addAll(checkDocuments(type, request.missingDocuments(), "missingDocuments"));
                if (missing.isEmpty()) {
                    errors.add(new FieldError("missingDocuments", "name what is missing: every required document is recorded"));
                }
                app.missingDocuments = Json.write(missing);
                List<String> names = type.requiredDocuments().stream().filter(d -> missing.contains(d.code()))
                        .map(PermitType.Document::name).toList();
                note = "Berkas belum lengkap: " + String.join("; ", names) + (note == null ? "" : ". " + note);
            }
            case RECOMMEND -> {
                String recommendation = request.recommendation() == null ? ""
                        : request.recommendation().trim().toLowerCase(Locale.ROOT);
                if (!recommendation.equals("approve") && !recommendation.equals("reject")) {
                    errors.add(new FieldError("recommendation", "is required: approve or reject"));
                }
                if (note == null) {
                    errors.add(new FieldError("note", "is required: the findings of the review or site visit"));
                }
                app.recommendation = recommendation;
                app.recommendationNote = note;
            }
            case ASSESS_FEE -> {
                Map<String, String> parameters = request.feeParameters() == null
                        ? Json.map(app.feeParameters) : normalize(request.feeParameters());
                try {
                    FeeRule.Calculation fee = type.feeRule().calculate(parameters, "feeParameters");
                    app.feeParameters = Json.write(parameters);
                    app.feeAmount = fee.amount();
                    app.feeFormula = fee.formula();
                    long seq = Counters.next(PermitsDatabase.sql(em), SKRD_COUNTER, year);
                    app.skrdNumber = String.format("SKRD/%05d/%s/%d", seq, settings.office(), year);
                    note = "SKRD " + app.skrdNumber + ": " + fee.formula() + (note == null ? "" : ". " + note);
                } catch (FeeRule.InvalidParameters e) {
                    errors.addAll(e.errors());
                }
            }
            case RECORD_PAYMENT -> {
                if (blank(request.paymentReference())) {
                    errors.add(new FieldError("paymentReference", "is required: the bank or cash register reference"));
                }
                if (request.amount() == null) {
                    errors.add(new FieldError("amount", "is required: the amount paid, " + FeeRule.rupiah(app.feeAmount)));
                } else if (request.amount().compareTo(app.feeAmount) != 0) {
                    errors.add(new FieldError("amount", FeeRule.rupiah(request.amount()) + " is not the assessed "
                            + FeeRule.rupiah(app.feeAmount) + " of " + app.skrdNumber));
                }
                app.paymentReference = trimmed(request.paymentReference());
                app.paidAt = now;
            }
            case SIGN -> {
                app.signedAt = now;
            }
            case ISSUE -> issue(em, app, type, now, year);
            case REJECT -> {
                if (blank(request.reasons())) {
                    errors.add(new FieldError("reasons", "is required: the reasons for the rejection letter"));
                }
                app.rejectionReasons = trimmed(request.reasons());
                app.decidedAt = now;
            }
            default -> {
                // verify, validate: the note is all they record
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return note;
    }

    private void issue(EntityManager em, ApplicationEntity app, PermitType type, Instant now, int year) {
        LocalDate today = workingDays().localDate(now);
        ApplicationEntity parent = app.parentId == null ? null : em.find(ApplicationEntity.class, app.parentId,
                LockModeType.PESSIMISTIC_WRITE);
        app.issuedAt = now;
        app.issuedOn = today;
        app.decidedAt = now;
        if ("copy".equals(app.kind)) {
            app.validUntil = parent.validUntil;
            return;
        }
        long seq = Counters.next(PermitsDatabase.sql(em), app.typeCode, year);
        app.permitNumber = PermitNumberFormat.of(type.numberFormat()).format(seq, app.typeCode, settings.office(), today);
        app.validUntil = switch (app.kind) {
            case "change" -> parent.validUntil;
            case "renewal" -> type.validity().validUntil(today, Optional.ofNullable(parent.validUntil)).orElse(null);
            default -> type.validity().validUntil(today, Optional.empty()).orElse(null);
        };
        if (parent != null) {
            parent.supersededById = app.id;
            parent.updatedAt = now;
        }
    }

    private static void addDocuments(ApplicationEntity app, PermitType type, List<String> added, List<FieldError> errors) {
        if (added == null || added.isEmpty()) {
            return;
        }
        errors.addAll(checkDocuments(type, added, "documents"));
        List<String> documents = new ArrayList<>(Json.strings(app.documents));
        documents.addAll(added);
        app.documents = Json.write(distinct(documents));
    }

    /**
     * What the applicant still has to hand in: the documents the front office named when it returned the
     * application; before the completeness check, every required document not recorded yet; after it, none.
     */
    static List<String> missingDocuments(ApplicationEntity app, PermitType type) {
        List<String> named = Json.strings(app.missingDocuments);
        if (!named.isEmpty() || !(app.stage == Stage.DRAFT || app.stage == Stage.SUBMITTED || app.stage == Stage.RETURNED)) {
            return named;
        }
        return missing(app, type);
    }

    private static List<String> missing(ApplicationEntity app, PermitType type) {
        if ("copy".equals(app.kind)) {
            return List.of(); // a copy of a decree needs only the request itself
        }
        List<String> documents = Json.strings(app.documents);
        return type.documentCodes().stream().filter(code -> !documents.contains(code)).toList();
    }

    static Workflow workflowOf(ApplicationEntity app) {
        List<Stage> stages = app.stages == null || app.stages.isBlank() ? List.of()
                : Arrays.stream(app.stages.split(",")).map(Stage::fromCode).toList();
        return new Workflow(stages, app.hasFee);
    }

    /** Runs a transaction and answers a refusal made inside it as itself, however the template wrapped it. */
    private static <R> R transactional(java.util.function.Supplier<R> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ProblemException problem) {
                    throw problem;
                }
            }
            throw e;
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------

    public Optional<ApplicationEntity> find(String registrationNumber) {
        if (!RegistrationNumbers.looksValid(registrationNumber)) {
            return Optional.empty();
        }
        return database.read(em -> em.createQuery(
                        "select a from ApplicationEntity a where a.registrationNumber = :number", ApplicationEntity.class)
                .setParameter("number", registrationNumber).getResultStream().findFirst());
    }

    private ApplicationEntity require(String registrationNumber) {
        return find(registrationNumber).orElseThrow(() -> ProblemException.notFound("No application has registration number '"
                + registrationNumber + "'. Check the number on the receipt (tanda terima)."));
    }

    public Views.Application view(String registrationNumber) {
        ApplicationEntity app = require(registrationNumber);
        PermitType type = types.require(app.typeCode);
        return database.read(em -> view(em, app, type, clock.instant()));
    }

    public Views.Tracking tracking(String registrationNumber) {
        ApplicationEntity app = require(registrationNumber);
        PermitType type = types.require(app.typeCode);
        Instant now = clock.instant();
        String permitNumber = app.permitNumber;
        if (permitNumber == null && "copy".equals(app.kind) && app.stage == Stage.ISSUED) {
            permitNumber = database.read(em -> em.find(ApplicationEntity.class, app.parentId)).permitNumber;
        }
        return new Views.Tracking(app.registrationNumber, app.kind, new Views.TypeRef(type.code(), type.name()),
                app.stage.code(), app.stage.label(), missingDocuments(app, type), clockView(app, now),
                app.feeAmount, app.skrdNumber, permitNumber, app.rejectionReasons, time(app.submittedAt));
    }

    /** Applications filtered by stage and type, newest first. */
    public List<Views.Summary> list(String stage, String typeCode, int limit) {
        Stage wanted;
        try {
            wanted = blank(stage) ? null : Stage.fromCode(stage);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new FieldError("stage", e.getMessage())));
        }
        Instant now = clock.instant();
        String query = "select a from ApplicationEntity a where 1 = 1" + (wanted == null ? "" : " and a.stage = :stage")
                + (blank(typeCode) ? "" : " and a.typeCode = :type") + " order by a.createdAt desc, a.id desc";
        return database.read(em -> {
            javax.persistence.TypedQuery<ApplicationEntity> typed = em.createQuery(query, ApplicationEntity.class);
            if (wanted != null) {
                typed.setParameter("stage", wanted);
            }
            if (!blank(typeCode)) {
                typed.setParameter("type", typeCode);
            }
            return typed.setMaxResults(limit).getResultList();
        }).stream()
                .map(app -> summary(app, now)).toList();
    }

    /**
     * Applications whose clock runs and that are past their deadline or have at most {@code days} working days
     * left, the most urgent first. Under "fiktif positif" a missed deadline may count as a granted permit.
     */
    public List<Views.Summary> attention(Integer days) {
        int threshold = days == null ? settings.nearingDays() : days;
        if (threshold < 0) {
            throw ProblemException.invalid(List.of(new FieldError("days", "must be zero or more")));
        }
        Instant now = clock.instant();
        return database.read(em -> em.createQuery("select a from ApplicationEntity a where a.clockState = :running",
                        ApplicationEntity.class).setParameter("running", ClockState.RUNNING).getResultList()).stream()
                .map(app -> summary(app, now))
                .filter(s -> s.clock().overdue() || s.clock().daysRemaining() <= threshold)
                .sorted(Comparator.comparingInt((Views.Summary s) -> s.clock().daysRemaining())
                        .thenComparing(Views.Summary::registrationNumber))
                .toList();
    }

    /** Issued permits, or only those that expire within {@code days} days (and are not replaced). */
    public List<Views.IssuedPermit> permits(Integer expiringWithinDays) {
        LocalDate today = workingDays().localDate(clock.instant());
        return database.read(em -> em.createQuery("select a from ApplicationEntity a where a.stage = :issued"
                                + " and a.permitNumber is not null order by a.issuedAt desc", ApplicationEntity.class)
                .setParameter("issued", Stage.ISSUED).getResultList()).stream()
                .filter(app -> expiringWithinDays == null || app.supersededById == null && app.validUntil != null
                        && !app.validUntil.isBefore(today) && !app.validUntil.isAfter(today.plusDays(expiringWithinDays)))
                .map(app -> new Views.IssuedPermit(app.permitNumber, app.registrationNumber, app.typeCode,
                        app.applicantName, app.issuedOn, app.validUntil, permitStatus(app, today)))
                .toList();
    }

    /** Public verification by permit number. */
    public Optional<Views.Verification> verify(String permitNumber) {
        if (blank(permitNumber) || permitNumber.length() > 100) {
            return Optional.empty();
        }
        LocalDate today = workingDays().localDate(clock.instant());
        return findIssued(permitNumber.trim()).map(app -> new Views.Verification(app.permitNumber, app.applicantName,
                app.typeCode, types.find(app.typeCode).map(PermitType::name).orElse(app.typeCode), app.issuedOn,
                app.validUntil, permitStatus(app, today)));
    }

    private Optional<ApplicationEntity> findIssued(String permitNumber) {
        return database.read(em -> em.createQuery("select a from ApplicationEntity a where a.permitNumber = :number"
                        + " and a.stage = :issued", ApplicationEntity.class)
                .setParameter("number", permitNumber).setParameter("issued", Stage.ISSUED)
                .getResultStream().findFirst());
    }

    /** valid (berlaku), expired (kedaluwarsa) or superseded (replaced by a renewal or change). */
    static String permitStatus(ApplicationEntity app, LocalDate today) {
        if (app.supersededById != null) {
            return "superseded";
        }
        if (app.validUntil != null && today.isAfter(app.validUntil)) {
            return "expired";
        }
        return "valid";
    }

    Views.Clock clockView(ApplicationEntity app, Instant now) {
        WorkingDays days = workingDays();
        ServiceClock.ClockView clock = app.clock().view(days, now);
        return new Views.Clock(clock.state().code(), clock.slaDays(), clock.daysUsed(), clock.daysRemaining(),
                clock.deadline() == null ? null : clock.deadline().atZone(days.zone()).toOffsetDateTime(),
                clock.overdue(), clock.nearing(settings.nearingDays()));
    }

    private Views.Summary summary(ApplicationEntity app, Instant now) {
        return new Views.Summary(app.registrationNumber, app.kind, app.typeCode, app.stage.code(), app.applicantName,
                app.subject, time(app.submittedAt), clockView(app, now));
    }

    private Views.Application view(EntityManager em, ApplicationEntity app, PermitType type, Instant now) {
        LocalDate today = workingDays().localDate(now);
        Workflow workflow = workflowOf(app);
        List<Views.NextStep> next = workflow.allowedSteps(app.stage).stream()
                .map(step -> new Views.NextStep(step.code(), step.roles())).toList();
        ApplicationEntity parent = app.parentId == null ? null : em.find(ApplicationEntity.class, app.parentId);
        String permitNumber = "copy".equals(app.kind) && parent != null ? parent.permitNumber : app.permitNumber;
        Views.Permit permit = app.stage == Stage.ISSUED
                ? new Views.Permit(permitNumber, app.issuedOn, app.validUntil,
                permitStatus("copy".equals(app.kind) ? parent : app, today))
                : null;
        Views.Fee fee = app.hasFee ? new Views.Fee(app.feeAmount, app.feeFormula, app.skrdNumber, app.paymentReference,
                time(app.paidAt)) : null;
        List<Views.Event> history = em.createQuery("select e from ApplicationEventEntity e where e.applicationId = :id"
                        + " order by e.occurredAt, e.id", ApplicationEventEntity.class)
                .setParameter("id", app.id).getResultList().stream()
                .map(e -> new Views.Event(time(e.occurredAt), e.actor, e.step, e.fromStage, e.toStage, e.note,
                        e.clockDaysUsed)).toList();
        return new Views.Application(app.registrationNumber, app.kind, new Views.TypeRef(type.code(), type.name()),
                app.stage.code(), app.stage.label(), app.channel, app.filedBy,
                new Views.Applicant(app.applicantKind, app.applicantIdNumber, app.applicantName, app.applicantAddress,
                        app.applicantPhone, app.applicantEmail),
                app.subject, app.location, Json.map(app.feeParameters), Json.strings(app.documents),
                missingDocuments(app, type), workflow.pipeline().stream().map(Stage::code).toList(),
                clockView(app, now), next, app.recommendation, app.recommendationNote, fee, app.signedBy,
                time(app.signedAt), permit, parent == null ? null : parent.permitNumber, app.rejectionReasons,
                time(app.createdAt), time(app.submittedAt), time(app.decidedAt), history);
    }

    private OffsetDateTime time(Instant instant) {
        ZoneId zone = workingDays().zone();
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /** The longest note of a step: with what the step adds, the history's note column (4000) still holds it. */
    static final int MAX_NOTE = 2000;

    /** What is wrong with an optional text field of a column of {@code max} characters; empty when nothing. */
    private static List<FieldError> textErrors(String field, String value, int max) {
        Inputs inputs = new Inputs();
        inputs.text(field, value == null ? null : value.strip(), max);
        return inputs.errors();
    }

    private static Map<String, String> normalize(Map<String, ?> parameters) {
        Map<String, String> normalized = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((name, value) -> {
                if (value != null) {
                    // toString(), not toPlainString(), for what does not fit: 1e1000000 stays ten characters
                    // and FeeRule refuses it before any arithmetic
                    normalized.put(name, value instanceof BigDecimal decimal
                            ? (Inputs.fits(decimal, 30, 10) ? decimal.toPlainString() : decimal.toString())
                            : value.toString().trim());
                }
            });
        }
        return normalized;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }
}
