package id.gapura.complaints.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.security.Users;
import id.gapura.api.validation.Inputs;
import id.gapura.complaints.workflow.HandlingTrack;
import id.gapura.complaints.workflow.ReportStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The region's own reference data for complaint handling, kept by its administrator or complaint
 * coordinator: agencies (OPD), service categories with their responsible agency and deadline track, and
 * which agency each liaison officer answers for. Used by the REST API and the {@code complaints:} console.
 * Every change is checked as a whole and written in one transaction, and logged with who made it.
 */
@Component(service = CatalogService.class)
public class CatalogService {

    /** Agency and category codes: uppercase letters, digits and dashes, 2 to 32 characters. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9-]{2,32}");
    static final int MAX_NAME = 200;
    static final int MAX_GROUP = 100;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_KEYWORDS = 500;
    static final int MAX_USERNAME = 128;
    /** As the realm's user names (RealmUsers): letters, digits, . _ @ -, starting with a letter or digit. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");
    private static final List<ReportStatus> OPEN_DISPOSITION = List.of(ReportStatus.DISPOSITIONED, ReportStatus.ANSWERED);
    private static final int NAMED_IN_MESSAGE = 5;
    private static final Logger LOG = LoggerFactory.getLogger(CatalogService.class);

    private final ComplaintsDatabase database;

    /** The realm's users, when the platform offers them: a liaison officer must be one. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile Users users;

    /** For tests: the realm's users, or null for none. */
    void users(Users users) {
        this.users = users;
    }

    @Activate
    public CatalogService(@Reference ComplaintsDatabase database) {
        this.database = database;
    }

    /** The result of a create-or-update: the stored value, and whether it was new. */
    public record Saved<T>(T value, boolean created) {
    }

    /**
     * A change to a category. With {@code replace}, it is the category's whole new state (REST {@code PUT}):
     * name, group, agency and track are required, a missing description or keyword list is empty and a
     * missing {@code active} is true. The track is a code: {@code simple}, {@code investigation}, {@code field_check}. Without, null fields keep their current value (the console's
     * {@code service-set}); a new category still needs name, group, agency and track.
     */
    public record ServiceChange(String name, String group, String description, List<String> keywords,
                                String agencyCode, String track, Boolean active) {
    }

    /** How much an agency is in use: active categories, liaison officers, reports dispositioned and not closed. */
    public record AgencyUsage(long activeServices, long liaisons, long openDispositions) {
        public static final AgencyUsage NONE = new AgencyUsage(0, 0, 0);
    }

    // ---- agencies

    /** Every agency, active or not, by name. */
    public List<AgencyEntity> agencies() {
        return database.read(em -> em.createQuery("select a from AgencyEntity a order by a.name", AgencyEntity.class)
                .getResultList());
    }

    public Optional<AgencyEntity> agency(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(database.read(em -> em.find(AgencyEntity.class, code)));
    }

    /** Each agency's usage, by code; agencies in no use are absent. Three grouped counts, whatever the data size. */
    public Map<String, AgencyUsage> agencyUsage() {
        return database.read(em -> {
            Map<String, long[]> counts = new HashMap<>();
            count(em, counts, 0, "select s.agencyCode, count(s) from ServiceEntity s where s.active = true "
                    + "group by s.agencyCode", null);
            count(em, counts, 1, "select l.agencyCode, count(l) from LiaisonEntity l group by l.agencyCode", null);
            count(em, counts, 2, "select r.agencyCode, count(r) from ReportEntity r where r.status in :open "
                    + "and r.agencyCode is not null group by r.agencyCode", OPEN_DISPOSITION);
            return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> new AgencyUsage(e.getValue()[0], e.getValue()[1], e.getValue()[2])));
        });
    }

    private static void count(EntityManager em, Map<String, long[]> counts, int slot, String jpql,
                              List<ReportStatus> open) {
        var query = em.createQuery(jpql, Object[].class);
        if (open != null) {
            query.setParameter("open", open);
        }
        for (Object[] row : query.getResultList()) {
            counts.computeIfAbsent((String) row[0], code -> new long[3])[slot] = ((Number) row[1]).longValue();
        }
    }

    /**
     * Creates or updates an agency. Deactivating one that still has active categories or reports
     * dispositioned to it and not closed is refused (409), naming them.
     *
     * @throws ProblemException 422 invalid code or name, 409 still in use or the name is another agency's
     */
    public Saved<AgencyEntity> putAgency(String code, String name, boolean active, String actor) {
        List<FieldError> errors = new ArrayList<>();
        checkCode("code", code, errors);
        String cleanName = text("name", name, MAX_NAME, true, errors);
        throwIfAny(errors);
        Saved<AgencyEntity> saved = writeUnique(() -> database.write(em -> {
            AgencyEntity existing = em.find(AgencyEntity.class, code, LockModeType.PESSIMISTIC_WRITE);
            List<String> sameName = em.createQuery("select a.code from AgencyEntity a "
                            + "where lower(a.name) = :name and a.code <> :code", String.class)
                    .setParameter("name", cleanName.toLowerCase(Locale.ROOT)).setParameter("code", code)
                    .getResultList();
            if (!sameName.isEmpty()) {
                throw ProblemException.invalid(List.of(new FieldError("name",
                        "is already the name of agency " + sameName.get(0))));
            }
            if (existing == null) {
                AgencyEntity created = new AgencyEntity(code, cleanName);
                created.update(cleanName, active);
                em.persist(created);
                return new Saved<>(created, true);
            }
            if (existing.active() && !active) {
                checkCanDeactivate(em, code);
            }
            existing.update(cleanName, active);
            return new Saved<>(existing, false);
        }), "agency " + code);
        LOG.info("{} {} agency {}: name '{}', {}", actor, saved.created() ? "created" : "updated", code, cleanName,
                active ? "active" : "inactive");
        return saved;
    }

    private static void checkCanDeactivate(EntityManager em, String code) {
        List<String> services = em.createQuery("select s.code from ServiceEntity s where s.agencyCode = :code "
                + "and s.active = true order by s.code", String.class).setParameter("code", code).getResultList();
        long reports = em.createQuery("select count(r) from ReportEntity r where r.agencyCode = :code "
                + "and r.status in :open", Long.class).setParameter("code", code)
                .setParameter("open", OPEN_DISPOSITION).getSingleResult();
        if (services.isEmpty() && reports == 0) {
            return;
        }
        List<String> numbers = reports == 0 ? List.of() : em.createQuery("select r.trackingNumber from ReportEntity r "
                        + "where r.agencyCode = :code and r.status in :open order by r.submittedAt, r.id", String.class)
                .setParameter("code", code).setParameter("open", OPEN_DISPOSITION)
                .setMaxResults(NAMED_IN_MESSAGE).getResultList();
        List<String> reasons = new ArrayList<>();
        List<String> todo = new ArrayList<>();
        if (!services.isEmpty()) {
            reasons.add(plural(services.size(), "active category", "active categories") + " use it ("
                    + named(services, services.size()) + ")");
            todo.add("move those categories to another agency or deactivate them "
                    + "(complaints:service-set <code> --agency <other> or --inactive)");
        }
        if (reports > 0) {
            reasons.add(plural(reports, "report dispositioned to it is", "reports dispositioned to it are")
                    + " not closed yet (" + named(numbers, reports) + ")");
            todo.add("have those reports answered and closed");
        }
        throw ProblemException.conflict("Agency " + code + " cannot be deactivated: " + String.join(" and ", reasons)
                + ". First " + String.join(", and ", todo) + ". Nothing was changed.");
    }

    // ---- service categories

    /** Every category, active or not, by group and name. */
    public List<ServiceEntity> services() {
        return database.read(em -> em.createQuery("select s from ServiceEntity s order by s.group, s.name, s.code",
                ServiceEntity.class).getResultList());
    }

    public Optional<ServiceEntity> service(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(database.read(em -> em.find(ServiceEntity.class, code)));
    }

    /**
     * Creates or updates a category. Its agency must exist, and must be active when it is newly chosen or
     * when the category is active.
     *
     * @throws ProblemException 422 naming every invalid field ({@code code}, {@code name}, {@code group},
     *                          {@code description}, {@code keywords}, {@code agency}, {@code track})
     */
    public Saved<ServiceEntity> putService(String code, ServiceChange change, boolean replace, String actor) {
        List<FieldError> errors = new ArrayList<>();
        checkCode("code", code, errors);
        throwIfAny(errors);
        Saved<ServiceEntity> saved = writeUnique(() -> database.write(em -> {
            ServiceEntity existing = em.find(ServiceEntity.class, code, LockModeType.PESSIMISTIC_WRITE);
            boolean keep = existing != null && !replace;
            boolean required = existing == null || replace;
            String name = text("name", keep && change.name() == null ? existing.name() : change.name(),
                    MAX_NAME, required, errors);
            String group = text("group", keep && change.group() == null ? existing.group() : change.group(),
                    MAX_GROUP, required, errors);
            String description = keep && change.description() == null ? existing.description()
                    : text("description", change.description(), MAX_DESCRIPTION, false, errors);
            String keywords = keep && change.keywords() == null ? existing.keywords()
                    : keywords(change.keywords(), errors);
            HandlingTrack track = keep && change.track() == null ? existing.track() : null;
            if (track == null && ReportService.blank(change.track())) {
                errors.add(new FieldError("track", "is required: one of " + tracks()));
            } else if (track == null) {
                track = track(change.track()).orElse(null);
                if (track == null) {
                    errors.add(new FieldError("track", "'" + change.track() + "' is not one of " + tracks()));
                }
            }
            boolean active = change.active() != null ? change.active() : keep ? existing.active() : true;
            String agencyCode = keep && change.agencyCode() == null ? existing.agencyCode() : change.agencyCode();
            if (ReportService.blank(agencyCode)) {
                errors.add(new FieldError("agency", "is required: the code of the agency that answers for the category"));
            } else {
                AgencyEntity agency = em.find(AgencyEntity.class, agencyCode, LockModeType.PESSIMISTIC_READ);
                boolean chosenNow = existing == null || !agencyCode.equals(existing.agencyCode());
                if (agency == null) {
                    errors.add(new FieldError("agency", "'" + agencyCode + "' is not an agency code; "
                            + "complaints:agency-list shows them"));
                } else if (!agency.active() && (chosenNow || active)) {
                    errors.add(new FieldError("agency", "'" + agencyCode + "' is an inactive agency; "
                            + (chosenNow ? "choose an active one" : "choose an active one to activate the category")));
                }
            }
            throwIfAny(errors);
            ServiceEntity service = existing != null ? existing : new ServiceEntity(code);
            service.update(name, group, description == null ? "" : description, keywords, agencyCode, track, active);
            if (existing == null) {
                em.persist(service);
            }
            return new Saved<>(service, existing == null);
        }), "category " + code);
        ServiceEntity s = saved.value();
        LOG.info("{} {} category {}: name '{}', group '{}', agency {}, track {}, {}", actor,
                saved.created() ? "created" : "updated", code, s.name(), s.group(), s.agencyCode(), s.track(),
                s.active() ? "active" : "inactive");
        return saved;
    }

    /** A category's keywords as stored: comma-separated, as the public listing splits them. */
    public static List<String> keywordList(String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : Arrays.stream(stored.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    /** Splits a console argument such as {@code "jalan, lubang"} into keywords. */
    public static List<String> splitKeywords(String value) {
        return value == null ? null : keywordList(value);
    }

    public static String tracks() {
        return Arrays.stream(HandlingTrack.values()).map(t -> t.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** The track for its API code ({@code simple}, {@code investigation}, {@code field_check}), any letter case. */
    public static Optional<HandlingTrack> track(String code) {
        return Arrays.stream(HandlingTrack.values())
                .filter(t -> code != null && t.name().equalsIgnoreCase(code.strip().replace('-', '_')))
                .findFirst();
    }

    private static String keywords(List<String> given, List<FieldError> errors) {
        if (given == null) {
            return "";
        }
        List<String> keywords = new ArrayList<>();
        for (String keyword : given) {
            if (keyword == null || keyword.isBlank()) {
                continue;
            }
            if (keyword.contains(",")) {
                errors.add(new FieldError("keywords", "'" + keyword + "' contains a comma; give each keyword separately"));
                return null;
            }
            if (!keywords.contains(keyword.strip())) {
                keywords.add(keyword.strip());
            }
        }
        String joined = String.join(",", keywords);
        if (joined.length() > MAX_KEYWORDS) {
            errors.add(new FieldError("keywords", "are longer than " + MAX_KEYWORDS + " characters together"));
        }
        return joined;
    }

    // ---- liaison officers

    /** Every liaison officer assignment, by user name. */
    public List<LiaisonEntity> liaisons() {
        return database.read(em -> em.createQuery("select l from LiaisonEntity l order by l.username",
                LiaisonEntity.class).getResultList());
    }

    public Optional<LiaisonEntity> liaison(String username) {
        return username == null ? Optional.empty()
                : Optional.ofNullable(database.read(em -> em.find(LiaisonEntity.class, username)));
    }

    /**
     * Makes {@code username} a liaison officer of an active agency, replacing an earlier assignment. The
     * user also needs the role complaints-liaison, given where users are managed.
     *
     * @throws ProblemException 422 invalid user name, unknown or inactive agency
     */
    public Saved<LiaisonEntity> assignLiaison(String username, String agencyCode, String actor) {
        List<FieldError> errors = new ArrayList<>();
        checkUsername(username, errors);
        if (ReportService.blank(agencyCode)) {
            errors.add(new FieldError("agency", "is required: the code of the agency the officer answers for"));
        }
        throwIfAny(errors);
        Saved<LiaisonEntity> saved = writeUnique(() -> database.write(em -> {
            AgencyEntity agency = em.find(AgencyEntity.class, agencyCode, LockModeType.PESSIMISTIC_READ);
            if (agency == null || !agency.active()) {
                throw ProblemException.invalid(List.of(new FieldError("agency", "'" + agencyCode + "' is not "
                        + (agency == null ? "an agency code; complaints:agency-list shows them" : "an active agency"))));
            }
            LiaisonEntity existing = em.find(LiaisonEntity.class, username, LockModeType.PESSIMISTIC_WRITE);
            if (existing == null) {
                LiaisonEntity created = new LiaisonEntity(username, agencyCode);
                em.persist(created);
                return new Saved<>(created, true);
            }
            existing.assign(agencyCode);
            return new Saved<>(existing, false);
        }), "liaison officer " + username);
        LOG.info("{} assigned liaison officer {} to agency {}", actor, username, agencyCode);
        return saved;
    }

    /** Ends an assignment; the user keeps their roles but no longer sees any agency's reports. */
    public void removeLiaison(String username, String actor) {
        boolean removed = database.write(em -> {
            LiaisonEntity existing = username == null ? null : em.find(LiaisonEntity.class, username);
            if (existing == null) {
                return false;
            }
            em.remove(existing);
            return true;
        });
        if (!removed) {
            throw ProblemException.notFound("User '" + username + "' is not assigned as a liaison officer; "
                    + "complaints:liaison-list shows who is.");
        }
        LOG.info("{} removed liaison officer {}", actor, username);
    }

    // ---- checks shared by the above

    private static void checkCode(String field, String code, List<FieldError> errors) {
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldError(field, "'" + Inputs.echo(code, 40) + "' is not a code: use 2 to 32 "
                    + "uppercase letters, digits and dashes, e.g. DISHUB or JLN-RUSAK"));
        }
    }

    private void checkUsername(String username, List<FieldError> errors) {
        if (ReportService.blank(username)) {
            errors.add(new FieldError("username", "is required"));
        } else if (username.length() > MAX_USERNAME || !USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "'" + Inputs.echo(username, 40) + "' is not a user name: at most "
                    + MAX_USERNAME + " letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
        } else {
            Users realm = users;
            try {
                if (realm != null && !realm.exists(username)) {
                    errors.add(new FieldError("username", "'" + username + "' is not a user; an administrator adds users"
                            + " with user:add"));
                }
            } catch (IllegalStateException e) {
                // a realm the platform cannot read (e.g. LDAP): the name's form is all that can be checked
                LOG.warn("Liaison officer {} assigned without checking the realm: {}", username, e.getMessage());
            }
        }
    }

    /** Trimmed text, or null when blank; names the field when required and missing, or too long. */
    private static String text(String field, String value, int max, boolean required, List<FieldError> errors) {
        String trimmed = ReportService.blank(value) ? null : value.strip();
        if (trimmed == null && required) {
            errors.add(new FieldError(field, "is required"));
        } else if (trimmed != null && trimmed.length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        } else if (trimmed != null && Inputs.forbiddenCharacter(trimmed) >= 0) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return trimmed;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
    }

    /** Two administrators creating the same code or agency name at one moment: the second gets 409. */
    private static <T> T writeUnique(java.util.function.Supplier<T> write, String what) {
        try {
            return write.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isConstraintViolation(e)) {
                throw ProblemException.conflict("The " + what + " was changed by someone else at the same moment; "
                        + "look at it again and retry.");
            }
            throw e;
        }
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static String named(List<String> names, long total) {
        List<String> shown = names.stream().limit(NAMED_IN_MESSAGE).toList();
        return String.join(", ", shown) + (total > shown.size() ? " and " + (total - shown.size()) + " more" : "");
    }
}
