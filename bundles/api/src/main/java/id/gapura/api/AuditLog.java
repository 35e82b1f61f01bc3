package id.gapura.api;

import org.osgi.annotation.versioning.ProviderType;


/**
 * The region's audit log of administrative actions, kept in the database: who did what to what, when, and
 * how it ended. The platform records its own actions (agreements, module install/uninstall, forced actions);
 * a module records its administrative actions through this service, for example issuing an API key:
 * <pre>
 * audit.record(user, "complaints.apikey.issue", "complaints", "key 7f3a", AuditOutcome.SUCCEEDED,
 *         "issued to Dinas PUPR, valid until 2026-12-31");
 * </pre>
 * Entries are never changed or deleted through this service. Never put secrets or citizens' personal
 * data in an entry.
 */
@ProviderType
public interface AuditLog {

    /** The actor to record when no user is known (a REST call without credentials). */
    String ANONYMOUS = "anonymous";

    /**
     * Records one action.
     *
     * @param actor   who; {@link #ANONYMOUS} when unknown
     * @param action  what, as {@code <scope>.<verb>}, e.g. {@code complaints.apikey.issue}
     * @param module  the module concerned, or {@code null}
     * @param subject what was acted on
     * @param outcome how it ended
     * @param detail  why, what changed, what not; texts longer than 4000 characters are cut
     * @return the entry as recorded
     * @throws IllegalStateException when the database cannot record it
     */
    AuditEntry record(String actor, String action, String module, String subject, AuditOutcome outcome,
                      String detail);
}
