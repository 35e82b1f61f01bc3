package id.gapura.core.internal.lifecycle;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static id.gapura.core.internal.lifecycle.Messages.withNote;

/** The lifecycle's audit entries; a failure to record one is logged and does not fail the operation. */
final class LifecycleAudit {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleAudit.class);

    private final AuditLog audit;
    private final Supplier<Set<String>> knownIds;

    /** @param knownIds the module ids of the catalog, for the module column of a refusal */
    LifecycleAudit(AuditLog audit, Supplier<Set<String>> knownIds) {
        this.audit = audit;
        this.knownIds = knownIds;
    }

    void entry(String action, CatalogEntry target, String actor, AuditOutcome outcome, String detail, String note) {
        record(actor, action, target.id(), target.label(), outcome, withNote(detail, note));
    }

    /** A refused request names the modules as asked; only a known module id goes into the module column. */
    void refusal(String action, List<String> ids, String actor, String reason, String note) {
        Set<String> known = knownIds.get();
        for (String id : ids.isEmpty() ? List.of("(none)") : new LinkedHashSet<>(ids)) {
            record(actor, action, known.contains(id) ? id : null, id, AuditOutcome.REFUSED, withNote(reason, note));
        }
    }

    void record(String actor, String action, String module, String subject, AuditOutcome outcome, String detail) {
        try {
            audit.record(actor, action, module, subject, outcome, detail);
        } catch (RuntimeException e) {
            LOG.error("Could not record in the audit log: {} {} {} by {}: {}", action, subject, outcome, actor, detail, e);
        }
    }
}
