package id.gapura.api.spi;

import java.time.Instant;

/**
 * Which audit entries to read: the newest first, at most {@code limit}.
 *
 * @param module only entries about this module; {@code null} for all
 * @param since  only entries recorded at or after this instant; {@code null} for all
 * @param limit  at most this many entries, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(String module, Instant since, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} entries. */
    public static AuditQuery latest() {
        return new AuditQuery(null, null, DEFAULT_LIMIT);
    }

    public AuditQuery forModule(String moduleId) {
        return new AuditQuery(moduleId, since, limit);
    }

    public AuditQuery since(Instant instant) {
        return new AuditQuery(module, instant, limit);
    }

    public AuditQuery limit(int max) {
        return new AuditQuery(module, since, max);
    }
}
