package id.gapura.permits.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.util.UUID;

/** The same tests on a real PostgreSQL server (started by the test), where a region runs in production. */
class CountersPostgresTest extends CountersTest {

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
    String[] database() throws Exception {
        String name = "permits_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        }
        return new String[]{postgres.getJdbcUrl("postgres", name), "postgres"};
    }
}
