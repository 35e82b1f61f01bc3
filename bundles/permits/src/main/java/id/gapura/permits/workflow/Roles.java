package id.gapura.permits.workflow;

import java.util.List;

/** The roles the module declares in its manifest ({@code Gapura-Module-Roles}). {@code admin} may do everything. */
public final class Roles {

    /** Front office (loket): files on an applicant's behalf, checks completeness, hands permits over. */
    public static final String FRONT_OFFICE = "permits-frontoffice";
    /** Back office: verification, validation, fee assessment, payment, rejection. */
    public static final String BACK_OFFICE = "permits-backoffice";
    /** Technical team of the agency concerned: review and site visit with a recommendation. */
    public static final String TECHNICAL = "permits-technical";
    /** Head of DPMPTSP: signs or refuses decrees. */
    public static final String HEAD = "permits-head";
    /** Reads applications and reports, changes nothing. */
    public static final String VIEWER = "permits-viewer";
    public static final String ADMIN = "admin";

    /** Everyone who may read applications. */
    public static final List<String> STAFF = List.of(FRONT_OFFICE, BACK_OFFICE, TECHNICAL, HEAD, VIEWER, ADMIN);

    private Roles() {
    }
}
