-- Latchkey schema, version 25: the indexes and foreign keys of issuing, each kept only where it earns its cost
-- (every issuance and every expiry rewrites free_at and due_at, so each index on them is written each time).

-- The claim walks this index in its order and stops at the first free credential: unlimited capacity (NULL) sorts
-- last, as the claim asks. PostgreSQL sorted NULLs last already; H2 sorted them first, so it sorted the whole pool
-- on every claim (10 ms at 200,000 credentials, against 0.1 ms walking the index).
DROP INDEX credential_claim;
CREATE INDEX credential_claim ON credential (partner_id, capacity_expires_at NULLS LAST, free_at, label);

-- (partner_id, free_at) only served counting and asking what is free, which the claim index answers as well
-- (same partner prefix, free_at inside it): one index fewer to write per issuance and per timed step.
DROP INDEX credential_free;

-- An issuance's partner is its credential's, which the credential's own foreign key already guards. Checking it
-- again took a key-share lock on the partner's row with every issuance: concurrent issuers of one partner turned
-- it into a multixact each time. Named as PostgreSQL names it; H2 named it otherwise and keeps it (no multixacts).
ALTER TABLE issuance DROP CONSTRAINT IF EXISTS issuance_partner_id_fkey;

-- How many credentials of each partner and capacity are stored FREE, kept by the store as credentials are minted,
-- issued and returned: "nearly empty" reads it instead of counting a pool of millions under a lock on every
-- issuance. Unlimited capacity is kept under 9999-12-31T23:59:59Z (a key cannot be NULL). An issuer locks its
-- partner's rows only from its count to its commit.
CREATE TABLE credential_stock (
    partner_id     UUID                     NOT NULL,
    capacity_until TIMESTAMP WITH TIME ZONE NOT NULL,
    free           BIGINT                   NOT NULL,
    CONSTRAINT credential_stock_key PRIMARY KEY (partner_id, capacity_until)
);
INSERT INTO credential_stock (partner_id, capacity_until, free)
SELECT partner_id, COALESCE(capacity_expires_at, TIMESTAMP WITH TIME ZONE '9999-12-31 23:59:59+00'), COUNT(*)
FROM credential WHERE state = 'FREE'
GROUP BY partner_id, COALESCE(capacity_expires_at, TIMESTAMP WITH TIME ZONE '9999-12-31 23:59:59+00');
