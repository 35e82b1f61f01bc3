package id.gapura.budgeting.internal;

/** The same report and open data tests on a real PostgreSQL server (started by the test). */
class ReportsPostgresTest extends ReportsTest {

    @Override
    TestDatabase database() throws Exception {
        return TestDatabase.postgres();
    }
}
