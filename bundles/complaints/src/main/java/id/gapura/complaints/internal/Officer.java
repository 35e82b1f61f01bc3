package id.gapura.complaints.internal;

import java.util.Optional;
import java.util.Set;

/**
 * Who acts on a report, with the module roles they hold and, for a liaison officer, the agency they answer
 * for (from {@code complaints_liaison}).
 */
public record Officer(String username, Set<String> roles, Optional<String> liaisonAgency) {

    public static final String COORDINATOR = "complaints-coordinator";
    public static final String LIAISON = "complaints-liaison";
    public static final String VIEWER = "complaints-viewer";
    public static final Set<String> ROLES = Set.of(COORDINATOR, LIAISON, VIEWER);

    public Officer {
        roles = Set.copyOf(roles);
    }

    public boolean isCoordinator() {
        return roles.contains(COORDINATOR);
    }

    /** Sees every report; a liaison who is nothing else sees only their agency's. */
    public boolean seesAllReports() {
        return roles.contains(COORDINATOR) || roles.contains(VIEWER);
    }

    /** Confidential reports hide the reporter from the agency: only the coordinator sees who it was. */
    public boolean seesConfidentialReporters() {
        return roles.contains(COORDINATOR);
    }
}
