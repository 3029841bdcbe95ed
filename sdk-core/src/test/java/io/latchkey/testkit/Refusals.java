package io.latchkey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on typed refusals. */
public final class Refusals {

    private Refusals() {
    }

    /** Asserts that {@code action} is refused with {@code code}; returns the refusal. */
    public static LatchkeyException refused(ErrorCode code, Executable action) {
        LatchkeyException e = assertThrows(LatchkeyException.class, action);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    /** Asserts that {@code action} is refused with {@code code} naming {@code field}. */
    public static LatchkeyException refused(ErrorCode code, String field, Executable action) {
        LatchkeyException e = refused(code, action);
        assertEquals(field, e.field().orElse(null), "field of " + code);
        return e;
    }
}
