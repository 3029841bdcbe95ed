package io.latchkey.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the append-only journal: an aggregate moved from one state to another. Written in the same
 * transaction as the change it records.
 *
 * @param id            time-ordered id
 * @param at            when it was recorded
 * @param aggregateType the table's aggregate name, e.g. {@code "credential"}
 * @param aggregateId   the aggregate's id as text
 * @param actor         {@link io.latchkey.access.Actor#describe()} of who did it
 * @param event         the event's name; {@code CREATE} for a new aggregate
 * @param fromState     the state before; null for a new aggregate
 * @param toState       the state after
 * @param reason        why, in words (optional)
 */
public record JournalEntry(UUID id, Instant at, String aggregateType, String aggregateId, String actor,
                           String event, String fromState, String toState, String reason) {

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(toState, "toState");
    }
}
