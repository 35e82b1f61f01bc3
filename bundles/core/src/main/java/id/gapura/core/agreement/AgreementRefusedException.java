package id.gapura.core.agreement;

/**
 * A document that is not accepted as an agreement; the message is the precise reason, one line, for the
 * administrator (tampered, unsigned, untrusted signer, malformed, expired, unknown module, ...).
 */
public class AgreementRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public AgreementRefusedException(String reason) {
        super(reason);
    }

    public AgreementRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
