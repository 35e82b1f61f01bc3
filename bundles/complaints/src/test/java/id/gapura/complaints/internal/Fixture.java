package id.gapura.complaints.internal;

import id.gapura.api.time.HolidayCalendar;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.time.WorkingDays;
import id.gapura.testing.ModuleDatabases;
import id.gapura.testing.ResourceLocalTemplate;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The module's database for a test: {@link TestDatabase} on H2, or the same migrations and entities on a
 * real PostgreSQL server (one embedded server for the whole test run, a fresh database per fixture), so
 * that queries are checked on both databases the product supports.
 */
record Fixture(DataSource dataSource, ComplaintsDatabase database, TestDatabase.MovableClock clock,
               RegionCalendar calendar, ComplaintsSettings settings, AutoCloseable closer) implements AutoCloseable {

    static Fixture h2() {
        TestDatabase db = new TestDatabase();
        return new Fixture(db.dataSource, db.database, db.clock, db.calendar, db.settings, db::close);
    }

    static Fixture postgres() {
        DataSource dataSource = ModuleDatabases.migrated(ModuleDatabases.postgres("complaints"), "complaints");
        EntityManagerFactory factory = ModuleDatabases.persistenceUnit("complaints", dataSource);
        WorkingDays days = new WorkingDays(new HolidayCalendar(List.of()), ZoneId.of("Asia/Jakarta"));
        return new Fixture(dataSource, new ComplaintsDatabase(new ResourceLocalTemplate(factory)),
                new TestDatabase.MovableClock(Instant.parse("2026-11-23T02:00:00Z")), () -> days,
                new ComplaintsSettings(), factory::close);
    }

    ReportService reports() {
        return new ReportService(database, calendar, settings, clock);
    }

    HandlingService handling() {
        return new HandlingService(database, calendar, settings, clock);
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
