package io.latchkey.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

/** One row of a result, read column by column into the SDK's types; nulls stay null. */
final class Row {

    private final ResultSet rs;

    Row(ResultSet rs) {
        this.rs = rs;
    }

    UUID uuid(String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** An id record ({@code OrgId::new}, say), or null. */
    <I> I id(String column, Function<UUID, I> id) throws SQLException {
        UUID value = uuid(column);
        return value == null ? null : id.apply(value);
    }

    String text(String column) throws SQLException {
        return rs.getString(column);
    }

    /** A value parsed from text ({@code ZoneId::of}, say), or null. */
    <V> V text(String column, Function<String, V> parse) throws SQLException {
        String value = text(column);
        return value == null ? null : parse.apply(value);
    }

    <E extends Enum<E>> E enumOf(String column, Class<E> type) throws SQLException {
        String value = text(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    Instant time(String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    int integer(String column) throws SQLException {
        return rs.getInt(column);
    }

    long bigint(String column) throws SQLException {
        return rs.getLong(column);
    }

    boolean bool(String column) throws SQLException {
        return rs.getBoolean(column);
    }

    byte[] bytes(String column) throws SQLException {
        return rs.getBytes(column);
    }
}
