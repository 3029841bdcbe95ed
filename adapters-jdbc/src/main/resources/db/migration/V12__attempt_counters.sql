-- Latchkey schema, version 12: rate-limit counters, shared by every node on the database. One row per
-- (limit, subject), keyed by a keyed hash of both (no e-mail address or source is stored), pruned once over.

CREATE TABLE attempt_counter (
    key_hash    VARCHAR(64)              NOT NULL,
    attempts    INTEGER                  NOT NULL CHECK (attempts >= 0),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    strikes     INTEGER                  NOT NULL CHECK (strikes >= 0),
    version     BIGINT                   NOT NULL,
    CONSTRAINT attempt_counter_key PRIMARY KEY (key_hash),
    CHECK (ends_at > started_at)
);

CREATE INDEX attempt_counter_ends ON attempt_counter (ends_at);
