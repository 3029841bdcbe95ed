package io.latchkey.store;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link ReplyRepository} in an {@link InMemoryStore}, keyed by (scope, key). */
final class InMemoryReplies extends InMemoryStore.Table<String, Reply> implements ReplyRepository {

    InMemoryReplies(InMemoryStore store) {
        super(store, r -> key(r.scope(), r.key()));
    }

    private static String key(String scope, String key) {
        return scope + "\n" + key;
    }

    @Override
    public void insert(Reply reply) {
        if (find(reply.scope(), reply.key()).isPresent()) {
            throw LatchkeyException.of(ErrorCode.DUPLICATE, "idempotency key");
        }
        super.insert(reply);
    }

    @Override
    public Optional<Reply> find(String scope, String key) {
        return find(key(scope, key));
    }

    @Override
    public int deleteMadeBefore(Instant cutoff, int limit) {
        List<Reply> old = rows().filter(r -> r.createdAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Reply::createdAt)).limit(limit).toList();
        old.forEach(r -> delete(key(r.scope(), r.key())));
        return old.size();
    }
}
