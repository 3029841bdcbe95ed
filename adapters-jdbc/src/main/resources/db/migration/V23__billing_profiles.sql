-- Latchkey schema, version 23: billing accounts (seed 001): platform profiles, their addresses (one per billing
-- account) and the billing sync's checkpoint.

CREATE TABLE billing_profile (
    id         UUID                     NOT NULL PRIMARY KEY,
    login      VARCHAR(200)             NOT NULL CONSTRAINT billing_profile_login_unique UNIQUE,
    state      VARCHAR(16)              NOT NULL CHECK (state IN ('ACTIVE', 'REMOVED')),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL
);

CREATE TABLE billing_address (
    id         UUID                     NOT NULL PRIMARY KEY,
    account_id VARCHAR(100)             NOT NULL CONSTRAINT billing_address_account_unique UNIQUE,
    profile_id UUID                     NOT NULL REFERENCES billing_profile (id),
    address    VARCHAR(500)             NOT NULL,
    state      VARCHAR(16)              NOT NULL CHECK (state IN ('FULL', 'DOOR_KEY_ONLY', 'REMOVED')),
    seen_pass  BIGINT                   NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL
);
-- A profile's addresses; the addresses a completed pass did not see.
CREATE INDEX billing_address_profile ON billing_address (profile_id, account_id);
CREATE INDEX billing_address_unseen ON billing_address (seen_pass, account_id);

-- One row: the sync's pass under way and the cursor of its next page.
CREATE TABLE billing_checkpoint (
    id           VARCHAR(16)              NOT NULL PRIMARY KEY,
    pass         BIGINT                   NOT NULL,
    cursor_at    VARCHAR(200),
    completed_at TIMESTAMP WITH TIME ZONE,
    version      BIGINT                   NOT NULL
);
