package io.latchkey.billing;

/** Storage port for the sync's one checkpoint. Must be called inside a transaction. */
public interface CheckpointRepository {

    /** The stored checkpoint; {@link SyncCheckpoint#FIRST} before the first save. */
    SyncCheckpoint current();

    /**
     * Stores {@code checkpoint} if the stored one is still the one it came from (its version); returns it with
     * the next version.
     *
     * @throws io.latchkey.LatchkeyException {@link io.latchkey.ErrorCode#CONCURRENT_MODIFICATION} if another sync
     *                                       moved it on
     */
    SyncCheckpoint save(SyncCheckpoint checkpoint);
}
