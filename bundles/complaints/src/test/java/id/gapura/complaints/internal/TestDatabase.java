package id.gapura.complaints.internal;

import id.gapura.testing.ModuleDatabases;
import id.gapura.testing.ResourceLocalTemplate;
import javax.sql.DataSource;
import id.gapura.api.time.HolidayCalendar;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.time.WorkingDays;

import javax.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The module's real migrations and entities on an in-memory H2 database, with the same transaction shape as
 * Aries JPA's resource-local template, and a clock the test moves.
 */
public final class TestDatabase implements AutoCloseable {

    public final DataSource dataSource = ModuleDatabases.migrated(ModuleDatabases.h2("complaints"), "complaints");
    public final EntityManagerFactory factory;
    public final ComplaintsDatabase database;
    public final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T02:00:00Z")); // Monday 09:00 WIB
    public final RegionCalendar calendar;
    public final ComplaintsSettings settings = new ComplaintsSettings();

    public TestDatabase(LocalDate... holidays) {
        factory = ModuleDatabases.persistenceUnit("complaints", dataSource);
        database = new ComplaintsDatabase(new ResourceLocalTemplate(factory));
        WorkingDays days = new WorkingDays(new HolidayCalendar(List.of(holidays)), ZoneId.of("Asia/Jakarta"));
        calendar = () -> days;
    }

    public ReportService reports() {
        return new ReportService(database, calendar, settings, clock);
    }

    public HandlingService handling() {
        return new HandlingService(database, calendar, settings, clock);
    }

    @Override
    public void close() {
        factory.close();
    }

    public static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
