package id.gapura.complaints.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyServiceTest {

    private final TestDatabase db = new TestDatabase();
    private final ApiKeyService keys = new ApiKeyService(db.database, db.clock);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aKeyIsRandomShownOnceAndStoredOnlyAsItsHash() throws SQLException {
        ApiKeyService.Issued issued = keys.issue("  LAKSA mobile ", "karaf");
        assertTrue(issued.key().matches("[A-Za-z0-9_-]{43}"), issued.key());
        assertEquals("LAKSA mobile", issued.record().name());
        assertEquals("karaf", issued.record().createdBy());
        assertEquals(Instant.parse("2026-11-23T02:00:00Z"), issued.record().createdAt());
        assertEquals(issued.key().substring(0, 6), issued.record().keyPrefix());

        try (Connection connection = db.dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT * FROM complaints_api_key")) {
            assertTrue(row.next());
            assertEquals(ApiKeyService.hash(issued.key()), row.getString("key_hash"));
            assertEquals(64, row.getString("key_hash").length());
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                String value = row.getString(column);
                assertFalse(value != null && value.contains(issued.key()), "the key itself is stored nowhere");
            }
        }

        Set<String> many = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            many.add(keys.issue("app " + i, null).key());
        }
        assertEquals(20, many.size());
        assertEquals("console", keys.list().get(1).createdBy(), "no console user: recorded as console");
    }

    @Test
    void onlyActiveKeysAuthenticateAndTheirLastUseIsRecorded() {
        ApiKeyService.Issued issued = keys.issue("Portal mitra", "karaf");
        assertNull(keys.find(issued.record().id()).orElseThrow().lastUsedAt());

        assertTrue(keys.authenticate(issued.key()).isPresent());
        assertTrue(keys.authenticate(" " + issued.key() + " ").isPresent(), "surrounding spaces are ignored");
        assertEquals(db.clock.instant(), keys.find(issued.record().id()).orElseThrow().lastUsedAt());
        Instant first = db.clock.instant();
        db.clock.set(first.plusSeconds(30));
        keys.authenticate(issued.key());
        assertEquals(first, keys.find(issued.record().id()).orElseThrow().lastUsedAt(),
                "recorded at most once a minute");
        db.clock.set(first.plusSeconds(61));
        keys.authenticate(issued.key());
        assertEquals(first.plusSeconds(61), keys.find(issued.record().id()).orElseThrow().lastUsedAt());

        assertTrue(keys.authenticate(null).isEmpty());
        assertTrue(keys.authenticate("").isEmpty());
        assertTrue(keys.authenticate(issued.key() + "x").isEmpty());
        assertTrue(keys.authenticate(ApiKeyService.hash(issued.key())).isEmpty(), "the hash is not a key");

        ApiKeyEntity revoked = keys.revoke(issued.record().id(), "sari");
        assertFalse(revoked.active());
        assertEquals("sari", revoked.revokedBy());
        assertTrue(keys.authenticate(issued.key()).isEmpty());
    }

    @Test
    void revokingAndIssuingRefuseWhatCannotBeDone() {
        ApiKeyService.Issued issued = keys.issue("LAKSA", "karaf");
        keys.revoke(issued.record().id(), "karaf");
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> keys.revoke(issued.record().id(), "karaf"));
        assertEquals("api_key 1 (LAKSA) is already revoked, by karaf. Nothing was changed.", again.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> keys.revoke(99, "karaf"));
        assertEquals("There is no api_key with id 99; complaints:apikey-list shows the ids.", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> keys.issue(" ", "karaf"));
        assertThrows(IllegalArgumentException.class, () -> keys.issue("x".repeat(201), "karaf"));
        assertEquals(List.of("LAKSA"), keys.list().stream().map(ApiKeyEntity::name).toList());
    }
}
