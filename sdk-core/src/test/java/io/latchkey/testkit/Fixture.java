package io.latchkey.testkit;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.PasswordVerifier;
import io.latchkey.access.Role;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientDraft;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolTerm;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.crypto.RandomSource;
import io.latchkey.notify.InMemoryMailSender;
import io.latchkey.party.Member;
import io.latchkey.party.MemberId;
import io.latchkey.party.OrgId;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.PartyService.MemberDraft;
import io.latchkey.party.PartyService.OrganizationDraft;
import io.latchkey.store.Store;
import io.latchkey.time.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Latchkey on a given store with a mutable clock, an in-memory mail sender and an operator, plus helpers to
 * make partners, clients and filled pools. Shared by sdk-core's tests and the adapters' contract tests.
 */
public final class Fixture {

    /** Where the clock starts: a Monday in November 2026. */
    public static final String START = "2026-11-23T10:00:00Z";

    /** The operator administrator's own password, for confirmed steps. */
    public static final String ADMIN_PASSWORD = "admin-secret";
    /** Every engineer's own password, for confirmed steps. */
    public static final String ENGINEER_PASSWORD = "engineer-secret";

    public final MutableClock clock = MutableClock.at(START);
    public final InMemoryMailSender mail = new InMemoryMailSender();
    /** Light Argon2id parameters: the tests hash many passwords, production uses the defaults. */
    public final PasswordHasher hasher = PasswordHasher.argon2id(RandomSource.seeded(7), 256, 1, 1);
    /** The members' password hashes, as a host's accounts would keep them, for step-up checks. */
    private final Map<MemberId, String> passwords = new ConcurrentHashMap<>();
    public final Latchkey latchkey;
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
        this.latchkey = Latchkey.builder()
                .store(store)
                .clock(clock)
                .random(RandomSource.seeded(42))
                .mailSender(mail)
                .publicUrl(URI.create("https://portal.example.test/"))
                .credentialCooldown(cooldown)
                .passwordHasher(hasher)
                .passwordVerifier(PasswordVerifier.argon2id(id -> Optional.ofNullable(passwords.get(id)), hasher))
                .build();
        this.operator = latchkey.party().bootstrap("PW-ID Operator",
                new MemberDraft("admin@operator.test", "Operator Admin", "en", Set.of(Role.ADMIN)), "Europe/Moscow");
        Member admin = latchkey.store().inTransaction(
                () -> latchkey.store().members().findByEmail("admin@operator.test").orElseThrow());
        this.operatorAdmin = latchkey.party().actorFor(admin.id());
        passwords.put(admin.id(), hasher.hash(ADMIN_PASSWORD.toCharArray()));
    }

    /** A new service engineer of the operator, whose password is {@link #ENGINEER_PASSWORD}. */
    public Actor engineer() {
        int n = names.incrementAndGet();
        Member engineer = latchkey.party().addMember(operatorAdmin, operator.id(),
                new MemberDraft("engineer" + n + "@operator.test", "Engineer " + n, "ru", Set.of(Role.ENGINEER)));
        passwords.put(engineer.id(), hasher.hash(ENGINEER_PASSWORD.toCharArray()));
        return latchkey.party().actorFor(engineer.id());
    }

    /** A new partner under the operator, with an ADMIN and a MANAGER (Russian-speaking). */
    public Partner partner() {
        int n = names.incrementAndGet();
        Organization partner = latchkey.party().createOrganization(operatorAdmin,
                new OrganizationDraft(OrgKind.PARTNER, "Partner " + n, null, "Europe/Moscow", "ru"));
        Member admin = latchkey.party().addMember(operatorAdmin, partner.id(),
                new MemberDraft("admin" + n + "@partner.test", "Admin " + n, null, Set.of(Role.ADMIN)));
        Member manager = latchkey.party().addMember(operatorAdmin, partner.id(),
                new MemberDraft("manager" + n + "@partner.test", "Manager " + n, "pl", Set.of(Role.MANAGER)));
        return new Partner(partner, latchkey.party().actorFor(admin.id()), latchkey.party().actorFor(manager.id()),
                manager);
    }

    /** A completed order of {@code size} credentials in the partner's pool. */
    public PoolOrder filledPool(Partner partner, int size, PoolTerm term) {
        PoolOrder order = latchkey.credentials().placeOrder(partner.manager(), size, term, null);
        return latchkey.credentials().completeOrder(operatorAdmin, order.id());
    }

    /** A client of the partner, in Moscow, speaking Russian. */
    public Client client(Partner partner, String email) {
        return latchkey.credentials().createClient(partner.manager(),
                new ClientDraft(email, "Влад", "Europe/Moscow", "ru", null));
    }

    /** Applies due transitions and delivers due mail. */
    public void runDueWork() {
        latchkey.runDueWork();
    }
}
