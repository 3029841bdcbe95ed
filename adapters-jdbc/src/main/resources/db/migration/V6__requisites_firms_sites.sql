-- Latchkey schema, version 6: organizations' requisites, companies' firms, and sites.

ALTER TABLE organization ADD COLUMN inn VARCHAR(12);
ALTER TABLE organization ADD COLUMN address VARCHAR(500);
ALTER TABLE organization ADD COLUMN director VARCHAR(200);
ALTER TABLE organization ADD COLUMN phone VARCHAR(16);

CREATE TABLE firm (
    id         UUID                     NOT NULL PRIMARY KEY,
    company_id UUID                     NOT NULL REFERENCES organization (id),
    name       VARCHAR(200)             NOT NULL,
    inn        VARCHAR(12)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL,
    CONSTRAINT firm_inn_unique UNIQUE (company_id, inn)
);

CREATE TABLE site (
    id              UUID                     NOT NULL PRIMARY KEY,
    organization_id UUID                     NOT NULL REFERENCES organization (id),
    name            VARCHAR(200)             NOT NULL,
    address         VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL
);
CREATE INDEX site_organization ON site (organization_id, name);
