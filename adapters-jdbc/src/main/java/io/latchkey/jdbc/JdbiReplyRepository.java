package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.Reply;
import io.latchkey.store.ReplyRepository;
import io.latchkey.store.UniqueKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The {@code idempotent_reply} table, keyed by (scope, key). */
final class JdbiReplyRepository implements ReplyRepository {

    private static final UniqueKey<Reply> KEY = new UniqueKey<>("idempotent_reply_unique",
            r -> r.scope() + "\n" + r.key(), r -> LatchkeyException.of(ErrorCode.DUPLICATE, "idempotency key"));

    static final Table<Reply> TABLE = Table.<Reply>named("idempotent_reply")
            .text("scope", Reply::scope)
            .text("idem_key", Reply::key)
            .text("request_hash", Reply::requestHash)
            .integer("status", Reply::status)
            .text("content_type", Reply::contentType)
            .bytes("sealed_body", Reply::sealedBody)
            .time("created_at", Reply::createdAt)
            .unique(KEY)
            .reads(r -> new Reply(r.text("scope"), r.text("idem_key"), r.text("request_hash"), r.integer("status"),
                    r.text("content_type"), r.bytes("sealed_body"), r.time("created_at")));

    private final Supplier<Handle> handle;

    JdbiReplyRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Reply reply) {
        TABLE.insert(handle.get(), reply);
    }

    @Override
    public Optional<Reply> find(String scope, String key) {
        return TABLE.one(handle.get(), "WHERE scope = :scope AND idem_key = :key",
                Map.of("scope", scope, "key", key));
    }

    @Override
    public int deleteMadeBefore(Instant cutoff, int limit) {
        return Table.bind(handle.get().createUpdate("DELETE FROM idempotent_reply WHERE (scope, idem_key) IN "
                + "(SELECT scope, idem_key FROM idempotent_reply WHERE created_at < :cutoff ORDER BY created_at "
                + "LIMIT :limit)"), Map.of("cutoff", cutoff, "limit", limit)).execute();
    }
}
