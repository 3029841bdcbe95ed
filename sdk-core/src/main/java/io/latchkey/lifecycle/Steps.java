package io.latchkey.lifecycle;

import io.latchkey.access.Access;
import io.latchkey.access.Actor;
import io.latchkey.access.Bearer;
import io.latchkey.access.Holder;
import io.latchkey.crypto.Ids;
import io.latchkey.internal.Actors;
import java.time.Clock;
import java.util.function.BiFunction;

/**
 * The one way a state changes: find the table's row for (state, event) → check the row's permission for the
 * actor → apply the change, which must reach the row's target → save with the aggregate's version → journal
 * the step under the table's aggregate name. Run inside the command's transaction, so that the state, its
 * journal line and any outbox message commit together. Creation goes through {@link #create}, which journals
 * the first state.
 *
 * <p>Thread-safe.
 */
public final class Steps {

    /** The kernel's actor for the steps the clock takes. */
    private static final Actor CLOCK = Actors.system("scheduler");

    private final Access access;
    private final Journal journal;

    public Steps(Access access, JournalRepository entries, Clock clock, Ids ids) {
        this.access = access;
        this.journal = new Journal(entries, clock, ids);
    }

    /**
     * Takes {@code event} on an aggregate the actor has been shown: {@link #check} then {@link Step#take}.
     *
     * @param change makes the changed aggregate in the row's target state (given)
     * @throws io.latchkey.LatchkeyException TRANSITION_NOT_ALLOWED if the table has no row for (state, event),
     *                                       PERMISSION_DENIED if the actor lacks the row's permission
     */
    public <A, S extends Enum<S>, E extends Enum<E>> A take(Actor actor, Aggregate<A, S, E> kind, A current, E event,
                                                            BiFunction<A, S, A> change, String reason) {
        return check(actor, kind, current, event).take(change, reason);
    }

    /**
     * The step {@code event} on an aggregate the actor has been shown, once the table has a row for it and the
     * actor holds the row's permission over the aggregate's holder (lacking it is FORBIDDEN). Check what else
     * the step needs, then {@link Step#take} it.
     */
    public <A, S extends Enum<S>, E extends Enum<E>> Step<A, S> check(Actor actor, Aggregate<A, S, E> kind, A current,
                                                                      E event) {
        return checkOver(actor, kind.holder().apply(current), kind, current, event);
    }

    /**
     * Like {@link #check}, with the row's permission checked over {@code over} rather than the aggregate's own
     * holder: a partner claims a device with a standing over itself, not over the device.
     */
    public <A, S extends Enum<S>, E extends Enum<E>> Step<A, S> checkOver(Actor actor, Holder over,
                                                                          Aggregate<A, S, E> kind, A current,
                                                                          E event) {
        Transition<S, E> row = kind.table().require(kind.state().apply(current), event);
        if (row.timed()) {
            throw new IllegalArgumentException(event + " is a step of the clock");
        }
        access.requireOnVisible(actor, row.permission(), over);
        return new Step<>(actor, kind, current, row);
    }

    /**
     * The step {@code event} whose row is granted to whoever presents a secret ({@link Bearer#SECRET}): the
     * caller has verified it (a link's token, a license code, the current password) before asking.
     */
    public <A, S extends Enum<S>, E extends Enum<E>> Step<A, S> checkSecret(Actor actor, Aggregate<A, S, E> kind,
                                                                            A current, E event) {
        Transition<S, E> row = kind.table().require(kind.state().apply(current), event);
        if (row.timed() || !row.permission().grants(Bearer.SECRET)) {
            throw new IllegalArgumentException(event + " is not granted by a secret");
        }
        return new Step<>(actor, kind, current, row);
    }

    /** Takes a timed step that has come due; the journal names the scheduler. */
    public <A, S extends Enum<S>, E extends Enum<E>> A takeTimed(Aggregate<A, S, E> kind, A current, E event,
                                                                 BiFunction<A, S, A> change, String reason) {
        Transition<S, E> row = kind.table().require(kind.state().apply(current), event);
        if (!row.timed()) {
            throw new IllegalArgumentException(event + " is not a step of the clock");
        }
        return new Step<>(CLOCK, kind, current, row).take(change, reason);
    }

    /**
     * Journals something done with an aggregate that changes nothing in it (a code shown to its holder, say):
     * a line named {@code event} with the aggregate's state at both ends. The caller has checked the right.
     */
    public <A, S extends Enum<S>, E extends Enum<E>> void note(Actor actor, Aggregate<A, S, E> kind, A current,
                                                                String event, String reason) {
        journal.noted(actor, kind.table().aggregate(), kind.id().apply(current), kind.state().apply(current), event,
                reason);
    }

    /** Stores a new aggregate and journals its first state. The caller has checked the right to create it. */
    public <A, S extends Enum<S>, E extends Enum<E>> A create(Actor actor, Aggregate<A, S, E> kind, A created,
                                                              String reason) {
        kind.insert().accept(created);
        journal.created(actor, kind.table().aggregate(), kind.id().apply(created), kind.state().apply(created), reason);
        return created;
    }

    /**
     * A step whose row and permission are checked: {@link #take} applies the change, saves and journals it.
     *
     * @param <A> the aggregate
     * @param <S> its states
     */
    public final class Step<A, S extends Enum<S>> {
        private final Actor actor;
        private final Aggregate<A, S, ?> kind;
        private final A current;
        private final Transition<S, ?> row;

        private Step(Actor actor, Aggregate<A, S, ?> kind, A current, Transition<S, ?> row) {
            this.actor = actor;
            this.kind = kind;
            this.current = current;
            this.row = row;
        }

        /** The state the step reaches. */
        public S to() {
            return row.to();
        }

        /**
         * Applies {@code change}, which must reach {@link #to()}; saves the result with the aggregate's version and
         * journals the step with {@code reason}. Returns what was saved.
         */
        public A take(BiFunction<A, S, A> change, String reason) {
            A next = change.apply(current, row.to());
            if (kind.state().apply(next) != row.to()) {
                throw new IllegalStateException(row + " must reach " + row.to() + ", not " + kind.state().apply(next));
            }
            A saved = kind.update().apply(next);
            journal.record(actor, kind.table().aggregate(), kind.id().apply(current), row, reason);
            return saved;
        }
    }
}
