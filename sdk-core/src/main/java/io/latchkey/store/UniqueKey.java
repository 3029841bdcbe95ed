package io.latchkey.store;

import java.util.Objects;
import java.util.function.Function;

/**
 * A rule of a storage port: no two rows share a non-null {@code key}. Declared once, beside the port, and kept by
 * every store: a row that would break it is refused with {@code refusal}, and nothing is written. Relational
 * stores keep it as a unique constraint named {@code name}.
 *
 * @param name    the rule's name; a relational store's constraint has it
 * @param key     the value that must be unique, or null where the rule does not apply to the row
 * @param refusal what a row that breaks the rule is refused with
 * @param <V>     the rows
 */
public record UniqueKey<V>(String name, Function<V, ?> key, Function<V, ? extends RuntimeException> refusal) {

    public UniqueKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(refusal, "refusal");
    }
}
