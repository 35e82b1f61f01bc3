package id.gapura.budgeting.internal;

/** The same workflow, version and history tests on a real PostgreSQL server (started by the test). */
class WorkflowPostgresTest extends WorkflowTest {

    @Override
    TestDatabase database() throws Exception {
        return TestDatabase.postgres();
    }
}
