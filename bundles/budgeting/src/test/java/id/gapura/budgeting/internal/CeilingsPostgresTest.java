package id.gapura.budgeting.internal;

/** The same ceiling tests, concurrency included, on a real PostgreSQL server (started by the test). */
class CeilingsPostgresTest extends CeilingsTest {

    @Override
    TestDatabase database() throws Exception {
        return TestDatabase.postgres();
    }
}
