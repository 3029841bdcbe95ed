package io.latchkey.testkit;

import org.quicktheories.core.stateful.Command;

/** A step of a stateful model check that prints as its name, so a shrunk failure reads as a story. */
public abstract class NamedStep<S, M> implements Command<S, M> {

    private final String name;

    protected NamedStep(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
