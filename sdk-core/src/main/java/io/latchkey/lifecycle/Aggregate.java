package io.latchkey.lifecycle;

import io.latchkey.access.Holder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One kind of aggregate as the kernel step ({@link Steps}) sees it: the table of its lifecycle, how to read its
 * state, its id in the journal and whom it belongs to, and where it is inserted and saved (with its optimistic
 * version). Each area binds its aggregates to its store once, when its services are made.
 *
 * @param table   its lifecycle
 * @param state   its stored state
 * @param id      how the journal names it (a credential's label, a device's serial, else its id)
 * @param holder  whom it belongs to, for the permission of a step
 * @param insert  stores a new one
 * @param update  stores a changed one if its version is still the stored one, and returns it with the next
 * @param <A>     the aggregate
 * @param <S>     its states
 * @param <E>     its events
 */
public record Aggregate<A, S extends Enum<S>, E extends Enum<E>>(TransitionTable<S, E> table, Function<A, S> state,
                                                                 Function<A, ?> id, Function<A, Holder> holder,
                                                                 Consumer<A> insert, UnaryOperator<A> update) {
}
