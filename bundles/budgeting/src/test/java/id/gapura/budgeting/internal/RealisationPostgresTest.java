package id.gapura.budgeting.internal;

/** The same realisation tests on a real PostgreSQL server (one per test run). */
class RealisationPostgresTest extends RealisationTest {

    @Override
    TestDatabase database() throws Exception {
        return TestDatabase.postgres();
    }
}
