-- Latchkey schema, version 10: the SDK's own keys, each wrapped under the host's master key (never in clear).
-- Rows are only ever added; one key per (kind, generation), so two nodes cannot both make the same generation.

CREATE TABLE crypto_key (
    key_id      VARCHAR(64)              NOT NULL PRIMARY KEY,
    kind        VARCHAR(16)              NOT NULL CHECK (kind IN ('SIGNING', 'SEALING')),
    generation  INTEGER                  NOT NULL CHECK (generation >= 1),
    wrapped     BYTEA                    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT crypto_key_generation UNIQUE (kind, generation)
);
