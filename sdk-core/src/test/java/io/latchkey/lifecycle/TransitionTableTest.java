package io.latchkey.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Permission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransitionTableTest {

    enum Door { OPEN, CLOSED, LOCKED }

    enum Act { CLOSE, OPEN, LOCK, UNLOCK, EXPIRE }

    private static final TransitionTable<Door, Act> DOORS = TransitionTable.builder("door", Door.class, Act.class)
            .on(Door.OPEN, Act.CLOSE, Door.CLOSED, Permission.VIEW)
            .on(Door.CLOSED, Act.OPEN, Door.OPEN, Permission.VIEW)
            .on(Door.CLOSED, Act.LOCK, Door.LOCKED, Permission.MEMBER_MANAGE)
            .on(Door.LOCKED, Act.UNLOCK, Door.CLOSED, Permission.MEMBER_MANAGE)
            .timed(Door.OPEN, Act.EXPIRE, Door.CLOSED)
            .build();

    /** The declared (from, event) pairs, to check the table against every other pair. */
    private static final Set<List<Enum<?>>> LEGAL = Set.of(
            List.of(Door.OPEN, Act.CLOSE), List.of(Door.CLOSED, Act.OPEN), List.of(Door.CLOSED, Act.LOCK),
            List.of(Door.LOCKED, Act.UNLOCK), List.of(Door.OPEN, Act.EXPIRE));

    @Test
    void findAndRequireReturnTheLegalStep() {
        Transition<Door, Act> lock = DOORS.require(Door.CLOSED, Act.LOCK);
        assertEquals(Door.LOCKED, lock.to());
        assertEquals(Optional.of(Permission.MEMBER_MANAGE), lock.requiredPermission());
        assertEquals(Optional.of(lock), DOORS.find(Door.CLOSED, Act.LOCK));

        Transition<Door, Act> expire = DOORS.require(Door.OPEN, Act.EXPIRE);
        assertTrue(expire.timed());
        assertEquals(Optional.empty(), expire.requiredPermission());
    }

    @Test
    void everyPairIsLegalExactlyWhenDeclared() {
        for (Door from : Door.values()) {
            for (Act event : Act.values()) {
                boolean legal = LEGAL.contains(List.of(from, event));
                assertEquals(legal, DOORS.find(from, event).isPresent(), from + " x " + event);
                if (legal) {
                    assertEquals(from, DOORS.require(from, event).from());
                    assertEquals(event, DOORS.require(from, event).event());
                } else {
                    LatchkeyException e = assertThrows(LatchkeyException.class, () -> DOORS.require(from, event));
                    assertEquals(ErrorCode.TRANSITION_NOT_ALLOWED, e.code());
                    assertEquals(ErrorCategory.CONFLICT, e.category());
                }
            }
        }
    }

    @Test
    void theRefusalNamesEventAggregateAndState() {
        LatchkeyException e = assertThrows(LatchkeyException.class, () -> DOORS.require(Door.LOCKED, Act.OPEN));
        assertEquals("cannot open a door that is LOCKED", e.getMessage());
    }

    @Test
    void aPairDeclaredTwiceIsRejected() {
        TransitionTable.Builder<Door, Act> builder = TransitionTable.builder("door", Door.class, Act.class)
                .on(Door.OPEN, Act.CLOSE, Door.CLOSED, Permission.VIEW);
        assertThrows(IllegalStateException.class,
                () -> builder.on(Door.OPEN, Act.CLOSE, Door.LOCKED, Permission.VIEW));
        assertThrows(IllegalStateException.class, () -> builder.timed(Door.OPEN, Act.CLOSE, Door.CLOSED));
    }

    @Test
    void aTimedStepHasNoPermissionAndAnyOtherHasOne() {
        assertThrows(IllegalArgumentException.class,
                () -> new Transition<>(Door.OPEN, Act.EXPIRE, Door.CLOSED, Permission.VIEW, true));
        assertThrows(IllegalArgumentException.class,
                () -> new Transition<>(Door.OPEN, Act.CLOSE, Door.CLOSED, null, false));
    }

    @Test
    void transitionsKeepDeclarationOrder() {
        List<Transition<Door, Act>> all = DOORS.transitions();
        assertEquals(List.of(Act.CLOSE, Act.OPEN, Act.LOCK, Act.UNLOCK, Act.EXPIRE),
                all.stream().map(Transition::event).toList());
        assertThrows(UnsupportedOperationException.class, () -> all.remove(0));
    }

    @Test
    void theTableKnowsItsTypes() {
        assertEquals("door", DOORS.aggregate());
        assertEquals(Door.class, DOORS.stateType());
        assertEquals(Act.class, DOORS.eventType());
    }
}
