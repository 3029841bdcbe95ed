package io.latchkey.jdbc;

import java.util.concurrent.atomic.AtomicInteger;

/** In-memory H2 databases for the tests, one per caller. */
final class H2 {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private H2() {
    }

    static String newDatabase() {
        return "jdbc:h2:mem:latchkey_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    static JdbcStore newStore() {
        return JdbcStore.connect(newDatabase(), "sa", "");
    }
}
