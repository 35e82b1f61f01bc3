package id.gapura.complaints.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import java.time.Instant;

/**
 * An Open311 api_key issued to an app (a region's own mobile app, a partner's portal). Only the key's
 * SHA-256 hash is stored; the key itself exists only in the app that received it.
 */
@Entity
@Table(name = "complaints_api_key")
public class ApiKeyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(name = "key_hash", nullable = false, unique = true)
    private String keyHash;
    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoked_by")
    private String revokedBy;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiKeyEntity() {
        // for JPA
    }

    ApiKeyEntity(String name, String keyHash, String keyPrefix, Instant createdAt, String createdBy) {
        this.name = name;
        this.keyHash = keyHash;
        this.keyPrefix = keyPrefix;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void revoke(Instant now, String by) {
        this.revokedAt = now;
        this.revokedBy = by;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The first characters of the key, to tell keys apart in lists; not enough to use it. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public boolean active() {
        return revokedAt == null;
    }
}
