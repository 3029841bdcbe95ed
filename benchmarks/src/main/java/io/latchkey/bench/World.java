package io.latchkey.bench;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientDraft;
import io.latchkey.credential.IssueRequest;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolTerm;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.RandomSource;
import io.latchkey.jdbc.JdbcStore;
import io.latchkey.notify.InMemoryMailSender;
import io.latchkey.notify.Templates;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.party.Requisites;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What issuance needs, made through the SDK as a user would: an operator, a partner with its manager, clients, and
 * a completed pool order. Pools larger than an order are filled with plain SQL (minting millions through the SDK
 * would take the whole run), credentials as the SDK mints them, and the order's size set to the pool's, so that
 * "nearly empty" is reckoned from the real capacity.
 */
final class World implements AutoCloseable {

    private static final String PASSWORD = "benchmark-password-2026";
    /** Labels of the SQL-filled credentials start here: far from where random labels are likely to fall. */
    private static final long FILLED_LABELS = 0x4C4B_0000_0000_0000L;
    private static final Duration WINDOW = Duration.ofHours(2);
    /** The run's master key: keys are kept in the database, sealed under it, as in production. */
    static final MasterKey MASTER = MasterKey.generate(RandomSource.secure());

    final JdbcStore store;
    final Latchkey latchkey;
    final Actor operator;
    final Actor manager;
    final OrgId partner;
    final PoolOrder order;
    final List<Client> clients = new ArrayList<>();
    private final String url;
    private final String user;

    private World(String url, String user, Clock clock) {
        this.url = url;
        this.user = user;
        this.store = JdbcStore.connect(url, user, "");
        InMemoryMailSender mail = new InMemoryMailSender();
        this.latchkey = Latchkey.builder().store(store).clock(clock).masterKey(MASTER).mailSender(mail).build();
        latchkey.organizations().bootstrap("Operator", new MemberDraft("admin@operator.bench", "Admin", "en",
                Set.of(Role.ADMIN)), PASSWORD.toCharArray(), "UTC");
        this.operator = latchkey.accounts().authenticate("admin@operator.bench", PASSWORD.toCharArray(), "bench");
        Organization organization = latchkey.organizations().createOrganization(operator,
                new OrganizationDraft(OrgKind.PARTNER, "Partner", null, "Europe/Moscow", "ru",
                        new Requisites("7707083893", null, null, null)));
        this.partner = organization.id();
        latchkey.members().addMember(operator, partner, new MemberDraft("manager@partner.bench", "Manager", "ru",
                Set.of(Role.ADMIN, Role.MANAGER)));
        latchkey.outbox().dispatchAllDue();
        String link = mail.last(Templates.MEMBER_INVITED, "manager@partner.bench").parameter("link");
        String token = URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
        latchkey.accounts().confirm(token, PASSWORD.toCharArray(), PASSWORD.toCharArray());
        this.manager = latchkey.accounts().authenticate("manager@partner.bench", PASSWORD.toCharArray(), "bench");
        this.order = latchkey.poolOrders().placeOrder(manager, 1_000, PoolTerm.ONE_YEAR, null);
        latchkey.poolOrders().completeOrder(operator, order.id());
        for (int i = 0; i < 8; i++) {
            clients.add(latchkey.clients().createClient(manager, new ClientDraft("client" + i + "@example.bench",
                    "Client " + i, "Europe/Moscow", "ru", null)));
        }
    }

    static World on(String url, String user, Clock clock) {
        return new World(url, user, clock);
    }

    /** Adds free credentials until the pool holds {@code size}, and makes the order that size. */
    World poolOf(long size) throws SQLException {
        long more = size - 1_000;
        String series = url.startsWith("jdbc:h2") ? "SYSTEM_RANGE(1, ?)" : "generate_series(1, ?)";
        String uuid = url.startsWith("jdbc:h2") ? "RANDOM_UUID()" : "gen_random_uuid()";
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            if (more > 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO credential (id, label, partner_id, "
                        + "order_id, capacity_expires_at, state, issuance_id, valid_from, valid_to, provisioned_at, "
                        + "generation, used_generation, free_at, due_at, version) SELECT " + uuid + ", ? + x, ?, ?, ?, "
                        + "'FREE', NULL, NULL, NULL, NULL, 1, 0, ?, NULL, 0 FROM " + series + " AS s(x)")) {
                    insert.setLong(1, FILLED_LABELS);
                    insert.setObject(2, partner.value());
                    insert.setObject(3, order.id().value());
                    insert.setTimestamp(4, Timestamp.from(order.validUntil()));
                    insert.setTimestamp(5, Timestamp.from(order.createdAt()));
                    insert.setLong(6, more);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement resize = c.prepareStatement("UPDATE pool_order SET order_size = ? WHERE id = ?")) {
                resize.setLong(1, size);
                resize.setObject(2, order.id().value());
                resize.executeUpdate();
            }
            if (!url.startsWith("jdbc:h2")) {
                c.createStatement().execute("VACUUM ANALYZE");
            }
        }
        return this;
    }

    /** Issues one credential to the thread's client for the next two hours, as the API does (with a key). */
    void issue(int thread) {
        Instant now = Instant.now();
        latchkey.issuing().issue(manager, new IssueRequest(clients.get(thread % clients.size()).id(), now,
                now.plus(WINDOW), null), UUID.randomUUID().toString());
    }

    @Override
    public void close() {
        store.close();
    }
}
