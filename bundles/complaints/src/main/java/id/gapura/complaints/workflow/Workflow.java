package id.gapura.complaints.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The report lifecycle: which action moves a report from which status to which. Stateless and thread-safe. */
public final class Workflow {

    private static final Map<ReportStatus, Map<Action, ReportStatus>> TRANSITIONS = buildTransitions();

    private static Map<ReportStatus, Map<Action, ReportStatus>> buildTransitions() {
        Map<ReportStatus, Map<Action, ReportStatus>> transitions = new EnumMap<>(ReportStatus.class);
        for (ReportStatus status : ReportStatus.values()) {
            transitions.put(status, new EnumMap<>(Action.class));
        }
        transitions.get(ReportStatus.SUBMITTED).put(Action.VERIFY, ReportStatus.VERIFIED);
        transitions.get(ReportStatus.SUBMITTED).put(Action.POSTPONE, ReportStatus.POSTPONED);
        transitions.get(ReportStatus.SUBMITTED).put(Action.MARK_NOT_OUR_AUTHORITY, ReportStatus.NOT_OUR_AUTHORITY);
        transitions.get(ReportStatus.SUBMITTED).put(Action.ARCHIVE, ReportStatus.ARCHIVED);
        transitions.get(ReportStatus.POSTPONED).put(Action.RESUME, ReportStatus.SUBMITTED);
        transitions.get(ReportStatus.VERIFIED).put(Action.DISPOSITION, ReportStatus.DISPOSITIONED);
        transitions.get(ReportStatus.DISPOSITIONED).put(Action.ANSWER, ReportStatus.ANSWERED);
        transitions.get(ReportStatus.ANSWERED).put(Action.ANSWER, ReportStatus.ANSWERED);
        transitions.get(ReportStatus.ANSWERED).put(Action.CLOSE, ReportStatus.CLOSED);
        transitions.get(ReportStatus.CLOSED).put(Action.REOPEN, ReportStatus.DISPOSITIONED);
        transitions.replaceAll((status, targets) -> Collections.unmodifiableMap(targets));
        return Collections.unmodifiableMap(transitions);
    }

    /** The status a report reaches when {@code action} is applied to it. */
    public ReportStatus next(ReportStatus current, Action action) {
        Objects.requireNonNull(current, "current status");
        Objects.requireNonNull(action, "action");
        ReportStatus target = TRANSITIONS.get(current).get(action);
        if (target == null) {
            throw new IllegalTransitionException(current, action,
                    "Cannot " + action.code() + " a report that is " + code(current) + ": " + describeAllowed(current) + ".");
        }
        return target;
    }

    /** The actions that may be applied in {@code status}, in declaration order; empty for final statuses. */
    public Set<Action> allowedActions(ReportStatus status) {
        Objects.requireNonNull(status, "status");
        Set<Action> actions = TRANSITIONS.get(status).keySet();
        return actions.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(actions));
    }

    /**
     * Throws when the reporter tries to reopen after the window has passed. The window's last instant
     * ({@code closedAt + window}) still counts as inside.
     */
    public void checkReopen(Instant closedAt, Instant now, Duration window) {
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("Reopen window must not be negative, was " + window);
        }
        Instant windowEnd = closedAt.plus(window);
        if (now.isAfter(windowEnd)) {
            throw new IllegalTransitionException(ReportStatus.CLOSED, Action.REOPEN,
                    "Cannot reopen a report closed at " + closedAt + ": the reopen window of "
                            + describe(window) + " ended at " + windowEnd
                            + ". The reporter should submit a new report instead.");
        }
    }

    private String describeAllowed(ReportStatus status) {
        Set<Action> allowed = allowedActions(status);
        if (allowed.isEmpty()) {
            return "no actions are allowed, " + code(status) + " is final";
        }
        return "allowed actions are " + allowed.stream().map(Action::code).collect(Collectors.joining(", "));
    }

    /** A status as the REST API names it. */
    private static String code(ReportStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String describe(Duration window) {
        if (!window.isZero() && window.toHours() * 3600 == window.getSeconds() && window.getNano() == 0) {
            long hours = window.toHours();
            return hours % 24 == 0 ? plural(hours / 24, "day") : plural(hours, "hour");
        }
        return window.toString();
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
