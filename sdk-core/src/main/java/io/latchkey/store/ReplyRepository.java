package io.latchkey.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Storage port for {@link Reply replies}. (scope, key) is unique: inserting a taken pair throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
@Port(inMemory = InMemoryReplies.class)
public interface ReplyRepository {

    void insert(Reply reply);

    Optional<Reply> find(String scope, String key);

    /** Deletes up to {@code limit} replies made before {@code cutoff}, oldest first; returns how many. */
    int deleteMadeBefore(Instant cutoff, int limit);
}
