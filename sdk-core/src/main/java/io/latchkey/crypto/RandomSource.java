package io.latchkey.crypto;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * The only source of randomness in the domain (ids, labels, keys, nonces), injected so that tests can be
 * repeatable. Implementations must be thread-safe.
 */
public interface RandomSource {

    /** Fills {@code bytes} with random bytes. */
    void nextBytes(byte[] bytes);

    /** A random 64-bit value. */
    default long nextLong() {
        byte[] b = new byte[8];
        nextBytes(b);
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }

    /** A fresh array of {@code n} random bytes. */
    default byte[] bytes(int n) {
        byte[] b = new byte[n];
        nextBytes(b);
        return b;
    }

    /** Cryptographically strong randomness; the default everywhere outside tests. */
    static RandomSource secure() {
        SecureRandom random = new SecureRandom();
        return random::nextBytes;
    }

    /** Repeatable randomness for tests. Never use it where a secret is made in production. */
    static RandomSource seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return bytes -> {
            synchronized (random) {
                random.nextBytes(bytes);
            }
        };
    }
}
