package io.latchkey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.access.Permission;
import io.latchkey.lifecycle.Transition;
import io.latchkey.lifecycle.TransitionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A lifecycle as the tests expect it, written out row by row: an oracle independent of the table the code
 * uses. {@link #assertIsTheTableOf} compares the two; walks take their expected outcomes from here.
 *
 * @param <S> the states
 * @param <E> the events
 */
public final class ExpectedTable<S extends Enum<S>, E extends Enum<E>> {

    /** One expected row; {@code permission} is null for a step of the clock. */
    public record Row<S, E>(S from, E event, S to, Permission permission) {
        public boolean timed() {
            return permission == null;
        }
    }

    private final String aggregate;
    private final Class<S> states;
    private final Class<E> events;
    private final Map<String, Row<S, E>> rows = new TreeMap<>();

    private ExpectedTable(String aggregate, Class<S> states, Class<E> events) {
        this.aggregate = aggregate;
        this.states = states;
        this.events = events;
    }

    public static <S extends Enum<S>, E extends Enum<E>> ExpectedTable<S, E> of(String aggregate, Class<S> states,
                                                                               Class<E> events) {
        return new ExpectedTable<>(aggregate, states, events);
    }

    /** An actor's step that needs {@code permission}. */
    public ExpectedTable<S, E> row(S from, E event, S to, Permission permission) {
        return add(new Row<>(from, event, to, java.util.Objects.requireNonNull(permission)));
    }

    /** A step of the clock. */
    public ExpectedTable<S, E> timed(S from, E event, S to) {
        return add(new Row<>(from, event, to, null));
    }

    private ExpectedTable<S, E> add(Row<S, E> row) {
        if (rows.put(key(row.from(), row.event()), row) != null) {
            throw new IllegalStateException("expected twice: " + row);
        }
        return this;
    }

    public Optional<Row<S, E>> find(S from, E event) {
        return Optional.ofNullable(rows.get(key(from, event)));
    }

    /** Every (state × event) pair, for parameterized walks. */
    public Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (S state : states.getEnumConstants()) {
            for (E event : events.getEnumConstants()) {
                pairs.add(Arguments.of(state, event));
            }
        }
        return pairs.stream();
    }

    /** Asserts that {@code table} has exactly these rows, with these targets and permissions, and this name. */
    public void assertIsTheTableOf(TransitionTable<S, E> table) {
        assertEquals(aggregate, table.aggregate(), "the journal name");
        Map<String, Row<S, E>> actual = new TreeMap<>();
        for (Transition<S, E> t : table.transitions()) {
            actual.put(key(t.from(), t.event()), new Row<>(t.from(), t.event(), t.to(), t.permission()));
        }
        assertEquals(rows, actual, aggregate + " table");
    }

    private String key(S from, E event) {
        return from.name() + " × " + event.name();
    }
}
