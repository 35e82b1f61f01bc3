package id.gapura.permits.workflow;

/** A step was attempted on an application whose stage does not allow it. */
public class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Stage current;
    private final Step step;

    public IllegalTransitionException(Stage current, Step step, String message) {
        super(message);
        this.current = current;
        this.step = step;
    }

    public Stage current() {
        return current;
    }

    public Step step() {
        return step;
    }
}
