package id.gapura.complaints.internal;

/** The statistics' aggregate queries on a real PostgreSQL server. */
class StatsServicePostgresTest extends StatsServiceTest {

    @Override
    Fixture fixture() {
        return Fixture.postgres();
    }
}
