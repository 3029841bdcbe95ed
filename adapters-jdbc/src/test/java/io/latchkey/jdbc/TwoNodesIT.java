package io.latchkey.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientDraft;
import io.latchkey.credential.IssueRequest;
import io.latchkey.credential.Label;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolSummary;
import io.latchkey.credential.PoolTerm;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.Sealer;
import io.latchkey.crypto.Signatures;
import io.latchkey.keys.StoredKeyStore;
import io.latchkey.notify.InMemoryMailSender;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.testkit.Fixture;
import io.latchkey.time.MutableClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (each a Latchkey on its own JdbcStore and connection pool) share one PostgreSQL database, as a
 * deployment of several reference servers does. Issuing on both at once never hands a credential out twice,
 * and the scheduler and the outbox running on both fire each due step and send each message once.
 */
class TwoNodesIT {

    private static final int POOL = 10_000;
    private static final int THREADS = 16;
    private static final Duration WINDOW = Duration.ofHours(2);
    private static final Duration COOLDOWN = Duration.ofMinutes(30);
    private static final String PASSWORD = "correct horse battery";

    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    /** One master key for both nodes: they share the keys in the database. */
    private final MasterKey master = MasterKey.generate(RandomSource.secure());
    private String url;
    private final List<JdbcStore> stores = new ArrayList<>();
    private final List<InMemoryMailSender> mailboxes = new ArrayList<>();
    private final List<Latchkey> nodes = new ArrayList<>();

    @BeforeEach
    void startTwoNodes() {
        url = Postgres.newDatabase();
        for (int i = 0; i < 2; i++) {
            JdbcStore store = JdbcStore.connect(url, "postgres", "");
            InMemoryMailSender mail = new InMemoryMailSender();
            stores.add(store);
            mailboxes.add(mail);
            nodes.add(Latchkey.builder().store(store).clock(clock).masterKey(master).mailSender(mail)
                    .credentialCooldown(COOLDOWN).build());
        }
    }

    @AfterEach
    void stopNodes() {
        stores.forEach(JdbcStore::close);
    }

    @Test
    void theNodesShareOneSchemaAndMigratingAgainDoesNothing() {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        try (com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource(config)) {
            assertEquals(0, JdbcStore.migrate(dataSource));
        }
        assertEquals(Set.of(Integer.toString(SchemaMigrationTest.migrations())),
                query("SELECT COUNT(*) FROM flyway_schema_history WHERE success", 1));
        assertEquals(Set.of("0"), query("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success", 1));
    }

    @Test
    void theNodesShareTheirKeysAndOneNodesRotationVerifiesOnTheOther() {
        StoredKeyStore a = (StoredKeyStore) nodes.get(0).keys();
        StoredKeyStore b = (StoredKeyStore) nodes.get(1).keys();
        assertEquals(a.verificationKeys(), b.verificationKeys());
        assertEquals(a.currentSecretKey(), b.currentSecretKey());

        a.rotate();
        clock.advance(Duration.ofSeconds(1));
        String signed = Signatures.signCompact(a.currentSigningKey(), "two-nodes/", "rotated on a");
        assertEquals(Optional.of("rotated on a"), Signatures.openCompact(signed, "two-nodes/", b::verificationKey));
        byte[] sealed = new Sealer(a, RandomSource.secure()).seal(new byte[] {42}, "two-nodes/");
        assertArrayEquals(new byte[] {42}, new Sealer(b, RandomSource.secure()).open(sealed, "two-nodes/"));
    }

    @Test
    void sixteenThreadsOnTwoNodesIssueEveryCredentialOnceAndTimedStepsFireOnce() throws Exception {
        Latchkey first = nodes.get(0);
        Organization operator = first.organizations().bootstrap("Operator",
                new MemberDraft("admin@operator.test", "Admin", "en", Set.of(Role.ADMIN)), PASSWORD.toCharArray(),
                        "UTC");
        assertEquals(operator, nodes.get(1).organizations().bootstrap("Another",
                new MemberDraft("other@operator.test", "Other", "en", Set.of(Role.ADMIN)), PASSWORD.toCharArray(),
                "UTC"), "bootstrap runs once");
        Actor operatorAdmin = actorOf(first, "admin@operator.test");
        Organization partner = first.organizations().createOrganization(operatorAdmin,
                new OrganizationDraft(OrgKind.PARTNER, "Partner", null, "Europe/Moscow", "ru",
                        new io.latchkey.party.Requisites("7707083893", null, null, null)));
        first.members().addMember(operatorAdmin, partner.id(),
                new MemberDraft("manager@partner.test", "Manager", "ru", Set.of(Role.ADMIN, Role.MANAGER)));
        first.outbox().dispatchAllDue();
        String link = mailboxes.get(0).last(Templates.MEMBER_INVITED, "manager@partner.test").parameter("link");
        first.accounts().confirm(Fixture.token(link),
                PASSWORD.toCharArray(), PASSWORD.toCharArray());
        Actor manager = first.accounts().authenticate("manager@partner.test", PASSWORD.toCharArray(), "test");
        long t0 = System.nanoTime();
        PoolOrder order = first.poolOrders().placeOrder(manager, POOL, PoolTerm.ONE_YEAR, null);
        first.poolOrders().completeOrder(operatorAdmin, order.id());
        System.out.printf("minted %d in %d ms%n", POOL, (System.nanoTime() - t0) / 1_000_000);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(first.clients().createClient(manager,
                    new ClientDraft("client" + i + "@example.test", "Client " + i, "Europe/Moscow", "ru", null)));
        }

        // 16 threads, 8 per node, issue until the pool is empty.
        Instant now = clock.instant();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Label>>> issued = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Latchkey credentials = nodes.get(t % 2);
            Client client = clients.get(t % clients.size());
            issued.add(executor.submit(() -> {
                start.await();
                List<Label> labels = new ArrayList<>();
                while (true) {
                    try {
                        labels.add(credentials.issuing().issue(manager, new IssueRequest(client.id(), now,
                                now.plus(WINDOW), null), null).issuance().label());
                    } catch (LatchkeyException e) {
                        assertEquals(ErrorCode.CREDENTIAL_POOL_EMPTY, e.code(), e.getMessage());
                        return labels;
                    }
                }
            }));
        }
        long t1 = System.nanoTime();
        start.countDown();
        List<Label> labels = new ArrayList<>();
        for (Future<List<Label>> f : issued) {
            labels.addAll(f.get(10, TimeUnit.MINUTES));
        }
        System.out.printf("issued %d in %d ms%n", labels.size(), (System.nanoTime() - t1) / 1_000_000);
        assertEquals(POOL, labels.size(), "every credential was issued");
        assertEquals(POOL, labels.stream().distinct().count(), "no label twice");
        PoolSummary pool = nodes.get(1).credentials().pool(manager, null);
        assertEquals(0, pool.free());
        assertEquals(POOL, pool.issued());
        assertEquals(Set.of(Long.toString(POOL)), query("SELECT COUNT(*) FROM issuance", 1));

        // Both outboxes at once: every message goes out exactly once across the nodes.
        long t2 = System.nanoTime();
        runOnBoth(executor, node -> () -> node.outbox().dispatchAllDue().delivered());
        System.out.printf("dispatched in %d ms%n", (System.nanoTime() - t2) / 1_000_000);
        Map<String, Integer> sends = new HashMap<>();
        mailboxes.forEach(m -> m.delivered().forEach(n -> sends.merge(key(n), 1, Integer::sum)));
        long messages = Long.parseLong(query("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'", 1)
                .iterator().next());
        assertEquals(messages, mailboxes.get(0).delivered().size() + mailboxes.get(1).delivered().size(),
                "no message was delivered by both nodes");
        assertEquals(messages, sends.size(), "no two messages say the same to the same recipient");
        assertEquals(Set.of(1), Set.copyOf(sends.values()), "each message reached its recipient once");
        assertEquals(Set.of("0"), query("SELECT COUNT(*) FROM outbox_message WHERE status <> 'SENT'", 1));

        // Both schedulers at once, after the windows and the cool-down: each step fires once.
        clock.advance(WINDOW.plus(COOLDOWN));
        long t3 = System.nanoTime();
        List<Integer> applied = runOnBoth(executor, node -> () -> node.scheduler().runDue());
        System.out.printf("scheduled in %d ms%n", (System.nanoTime() - t3) / 1_000_000);
        assertEquals(POOL, applied.get(0) + applied.get(1), "each credential claimed by one node");
        assertEquals(Set.of(), query("SELECT aggregate_id FROM journal_entry WHERE event IN ('EXPIRE', 'RETURN') "
                + "GROUP BY aggregate_id, event HAVING COUNT(*) > 1", 1), "no step fired twice");
        assertEquals(Set.of("EXPIRE " + POOL, "RETURN " + POOL), query("SELECT event, COUNT(*) FROM journal_entry "
                + "WHERE event IN ('EXPIRE', 'RETURN') GROUP BY event", 2));
        assertEquals(POOL, nodes.get(0).credentials().pool(manager, null).free());
        assertEquals(Set.of("FREE"), query("SELECT DISTINCT state FROM credential", 1));
        executor.shutdown();
    }

    private static String key(Notification n) {
        return n.template() + "/" + n.recipient() + "/" + n.parameters();
    }

    private <T> List<T> runOnBoth(ExecutorService executor,
                                  java.util.function.Function<Latchkey, Supplier<T>> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Latchkey node : nodes) {
            Supplier<T> task = work.apply(node);
            futures.add(executor.submit(() -> {
                start.await();
                return task.get();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(10, TimeUnit.MINUTES));
        }
        return results;
    }

    private static Actor actorOf(Latchkey node, String email) {
        return node.accounts().authenticate(email, PASSWORD.toCharArray(), "test");
    }

    /** The rows of a query, each as its first {@code columns} values joined by a space. */
    private Set<String> query(String sql, int columns) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            Set<String> rows = new java.util.HashSet<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder(rs.getString(1));
                for (int i = 2; i <= columns; i++) {
                    row.append(' ').append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
