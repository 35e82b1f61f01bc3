package id.gapura.core.internal;

import id.gapura.api.spi.AccessToken;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.time.Instant;

/** One issued bearer token: its hash, never the token. */
@Entity
@Table(name = "gapura_access_token")
public class AccessTokenRecord {

    @Id
    @Column(name = "token_id")
    private String id;

    @Column(name = "token_sha256", nullable = false, updatable = false)
    private String sha256;

    @Column(name = "user_name", nullable = false, updatable = false)
    private String userName;

    @Column(name = "label", nullable = false, updatable = false)
    private String label;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected AccessTokenRecord() {
        // for JPA
    }

    AccessTokenRecord(String id, String sha256, String user, String label, Instant createdAt, String createdBy,
                      Instant expiresAt) {
        this.id = id;
        this.sha256 = sha256;
        this.userName = user;
        this.label = label;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    String sha256() {
        return sha256;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    void used(Instant at) {
        lastUsedAt = at;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    void revoke(Instant at, String by) {
        revokedAt = at;
        revokedBy = by;
    }

    AccessToken toToken() {
        return new AccessToken(id, userName, label, createdAt, createdBy, expiresAt, revokedAt, lastUsedAt);
    }
}
