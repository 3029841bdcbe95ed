-- Latchkey schema, version 11: idempotency records and sent notifications are pruned by age.

CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
CREATE INDEX outbox_message_sent ON outbox_message (status, created_at);
