-- Latchkey schema, version 14: why a connection request was rejected, for the one who sent it.

ALTER TABLE connection_request ADD COLUMN reason VARCHAR(1000);
