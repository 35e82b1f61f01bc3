package id.gapura.sakip.internal;

import id.gapura.testing.ModuleDatabases;
import id.gapura.testing.ResourceLocalTemplate;
import id.gapura.api.AuditEntry;
import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The module's real migrations (with the sample reference data) and entities on a real database — in-memory H2
 * or a given one such as PostgreSQL — with the same transaction shape as Aries JPA's resource-local template.
 */
public final class TestDatabase implements AutoCloseable {

    public final DataSource dataSource;
    public final EntityManagerFactory factory;
    public final SakipDatabase database;
    public final Agencies agencies;
    public final Plans plans;
    public final Agreements agreements;
    public final Realisations realisations;
    public final Evaluations evaluations;
    public final List<String> audited = new CopyOnWriteArrayList<>();
    /** The link to the budgeting module: {@code budgetLink.set(figures)} "installs" it, {@code set(null)} uninstalls. */
    public final BudgetLink budgetLink;
    public final Lkjip lkjip;

    public TestDatabase() {
        this(ModuleDatabases.h2("sakip"));
    }

    public TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        factory = ModuleDatabases.persistenceUnit("sakip", ModuleDatabases.migrated(dataSource, "sakip"));
        database = new SakipDatabase(new ResourceLocalTemplate(factory));
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
        AuditLog audit = new AuditLog() {
            @Override
            public AuditEntry record(String actor, String action, String module, String subject, AuditOutcome outcome,
                                     String detail) {
                audited.add(actor + " " + action + " " + subject + ": " + detail);
                return null;
            }
        };
        agencies = new Agencies(database, audit);
        plans = new Plans(database, agencies, audit, clock);
        agreements = new Agreements(database, agencies, audit, clock);
        realisations = new Realisations(database, agencies, clock);
        evaluations = new Evaluations(database, agencies, audit, clock);
        budgetLink = new BudgetLink(null);
        lkjip = new Lkjip(database, agencies, budgetLink, clock);
    }

    /**
     * A fresh database on a real PostgreSQL server, one server for the whole test run (started on first use,
     * stopped when the JVM exits).
     */
    public static TestDatabase postgres() {
        return new TestDatabase(ModuleDatabases.postgres("sakip"));
    }

    @Override
    public void close() {
        factory.close();
    }
}
