package id.gapura.permits.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * Permit numbers under concurrent issuing, against a real database: the module's own migrations on an
 * in-memory H2 (here) and on a real PostgreSQL server ({@link CountersPostgresTest}), many threads each issuing
 * in its own transaction, some of them rolling back.
 */
class CountersTest {

    private String url;
    private String user = "sa";
    private Connection keepAlive;

    /** The JDBC URL and user of an empty database; H2 in memory unless a subclass says otherwise. */
    String[] database() throws Exception {
        return new String[]{"jdbc:h2:mem:" + UUID.randomUUID() + ";LOCK_TIMEOUT=30000", "sa"};
    }

    @BeforeEach
    void migrate() throws Exception {
        String[] database = database();
        url = database[0];
        user = database[1];
        keepAlive = DriverManager.getConnection(url, user, "");
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/permits")
                .table("permits_schema_history").load().migrate();
    }

    @AfterEach
    void close() throws Exception {
        keepAlive.close();
    }

    @Test
    void concurrentIssuersNeverRepeatOrSkipANumber() throws Exception {
        int threads = 12;
        int issuesPerThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                List<Long> committed = new ArrayList<>();
                start.await();
                try (Connection connection = DriverManager.getConnection(url, user, "")) {
                    connection.setAutoCommit(false);
                    Counters.Sql sql = jdbc(connection);
                    for (int i = 0; i < issuesPerThread; i++) {
                        try { // in a transaction of its own, as PermitsDatabase.ensureCounter does
                            Counters.ensure(sql, "REKLAME", 2026);
                            connection.commit();
                        } catch (IllegalStateException e) {
                            connection.rollback(); // another thread created the counter at the same moment
                        }
                        long number = Counters.next(sql, "REKLAME", 2026);
                        if (ThreadLocalRandom.current().nextInt(5) == 0) {
                            connection.rollback(); // the issue failed: its number must be given back
                        } else {
                            connection.commit();
                            committed.add(number);
                        }
                    }
                }
                return committed;
            }));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        Set<Long> distinct = new TreeSet<>(all);
        assertEquals(all.size(), distinct.size(), "a number was issued twice: " + duplicates(all));
        assertEquals(LongStream.rangeClosed(1, all.size()).boxed().toList(), List.copyOf(distinct),
                "the committed numbers must be 1.." + all.size() + " without gaps");
        assertTrue(all.size() > threads * issuesPerThread / 2, "most issues commit");
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            assertEquals(all.size(), Counters.last(jdbc(connection), "REKLAME", 2026));
        }
    }

    @Test
    void countersAreSeparatePerKeyAndYearAndStartAtOne() throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            Counters.Sql sql = jdbc(connection);
            assertEquals(0, Counters.last(sql, "PBG", 2026));
            for (String key : List.of("PBG", "SKP")) {
                for (int year : List.of(2026, 2027)) {
                    Counters.ensure(sql, key, year);
                    Counters.ensure(sql, key, year); // twice is harmless
                }
            }
            assertEquals(1, Counters.next(sql, "PBG", 2026));
            assertEquals(2, Counters.next(sql, "PBG", 2026));
            assertEquals(1, Counters.next(sql, "PBG", 2027), "a new year starts again at 1");
            assertEquals(1, Counters.next(sql, "SKP", 2026), "each permit type has its own sequence");
        }
    }

    @Test
    void samplePermitTypesAreMigratedWithValidRulesAndFormats() throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT code, fee_rule, number_format, required_documents FROM permits_type ORDER BY code")) {
            List<String> codes = new ArrayList<>();
            while (rs.next()) {
                codes.add(rs.getString(1));
                assertEquals(List.of(), Json.read(rs.getString(2), id.gapura.permits.rules.FeeRule.class).validate("feeRule"));
                id.gapura.permits.rules.PermitNumberFormat.of(rs.getString(3)).format(1, rs.getString(1), "DPMPTSP",
                        LocalDate.of(2026, 1, 5));
                assertTrue(Json.read(rs.getString(4), List.class).size() >= 3);
            }
            assertEquals(List.of("PBG", "REKLAME", "SKP"), codes);
        }
    }

    private static List<Long> duplicates(List<Long> numbers) {
        List<Long> sorted = new ArrayList<>(numbers);
        Collections.sort(sorted);
        List<Long> twice = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).equals(sorted.get(i - 1))) {
                twice.add(sorted.get(i));
            }
        }
        return twice;
    }

    static Counters.Sql jdbc(Connection connection) {
        return new Counters.Sql() {
            @Override
            public int update(String sql, Object... arguments) {
                try (PreparedStatement statement = prepare(sql, arguments)) {
                    return statement.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public Optional<Long> queryLong(String sql, Object... arguments) {
                try (PreparedStatement statement = prepare(sql, arguments); ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            private PreparedStatement prepare(String sql, Object... arguments) throws SQLException {
                PreparedStatement statement = connection.prepareStatement(sql);
                for (int i = 0; i < arguments.length; i++) {
                    statement.setObject(i + 1, arguments[i]);
                }
                return statement;
            }
        };
    }
}
