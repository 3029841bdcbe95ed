-- Latchkey schema, version 13: the revocation list reads the activations released within a file's validity.

CREATE INDEX activation_released ON activation (deactivated_at);
