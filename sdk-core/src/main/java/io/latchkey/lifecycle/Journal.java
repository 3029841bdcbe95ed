package io.latchkey.lifecycle;

import io.latchkey.access.Actor;
import io.latchkey.crypto.Ids;
import java.time.Clock;

/** Writes the journal lines of {@link Steps}, in the transaction of the change each records. */
final class Journal {

    /** The event name of an aggregate's creation. */
    static final String CREATE = "CREATE";

    private final JournalRepository entries;
    private final Clock clock;
    private final Ids ids;

    Journal(JournalRepository entries, Clock clock, Ids ids) {
        this.entries = entries;
        this.clock = clock;
        this.ids = ids;
    }

    void record(Actor actor, String aggregateType, Object aggregateId, Transition<?, ?> transition, String reason) {
        entries.append(new JournalEntry(ids.next(), clock.instant(), aggregateType, aggregateId.toString(),
                actor.describe(), transition.event().name(), transition.from().name(), transition.to().name(), reason));
    }

    void noted(Actor actor, String aggregateType, Object aggregateId, Enum<?> state, String event, String reason) {
        entries.append(new JournalEntry(ids.next(), clock.instant(), aggregateType, aggregateId.toString(),
                actor.describe(), event, state.name(), state.name(), reason));
    }

    void created(Actor actor, String aggregateType, Object aggregateId, Enum<?> state, String reason) {
        entries.append(new JournalEntry(ids.next(), clock.instant(), aggregateType, aggregateId.toString(),
                actor.describe(), CREATE, null, state.name(), reason));
    }
}
