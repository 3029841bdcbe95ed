package io.latchkey.testkit;

import io.latchkey.LatchkeyException;

/** What a command came to, as the model checks compare it: {@code "ok"}, or the code it was refused with. */
public final class Outcome {

    private Outcome() {
    }

    /** Runs {@code command}; anything but a refusal propagates. */
    public static String of(Runnable command) {
        try {
            command.run();
            return "ok";
        } catch (LatchkeyException refused) {
            return refused.code().name();
        }
    }
}
