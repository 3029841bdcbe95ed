package io.latchkey.store;

/**
 * Rows that change, each carrying an optimistic version.
 *
 * @param <K> the key
 * @param <V> the row
 */
public interface VersionedRows<K, V> extends Rows<K, V> {

    /**
     * Stores a changed row if the stored version is still the one it carries; returns it with the next version.
     *
     * @throws io.latchkey.LatchkeyException {@link io.latchkey.ErrorCode#CONCURRENT_MODIFICATION} if it moved on
     */
    V update(V row);
}
