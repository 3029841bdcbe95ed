-- Latchkey schema, version 16: a firm's requisites, and the buyer firm and its requisites copied into a sale.

ALTER TABLE firm ADD COLUMN address VARCHAR(500);
ALTER TABLE firm ADD COLUMN director VARCHAR(200);
ALTER TABLE license_document ADD COLUMN buyer_firm_id UUID REFERENCES firm (id);
ALTER TABLE license_document ADD COLUMN buyer_director VARCHAR(200);
