package id.gapura.api.spi;

import id.gapura.api.AuditEntry;
import id.gapura.api.AuditLog;
import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

/** The audit log as the platform reads it back ({@code audit:list}, {@code GET /api/audit}). */
@ProviderType
public interface AuditTrail extends AuditLog {

    /** The entries matching the query, newest first. */
    List<AuditEntry> find(AuditQuery query);
}
