package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.UniqueKey;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;

/**
 * How one kind of row maps to its table: each column with the value a row gives it, the row read back, and the
 * port's {@link UniqueKey}s kept as the table's unique constraints. It writes every insert and optimistic
 * update of the store, so that the repositories keep only their own queries. The first column is the key; a
 * versioned table's last column is {@code version}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the row
 */
final class Table<T> {

    /** Reads a row into the SDK's type. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Row row) throws SQLException;
    }

    private record Column<T>(String name, int sqlType, Function<T, ?> value) {
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final String name;
    private final List<Column<T>> columns;
    private final BiFunction<T, Long, T> withVersion;
    private final List<UniqueKey<T>> uniques;
    private final RowMapper<T> mapper;

    private Table(Builder<T> b, Reader<T> reader) {
        this.name = b.name;
        this.columns = List.copyOf(b.columns);
        this.withVersion = b.withVersion;
        this.uniques = List.copyOf(b.uniques);
        this.mapper = (rs, ctx) -> reader.read(new Row(rs));
    }

    static <T> Builder<T> named(String name) {
        return new Builder<>(name);
    }

    /** Declares a table column by column, its key first. */
    static final class Builder<T> {
        private final String name;
        private final List<Column<T>> columns = new ArrayList<>();
        private final List<UniqueKey<T>> uniques = new ArrayList<>();
        private BiFunction<T, Long, T> withVersion;

        private Builder(String name) {
            this.name = name;
        }

        /** A UUID column: an id record ({@link io.latchkey.Id}) or a UUID. */
        Builder<T> uuid(String column, Function<T, ?> value) {
            return add(column, Types.OTHER, value);
        }

        Builder<T> text(String column, Function<T, ?> value) {
            return add(column, Types.VARCHAR, value);
        }

        Builder<T> time(String column, Function<T, Instant> value) {
            return add(column, Types.TIMESTAMP_WITH_TIMEZONE, value);
        }

        Builder<T> integer(String column, Function<T, Integer> value) {
            return add(column, Types.INTEGER, value);
        }

        Builder<T> bigint(String column, Function<T, Long> value) {
            return add(column, Types.BIGINT, value);
        }

        Builder<T> bool(String column, Function<T, ?> value) {
            return add(column, Types.BOOLEAN, value);
        }

        Builder<T> bytes(String column, Function<T, byte[]> value) {
            return add(column, Types.VARBINARY, value);
        }

        /** The optimistic version, always the last column; {@code withVersion} makes the row with the next one. */
        Builder<T> version(Function<T, Long> value, BiFunction<T, Long, T> withVersion) {
            this.withVersion = withVersion;
            return add("version", Types.BIGINT, value);
        }

        /** A rule of the port, kept by the constraint of its name. */
        Builder<T> unique(UniqueKey<T> rule) {
            uniques.add(rule);
            return this;
        }

        Table<T> reads(Reader<T> reader) {
            return new Table<>(this, reader);
        }

        private Builder<T> add(String column, int sqlType, Function<T, ?> value) {
            columns.add(new Column<>(column, sqlType, value));
            return this;
        }
    }

    /** The columns, for a SELECT list. */
    String columns() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    String name() {
        return name;
    }

    RowMapper<T> mapper() {
        return mapper;
    }

    /** Inserts {@code row}; a broken rule is the rule's refusal. */
    void insert(Handle handle, T row) {
        String names = columns();
        String values = columns.stream().map(c -> ":" + c.name()).collect(Collectors.joining(", "));
        execute(bindAll(handle.createUpdate("INSERT INTO " + name + " (" + names + ") VALUES (" + values + ")"), row),
                row);
    }

    /**
     * Stores {@code row} if the stored version is still the one it carries; returns it with the next version.
     *
     * @throws LatchkeyException {@link ErrorCode#CONCURRENT_MODIFICATION} if it moved on; a broken rule is the
     *                           rule's refusal
     */
    T update(Handle handle, T row) {
        return updateIf(handle, row, null).orElseThrow(() -> LatchkeyException.of(ErrorCode.CONCURRENT_MODIFICATION,
                name + " " + columns.get(0).value().apply(row)));
    }

    /**
     * Like {@link #update}, where the stored row also meets {@code guard} (SQL, null for none); empty, changing
     * nothing, where it does not.
     */
    Optional<T> updateIf(Handle handle, T row, String guard) {
        if (withVersion == null) {
            throw new UnsupportedOperationException("the rows of " + name + " never change");
        }
        Column<T> key = columns.get(0);
        String set = columns.subList(1, columns.size() - 1).stream().map(c -> c.name() + " = :" + c.name())
                .collect(Collectors.joining(", "));
        Update update = handle.createUpdate("UPDATE " + name + " SET " + set + ", version = version + 1 WHERE "
                + key.name() + " = :" + key.name() + " AND version = :version"
                + (guard == null ? "" : " AND (" + guard + ")"));
        if (execute(bindAll(update, row), row) != 1) {
            return Optional.empty();
        }
        long version = (Long) columns.get(columns.size() - 1).value().apply(row);
        return Optional.of(withVersion.apply(row, version + 1));
    }

    /** {@code SELECT columns FROM table} and the rest ({@code WHERE …, ORDER BY …}), bound by name. */
    Query select(Handle handle, String rest, Map<String, ?> binds) {
        return bind(handle.createQuery("SELECT " + columns() + " FROM " + name + " " + rest), binds);
    }

    Optional<T> one(Handle handle, String rest, Map<String, ?> binds) {
        return select(handle, rest, binds).map(mapper).findOne();
    }

    List<T> list(Handle handle, String rest, Map<String, ?> binds) {
        return select(handle, rest, binds).map(mapper).list();
    }

    /**
     * A page of the rows {@code where} selects, in key order: those after {@code after} (from the first when it
     * is null), at most {@code limit}.
     */
    List<T> page(Handle handle, String where, Map<String, ?> binds, Object after, int limit) {
        String key = columns.get(0).name();
        Map<String, Object> all = new HashMap<>(binds);
        all.put("limit", limit);
        if (after != null) {
            all.put("after", after);
        }
        return list(handle, where + (after == null ? "" : " AND " + key + " > :after") + " ORDER BY " + key
                + " LIMIT :limit", all);
    }

    private Update bindAll(Update update, T row) {
        for (Column<T> c : columns) {
            update.bind(c.name(), Sql.argument(c.value().apply(row), c.sqlType()));
        }
        return update;
    }

    /** Binds query parameters by name, each as its SDK type is kept. */
    static <S extends SqlStatement<S>> S bind(S statement, Map<String, ?> binds) {
        binds.forEach((name, value) -> statement.bind(name, Sql.argument(value, Types.OTHER)));
        return statement;
    }

    private int execute(Update update, T row) {
        try {
            return update.execute();
        } catch (UnableToExecuteStatementException e) {
            SQLException sql = Sql.sqlCause(e);
            if (sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                // Names are matched in any case: H2 upper-cases them.
                String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                for (UniqueKey<T> rule : uniques) {
                    if (message.contains(rule.name())) {
                        throw rule.refusal().apply(row);
                    }
                }
            }
            throw e;
        }
    }
}
