package id.gapura.sakip.internal;

/** The same plan, agreement, realisation, LKjIP and evaluation tests on a real PostgreSQL server (started by the test). */
class WorkflowPostgresTest extends WorkflowTest {

    @Override
    TestDatabase database() throws Exception {
        return TestDatabase.postgres();
    }
}
