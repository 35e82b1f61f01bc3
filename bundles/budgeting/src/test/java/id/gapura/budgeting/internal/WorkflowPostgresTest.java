package id.gapura.budgeting.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.util.UUID;

/** The same workflow, version and history tests on a real PostgreSQL server (started by the test). */
class WorkflowPostgresTest extends WorkflowTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    TestDatabase database() throws Exception {
        String name = "budgeting_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        }
        return new TestDatabase(postgres.getDatabase("postgres", name));
    }
}
