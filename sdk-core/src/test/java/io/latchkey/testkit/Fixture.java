package io.latchkey.testkit;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientDraft;
import io.latchkey.credential.CredentialStore;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolTerm;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.crypto.RandomSource;
import io.latchkey.device.DeviceStore;
import io.latchkey.license.LicenseStore;
import io.latchkey.notify.InMemoryMailSender;
import io.latchkey.notify.MailSender;
import io.latchkey.notify.Templates;
import io.latchkey.party.Member;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.party.PartyStore;
import io.latchkey.party.Requisites;
import io.latchkey.store.Store;
import io.latchkey.subscription.SubscriptionStore;
import io.latchkey.time.MutableClock;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Latchkey on a given store with a mutable clock, an in-memory mail sender and an operator, plus helpers to
 * make partners, clients and filled pools. Shared by sdk-core's tests and the adapters' contract tests.
 */
public final class Fixture implements AutoCloseable {

    /** Where the clock starts: a Monday in November 2026. */
    public static final String START = "2026-11-23T10:00:00Z";

    /** The operator administrator's own password, for confirmed steps. */
    public static final String ADMIN_PASSWORD = "admin-secret";
    /** Every engineer's own password, for confirmed steps. */
    public static final String ENGINEER_PASSWORD = "engineer-secret";
    /** Every partner member's password once it confirms its invitation. */
    public static final String MEMBER_PASSWORD = "member-secret";
    /** The host's master key: the SDK's keys live in the store, wrapped under it, on every store. */
    public static final MasterKey MASTER_KEY = MasterKey.generate(RandomSource.seeded(99));

    public final MutableClock clock = MutableClock.at(START);
    public final InMemoryMailSender mail = new InMemoryMailSender();
    /** Light Argon2id parameters: the tests hash many passwords, production uses the defaults. */
    public final PasswordHasher hasher = PasswordHasher.argon2id(RandomSource.seeded(7), 256, 1, 1);
    public final Latchkey latchkey;
    /**
     * The store under test, for reading what the services wrote; audited, so that a transaction which changes a
     * state without its journal line fails ({@link JournalAuditStore}).
     */
    public final Store store;
    private final Store underlying;
    public final Organization operator;
    public final Actor operatorAdmin;
    private final AtomicInteger names = new AtomicInteger();

    /** A partner with an admin and a manager. */
    public record Partner(Organization organization, Actor admin, Actor manager, Member managerMember) {
        public OrgId id() {
            return organization.id();
        }
    }

    public Fixture(Store store) {
        this(store, Duration.ZERO);
    }

    public Fixture(Store store, Duration cooldown) {
        this(store, cooldown, null);
    }

    /**
     * A fixture whose mail also goes to {@code alsoTo} (a real mail sender under test), which decides the
     * outcome; {@link #mail} still sees every message, for the fixture's own links.
     */
    public Fixture(Store store, Duration cooldown, MailSender alsoTo) {
        this.underlying = store;
        this.store = JournalAuditStore.of(store);
        this.latchkey = Latchkey.builder()
                .store(this.store)
                .clock(clock)
                .random(RandomSource.seeded(42))
                .masterKey(MASTER_KEY)
                .mailSender(alsoTo == null ? mail : (key, notification) -> {
                    mail.send(key, notification);
                    return alsoTo.send(key, notification);
                })
                .publicUrl(URI.create("https://portal.example.test/"))
                .credentialCooldown(cooldown)
                .passwordHasher(hasher)
                .build();
        this.operator = latchkey.organizations().bootstrap("PW-ID Operator",
                new MemberDraft("admin@operator.test", "Operator Admin", "en", Set.of(Role.ADMIN)),
                ADMIN_PASSWORD.toCharArray(), "Europe/Moscow");
        this.operatorAdmin = latchkey.accounts().authenticate("admin@operator.test", ADMIN_PASSWORD.toCharArray(),
                "fixture");
    }

    /** The token a link carries in its query ({@code …?token=…}), decoded. */
    public static String token(String link) {
        return URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
    }

    /** Confirms an invited member's invitation from its e-mail and returns its actor. */
    public Actor confirmed(Member invited, String password) {
        runDueWork();
        String link = mail.last(Templates.MEMBER_INVITED, invited.email()).parameter("link");
        latchkey.accounts().confirm(token(link), password.toCharArray(), password.toCharArray());
        return latchkey.accounts().actorFor(invited.id());
    }

    /** The organization of the member with this e-mail: one an anonymous registration made, say. */
    public Organization organizationOf(String email) {
        return store.inTransaction(() -> partyStore().organizations().find(partyStore().members().findByEmail(email)
                .orElseThrow().organization()).orElseThrow());
    }

    /** A new service engineer of the operator, whose password is {@link #ENGINEER_PASSWORD}. */
    public Actor engineer() {
        int n = names.incrementAndGet();
        Member engineer = latchkey.members().addMember(operatorAdmin, operator.id(),
                new MemberDraft("engineer" + n + "@operator.test", "Engineer " + n, "ru", Set.of(Role.ENGINEER)));
        return confirmed(engineer, ENGINEER_PASSWORD);
    }

    /** A new partner under the operator, with an ADMIN and a MANAGER (Russian-speaking). */
    public Partner partner() {
        int n = names.incrementAndGet();
        Organization partner = latchkey.organizations().createOrganization(operatorAdmin,
                new OrganizationDraft(OrgKind.PARTNER, "Partner " + n, null, "Europe/Moscow", "ru",
                        new Requisites("7707083893", "Москва, ул. Примерная, 1", "Иванов И. И.", "+7 495 123-45-67",
                                "ru")));
        Member admin = latchkey.members().addMember(operatorAdmin, partner.id(),
                new MemberDraft("admin" + n + "@partner.test", "Admin " + n, null, Set.of(Role.ADMIN)));
        Member manager = latchkey.members().addMember(operatorAdmin, partner.id(),
                new MemberDraft("manager" + n + "@partner.test", "Manager " + n, "pl", Set.of(Role.MANAGER)));
        Actor adminActor = confirmed(admin, MEMBER_PASSWORD);
        Organization open = store.inTransaction(() -> partyStore().organizations().find(partner.id()).orElseThrow());
        return new Partner(open, adminActor, confirmed(manager, MEMBER_PASSWORD), manager);
    }

    /** A completed order of {@code size} credentials in the partner's pool. */
    public PoolOrder filledPool(Partner partner, int size, PoolTerm term) {
        PoolOrder order = latchkey.poolOrders().placeOrder(partner.manager(), size, term, null);
        return latchkey.poolOrders().completeOrder(operatorAdmin, order.id());
    }

    /** A client of the partner, in Moscow, speaking Russian. */
    public Client client(Partner partner, String email) {
        return latchkey.clients().createClient(partner.manager(),
                new ClientDraft(email, "Влад", "Europe/Moscow", "ru", null));
    }

    public PartyStore partyStore() {
        return store.port(PartyStore.class);
    }

    public CredentialStore credentialStore() {
        return store.port(CredentialStore.class);
    }

    public LicenseStore licenseStore() {
        return store.port(LicenseStore.class);
    }

    public SubscriptionStore subscriptionStore() {
        return store.port(SubscriptionStore.class);
    }

    public DeviceStore deviceStore() {
        return store.port(DeviceStore.class);
    }

    /** Closes the store under test, if it holds resources (a connection pool). */
    @Override
    public void close() {
        if (underlying instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the store", e);
            }
        }
    }

    /** Applies due transitions and delivers due mail. */
    public void runDueWork() {
        latchkey.runDueWork();
    }
}
