package id.gapura.sakip.internal;

import id.gapura.api.AuditEntry;
import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.testing.ModuleDatabases;
import id.gapura.testing.ResourceLocalTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static id.gapura.sakip.internal.WorkflowTest.DIKNAS;
import static id.gapura.sakip.internal.WorkflowTest.HEAD;
import static id.gapura.sakip.internal.WorkflowTest.PLANNER;
import static id.gapura.sakip.internal.WorkflowTest.agreement;
import static id.gapura.sakip.internal.WorkflowTest.renstra;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Times are shown in the region's zone (here WITA, +08:00), as complaints and permits show them; stored in UTC. */
class RegionTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private final EntityManagerFactory factory = ModuleDatabases.persistenceUnit("sakip",
            ModuleDatabases.migrated(ModuleDatabases.h2("sakip"), "sakip"));

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void plansAgreementsAndEvaluationsAreShownInTheRegionsZone() {
        SakipDatabase database = new SakipDatabase(new ResourceLocalTemplate(factory), () -> ZoneId.of("Asia/Makassar"));
        AuditLog audit = new AuditLog() {
            @Override
            public AuditEntry record(String actor, String action, String module, String subject, AuditOutcome outcome,
                                     String detail) {
                return null;
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Agencies agencies = new Agencies(database, audit);
        Plans plans = new Plans(database, agencies, audit, clock);
        Agreements agreements = new Agreements(database, agencies, audit, clock);

        assertEquals(ZoneOffset.ofHours(8), plans.create(renstra(), PLANNER).createdAt().getOffset());
        agreements.draft(agreement(null, null), PLANNER);
        Agreements.Agreement signed = agreements.sign(DIKNAS, 2026, HEAD);
        assertEquals("2026-11-23T10:00+08:00", signed.signedAt().toString());
        assertEquals(NOW, signed.signedAt().toInstant());
    }
}
