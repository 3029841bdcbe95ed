-- Latchkey schema, version 5: licenses, their documents (the ledger) and activations.

CREATE TABLE license (
    id          UUID                     NOT NULL PRIMARY KEY,
    format      VARCHAR(16)              NOT NULL CHECK (format IN ('NUMERIC_12', 'BASE32_12')),
    -- Keyed hash of the code, for lookup; the code itself only sealed. Never in clear.
    code_hash   VARCHAR(64)              NOT NULL CONSTRAINT license_code_unique UNIQUE,
    sealed_code BYTEA                    NOT NULL,
    holder_id   UUID                     NOT NULL REFERENCES organization (id),
    state       VARCHAR(16)              NOT NULL CHECK (state IN ('SEALED', 'REVEALED', 'ASSIGNED', 'SOLD')),
    printed     BOOLEAN                  NOT NULL,
    sent        BOOLEAN                  NOT NULL,
    minted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL
);
CREATE INDEX license_holder ON license (holder_id, state, id);

CREATE SEQUENCE license_document_number START WITH 1;

CREATE TABLE license_document (
    id            UUID                     NOT NULL PRIMARY KEY,
    doc_number    BIGINT                   NOT NULL CONSTRAINT license_document_number_unique UNIQUE,
    type          VARCHAR(32)              NOT NULL CHECK (type IN ('MINT', 'REVEAL_TO_SELF', 'SALE_TO_PARTNER',
                                               'SALE_TO_COMPANY', 'SALE_TO_UNREGISTERED')),
    seller_id     UUID                     NOT NULL REFERENCES organization (id),
    buyer_id      UUID                              REFERENCES organization (id),
    buyer_name    VARCHAR(200),
    buyer_inn     VARCHAR(12),
    buyer_address VARCHAR(500),
    author        VARCHAR(200)             NOT NULL,
    posted_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX license_document_seller ON license_document (seller_id, doc_number);
CREATE INDEX license_document_buyer ON license_document (buyer_id, doc_number);
CREATE INDEX license_document_author ON license_document (author, doc_number);

CREATE TABLE license_document_line (
    document_id UUID    NOT NULL REFERENCES license_document (id),
    line        INTEGER NOT NULL,
    license_id  UUID    NOT NULL REFERENCES license (id),
    PRIMARY KEY (document_id, line)
);
CREATE INDEX license_document_line_license ON license_document_line (license_id);

CREATE TABLE activation (
    id             UUID                     NOT NULL PRIMARY KEY,
    license_id     UUID                     NOT NULL REFERENCES license (id),
    fingerprint    VARCHAR(256)             NOT NULL,
    state          VARCHAR(16)              NOT NULL CHECK (state IN ('ACTIVE', 'DEACTIVATED')),
    activated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    deactivated_at TIMESTAMP WITH TIME ZONE,
    -- The license while ACTIVE, NULL after: the unique constraint allows one active activation per license.
    active_license UUID                              CONSTRAINT activation_one_active UNIQUE,
    version        BIGINT                   NOT NULL,
    CONSTRAINT activation_active CHECK ((state = 'ACTIVE') = (active_license IS NOT NULL))
);
CREATE INDEX activation_license ON activation (license_id);
