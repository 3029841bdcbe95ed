package io.latchkey.testkit;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientDraft;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolTerm;
import io.latchkey.crypto.RandomSource;
import io.latchkey.notify.InMemoryMailSender;
import io.latchkey.party.Member;
import io.latchkey.party.OrgId;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.PartyService.MemberDraft;
import io.latchkey.party.PartyService.OrganizationDraft;
import io.latchkey.store.Store;
import io.latchkey.time.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Latchkey on a given store with a mutable clock, an in-memory mail sender and an operator, plus helpers to
 * make partners, clients and filled pools. Shared by sdk-core's tests and the adapters' contract tests.
 */
public final class Fixture {

    /** Where the clock starts: a Monday in November 2026. */
    public static final String START = "2026-11-23T10:00:00Z";

    public final MutableClock clock = MutableClock.at(START);
    public final InMemoryMailSender mail = new InMemoryMailSender();
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
                .build();
        this.operator = latchkey.party().bootstrap("PW-ID Operator",
                new MemberDraft("admin@operator.test", "Operator Admin", "en", Set.of(Role.ADMIN)), "Europe/Moscow");
        Member admin = latchkey.store().inTransaction(
                () -> latchkey.store().members().findByEmail("admin@operator.test").orElseThrow());
        this.operatorAdmin = latchkey.party().actorFor(admin.id());
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
