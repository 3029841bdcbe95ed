-- Latchkey schema, version 7: sellers, closed organizations, the package catalog, hubs and subscriptions.

ALTER TABLE organization ADD COLUMN seller_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE organization ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE service_package (
    id            UUID                     NOT NULL PRIMARY KEY,
    code          VARCHAR(32)              NOT NULL CONSTRAINT service_package_code_unique UNIQUE,
    name          VARCHAR(200)             NOT NULL,
    monthly_price BIGINT                   NOT NULL CHECK (monthly_price >= 0),
    currency      VARCHAR(3)               NOT NULL,
    requires_sim  BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL
);

CREATE TABLE hub (
    id            UUID                     NOT NULL PRIMARY KEY,
    seller_id     UUID                     NOT NULL REFERENCES organization (id),
    site_id       UUID                     NOT NULL REFERENCES site (id),
    serial        VARCHAR(64)              NOT NULL CONSTRAINT hub_serial_unique UNIQUE,
    sim_installed BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL
);
CREATE INDEX hub_seller ON hub (seller_id, serial);

CREATE TABLE subscription (
    id          UUID                     NOT NULL PRIMARY KEY,
    hub_id      UUID                     NOT NULL REFERENCES hub (id),
    seller_id   UUID                     NOT NULL REFERENCES organization (id),
    reseller_id UUID                     NOT NULL REFERENCES organization (id),
    package_id  UUID                     NOT NULL REFERENCES service_package (id),
    state       VARCHAR(16)              NOT NULL CHECK (state IN ('ACTIVE', 'EXPIRES_SOON', 'ENDED')),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE,
    ended_at    TIMESTAMP WITH TIME ZONE,
    -- The hub while not ENDED, NULL after: the unique constraint allows one live subscription per hub.
    live_hub    UUID                              CONSTRAINT subscription_one_live UNIQUE,
    version     BIGINT                   NOT NULL,
    CONSTRAINT subscription_live CHECK ((state = 'ENDED') = (live_hub IS NULL))
);
CREATE INDEX subscription_seller ON subscription (seller_id, id);
CREATE INDEX subscription_reseller ON subscription (reseller_id, started_at);
CREATE INDEX subscription_due ON subscription (ends_at);
