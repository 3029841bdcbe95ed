package io.latchkey.lifecycle;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lifecycle as data: the legal {@link Transition}s of one aggregate, keyed by (state, event). Every
 * (state, event) pair that is not in the table is illegal. Tests walk the whole table.
 *
 * <p>Immutable and thread-safe once built.
 *
 * @param <S> the state enum
 * @param <E> the event enum
 */
public final class TransitionTable<S extends Enum<S>, E extends Enum<E>> {

    private final String aggregate;
    private final Class<S> states;
    private final Class<E> events;
    private final Map<S, Map<E, Transition<S, E>>> table;
    private final List<Transition<S, E>> all;

    private TransitionTable(Builder<S, E> builder) {
        this.aggregate = builder.aggregate;
        this.states = builder.states;
        this.events = builder.events;
        Map<S, Map<E, Transition<S, E>>> copy = new EnumMap<>(states);
        builder.table.forEach((s, byEvent) -> copy.put(s, Collections.unmodifiableMap(new EnumMap<>(byEvent))));
        this.table = Collections.unmodifiableMap(copy);
        this.all = List.copyOf(builder.all);
    }

    /** Starts a table for the aggregate named {@code aggregate} (used in messages and the journal). */
    public static <S extends Enum<S>, E extends Enum<E>> Builder<S, E> builder(String aggregate, Class<S> states,
                                                                              Class<E> events) {
        return new Builder<>(aggregate, states, events);
    }

    /** The aggregate's name, e.g. {@code "credential"}. */
    public String aggregate() {
        return aggregate;
    }

    public Class<S> stateType() {
        return states;
    }

    public Class<E> eventType() {
        return events;
    }

    /** The legal step for (state, event), if there is one. */
    public Optional<Transition<S, E>> find(S from, E event) {
        Map<E, Transition<S, E>> byEvent = table.get(from);
        return byEvent == null ? Optional.empty() : Optional.ofNullable(byEvent.get(event));
    }

    /**
     * The legal step for (state, event).
     *
     * @throws LatchkeyException {@link ErrorCode#TRANSITION_NOT_ALLOWED} if there is none
     */
    public Transition<S, E> require(S from, E event) {
        return find(from, event).orElseThrow(() -> LatchkeyException.of(ErrorCode.TRANSITION_NOT_ALLOWED,
                event.name().toLowerCase(java.util.Locale.ROOT), aggregate, from.name()));
    }

    /** Every legal step, in the order they were declared. */
    public List<Transition<S, E>> transitions() {
        return all;
    }

    /** Builds a table; each (state, event) pair may be declared once. */
    public static final class Builder<S extends Enum<S>, E extends Enum<E>> {
        private final String aggregate;
        private final Class<S> states;
        private final Class<E> events;
        private final Map<S, Map<E, Transition<S, E>>> table;
        private final List<Transition<S, E>> all = new ArrayList<>();

        private Builder(String aggregate, Class<S> states, Class<E> events) {
            this.aggregate = aggregate;
            this.states = states;
            this.events = events;
            this.table = new EnumMap<>(states);
        }

        /** An actor's step that needs {@code permission}. */
        public Builder<S, E> on(S from, E event, S to, Permission permission) {
            return add(new Transition<>(from, event, to, java.util.Objects.requireNonNull(permission), false));
        }

        /** A step the clock takes. */
        public Builder<S, E> timed(S from, E event, S to) {
            return add(new Transition<>(from, event, to, null, true));
        }

        private Builder<S, E> add(Transition<S, E> transition) {
            Map<E, Transition<S, E>> byEvent = table.computeIfAbsent(transition.from(), s -> new EnumMap<>(events));
            if (byEvent.putIfAbsent(transition.event(), transition) != null) {
                throw new IllegalStateException("declared twice: " + transition.from() + " x " + transition.event());
            }
            all.add(transition);
            return this;
        }

        public TransitionTable<S, E> build() {
            return new TransitionTable<>(this);
        }
    }
}
