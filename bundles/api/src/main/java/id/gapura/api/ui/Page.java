package id.gapura.api.ui;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One page of a module, registered as a service with {@link #PATH} and {@link #AUDIENCE} (and, for officers,
 * {@link #ROLES}). The platform answers {@code GET} with {@link #get} and {@code POST} with {@link #post}, after
 * it has checked the officer's session and roles and the form's CSRF token; the page never sees a request it
 * should refuse for those reasons.
 */
@ConsumerType
public interface Page {

    /** Service property: the page's path below the module's page root, e.g. {@code /lapor}; {@code /} for its root. */
    String PATH = "gapura.page.path";

    /** Service property: {@value #CITIZEN} (public, below {@code /layanan/<id>}) or {@value #OFFICER}. */
    String AUDIENCE = "gapura.page.audience";

    /** Service property of an officer page: the realm roles that may open it (any one); absent means any officer. */
    String ROLES = "gapura.page.roles";

    String CITIZEN = "citizen";
    String OFFICER = "officer";

    /** Answers a {@code GET} (or {@code HEAD}). */
    View get(PageRequest request);

    /** Answers a {@code POST} of a form whose CSRF token the platform has checked; by default, not allowed. */
    default View post(PageRequest request) {
        return View.methodNotAllowed();
    }
}
