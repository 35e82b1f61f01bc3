package id.gapura.budgeting.internal;

/** The same cash plan tests on a real PostgreSQL server (one per test run). */
class CashPlanPostgresTest extends CashPlanTest {

    @Override
    TestDatabase database() throws Exception {
        return TestDatabase.postgres();
    }
}
