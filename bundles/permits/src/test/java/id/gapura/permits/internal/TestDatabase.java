package id.gapura.permits.internal;

import id.gapura.api.time.HolidayCalendar;
import id.gapura.api.time.WorkingDays;
import id.gapura.testing.ModuleDatabases;
import id.gapura.testing.ResourceLocalTemplate;

import javax.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The module's real migrations (with the sample permit types) and entities on an in-memory H2 database. */
final class TestDatabase implements AutoCloseable {

    final EntityManagerFactory factory;
    final PermitsDatabase database;
    final PermitTypes types;
    final Applications applications;

    TestDatabase() {
        factory = ModuleDatabases.persistenceUnit("permits",
                ModuleDatabases.migrated(ModuleDatabases.h2("permits"), "permits"));
        database = new PermitsDatabase(new ResourceLocalTemplate(factory));
        types = new PermitTypes(database);
        applications = new Applications(database, types,
                () -> new WorkingDays(HolidayCalendar.weekendsOnly(), ZoneId.of("Asia/Jakarta")), new PermitSettings(),
                Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));
    }

    @Override
    public void close() {
        factory.close();
    }
}
