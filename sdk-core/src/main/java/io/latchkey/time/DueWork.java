package io.latchkey.time;

import java.time.Instant;

/**
 * Time-triggered work of one area, applied by the {@link Scheduler}: the timed transitions due by now.
 * Implementations claim their due rows in batches (skipping rows another node holds), so that each
 * transition fires once even with several nodes.
 */
public interface DueWork {

    /** A short name for logs and metrics, e.g. {@code "credentials"}. */
    String name();

    /**
     * Applies, in one transaction, up to {@code limit} of the transitions due at {@code now}.
     *
     * @return how many were applied; fewer than {@code limit} means none are left for now
     */
    int applyDue(Instant now, int limit);
}
