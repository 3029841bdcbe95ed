package io.latchkey.jdbc;

import io.latchkey.billing.CheckpointRepository;
import io.latchkey.billing.SyncCheckpoint;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The billing sync's checkpoint: the one row of {@code billing_checkpoint}. */
final class JdbiCheckpointRepository implements CheckpointRepository {

    private static final String ONE = "billing";

    static final Table<SyncCheckpoint> TABLE = Table.<SyncCheckpoint>named("billing_checkpoint")
            .text("id", c -> ONE)
            .bigint("pass", SyncCheckpoint::pass)
            .text("cursor_at", SyncCheckpoint::cursor)
            .time("completed_at", SyncCheckpoint::completedAt)
            .version(SyncCheckpoint::version, SyncCheckpoint::withVersion)
            .reads(r -> new SyncCheckpoint(r.bigint("pass"), r.text("cursor_at"), r.time("completed_at"),
                    r.bigint("version")));

    private final Supplier<Handle> handle;

    JdbiCheckpointRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public SyncCheckpoint current() {
        return TABLE.one(handle.get(), "WHERE id = :id", Map.of("id", ONE)).orElse(SyncCheckpoint.FIRST);
    }

    @Override
    public SyncCheckpoint save(SyncCheckpoint next) {
        if (next.version() == 0 && current().version() == 0) {
            // The first save: a second sync saving its first at once breaks the key, a conflict like any other.
            SyncCheckpoint first = next.withVersion(1);
            TABLE.insert(handle.get(), first);
            return first;
        }
        return TABLE.update(handle.get(), next);
    }
}
