-- Latchkey schema, version 2: end customers and devices (heat pumps).

CREATE TABLE customer (
    id         UUID                     NOT NULL PRIMARY KEY,
    phone      VARCHAR(16)              NOT NULL CONSTRAINT customer_phone_unique UNIQUE,
    email      VARCHAR(254),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL
);

CREATE TABLE device (
    id                   UUID                     NOT NULL PRIMARY KEY,
    serial               VARCHAR(64)              NOT NULL CONSTRAINT device_serial_unique UNIQUE,
    model                VARCHAR(100)             NOT NULL,
    password_hash        VARCHAR(200)             NOT NULL,
    operator_id          UUID                     NOT NULL REFERENCES organization (id),
    status               VARCHAR(16)              NOT NULL CHECK (status IN ('CREATED', 'PRODUCED', 'RELEASED',
                                                      'SHIPPED', 'IN_OPERATION', 'IN_SERVICE', 'DECOMMISSIONED')),
    responsible_partner  UUID                              REFERENCES organization (id),
    country              VARCHAR(8),
    region               VARCHAR(100),
    object_type          VARCHAR(64),
    owner_text           VARCHAR(200),
    note                 VARCHAR(1000),
    owner_id             UUID                              REFERENCES customer (id),
    owner_nickname       VARCHAR(100),
    sim                  VARCHAR(22),
    timezone             VARCHAR(64),
    last_data_at         TIMESTAMP WITH TIME ZONE,
    last_connect_at      TIMESTAMP WITH TIME ZONE,
    last_disconnect_at   TIMESTAMP WITH TIME ZONE,
    last_seen_at         TIMESTAMP WITH TIME ZONE,
    connectivity         VARCHAR(16) CHECK (connectivity IN ('GSM', 'ETHERNET', 'WIFI')),
    -- The latest state of each alarm code: one "code active epochMicros" line per code.
    alarms               VARCHAR(4000)            NOT NULL,
    auto_commissioned_at TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   NOT NULL
);
-- Searches by partner, status and owner page by serial (the unique index serves the serial alone).
CREATE INDEX device_partner ON device (responsible_partner, serial);
CREATE INDEX device_status ON device (status, serial);
CREATE INDEX device_owner ON device (owner_id, serial);

-- Finding partners by name.
CREATE INDEX organization_kind_name ON organization (kind, name);
