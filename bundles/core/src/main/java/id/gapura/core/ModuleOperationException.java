package id.gapura.core;

/** An administrative operation refused or failed; the message is one line for the administrator. */
public class ModuleOperationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModuleOperationException(String message) {
        super(message);
    }

    public ModuleOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
