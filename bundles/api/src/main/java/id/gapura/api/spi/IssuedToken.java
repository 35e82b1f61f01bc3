package id.gapura.api.spi;

import java.util.Objects;

/**
 * A token just issued: the secret is shown this once and never kept; whoever loses it issues a new one.
 *
 * @param secret the bearer token, for {@code Authorization: Bearer <secret>}
 * @param token  what the platform keeps of it
 */
public record IssuedToken(String secret, AccessToken token) {

    public IssuedToken {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "IssuedToken[" + token + "]"; // never the secret, should this end up in a log
    }
}
