package io.latchkey.jdbc;

import io.latchkey.Id;
import io.latchkey.store.VersionedRows;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * A repository over one {@link Table}: inserts, optimistic updates and finding by id are the table's; a subclass
 * adds the port's own queries.
 *
 * @param <K> the id
 * @param <V> the row
 */
abstract class JdbiRows<K extends Id, V> implements VersionedRows<K, V> {

    private final Supplier<Handle> handle;
    final Table<V> table;

    JdbiRows(Supplier<Handle> handle, Table<V> table) {
        this.handle = handle;
        this.table = table;
    }

    /** The running transaction's handle. */
    final Handle handle() {
        return handle.get();
    }

    @Override
    public void insert(V row) {
        table.insert(handle(), row);
    }

    @Override
    public V update(V row) {
        return table.update(handle(), row);
    }

    @Override
    public Optional<V> find(K id) {
        return one("WHERE id = :id", Map.of("id", id));
    }

    /** The row of {@code SELECT … FROM table} and {@code rest}, if any. */
    final Optional<V> one(String rest, Map<String, ?> binds) {
        return table.one(handle(), rest, binds);
    }

    /** A page of the rows {@code where} selects, in id order ({@link Table#page}). */
    final List<V> page(String where, Map<String, ?> binds, K after, int limit) {
        return table.page(handle(), where, binds, after, limit);
    }

    /** How many rows {@code where} selects. */
    final int count(String where, Map<String, ?> binds) {
        return Table.bind(handle().createQuery("SELECT COUNT(*) FROM " + table.name() + " " + where), binds)
                .mapTo(Integer.class).one();
    }

    /** The rows of {@code SELECT … FROM table} and {@code rest}. */
    final List<V> list(String rest, Map<String, ?> binds) {
        return table.list(handle(), rest, binds);
    }
}
