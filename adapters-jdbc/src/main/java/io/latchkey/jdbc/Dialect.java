package io.latchkey.jdbc;

import java.util.Locale;

/** The few places where H2 and PostgreSQL need different SQL. */
enum Dialect {
    H2("SELECT NEXT VALUE FOR %s",
            "MERGE INTO credential_stock t USING (VALUES (CAST(:partner AS UUID), CAST(:until AS TIMESTAMP WITH TIME "
                    + "ZONE), CAST(:delta AS BIGINT))) s(p, u, d) ON t.partner_id = s.p AND t.capacity_until = s.u "
                    + "WHEN MATCHED THEN UPDATE SET free = t.free + s.d "
                    + "WHEN NOT MATCHED THEN INSERT (partner_id, capacity_until, free) VALUES (s.p, s.u, s.d)",
            "MERGE INTO outbox_message t USING (VALUES (CAST(:key AS VARCHAR(300)))) s(k) "
                    + "ON t.idempotency_key = s.k WHEN NOT MATCHED THEN INSERT (id, idempotency_key, sealed_payload, "
                    + "created_at, status, attempts, next_attempt_at, last_error, version) "
                    + "VALUES (:id, :key, :payload, :createdAt, :status, :attempts, :nextAttemptAt, :lastError, "
                    + ":version)"),
    POSTGRESQL("SELECT nextval('%s')",
            "INSERT INTO credential_stock (partner_id, capacity_until, free) VALUES (:partner, :until, :delta) "
                    + "ON CONFLICT (partner_id, capacity_until) DO UPDATE SET free = credential_stock.free + :delta",
            "INSERT INTO outbox_message (id, idempotency_key, sealed_payload, created_at, status, attempts, "
                    + "next_attempt_at, last_error, version) VALUES (:id, :key, :payload, :createdAt, :status, "
                    + ":attempts, :nextAttemptAt, :lastError, :version) ON CONFLICT (idempotency_key) DO NOTHING");

    private final String nextValue;
    private final String addToStock;
    private final String insertOutboxUnlessKeyExists;

    Dialect(String nextValue, String addToStock, String insertOutboxUnlessKeyExists) {
        this.nextValue = nextValue;
        this.addToStock = addToStock;
        this.insertOutboxUnlessKeyExists = insertOutboxUnlessKeyExists;
    }

    /** The query that takes the next value of a sequence. */
    String nextValue(String sequence) {
        return String.format(Locale.ROOT, nextValue, sequence);
    }

    /** Adds {@code :delta} to the free credentials of {@code :partner}'s stock of capacity {@code :until}. */
    String addToStock() {
        return addToStock;
    }

    /** An insert into the outbox that does nothing when the idempotency key is there already. */
    String insertOutboxUnlessKeyExists() {
        return insertOutboxUnlessKeyExists;
    }

    static Dialect of(String databaseProductName) {
        String name = databaseProductName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Latchkey stores run on H2 or PostgreSQL, not " + databaseProductName);
    }
}
