-- Latchkey schema, version 17: the user agreement a company's registration accepted (which, when, by whom).

ALTER TABLE organization ADD COLUMN agreement_version VARCHAR(32);
ALTER TABLE organization ADD COLUMN agreement_accepted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE organization ADD COLUMN agreement_accepted_by VARCHAR(200);
