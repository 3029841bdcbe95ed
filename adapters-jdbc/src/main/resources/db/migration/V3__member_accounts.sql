-- Latchkey schema, version 3: members' accounts (invitation status, Argon2id password hash, link stamp).

ALTER TABLE member ADD COLUMN status VARCHAR(16) DEFAULT 'INVITED' NOT NULL;
ALTER TABLE member ADD CONSTRAINT member_status CHECK (status IN ('INVITED', 'ACTIVE', 'DISABLED'));
ALTER TABLE member ADD COLUMN password_hash VARCHAR(256);
ALTER TABLE member ADD COLUMN stamp INTEGER DEFAULT 0 NOT NULL;
