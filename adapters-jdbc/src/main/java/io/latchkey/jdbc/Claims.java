package io.latchkey.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Claims rows for the running transaction, skipping rows other transactions hold, so that concurrent
 * issuers, schedulers and dispatchers (on any node) each get other rows and never wait for one another.
 *
 * <p>PostgreSQL does it in one statement ({@code ORDER BY … LIMIT n FOR UPDATE SKIP LOCKED}). H2 applies the
 * limit before skipping locked rows, which would hand a second claimer nothing while free rows remain; there
 * the candidates are read first and then locked one at a time, each re-checked against the condition.
 */
final class Claims {

    /** How many candidates H2 reads per round. */
    private static final int WINDOW = 32;

    private Claims() {
    }

    /**
     * Up to {@code limit} rows of {@code table} matching {@code where}, in {@code order}, locked for this
     * transaction. The table's key is {@code id}; {@code bind} binds the condition's parameters.
     */
    static <T> List<T> claim(Handle handle, Dialect dialect, String table, String columns, String where, String order,
                             int limit, Consumer<Query> bind, RowMapper<T> mapper) {
        if (dialect == Dialect.POSTGRESQL) {
            Query query = handle.createQuery("SELECT " + columns + " FROM " + table + " WHERE " + where
                    + " ORDER BY " + order + " LIMIT :limit FOR UPDATE SKIP LOCKED");
            bind.accept(query);
            return query.bind("limit", limit).map(mapper).list();
        }
        List<T> claimed = new ArrayList<>();
        for (int offset = 0; claimed.size() < limit; offset += WINDOW) {
            Query candidates = handle.createQuery("SELECT id FROM " + table + " WHERE " + where + " ORDER BY " + order
                    + " LIMIT :window OFFSET :offset");
            bind.accept(candidates);
            List<UUID> ids = candidates.bind("window", WINDOW).bind("offset", offset)
                    .map((rs, ctx) -> Sql.uuid(rs, "id")).list();
            for (UUID id : ids) {
                Query lock = handle.createQuery("SELECT " + columns + " FROM " + table + " WHERE id = :claimId AND ("
                        + where + ") FOR UPDATE SKIP LOCKED");
                bind.accept(lock);
                lock.bind("claimId", Sql.uuid(id)).map(mapper).findOne().ifPresent(claimed::add);
                if (claimed.size() == limit) {
                    break;
                }
            }
            if (ids.size() < WINDOW) {
                break;
            }
        }
        return claimed;
    }
}
