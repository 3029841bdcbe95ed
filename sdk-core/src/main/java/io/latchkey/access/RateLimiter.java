package io.latchkey.access;

/**
 * Counts failed attempts of guessable things (provisioning links, device passwords, license codes, logins)
 * per key, and refuses further attempts while a key has failed too often recently.
 *
 * <p>Keys name both the action and the source, e.g. {@code "provision/source:203.0.113.7"}. Implementations
 * must be thread-safe; one shared by several nodes makes the limit hold across them.
 */
public interface RateLimiter {

    /**
     * Refuses with {@link io.latchkey.ErrorCode#TOO_MANY_ATTEMPTS} (category RATE_LIMITED, with a retry-after)
     * if {@code key} is locked out now.
     */
    void check(String key);

    /** Counts a failed attempt against {@code key}. */
    void recordFailure(String key);

    /** Forgets the failures of {@code key}, after a success. */
    void reset(String key);
}
