-- Bearer tokens issued to users for scripts and front-ends. The token itself is never stored: only the hex
-- SHA-256 of it, which is what a request's token is looked up by. Every node reads and revokes the same rows.
-- Roles are not stored: a token acts with its user's roles as the realm gives them at each request.
CREATE TABLE gapura_access_token (
    token_id      VARCHAR(32)   NOT NULL PRIMARY KEY,
    token_sha256  VARCHAR(64)   NOT NULL,
    user_name     VARCHAR(128)  NOT NULL,
    label         VARCHAR(200)  NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    created_by    VARCHAR(128)  NOT NULL,
    expires_at    TIMESTAMP     NOT NULL,
    revoked_at    TIMESTAMP,
    revoked_by    VARCHAR(128),
    last_used_at  TIMESTAMP
);

CREATE UNIQUE INDEX gapura_access_token_sha256 ON gapura_access_token (token_sha256);
CREATE INDEX gapura_access_token_user ON gapura_access_token (user_name, created_at);
