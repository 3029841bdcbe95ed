/**
 * Rate limits: every {@link io.latchkey.limits.Limit} of the SDK as data, the
 * {@link io.latchkey.limits.RateLimiter} that counts attempts against them, and its implementation in the
 * deployment's store ({@link io.latchkey.limits.StoredRateLimiter} over the
 * {@link io.latchkey.limits.AttemptRepository} port), shared by every node on one database.
 *
 * <p>Depends on {@code io.latchkey}, {@code crypto} (keyed hashes) and {@code store} only.
 */
package io.latchkey.limits;
