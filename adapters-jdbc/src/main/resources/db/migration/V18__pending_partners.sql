-- Latchkey schema, version 18: a partner works once its first administrator confirms (activated_at).

ALTER TABLE organization ADD COLUMN activated_at TIMESTAMP WITH TIME ZONE;
UPDATE organization SET activated_at = approved_at;
