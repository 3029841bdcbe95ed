package io.latchkey.keys;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One key as the store keeps it: its material wrapped under the master key.
 *
 * @param keyId      the id signatures and sealed values name
 * @param kind       what it is for
 * @param generation 1 for the first keys, one more with each rotation; the highest of a kind is current
 * @param wrapped    the key's material, wrapped under the master key for {@link #context()}
 * @param createdAt  when it was made
 */
public record StoredKey(String keyId, Kind kind, int generation, byte[] wrapped, Instant createdAt) {

    /** What a key is for. */
    public enum Kind {
        /** An Ed25519 key: links, credential documents, activation files. */
        SIGNING,
        /** A 256-bit key: sealed secrets and the keyed hashes codes are found by. */
        SEALING
    }

    public StoredKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        if (generation < 1) {
            throw new IllegalArgumentException("generations count from 1");
        }
        wrapped = wrapped.clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    /** What the wrapping is bound to: the key's id, kind and generation. */
    String context() {
        return context(keyId, kind, generation);
    }

    static String context(String keyId, Kind kind, int generation) {
        return "latchkey/key/" + kind + "/" + generation + "/" + keyId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredKey k && keyId.equals(k.keyId) && kind == k.kind && generation == k.generation
                && Arrays.equals(wrapped, k.wrapped) && createdAt.equals(k.createdAt);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "StoredKey[" + keyId + ", " + kind + ", generation " + generation + "]";
    }
}
