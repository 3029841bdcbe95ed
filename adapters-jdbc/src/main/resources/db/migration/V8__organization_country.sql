-- Latchkey schema, version 8: the country of an organization (sellers pick resellers by it).

ALTER TABLE organization ADD COLUMN country VARCHAR(2);
CREATE INDEX organization_kind_country ON organization (kind, country, name);
