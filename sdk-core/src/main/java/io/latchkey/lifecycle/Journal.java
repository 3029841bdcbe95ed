package io.latchkey.lifecycle;

import io.latchkey.access.Actor;
import io.latchkey.crypto.Ids;
import java.time.Clock;

/**
 * Writes journal entries for the transitions of a {@link TransitionTable}. Call it inside the transaction
 * of the change it records. Thread-safe.
 */
public final class Journal {

    /** The event name of an aggregate's creation. */
    public static final String CREATE = "CREATE";

    private final JournalRepository entries;
    private final Clock clock;
    private final Ids ids;

    public Journal(JournalRepository entries, Clock clock, Ids ids) {
        this.entries = entries;
        this.clock = clock;
        this.ids = ids;
    }

    /** Records that {@code aggregateId} took {@code transition}. */
    public void record(Actor actor, String aggregateType, Object aggregateId, Transition<?, ?> transition,
                       String reason) {
        entries.append(new JournalEntry(ids.next(), clock.instant(), aggregateType, aggregateId.toString(),
                actor.describe(), transition.event().name(), transition.from().name(), transition.to().name(), reason));
    }

    /**
     * Records something that happened to {@code aggregateId} without moving its state (a claim, a hand-set
     * status, a change of owner): {@code event} names it, {@code from} and {@code to} are the states around it.
     */
    public void recordEvent(Actor actor, String aggregateType, Object aggregateId, String event, Enum<?> from,
                            Enum<?> to, String reason) {
        entries.append(new JournalEntry(ids.next(), clock.instant(), aggregateType, aggregateId.toString(),
                actor.describe(), event, from.name(), to.name(), reason));
    }

    /** Records that {@code aggregateId} was created in {@code state}. */
    public void created(Actor actor, String aggregateType, Object aggregateId, Enum<?> state, String reason) {
        entries.append(new JournalEntry(ids.next(), clock.instant(), aggregateType, aggregateId.toString(),
                actor.describe(), CREATE, null, state.name(), reason));
    }
}
