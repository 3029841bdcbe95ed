-- Latchkey schema, version 15: a member's contact phone (E.164), which members keep themselves.

ALTER TABLE member ADD COLUMN phone VARCHAR(16);
