package id.gapura.budgeting.internal;

import id.gapura.testing.ModuleDatabases;
import id.gapura.testing.ResourceLocalTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static id.gapura.budgeting.internal.CeilingsTest.DIKNAS;
import static id.gapura.budgeting.internal.CeilingsTest.YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Times are shown in the region's zone (here WIB, +07:00), as complaints and permits show them, and stored in UTC. */
class RegionTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private final javax.sql.DataSource dataSource = ModuleDatabases.migrated(ModuleDatabases.h2("budgeting"), "budgeting");
    private final EntityManagerFactory factory = ModuleDatabases.persistenceUnit("budgeting", dataSource);

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void yearsAndCeilingsAreShownInTheRegionsZoneAndStoredInUtc() throws Exception {
        BudgetingDatabase database = new BudgetingDatabase(new ResourceLocalTemplate(factory));
        ReferenceData reference = new ReferenceData(database);
        Budget budget = new Budget(database, reference, Clock.fixed(NOW, ZoneId.of("Asia/Jakarta")));
        Actor tapd = Actor.tapd("tapd");

        Budget.YearView year = budget.openYear(YEAR, tapd);
        assertEquals(ZoneOffset.ofHours(7), year.updatedAt().getOffset());
        assertEquals(NOW, year.updatedAt().toInstant());
        Budget.CeilingView ceiling = budget.setCeiling(YEAR, DIKNAS, null, new BigDecimal("1000"), tapd);
        assertEquals("2026-11-23T09:00+07:00", ceiling.updatedAt().toString());
        assertEquals(ZoneOffset.ofHours(7), budget.ceilings(YEAR, DIKNAS).get(0).updatedAt().getOffset());
        assertEquals(ZoneOffset.ofHours(7), budget.year(YEAR).updatedAt().getOffset());
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet stored = sql.executeQuery("SELECT updated_at FROM budgeting_year WHERE fiscal_year = " + YEAR)) {
            stored.next();
            assertEquals("2026-11-23 02:00:00", stored.getString(1).substring(0, 19), "UTC in the database");
        }
    }
}
