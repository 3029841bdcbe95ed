-- Latchkey schema, version 1: the channel, the journal, the outbox, idempotency keys and credential pools.
-- Runs unchanged on H2 (embedded default) and PostgreSQL (production).
-- Instants are TIMESTAMP WITH TIME ZONE, always written in UTC; states are upper-case enum names.

CREATE TABLE organization (
    id              UUID                     NOT NULL PRIMARY KEY,
    kind            VARCHAR(16)              NOT NULL CHECK (kind IN ('OPERATOR', 'PARTNER', 'COMPANY')),
    name            VARCHAR(200)             NOT NULL,
    parent_id       UUID                              REFERENCES organization (id),
    -- TRUE for the operator, NULL for everyone else: the unique constraint allows one operator.
    operator_marker BOOLEAN                           CONSTRAINT organization_one_operator UNIQUE,
    timezone        VARCHAR(64)              NOT NULL,
    language        VARCHAR(8)               NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT organization_root CHECK ((kind = 'OPERATOR') = (parent_id IS NULL)),
    CONSTRAINT organization_marker CHECK ((kind = 'OPERATOR') = (operator_marker IS NOT NULL))
);
CREATE INDEX organization_children ON organization (parent_id, name);

CREATE TABLE member (
    id              UUID                     NOT NULL PRIMARY KEY,
    organization_id UUID                     NOT NULL REFERENCES organization (id),
    email           VARCHAR(254)             NOT NULL CONSTRAINT member_email_unique UNIQUE,
    full_name       VARCHAR(200)             NOT NULL,
    language        VARCHAR(8)               NOT NULL,
    roles           VARCHAR(200)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL
);
CREATE INDEX member_organization ON member (organization_id, email);

CREATE TABLE journal_entry (
    id             UUID                     NOT NULL PRIMARY KEY,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    aggregate_type VARCHAR(64)              NOT NULL,
    aggregate_id   VARCHAR(100)             NOT NULL,
    actor          VARCHAR(200)             NOT NULL,
    event          VARCHAR(64)              NOT NULL,
    from_state     VARCHAR(64),
    to_state       VARCHAR(64)              NOT NULL,
    reason         VARCHAR(1000)
);
CREATE INDEX journal_entry_aggregate ON journal_entry (aggregate_type, aggregate_id, id);

CREATE TABLE outbox_message (
    id              UUID                     NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(300)             NOT NULL CONSTRAINT outbox_message_key_unique UNIQUE,
    sealed_payload  BYTEA                    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)              NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(2000),
    version         BIGINT                   NOT NULL
);
CREATE INDEX outbox_message_due ON outbox_message (status, next_attempt_at);

CREATE TABLE idempotency_key (
    scope        VARCHAR(200)             NOT NULL,
    idem_key     VARCHAR(200)             NOT NULL,
    request_hash VARCHAR(64)              NOT NULL,
    result_id    VARCHAR(100)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_key_unique PRIMARY KEY (scope, idem_key)
);

CREATE SEQUENCE pool_order_number START WITH 1;

CREATE TABLE pool_order (
    id           UUID                     NOT NULL PRIMARY KEY,
    order_number BIGINT                   NOT NULL CONSTRAINT pool_order_number_unique UNIQUE,
    partner_id   UUID                     NOT NULL REFERENCES organization (id),
    order_size   INTEGER                  NOT NULL CHECK (order_size >= 1),
    term         VARCHAR(16)              NOT NULL CHECK (term IN ('UNLIMITED', 'ONE_YEAR', 'TWO_YEARS')),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until  TIMESTAMP WITH TIME ZONE,
    status       VARCHAR(16)              NOT NULL CHECK (status IN ('NEW', 'COMPLETED', 'REJECTED')),
    decided_at   TIMESTAMP WITH TIME ZONE,
    decided_by   VARCHAR(200),
    version      BIGINT                   NOT NULL
);
CREATE INDEX pool_order_partner ON pool_order (partner_id, order_number);

CREATE TABLE client (
    id          UUID                     NOT NULL PRIMARY KEY,
    partner_id  UUID                     NOT NULL REFERENCES organization (id),
    email       VARCHAR(254)             NOT NULL,
    full_name   VARCHAR(200)             NOT NULL,
    timezone    VARCHAR(64)              NOT NULL,
    language    VARCHAR(8)               NOT NULL,
    description VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL,
    CONSTRAINT client_email_unique UNIQUE (partner_id, email)
);

CREATE TABLE credential (
    id                  UUID                     NOT NULL PRIMARY KEY,
    label               BIGINT                   NOT NULL CONSTRAINT credential_label_unique UNIQUE,
    partner_id          UUID                     NOT NULL REFERENCES organization (id),
    order_id            UUID                     NOT NULL REFERENCES pool_order (id),
    capacity_expires_at TIMESTAMP WITH TIME ZONE,
    state               VARCHAR(16)              NOT NULL
        CHECK (state IN ('FREE', 'NEW', 'ACTIVATED', 'DEACTIVATED')),
    issuance_id         UUID,
    valid_from          TIMESTAMP WITH TIME ZONE,
    valid_to            TIMESTAMP WITH TIME ZONE,
    provisioned_at      TIMESTAMP WITH TIME ZONE,
    generation          INTEGER                  NOT NULL,
    used_generation     INTEGER                  NOT NULL,
    free_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The next timed step, kept in step with the state by the store, for the scheduler's index.
    due_at              TIMESTAMP WITH TIME ZONE,
    version             BIGINT                   NOT NULL,
    CONSTRAINT credential_issued CHECK ((state = 'FREE') = (issuance_id IS NULL))
);
-- Issuing claims the free ones of a pool in this order (PostgreSQL sorts NULL capacity last in an ascending
-- index, as the claim asks); counting what is free goes by free_at; the scheduler claims the due ones; the
-- pool lists by label.
CREATE INDEX credential_claim ON credential (partner_id, capacity_expires_at, free_at, label);
CREATE INDEX credential_free ON credential (partner_id, free_at);
CREATE INDEX credential_due ON credential (due_at);
CREATE INDEX credential_pool ON credential (partner_id, label);

CREATE TABLE issuance (
    id             UUID                     NOT NULL PRIMARY KEY,
    credential_id  UUID                     NOT NULL REFERENCES credential (id),
    label          BIGINT                   NOT NULL,
    partner_id     UUID                     NOT NULL REFERENCES organization (id),
    client_id      UUID                     NOT NULL REFERENCES client (id),
    valid_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_to       TIMESTAMP WITH TIME ZONE NOT NULL,
    description    VARCHAR(1000),
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by      VARCHAR(200)             NOT NULL,
    provisioned_at TIMESTAMP WITH TIME ZONE,
    ended_at       TIMESTAMP WITH TIME ZONE,
    end_reason     VARCHAR(16) CHECK (end_reason IN ('EXPIRED', 'REVOKED')),
    version        BIGINT                   NOT NULL,
    CONSTRAINT issuance_window CHECK (valid_from < valid_to)
);
CREATE INDEX issuance_partner ON issuance (partner_id, id);
CREATE INDEX issuance_client ON issuance (partner_id, client_id, id);
CREATE INDEX issuance_credential ON issuance (credential_id);

ALTER TABLE credential ADD CONSTRAINT credential_current_issuance FOREIGN KEY (issuance_id) REFERENCES issuance (id);
