package io.latchkey.limits;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.Port;
import io.latchkey.store.UniqueKey;
import java.time.Instant;
import java.util.Optional;

/**
 * Storage port of attempt counters: one row per (limit, subject) key, so at most as many rows as subjects that
 * tried something within a window, and pruned once their windows are over. Must be called inside a
 * transaction.
 */
@Port(inMemory = InMemoryAttemptRepository.class)
public interface AttemptRepository {

    /** One counter per key. */
    UniqueKey<AttemptCounter> KEY = new UniqueKey<>("attempt_counter_key", AttemptCounter::key,
            c -> LatchkeyException.of(ErrorCode.DUPLICATE, "attempt counter"));

    /** The counter of {@code key}, locked until the transaction ends (no one else counts it meanwhile). */
    Optional<AttemptCounter> lock(String key);

    /**
     * @throws io.latchkey.LatchkeyException {@link io.latchkey.ErrorCode#DUPLICATE} if {@code key} has a counter
     *                                       already (another node made it first)
     */
    void insert(AttemptCounter counter);

    /**
     * @throws io.latchkey.LatchkeyException {@link io.latchkey.ErrorCode#CONCURRENT_MODIFICATION} if the stored
     *                                       version is not the counter's
     */
    AttemptCounter update(AttemptCounter counter);

    /** Deletes up to {@code limit} counters whose windows ended before {@code cutoff}; returns how many. */
    int deleteEndedBefore(Instant cutoff, int limit);
}
