package id.gapura.complaints.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.validation.Inputs;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.time.WorkingDays;
import id.gapura.complaints.workflow.Action;
import id.gapura.complaints.workflow.HandlingTrack;
import id.gapura.complaints.workflow.IllegalTransitionException;
import id.gapura.complaints.workflow.ReportStatus;
import id.gapura.complaints.workflow.Workflow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import javax.persistence.RollbackException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SP4N-LAPOR! handling of a report by officers, and reopening by the reporter: each action checks the
 * workflow, who may do it and the data it needs, then changes the report and appends to its history in one
 * transaction.
 */
@Component(service = HandlingService.class)
public class HandlingService {

    static final String REPORTER = "reporter";
    private static final Set<Action> COORDINATOR_ACTIONS = EnumSet.of(Action.VERIFY, Action.POSTPONE, Action.RESUME,
            Action.MARK_NOT_OUR_AUTHORITY, Action.ARCHIVE, Action.DISPOSITION, Action.CLOSE);
    private static final Set<Action> NOTE_REQUIRED = EnumSet.of(Action.POSTPONE, Action.MARK_NOT_OUR_AUTHORITY,
            Action.ARCHIVE, Action.ANSWER);
    private static final int MAX_NOTE = 4000;
    private static final int MAX_FORWARDED_TO = 200;
    private static final String FORWARDED = " (diteruskan ke ";

    private final ComplaintsDatabase database;
    private final RegionCalendar calendar;
    private final ComplaintsSettings settings;
    private final Clock clock;
    private final Workflow workflow = new Workflow();

    @Activate
    public HandlingService(@Reference ComplaintsDatabase database, @Reference RegionCalendar calendar,
                           @Reference ComplaintsSettings settings) {
        this(database, calendar, settings, Clock.systemUTC());
    }

    HandlingService(ComplaintsDatabase database, RegionCalendar calendar, ComplaintsSettings settings, Clock clock) {
        this.database = database;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /** The officer behind a user name and roles: adds the agency a liaison is assigned to. */
    public Officer officer(String username, Set<String> roles) {
        Optional<String> agency = Optional.ofNullable(database.read(em -> em.find(LiaisonEntity.class, username)))
                .map(LiaisonEntity::agencyCode);
        return new Officer(username, roles, agency);
    }

    /** The actions this officer may take on the report now (empty when none). */
    public Set<Action> allowedActions(ReportEntity report, Officer officer) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action action : workflow.allowedActions(report.status())) {
            if (permission(report, officer, action) == null) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** Throws 403 when the officer may not read the report (a liaison, for another agency's report). */
    public void checkCanRead(ReportEntity report, Officer officer) {
        if (officer.seesAllReports()) {
            return;
        }
        String agency = liaisonAgency(officer);
        if (!agency.equals(report.agencyCode())) {
            throw ProblemException.forbidden("Report " + report.trackingNumber()
                    + " is not dispositioned to your agency (" + agency + ").");
        }
    }

    /** The agency of a liaison officer, or 403 telling them to get assigned. */
    public String liaisonAgency(Officer officer) {
        return officer.liaisonAgency().orElseThrow(() -> ProblemException.forbidden("User '" + officer.username()
                + "' is a liaison officer without an agency; the coordinator assigns one with "
                + "complaints:liaison-assign " + officer.username() + " <agency-code>."));
    }

    /**
     * Applies an officer's action.
     *
     * @throws ProblemException 404 unknown report, 403 not this officer's action, 409 not allowed in the
     *                          report's status or changed meanwhile, 422 missing or invalid data
     */
    public ReportEntity act(String trackingNumber, Officer officer, HandlingRequest request) {
        if (request.action() == null || request.action() == Action.REOPEN) {
            throw ProblemException.invalid(List.of(new FieldError("action", "must be one of "
                    + String.join(", ", EnumSet.complementOf(EnumSet.of(Action.REOPEN)).stream()
                    .map(action -> action.name().toLowerCase(java.util.Locale.ROOT)).toList()))));
        }
        return change(trackingNumber, report -> {
            checkCanRead(report.entity(), officer);
            String refusal = permission(report.entity(), officer, request.action());
            if (refusal != null) {
                throw ProblemException.forbidden(refusal);
            }
            ReportStatus next = transition(report.entity().status(), request.action());
            checkData(request);
            Instant now = clock.instant();
            WorkingDays days = calendar.workingDays();
            ReportEntity entity = report.entity();
            String agencyForEvent = entity.agencyCode();
            boolean publicNote = false;
            String note = trimmed(request.note());
            switch (request.action()) {
                case DISPOSITION -> {
                    AgencyEntity agency = database.read(em -> em.find(AgencyEntity.class, request.agencyCode()));
                    if (agency == null || !agency.active()) {
                        throw ProblemException.invalid(List.of(new FieldError("agency",
                                "'" + request.agencyCode() + "' is not an active agency code")));
                    }
                    HandlingTrack track = request.track() != null ? request.track() : trackOf(entity);
                    Instant answerDue = days.deadline(now, settings.rules().answerDays(entity.reportClass(), track));
                    if (request.dueDate() != null) {
                        LocalDate today = days.localDate(now);
                        if (request.dueDate().isBefore(today)) {
                            throw ProblemException.invalid(List.of(new FieldError("dueDate",
                                    "is before today (" + today + ")")));
                        }
                        answerDue = days.endOfDay(request.dueDate());
                    }
                    Instant firstResponseDue = days.deadline(now, settings.rules().firstResponseDays());
                    entity.disposition(agency.code(), trimmed(request.instruction()), track, now,
                            firstResponseDue.isAfter(answerDue) ? answerDue : firstResponseDue, answerDue);
                    agencyForEvent = agency.code();
                    note = trimmed(request.instruction());
                }
                case ANSWER -> {
                    entity.answered(now, note);
                    publicNote = true;
                }
                case CLOSE -> {
                    entity.closed(now, note);
                    publicNote = note != null;
                }
                case MARK_NOT_OUR_AUTHORITY -> {
                    String forwarded = trimmed(request.forwardedTo());
                    note = forwarded == null ? note : note + FORWARDED + forwarded + ")";
                    entity.publicNote(note);
                    publicNote = true;
                }
                default -> {
                    // verify, postpone, resume, archive: the note stays internal
                }
            }
            ReportStatus from = entity.status();
            entity.moveTo(next, now);
            report.record(new ReportEventEntity(entity.id(), now, officer.username(), request.action().name(), from,
                    next, agencyForEvent, note, publicNote));
            return entity;
        });
    }

    /**
     * The reporter reopens a closed report within the window, giving the reason; it goes back to the agency
     * that answered, with fresh deadlines. The tracking number is public: the reporter proves it is them with
     * the reporter secret of their receipt ({@link ReporterSecrets}; 403 without it).
     */
    public ReportEntity reopen(String trackingNumber, String reporterSecret, String reason) {
        if (ReportService.blank(reason)) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "is required: say what is still wrong")));
        }
        if (reason.length() > MAX_NOTE) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "is longer than " + MAX_NOTE + " characters")));
        }
        if (Inputs.forbiddenCharacter(reason) >= 0) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "must not contain control characters")));
        }
        return change(trackingNumber, report -> {
            ReportEntity entity = report.entity();
            ReporterSecrets.check(entity, reporterSecret, "reopen it");
            ReportStatus next = transition(entity.status(), Action.REOPEN);
            Instant now = clock.instant();
            try {
                workflow.checkReopen(entity.closedAt(), now, settings.reopenWindow());
            } catch (IllegalTransitionException e) {
                throw ProblemException.conflict(e.getMessage());
            }
            WorkingDays days = calendar.workingDays();
            HandlingTrack track = entity.track() != null ? entity.track() : trackOf(entity);
            Instant answerDue = days.deadline(now, settings.rules().answerDays(entity.reportClass(), track));
            Instant firstResponseDue = days.deadline(now, settings.rules().firstResponseDays());
            entity.reopened(now, firstResponseDue.isAfter(answerDue) ? answerDue : firstResponseDue, answerDue);
            ReportStatus from = entity.status();
            entity.moveTo(next, now);
            report.record(new ReportEventEntity(entity.id(), now, REPORTER, Action.REOPEN.name(), from, next,
                    entity.agencyCode(), reason.strip(), false));
            return entity;
        });
    }

    private HandlingTrack trackOf(ReportEntity report) {
        return database.read(em -> em.find(ServiceEntity.class, report.serviceCode())).track();
    }

    /** Null when allowed; otherwise why not, for a 403. */
    private String permission(ReportEntity report, Officer officer, Action action) {
        if (COORDINATOR_ACTIONS.contains(action)) {
            return officer.isCoordinator() ? null
                    : "Only the complaint coordinator (role " + Officer.COORDINATOR + ") may " + verb(action) + " a report.";
        }
        if (action == Action.ANSWER) {
            if (!officer.roles().contains(Officer.LIAISON)) {
                return "Only a liaison officer (role " + Officer.LIAISON + ") of the agency may answer a report.";
            }
            if (officer.liaisonAgency().isEmpty() || !officer.liaisonAgency().get().equals(report.agencyCode())) {
                return "Report " + report.trackingNumber() + " is dispositioned to " + report.agencyCode()
                        + "; only that agency's liaison officers may answer it.";
            }
            return null;
        }
        return "Only the reporter may reopen a report.";
    }

    private ReportStatus transition(ReportStatus current, Action action) {
        try {
            return workflow.next(current, action);
        } catch (IllegalTransitionException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }

    private static void checkData(HandlingRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (NOTE_REQUIRED.contains(request.action()) && ReportService.blank(request.note())) {
            errors.add(new FieldError("note", request.action() == Action.ANSWER
                    ? "is required: the answer the reporter will read" : "is required: give the reason"));
        }
        if (request.note() != null && request.note().length() > MAX_NOTE) {
            errors.add(new FieldError("note", "is longer than " + MAX_NOTE + " characters"));
        } else if (request.note() != null && Inputs.forbiddenCharacter(request.note()) >= 0) {
            errors.add(new FieldError("note", "must not contain control characters"));
        }
        if (request.action() == Action.MARK_NOT_OUR_AUTHORITY && !ReportService.blank(request.forwardedTo())) {
            // the note and " (diteruskan ke ...)" share the event's note and status_notes, VARCHAR(4000) each
            String forwardedTo = request.forwardedTo().strip();
            int noteLength = request.note() == null ? 0 : request.note().strip().length();
            if (forwardedTo.length() > MAX_FORWARDED_TO || Inputs.forbiddenCharacter(forwardedTo) >= 0) {
                errors.add(new FieldError("forwardedTo", "the authority it goes to, at most " + MAX_FORWARDED_TO
                        + " characters without control characters"));
            } else if (noteLength + forwardedTo.length() + FORWARDED.length() + 1 > MAX_NOTE) {
                errors.add(new FieldError("note", "together with forwardedTo is longer than " + MAX_NOTE + " characters"));
            }
        }
        if (request.action() == Action.DISPOSITION) {
            if (ReportService.blank(request.agencyCode())) {
                errors.add(new FieldError("agency", "is required: the code of the agency that must answer"));
            }
            if (ReportService.blank(request.instruction())) {
                errors.add(new FieldError("instruction", "is required: what the agency is asked to do"));
            } else if (request.instruction().length() > MAX_NOTE) {
                errors.add(new FieldError("instruction", "is longer than " + MAX_NOTE + " characters"));
            } else if (Inputs.forbiddenCharacter(request.instruction()) >= 0) {
                errors.add(new FieldError("instruction", "must not contain control characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static String verb(Action action) {
        return action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String trimmed(String value) {
        return ReportService.blank(value) ? null : value.strip();
    }

    private interface Change {
        ReportEntity apply(LockedReport report);
    }

    private record LockedReport(ReportEntity entity, javax.persistence.EntityManager em) {
        void record(ReportEventEntity event) {
            em.persist(event);
        }
    }

    /** Loads the report with its version checked at commit, so a concurrent change gives 409, not a lost update. */
    private ReportEntity change(String trackingNumber, Change change) {
        try {
            return database.write(em -> {
                ReportEntity entity = em.createQuery("select r from ReportEntity r where r.trackingNumber = :number",
                                ReportEntity.class)
                        .setParameter("number", trackingNumber == null ? "" : trackingNumber)
                        .setLockMode(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
                        .getResultStream().findFirst()
                        .orElseThrow(() -> ProblemException.notFound("No report has tracking number '"
                                + trackingNumber + "'."));
                return change.apply(new LockedReport(entity, em));
            });
        } catch (OptimisticLockException | RollbackException e) {
            if (e instanceof RollbackException && !(e.getCause() instanceof OptimisticLockException)) {
                throw e;
            }
            throw ProblemException.conflict("Report " + trackingNumber
                    + " was changed by someone else at the same moment; reload it and try again.");
        }
    }
}
