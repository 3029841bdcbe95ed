-- Latchkey schema, version 19: tax ids by their country's rule (a free one is up to 32 characters), and an
-- organization's contact address and legal name.

ALTER TABLE organization ALTER COLUMN inn SET DATA TYPE VARCHAR(32);
ALTER TABLE firm ALTER COLUMN inn SET DATA TYPE VARCHAR(32);
ALTER TABLE license_document ALTER COLUMN buyer_inn SET DATA TYPE VARCHAR(32);
ALTER TABLE organization ADD COLUMN email VARCHAR(254);
ALTER TABLE organization ADD COLUMN legal_name VARCHAR(200);
