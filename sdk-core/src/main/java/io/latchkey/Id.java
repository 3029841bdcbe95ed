package io.latchkey;

import java.util.UUID;

/**
 * The id of a stored thing: a time-ordered UUID (v7) in a record of its own type, so that an organization's id
 * is never passed where a member's is expected. Stores keep {@link #value()}.
 */
public interface Id {

    /** The UUID the id wraps. */
    UUID value();
}
