package id.gapura.complaints.workflow;

/** An action was attempted on a report whose status does not allow it. */
public class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ReportStatus current;
    private final Action action;

    public IllegalTransitionException(ReportStatus current, Action action, String message) {
        super(message);
        this.current = current;
        this.action = action;
    }

    public ReportStatus current() {
        return current;
    }

    public Action action() {
        return action;
    }
}
