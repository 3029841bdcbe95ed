package io.latchkey.lifecycle;

import io.latchkey.access.Permission;
import java.util.Objects;
import java.util.Optional;

/**
 * One legal step of a lifecycle: in state {@code from}, event {@code event} leads to state {@code to}.
 * A timed step is taken by the clock (the scheduler or a read) and needs no permission; any other names
 * the {@link Permission} the actor must hold.
 *
 * @param from       the state before
 * @param event      what happens
 * @param to         the state after
 * @param permission the permission an actor needs; null for timed steps
 * @param timed      whether the clock takes this step
 */
public record Transition<S extends Enum<S>, E extends Enum<E>>(S from, E event, S to, Permission permission,
                                                               boolean timed) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(to, "to");
        if (timed == (permission != null)) {
            throw new IllegalArgumentException("a timed step needs no permission; any other step needs one");
        }
    }

    public Optional<Permission> requiredPermission() {
        return Optional.ofNullable(permission);
    }
}
