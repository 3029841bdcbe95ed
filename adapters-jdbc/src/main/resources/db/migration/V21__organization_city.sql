-- Latchkey schema, version 21: the city an organization works from, shown on the list of partners.

ALTER TABLE organization ADD COLUMN city VARCHAR(100);
