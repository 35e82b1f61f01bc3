package id.gapura.permits.internal;

import java.util.Optional;

/**
 * Gapless sequence numbers from the {@code permits_counter} table, in plain SQL that H2 and PostgreSQL both run.
 * {@link #next} takes a number by updating the counter's row inside the caller's transaction: a concurrent
 * issuer waits on the row lock until that transaction ends, and a rollback gives the number back. So under any
 * concurrency the committed numbers of a counter are 1, 2, 3, ... without repeats or gaps.
 */
final class Counters {

    /** The few SQL operations the counters need, over JPA at run time and over JDBC in tests. */
    interface Sql {
        int update(String sql, Object... arguments);

        Optional<Long> queryLong(String sql, Object... arguments);
    }

    private static final String SELECT =
            "SELECT last_value FROM permits_counter WHERE counter_key = ? AND counter_year = ?";
    private static final String INSERT =
            "INSERT INTO permits_counter (counter_key, counter_year, last_value) VALUES (?, ?, 0)";
    private static final String INCREMENT =
            "UPDATE permits_counter SET last_value = last_value + 1 WHERE counter_key = ? AND counter_year = ?";

    private Counters() {
    }

    /**
     * Creates the counter's row if it is not there. Run it in a transaction of its own before the one that
     * calls {@link #next}: two first issuers of a year may race to insert, and the loser's failed insert
     * must not abort the issuing transaction (PostgreSQL aborts a transaction on any error).
     */
    static void ensure(Sql sql, String key, int year) {
        if (sql.queryLong(SELECT, key, year).isEmpty()) {
            sql.update(INSERT, key, year);
        }
    }

    /** Takes the next number of the counter within the caller's transaction. */
    static long next(Sql sql, String key, int year) {
        if (sql.update(INCREMENT, key, year) != 1) {
            throw new IllegalStateException("Counter " + key + "/" + year + " does not exist; call ensure first");
        }
        return sql.queryLong(SELECT, key, year).orElseThrow();
    }

    /** The last number taken, 0 when none. */
    static long last(Sql sql, String key, int year) {
        return sql.queryLong(SELECT, key, year).orElse(0L);
    }
}
