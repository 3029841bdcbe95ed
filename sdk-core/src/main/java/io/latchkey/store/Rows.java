package io.latchkey.store;

import java.util.Optional;

/**
 * What every repository of a storage port does with its rows: insert a new one, find one by its key. A row
 * that breaks one of the port's {@link UniqueKey}s is refused with the rule's refusal. Used inside
 * {@link Transactions#inTransaction}.
 *
 * @param <K> the key
 * @param <V> the row
 */
public interface Rows<K, V> {

    /** Stores a new row; its key must be new. */
    void insert(V row);

    Optional<V> find(K key);
}
