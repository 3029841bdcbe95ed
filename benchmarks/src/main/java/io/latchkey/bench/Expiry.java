package io.latchkey.bench;

import io.latchkey.Latchkey;
import io.latchkey.jdbc.JdbcStore;
import io.latchkey.notify.InMemoryMailSender;
import io.latchkey.time.MutableClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The scheduler expiring many credentials whose windows end at one instant, against one raw {@code UPDATE} of the
 * same rows in a copy of the same database: how close the SDK's journaled, issuance-ending steps come to what the
 * database can write at best.
 */
final class Expiry {

    /** Where this figure's labels start; apart from the pool filler's. */
    private static final long LABELS = 0x4558_0000_0000_0000L;

    private Expiry() {
    }

    /** Seconds of the SDK's scheduler and of the raw UPDATE for {@code rows} credentials due at once. */
    static Figure measure(Postgres server, int rows) throws Exception {
        MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Instant end = clock.instant().plus(Duration.ofHours(1));
        String url = server.create("expiry");
        try (World world = World.on(url, Postgres.USER, clock)) {
            fillIssued(url, world, rows, clock.instant(), end);
        }
        server.copy("expiry", "expiry_raw");
        Instant after = end.plusSeconds(1);

        long rawStart = System.nanoTime();
        int raw;
        try (Connection c = DriverManager.getConnection(server.url("expiry_raw"), Postgres.USER, "");
             PreparedStatement update = c.prepareStatement("UPDATE credential SET state = 'DEACTIVATED', "
                     + "due_at = free_at, version = version + 1 WHERE due_at <= ?")) {
            update.setTimestamp(1, Timestamp.from(after));
            raw = update.executeUpdate();
        }
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        server.drop("expiry_raw");

        clock.set(after);
        int applied;
        double sdkSeconds;
        try (JdbcStore store = JdbcStore.connect(url, Postgres.USER, "")) {
            Latchkey latchkey = Latchkey.builder().store(store).clock(clock).masterKey(World.MASTER)
                    .mailSender(new InMemoryMailSender()).build();
            long start = System.nanoTime();
            applied = latchkey.scheduler().runDue();
            sdkSeconds = (System.nanoTime() - start) / 1e9;
        }
        server.drop("expiry");
        if (applied != rows || raw != rows) {
            throw new IllegalStateException("expected " + rows + " expiries, the scheduler took " + applied
                    + " and the UPDATE " + raw);
        }
        return Figure.atLeast(String.format("expiry of %,d due at once (scheduler vs one UPDATE)", rows),
                String.format("%.1f s (%,.0f/s)", sdkSeconds, rows / sdkSeconds),
                String.format("%.1f s (%,.0f/s)", rawSeconds, rows / rawSeconds), rawSeconds / sdkSeconds, 0.5);
    }

    /**
     * {@code rows} credentials issued and on the phone, their windows ending at {@code end}, each with its
     * issuance. The two tables point at each other, so the fill turns the foreign-key triggers off while it runs.
     */
    private static void fillIssued(String url, World world, int rows, Instant from, Instant end) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, "")) {
            c.setAutoCommit(false);
            c.createStatement().execute("SET LOCAL session_replication_role = replica");
            try (PreparedStatement credentials = c.prepareStatement("INSERT INTO credential (id, label, partner_id, "
                    + "order_id, capacity_expires_at, state, issuance_id, valid_from, valid_to, provisioned_at, "
                    + "generation, used_generation, free_at, due_at, version) SELECT md5('c' || x)::uuid, ? + x, ?, "
                    + "?, NULL, 'ACTIVATED', md5('i' || x)::uuid, ?, ?, ?, 1, 1, ?, ?, 0 "
                    + "FROM generate_series(1, ?) AS s(x)")) {
                credentials.setLong(1, LABELS);
                credentials.setObject(2, world.partner.value());
                credentials.setObject(3, world.order.id().value());
                credentials.setTimestamp(4, Timestamp.from(from));
                credentials.setTimestamp(5, Timestamp.from(end));
                credentials.setTimestamp(6, Timestamp.from(from));
                credentials.setTimestamp(7, Timestamp.from(end.plus(Duration.ofMinutes(30))));
                credentials.setTimestamp(8, Timestamp.from(end));
                credentials.setInt(9, rows);
                credentials.executeUpdate();
            }
            try (PreparedStatement issuances = c.prepareStatement("INSERT INTO issuance (id, credential_id, label, "
                    + "partner_id, client_id, valid_from, valid_to, description, issued_at, issued_by, "
                    + "provisioned_at, ended_at, end_reason, version) SELECT md5('i' || x)::uuid, "
                    + "md5('c' || x)::uuid, ? + x, ?, ?, ?, ?, NULL, ?, 'benchmark', ?, NULL, NULL, 0 "
                    + "FROM generate_series(1, ?) AS s(x)")) {
                issuances.setLong(1, LABELS);
                issuances.setObject(2, world.partner.value());
                issuances.setObject(3, world.clients.get(0).id().value());
                issuances.setTimestamp(4, Timestamp.from(from));
                issuances.setTimestamp(5, Timestamp.from(end));
                issuances.setTimestamp(6, Timestamp.from(from));
                issuances.setTimestamp(7, Timestamp.from(from));
                issuances.setInt(8, rows);
                issuances.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            c.createStatement().execute("VACUUM ANALYZE");
        }
    }
}
