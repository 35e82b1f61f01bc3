package id.gapura.core.internal;

import id.gapura.api.AuditEntry;
import id.gapura.api.AuditLog;
import id.gapura.api.spi.AuditTrail;
import id.gapura.api.AuditOutcome;
import id.gapura.api.spi.AuditQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.persistence.TypedQuery;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** The audit log in the region's database ({@code gapura_audit}), shared by every node. */
@Component(service = {AuditLog.class, AuditTrail.class})
public class DatabaseAuditLog implements AuditTrail {

    static final int MAX_ACTOR = 128;
    static final int MAX_ACTION = 64;
    static final int MAX_SUBJECT = 256;
    static final int MAX_DETAIL = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAuditLog.class);

    private final JpaTemplate jpa;
    private final Clock clock = Clock.systemUTC();

    /** The platform database reference makes sure the platform tables are migrated before first use. */
    @Activate
    public DatabaseAuditLog(@Reference(target = "(osgi.unit.name=gapura)") JpaTemplate jpa,
                            @Reference PlatformDatabase database) {
        this.jpa = jpa;
    }

    @Override
    public AuditEntry record(String actor, String action, String module, String subject, AuditOutcome outcome,
                             String detail) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        AuditRecord record = new AuditRecord(clock.instant(),
                cut(actor == null || actor.isBlank() ? ANONYMOUS : actor, MAX_ACTOR),
                cut(action, MAX_ACTION),
                module == null || module.isBlank() ? null : cut(module, 31),
                cut(subject == null || subject.isBlank() ? "-" : subject, MAX_SUBJECT),
                outcome,
                cut(detail == null ? "" : detail, MAX_DETAIL));
        try {
            jpa.tx(TransactionType.Required, em -> em.persist(record));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The audit log could not record " + action + " " + subject + ": "
                    + e.getMessage(), e);
        }
        AuditEntry entry = record.toEntry();
        LOG.info("audit: {} {} {} by {}: {}", entry.action(), entry.subject(), entry.outcome(), entry.actor(),
                entry.detail());
        return entry;
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        return jpa.txExpr(TransactionType.Required, em -> {
            StringBuilder jpql = new StringBuilder("select a from AuditRecord a where 1 = 1");
            if (query.module() != null) {
                jpql.append(" and a.moduleId = :module");
            }
            if (query.since() != null) {
                jpql.append(" and a.recordedAt >= :since");
            }
            jpql.append(" order by a.id desc");
            TypedQuery<AuditRecord> select = em.createQuery(jpql.toString(), AuditRecord.class)
                    .setMaxResults(query.limit());
            if (query.module() != null) {
                select.setParameter("module", query.module());
            }
            if (query.since() != null) {
                select.setParameter("since", query.since());
            }
            return select.getResultList().stream().map(AuditRecord::toEntry).toList();
        });
    }

    static String cut(String text, int max) {
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }
}
