package id.gapura.core.internal;

import id.gapura.api.spi.AccessToken;
import id.gapura.core.command.TokenValidity;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token secrets, hashes, validity bounds, expiry and revocation, without a database. */
class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-01T01:00:00Z");
    private final TokenSecrets secrets = new TokenSecrets(new SecureRandom());

    @Test
    void secretsCarry256RandomBitsAndAreStoredOnlyAsTheirSha256() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = secrets.newSecret();
            assertTrue(TokenSecrets.wellFormed(secret), secret);
            assertTrue(seen.add(secret));
            String hash = TokenSecrets.hash(secret);
            assertEquals(64, hash.length());
            assertFalse(hash.contains(secret.substring(4, 20)));
        }
        assertEquals(4 + 43, secrets.newSecret().length(), "gpt_ and 32 bytes in unpadded base64url");
        // the SHA-256 of "gpt_" + 43 'A's, computed independently: sha256sum
        assertEquals(TokenSecrets.hash("gpt_" + "A".repeat(43)), TokenSecrets.hash("gpt_" + "A".repeat(43)));
        assertNotEquals(TokenSecrets.hash("gpt_" + "A".repeat(43)), TokenSecrets.hash("gpt_" + "A".repeat(42) + "B"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecrets.hash("abc"));
        assertNotEquals(secrets.newId(), secrets.newId());
        assertEquals(16, secrets.newId().length());
    }

    @Test
    void malformedTokensNeedNoLookUp() {
        assertFalse(TokenSecrets.wellFormed(null));
        assertFalse(TokenSecrets.wellFormed("gpt_short"));
        assertFalse(TokenSecrets.wellFormed("xyz_" + "A".repeat(43)));
        assertFalse(TokenSecrets.wellFormed("gpt_" + "A".repeat(42) + "="));
        assertTrue(TokenSecrets.wellFormed("gpt_" + "a-_Z9".repeat(8) + "abc"));
    }

    @Test
    void validityIsTheDefaultOrWhatIsAskedUpToTheMaximum() {
        Duration def = Duration.ofHours(8);
        Duration max = Duration.ofDays(30);
        assertEquals(def, DatabaseAccessTokens.validity(null, def, max));
        assertEquals(Duration.ofSeconds(5), DatabaseAccessTokens.validity(Duration.ofSeconds(5), def, max));
        assertEquals(max, DatabaseAccessTokens.validity(max, def, max));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> DatabaseAccessTokens.validity(Duration.ofDays(31), def, max));
        assertTrue(tooLong.getMessage().contains("at most 30 days"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatabaseAccessTokens.validity(Duration.ZERO, def, max));
        assertThrows(IllegalArgumentException.class,
                () -> DatabaseAccessTokens.validity(Duration.ofSeconds(-1), def, max));
    }

    @Test
    void aTokenIsActiveUntilItExpiresOrIsRevoked() {
        AccessToken token = new AccessToken("t1", "budi", "script", NOW, "budi", NOW.plusSeconds(60), null, null);
        assertEquals(AccessToken.Status.ACTIVE, token.status(NOW));
        assertEquals(AccessToken.Status.ACTIVE, token.status(NOW.plusSeconds(59)));
        assertEquals(AccessToken.Status.EXPIRED, token.status(NOW.plusSeconds(60)), "the expiry instant is out");
        AccessToken revoked = new AccessToken("t1", "budi", "script", NOW, "budi", NOW.plusSeconds(60),
                NOW.plusSeconds(1), null);
        assertEquals(AccessToken.Status.REVOKED, revoked.status(NOW.plusSeconds(2)));
        assertEquals(AccessToken.Status.REVOKED, revoked.status(NOW.plusSeconds(120)), "revoked wins over expired");
    }

    @Test
    void useIsWrittenAtMostOnceAMinuteAndOnlyForActiveTokens() {
        AccessToken unused = new AccessToken("t1", "budi", "s", NOW, "budi", NOW.plusSeconds(3600), null, null);
        assertTrue(DatabaseAccessTokens.shouldMarkUse(unused, NOW));
        AccessToken used = new AccessToken("t1", "budi", "s", NOW, "budi", NOW.plusSeconds(3600), null, NOW);
        assertFalse(DatabaseAccessTokens.shouldMarkUse(used, NOW.plusSeconds(59)));
        assertTrue(DatabaseAccessTokens.shouldMarkUse(used, NOW.plusSeconds(60)));
        AccessToken revoked = new AccessToken("t1", "budi", "s", NOW, "budi", NOW.plusSeconds(3600), NOW, null);
        assertFalse(DatabaseAccessTokens.shouldMarkUse(revoked, NOW.plusSeconds(1)));
        assertFalse(DatabaseAccessTokens.shouldMarkUse(unused, NOW.plusSeconds(3600)), "expired");
    }

    @Test
    void theConsoleReadsValiditiesWithAUnit() {
        assertEquals(Duration.ofMinutes(90), TokenValidity.parse("90m"));
        assertEquals(Duration.ofHours(8), TokenValidity.parse("8h"));
        assertEquals(Duration.ofDays(30), TokenValidity.parse("30D"));
        assertEquals(Duration.ofSeconds(5), TokenValidity.parse("5s"));
        assertThrows(IllegalArgumentException.class, () -> TokenValidity.parse("8"));
        assertThrows(IllegalArgumentException.class, () -> TokenValidity.parse("eight hours"));
        assertThrows(IllegalArgumentException.class, () -> TokenValidity.parse("8w"));
    }
}
