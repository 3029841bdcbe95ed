package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;

/** Binding, reading and error translation shared by the repositories. */
final class Sql {

    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    /** An instant as TIMESTAMP WITH TIME ZONE in UTC, or a typed null. */
    static Argument instant(Instant value) {
        return (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(position, value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            }
        };
    }

    /** A UUID, or a typed null. */
    static Argument uuid(UUID value) {
        return (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.OTHER);
            } else {
                statement.setObject(position, value);
            }
        };
    }

    /** A string, or a typed null. */
    static Argument text(String value) {
        return (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.VARCHAR);
            } else {
                statement.setString(position, value);
            }
        };
    }

    /** A LIKE pattern that finds {@code text} anywhere, with its wildcards escaped (use {@code ESCAPE '\\'}). */
    static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /**
     * Runs an insert or update; a unique violation of one of the named constraints becomes the typed refusal
     * mapped to it (names are matched case-insensitively: H2 upper-cases them).
     */
    static int execute(Update update, Map<String, Supplier<LatchkeyException>> uniqueConstraints) {
        try {
            return update.execute();
        } catch (UnableToExecuteStatementException e) {
            SQLException sql = sqlCause(e);
            if (sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                for (Map.Entry<String, Supplier<LatchkeyException>> constraint : uniqueConstraints.entrySet()) {
                    if (message.contains(constraint.getKey())) {
                        throw constraint.getValue().get();
                    }
                }
            }
            throw e;
        }
    }

    /** Runs an optimistic update ({@code ... WHERE id = :id AND version = :version}). */
    static void updateVersioned(Update update, String what, Object id) {
        updateVersioned(update, what, id, Map.of());
    }

    static void updateVersioned(Update update, String what, Object id,
                                Map<String, Supplier<LatchkeyException>> uniqueConstraints) {
        if (execute(update, uniqueConstraints) != 1) {
            throw LatchkeyException.of(ErrorCode.CONCURRENT_MODIFICATION, what + " " + id);
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
