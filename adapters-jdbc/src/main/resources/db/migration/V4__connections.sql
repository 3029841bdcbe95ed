-- Latchkey schema, version 4: connection requests between organizations.

CREATE TABLE connection_request (
    id         UUID                     NOT NULL PRIMARY KEY,
    kind       VARCHAR(32)              NOT NULL CHECK (kind IN ('COMPANY_TO_PARTNER', 'SELLER_TO_RESELLER')),
    from_org   UUID                     NOT NULL REFERENCES organization (id),
    to_org     UUID                     NOT NULL REFERENCES organization (id),
    state      VARCHAR(16)              NOT NULL
        CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'ENDED')),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE,
    decided_by VARCHAR(200),
    version    BIGINT                   NOT NULL
);
CREATE INDEX connection_request_from ON connection_request (from_org, id);
CREATE INDEX connection_request_to ON connection_request (to_org, id);
