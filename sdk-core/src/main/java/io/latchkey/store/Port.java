package io.latchkey.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a storage port (an interface a {@link Store} provides) and names its in-memory implementation, which
 * {@link InMemoryStore} makes when the port is first asked for. The implementation lives beside its port, in
 * the port's own package, and has a constructor taking the {@link InMemoryStore} whose tables it uses.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Port {

    /** The in-memory implementation of the port. */
    Class<?> inMemory();
}
