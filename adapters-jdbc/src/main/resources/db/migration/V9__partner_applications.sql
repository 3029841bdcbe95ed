-- Latchkey schema, version 9: partners apply and wait for the operator; approved_at is NULL while they wait.

ALTER TABLE organization ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
UPDATE organization SET approved_at = created_at;
CREATE INDEX organization_applications ON organization (approved_at, created_at);
