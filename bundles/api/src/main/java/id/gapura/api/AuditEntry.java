package id.gapura.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One administrative action as the audit log keeps it.
 *
 * @param id      increasing with the order of recording
 * @param at      when it was recorded (an instant; shown in the region's zone)
 * @param actor   who: the console or API user, or the platform itself for automatic actions
 * @param action  what, as {@code <scope>.<verb>}: {@code module.install}, {@code agreement.import}, ...
 * @param module  the module the action concerns, or {@code null} when it concerns none in particular
 * @param subject what was acted on: a module id and version, an agreement number, an API key id, ...
 * @param outcome how it ended
 * @param detail  a sentence for the administrator reading the log later: why, what changed, what not
 */
public record AuditEntry(long id, Instant at, String actor, String action, String module, String subject,
                         AuditOutcome outcome, String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
