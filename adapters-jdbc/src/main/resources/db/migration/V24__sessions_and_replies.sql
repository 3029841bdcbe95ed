-- Latchkey schema, version 24: signed-in sessions and the answers kept for repeated write requests.

-- A session is found by its bearer token's SHA-256 only; the token itself is never stored.
CREATE TABLE auth_session (
    token_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
    member_id   UUID                     REFERENCES member (id),
    customer_id UUID                     REFERENCES customer (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK ((member_id IS NULL) <> (customer_id IS NULL))
);
-- A new password ends a member's sessions; pruning removes the expired ones.
CREATE INDEX session_member ON auth_session (member_id);
CREATE INDEX session_expiry ON auth_session (expires_at);

-- The first answer to a write request with an Idempotency-Key, its body sealed (it may hold a token).
CREATE TABLE idempotent_reply (
    scope        VARCHAR(200)             NOT NULL,
    idem_key     VARCHAR(200)             NOT NULL,
    request_hash VARCHAR(64)              NOT NULL,
    status       INTEGER                  NOT NULL,
    content_type VARCHAR(100)             NOT NULL,
    sealed_body  BYTEA                    NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotent_reply_unique PRIMARY KEY (scope, idem_key)
);
CREATE INDEX reply_made ON idempotent_reply (created_at);
