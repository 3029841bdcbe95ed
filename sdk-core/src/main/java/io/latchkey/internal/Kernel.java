package io.latchkey.internal;

import io.latchkey.access.Access;
import io.latchkey.access.RateLimiter;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.RandomSource;
import io.latchkey.lifecycle.Journal;
import io.latchkey.notify.Outbox;
import io.latchkey.store.Idempotency;
import io.latchkey.store.Store;
import java.time.Clock;

/**
 * What every area's service is built on, wired once by {@link io.latchkey.Latchkey}. Not API.
 *
 * @param store        storage and transactions
 * @param clock        the only source of time
 * @param random       the only source of randomness
 * @param ids          UUIDv7 ids
 * @param keys         signing and sealing keys
 * @param access       permission and tenancy checks
 * @param journal      the transition journal
 * @param outbox       notifications after commit
 * @param idempotency  repeatable write commands
 * @param rateLimiter  limits on guessing
 */
public record Kernel(Store store, Clock clock, RandomSource random, Ids ids, KeyStore keys, Access access,
                     Journal journal, Outbox outbox, Idempotency idempotency, RateLimiter rateLimiter) {
}
