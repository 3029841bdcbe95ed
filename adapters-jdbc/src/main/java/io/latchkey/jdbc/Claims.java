package io.latchkey.jdbc;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Claims rows for the running transaction, skipping rows other transactions hold, so that concurrent
 * issuers, schedulers and dispatchers (on any node) each get other rows and wait for one another only when
 * nothing else is left.
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
     * transaction. The table's key is {@code id}; {@code binds} are the condition's parameters.
     */
    static <T> List<T> claim(Handle handle, Dialect dialect, Table<T> table, String where, String order, int limit,
                             Map<String, ?> binds) {
        return claim(handle, dialect, table, null, where, order, limit, binds);
    }

    /**
     * Like {@link #claim}; on H2 the candidates are read through {@code index} (null: H2's choice), which must
     * give them in {@code order}. H2 may otherwise pick another index of the same prefix and sort every candidate.
     */
    private static <T> List<T> claim(Handle handle, Dialect dialect, Table<T> table, String index, String where,
                                     String order, int limit, Map<String, ?> binds) {
        if (dialect == Dialect.POSTGRESQL) {
            return table.select(handle,
                    "WHERE " + where + " ORDER BY " + order + " LIMIT :limit FOR UPDATE SKIP LOCKED",
                    binds).bind("limit", limit).map(table.mapper()).list();
        }
        List<T> claimed = new ArrayList<>();
        for (int offset = 0; claimed.size() < limit; offset += WINDOW) {
            List<UUID> ids = Table.bind(handle.createQuery("SELECT id FROM " + table.name()
                            + (index == null ? "" : " USE INDEX (" + index + ")") + " WHERE " + where
                            + " ORDER BY " + order + " LIMIT :window OFFSET :offset"), binds)
                    .bind("window", WINDOW).bind("offset", offset).map((rs, ctx) -> new Row(rs).uuid("id")).list();
            for (UUID id : ids) {
                table.select(handle, "WHERE id = :claimId AND (" + where + ") FOR UPDATE SKIP LOCKED", binds)
                        .bind("claimId", Sql.argument(id, Types.OTHER)).map(table.mapper()).findOne()
                        .ifPresent(claimed::add);
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

    /**
     * Like {@link #claim} (through {@code index} on H2, as below), but when every matching row is held by another transaction, waits for the first of
     * them (and then returns that one row): it returns nothing only when no row matches once the holders have
     * committed or rolled back. An issuer must not read a pool as empty while a scheduler is returning its
     * credentials.
     */
    static <T> List<T> claimOrWait(Handle handle, Dialect dialect, Table<T> table, String index, String where,
                                   String order, int limit, Map<String, ?> binds) {
        while (true) {
            List<T> claimed = claim(handle, dialect, table, index, where, order, limit, binds);
            if (!claimed.isEmpty()) {
                return claimed;
            }
            Optional<UUID> held = Table.bind(handle.createQuery("SELECT id FROM " + table.name() + " WHERE "
                            + where + " ORDER BY " + order + " LIMIT 1 FOR UPDATE"), binds)
                    .map((rs, ctx) -> new Row(rs).uuid("id")).findOne();
            if (held.isEmpty()) {
                // H2 may cut to one row before it re-checks the row it waited for; if others still match,
                // wait for them in turn.
                boolean anyLeft = Table.bind(handle.createQuery("SELECT 1 FROM " + table.name() + " WHERE "
                        + where + " LIMIT 1"), binds).mapTo(Integer.class).findOne().isPresent();
                if (anyLeft) {
                    continue;
                }
                return List.of();
            }
            // Ours now; but its holder may have changed it, so it is read again against the condition.
            Optional<T> waited = table.select(handle, "WHERE id = :claimId AND (" + where + ")", binds)
                    .bind("claimId", Sql.argument(held.get(), Types.OTHER)).map(table.mapper()).findOne();
            if (waited.isPresent()) {
                return List.of(waited.get());
            }
        }
    }
}
