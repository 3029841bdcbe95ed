package io.latchkey.jdbc;

import io.latchkey.Id;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.argument.Argument;

/** How the SDK's values are bound, shared by every table and query. */
final class Sql {

    private Sql() {
    }

    /**
     * {@code value} as the database keeps it: an id record as its UUID, an instant as TIMESTAMP WITH TIME ZONE in
     * UTC, an enum by its name; a null typed as {@code sqlType}.
     */
    static Argument argument(Object value, int sqlType) {
        Object bound = value instanceof Id id ? id.value()
                : value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC)
                : value instanceof Enum<?> e ? e.name()
                : value;
        return (position, statement, context) -> {
            if (bound == null) {
                statement.setNull(position, sqlType);
            } else if (bound instanceof OffsetDateTime) {
                statement.setObject(position, bound, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(position, bound);
            }
        };
    }

    /**
     * What follows a LIKE on a {@link #containing} pattern. Not a backslash: jdbi's parser reads {@code '\\'} as
     * an escaped quote and would swallow the named parameters that follow it.
     */
    static final String LIKE_ESCAPE = " ESCAPE '!'";

    /** A LIKE pattern that finds {@code text} anywhere, with its wildcards escaped (use {@link #LIKE_ESCAPE}). */
    static String containing(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Adds {@code condition} on the parameter {@code name} to a search's criteria when the search gives a value. */
    static void criterion(List<String> where, Map<String, Object> binds, String condition, String name,
                          Object value) {
        if (value != null) {
            where.add(condition);
            binds.put(name, value);
        }
    }

    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
