package id.gapura.budgeting.internal;


import id.gapura.testing.ModuleDatabases;
import id.gapura.testing.ResourceLocalTemplate;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The module's real migrations (with the sample reference data) and entities on a real database — in-memory H2
 * or a given one such as PostgreSQL — with the same transaction shape as Aries JPA's resource-local template.
 */
public final class TestDatabase implements AutoCloseable {

    public final DataSource dataSource;
    public final EntityManagerFactory factory;
    public final BudgetingDatabase database;
    public final ReferenceData reference;
    public final Budget budget;
    public final Realisation realisation;
    public final CashPlan cashPlan;

    public TestDatabase() {
        this(ModuleDatabases.h2("budgeting"));
    }

    public TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        factory = ModuleDatabases.persistenceUnit("budgeting", ModuleDatabases.migrated(dataSource, "budgeting"));
        database = new BudgetingDatabase(new ResourceLocalTemplate(factory));
        reference = new ReferenceData(database);
        budget = new Budget(database, reference, Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));
        realisation = new Realisation(database, reference, Clock.fixed(Instant.parse("2027-03-20T03:00:00Z"), ZoneOffset.UTC));
        cashPlan = new CashPlan(database, Clock.fixed(Instant.parse("2027-01-05T03:00:00Z"), ZoneOffset.UTC));
    }

    /**
     * A fresh database on a real PostgreSQL server, one server for the whole test run (started on first use,
     * stopped when the JVM exits).
     */
    public static TestDatabase postgres() {
        return new TestDatabase(ModuleDatabases.postgres("budgeting"));
    }

    @Override
    public void close() {
        factory.close();
    }
}
