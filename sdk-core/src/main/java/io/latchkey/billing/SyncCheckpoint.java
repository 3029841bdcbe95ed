package io.latchkey.billing;

import java.time.Instant;

/**
 * Where the sync got to, stored in the same transaction as what it applied: the pass under way, the cursor of
 * its next page, and when the last pass completed.
 *
 * @param pass        the number of the pass under way (1, 2, …)
 * @param cursor      where its next page starts; null at its start
 * @param completedAt when the last pass completed; null before the first
 * @param version     optimistic version (0 before the first save)
 */
public record SyncCheckpoint(long pass, String cursor, Instant completedAt, long version) {

    /** Before the first sync. */
    public static final SyncCheckpoint FIRST = new SyncCheckpoint(1, null, null, 0);

    /** The same checkpoint with another version; for stores. */
    public SyncCheckpoint withVersion(long newVersion) {
        return new SyncCheckpoint(pass, cursor, completedAt, newVersion);
    }
}
