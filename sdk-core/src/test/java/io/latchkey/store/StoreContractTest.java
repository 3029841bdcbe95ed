package io.latchkey.store;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCode;
import io.latchkey.access.CustomerId;
import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientId;
import io.latchkey.credential.Credential;
import io.latchkey.credential.CredentialId;
import io.latchkey.credential.CredentialRepository.Availability;
import io.latchkey.credential.CredentialState;
import io.latchkey.credential.CredentialStore;
import io.latchkey.credential.Issuance;
import io.latchkey.credential.IssuanceId;
import io.latchkey.credential.Label;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolOrderId;
import io.latchkey.credential.PoolOrderStatus;
import io.latchkey.credential.PoolTerm;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.RandomSource;
import io.latchkey.device.Alarm;
import io.latchkey.device.Connectivity;
import io.latchkey.device.Device;
import io.latchkey.device.DeviceId;
import io.latchkey.device.DeviceSearch;
import io.latchkey.device.DeviceStatus;
import io.latchkey.device.StageFact;
import io.latchkey.device.StageField;
import io.latchkey.device.DataRequest;
import io.latchkey.device.DeviceStore;
import io.latchkey.keys.KeyRepository;
import io.latchkey.keys.StoredKey;
import io.latchkey.license.Activation;
import io.latchkey.license.ActivationId;
import io.latchkey.license.ActivationState;
import io.latchkey.license.BuyerRequisites;
import io.latchkey.license.CodeFormat;
import io.latchkey.license.Document;
import io.latchkey.license.DocumentId;
import io.latchkey.license.DocumentSearch;
import io.latchkey.license.DocumentType;
import io.latchkey.license.License;
import io.latchkey.license.LicenseId;
import io.latchkey.license.LicenseState;
import io.latchkey.license.LicenseStore;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.notify.Language;
import io.latchkey.notify.OutboxMessage;
import io.latchkey.notify.OutboxRepository;
import io.latchkey.notify.OutboxStatus;
import io.latchkey.party.Agreement;
import io.latchkey.party.Connection;
import io.latchkey.party.ConnectionId;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.ConnectionState;
import io.latchkey.party.Customer;
import io.latchkey.party.Firm;
import io.latchkey.party.FirmId;
import io.latchkey.party.Member;
import io.latchkey.party.MemberStatus;
import io.latchkey.party.OrgKind;
import io.latchkey.party.OrgSearch;
import io.latchkey.party.Organization;
import io.latchkey.party.OrganizationState;
import io.latchkey.party.PartyStore;
import io.latchkey.party.PhoneNumber;
import io.latchkey.party.Session;
import io.latchkey.party.Requisites;
import io.latchkey.party.Site;
import io.latchkey.party.SiteId;
import io.latchkey.subscription.Hub;
import io.latchkey.subscription.HubId;
import io.latchkey.subscription.PackageId;
import io.latchkey.subscription.ServicePackage;
import io.latchkey.subscription.Subscription;
import io.latchkey.subscription.SubscriptionId;
import io.latchkey.subscription.SubscriptionState;
import io.latchkey.subscription.SubscriptionStore;
import io.latchkey.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the storage port: what every {@link Store} must do, whatever it keeps its rows in. Each
 * implementation extends this class and supplies an empty store.
 */
public abstract class StoreContractTest {

    protected static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    protected Store store;
    private final Ids ids = new Ids(MutableClock.at(T0), RandomSource.seeded(7));
    private Organization operator;
    private Organization partnerA;
    private Organization partnerB;
    private PoolOrder orderA;
    private PoolOrder orderB;
    private Client clientA;

    private PartyStore party() {
        return store.port(PartyStore.class);
    }

    private CredentialStore pools() {
        return store.port(CredentialStore.class);
    }

    private LicenseStore licenses() {
        return store.port(LicenseStore.class);
    }

    private SubscriptionStore services() {
        return store.port(SubscriptionStore.class);
    }

    private DeviceStore devices() {
        return store.port(DeviceStore.class);
    }

    private JournalRepository journal() {
        return store.port(JournalRepository.class);
    }

    private OutboxRepository outbox() {
        return store.port(OutboxRepository.class);
    }

    private ReplyRepository replies() {
        return store.port(ReplyRepository.class);
    }

    private IdempotencyRepository idempotency() {
        return store.port(IdempotencyRepository.class);
    }

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    @BeforeEach
    public void createStore() {
        store = newStore();
        operator = org(OrgKind.OPERATOR, "Operator", null);
        partnerA = org(OrgKind.PARTNER, "Alpha", operator.id());
        partnerB = org(OrgKind.PARTNER, "Beta", operator.id());
        orderA = order(partnerA, 1001);
        orderB = order(partnerB, 1002);
        clientA = new Client(new ClientId(ids.next()), partnerA.id(), "z@a.test", "", ZoneId.of("Europe/Moscow"),
                Language.RU, null, T0, 0);
        store.inTransaction(() -> {
            party().organizations().insert(operator);
            party().organizations().insert(partnerA);
            party().organizations().insert(partnerB);
            pools().poolOrders().insert(orderA);
            pools().poolOrders().insert(orderB);
            pools().clients().insert(clientA);
        });
    }

    private PoolOrder order(Organization partner, long number) {
        return new PoolOrder(new PoolOrderId(ids.next()), number, partner.id(), partner.parentId(), 100,
                PoolTerm.UNLIMITED, T0, null, PoolOrderStatus.COMPLETED, T0, "system:test", 0);
    }

    private Organization org(OrgKind kind, String name, OrgId parent) {
        return new Organization(new OrgId(ids.next()), kind, name, parent, ZoneId.of("Europe/Moscow"), Language.RU,
                T0, 0);
    }

    private Credential credential(Organization partner, long label, Instant capacity, Instant freeAt) {
        PoolOrderId order = partner == partnerA ? orderA.id() : orderB.id();
        return new Credential(new CredentialId(ids.next()), new Label(label), partner.id(), order, capacity,
                CredentialState.FREE, null, null, null, null, 1, 0, freeAt, 0);
    }

    /** Stores an issuance of a stored free credential and moves the credential to {@code state}. */
    private Credential issue(Credential free, CredentialState state, Instant to, Instant freeAt) {
        Issuance issuance = new Issuance(new IssuanceId(ids.next()), free.id(), free.label(), free.partner(),
                clientA.id(), T0, to, null, T0, "member:x", null, null, null, 0);
        return tx(() -> {
            pools().issuances().insert(issuance);
            return pools().credentials().update(new Credential(free.id(), free.label(), free.partner(), free.orderId(),
                    free.capacityExpiresAt(), state, issuance.id(), T0, to, null, 1, 0, freeAt, free.version()));
        });
    }

    private <T> T tx(java.util.function.Supplier<T> work) {
        return store.inTransaction(work);
    }

    @Test
    public void organizationsAreFoundWithTheirChildrenAndThereIsOneOperator() {
        assertEquals(operator, tx(() -> party().organizations().find(operator.id()).orElseThrow()));
        assertEquals(operator.id(), tx(() -> party().organizations().findOperator().orElseThrow().id()));
        assertEquals(List.of("Alpha", "Beta"),
                tx(() -> party().organizations().children(operator.id())).stream().map(Organization::name).toList());
        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(
                () -> party().organizations().insert(org(OrgKind.OPERATOR, "Second", null))));
    }

    @Test
    public void aTransactionKnowsItIsOpenAndANestedOneJoinsIt() {
        assertFalse(store.insideTransaction());
        store.inTransaction(() -> {
            assertTrue(store.insideTransaction());
            store.inTransaction(() -> assertTrue(store.insideTransaction()));
            assertTrue(store.insideTransaction(), "the nested one joined; the outer is still open");
        });
        assertFalse(store.insideTransaction());
        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(() -> {
            party().organizations().insert(org(OrgKind.PARTNER, "Gamma", operator.id()));
            store.inTransaction(() -> party().organizations().insert(org(OrgKind.OPERATOR, "Second", null)));
        }));
        assertFalse(store.insideTransaction(), "closed after a failure too");
        assertEquals(List.of("Alpha", "Beta"), tx(() -> party().organizations().children(operator.id())).stream()
                .map(Organization::name).toList(), "the nested failure undid the outer work");
    }

    @Test
    public void anUpdateOfAStaleVersionIsRefused() {
        Organization renamed = tx(() -> party().organizations().update(
                new Organization(partnerA.id(), partnerA.kind(), "Alpha 2", partnerA.parentId(), partnerA.timezone(),
                        partnerA.language(), partnerA.createdAt(), partnerA.version())));
        assertEquals(partnerA.version() + 1, renamed.version());
        assertEquals("Alpha 2", tx(() -> party().organizations().find(partnerA.id()).orElseThrow().name()));
        refused(ErrorCode.CONCURRENT_MODIFICATION, () -> store.inTransaction(
                () -> party().organizations().update(partnerA)));
        assertEquals("Alpha 2", tx(() -> party().organizations().find(partnerA.id()).orElseThrow().name()));
    }

    @Test
    public void memberEmailsAreUnique() {
        Member m = new Member(new MemberId(ids.next()), partnerA.id(), "m@a.test", "M", Language.PL,
                "+48221234567", Set.of(Role.MANAGER, Role.ADMIN), MemberStatus.ACTIVE,
                        "$argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHQ$aGFzaA", 3, T0, 0);
        store.inTransaction(() -> party().members().insert(m));
        assertEquals(m, tx(() -> party().members().findByEmail("m@a.test").orElseThrow()));
        assertEquals(Set.of(Role.MANAGER, Role.ADMIN), tx(() -> party().members().find(m.id()).orElseThrow().roles()));
        refused(ErrorCode.MEMBER_EMAIL_TAKEN, "email", () -> store.inTransaction(() -> party().members().insert(
                new Member(new MemberId(ids.next()), partnerB.id(), "m@a.test", "Other", Language.EN,
                        null, Set.of(Role.ADMIN), MemberStatus.INVITED, null, 0, T0, 0))));
        assertEquals(List.of(m), tx(() -> party().members().byOrganization(partnerA.id())));
        assertEquals(List.of(), tx(() -> party().members().byOrganization(partnerB.id())));
    }

    @Test
    public void orderNumbersCountUpAndOrdersListNewestFirst() {
        List<PoolOrder> placed = new ArrayList<>();
        for (Organization partner : List.of(partnerA, partnerB, partnerA)) {
            placed.add(tx(() -> {
                PoolOrder o = new PoolOrder(new PoolOrderId(ids.next()), pools().poolOrders().nextNumber(),
                        partner.id(), partner.parentId(), 3, PoolTerm.ONE_YEAR, T0,
                        PoolTerm.ONE_YEAR.validUntil(T0).orElseThrow(), PoolOrderStatus.NEW,
                        null, null, 0);
                pools().poolOrders().insert(o);
                return o;
            }));
        }
        assertEquals(List.of(1L, 2L, 3L), placed.stream().map(PoolOrder::number).toList());
        assertEquals(List.of(orderA, placed.get(2), placed.get(0)),
                tx(() -> pools().poolOrders().list(partnerA.id(), 10)));
        assertEquals(List.of(orderB.id(), orderA.id()),
                tx(() -> pools().poolOrders().list(null, 2)).stream().map(PoolOrder::id).toList());
        assertEquals(placed.get(1), tx(() -> pools().poolOrders().find(placed.get(1).id()).orElseThrow()));
    }

    @Test
    public void orderNumbersAreNeverHandedOutTwiceUnderConcurrency() throws Exception {
        Set<Long> numbers = ConcurrentHashMap.newKeySet();
        ExecutorService executor = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(executor.submit(() -> numbers.add(tx(() -> pools().poolOrders().nextNumber()))));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        executor.shutdown();
        assertEquals(200, numbers.size());
    }

    @Test
    public void clientEmailsAreUniquePerPartnerAndListInPages() {
        Client a = new Client(new ClientId(ids.next()), partnerA.id(), "c@x.test", "C", ZoneId.of("Europe/Warsaw"),
                Language.PL, null, T0, 0);
        Client b = new Client(new ClientId(ids.next()), partnerA.id(), "d@x.test", "", ZoneId.of("Asia/Yekaterinburg"),
                Language.RU, "flat 3", T0, 0);
        store.inTransaction(() -> {
            pools().clients().insert(a);
            pools().clients().insert(b);
            pools().clients().insert(new Client(new ClientId(ids.next()), partnerB.id(), "c@x.test", "",
                    ZoneId.of("UTC"), Language.EN, null, T0, 0));
        });
        refused(ErrorCode.CLIENT_EMAIL_TAKEN, "email", () -> store.inTransaction(() -> pools().clients().insert(
                new Client(new ClientId(ids.next()), partnerA.id(), "c@x.test", "", ZoneId.of("UTC"), Language.EN,
                        null, T0, 0))));
        assertEquals(a, tx(() -> pools().clients().findByEmail(partnerA.id(), "c@x.test").orElseThrow()));
        assertEquals(List.of(a), tx(() -> pools().clients().list(partnerA.id(), null, 1)));
        assertEquals(List.of(b, clientA), tx(() -> pools().clients().list(partnerA.id(), "c@x.test", 10)));

        Client moved = tx(() -> pools().clients().update(new Client(a.id(), a.partner(), "e@x.test", a.fullName(),
                a.timezone(), a.language(), a.description(), a.createdAt(), a.version())));
        assertEquals(1, moved.version());
        assertTrue(tx(() -> pools().clients().findByEmail(partnerA.id(), "c@x.test")).isEmpty());
        refused(ErrorCode.CLIENT_EMAIL_TAKEN, "email", () -> store.inTransaction(() -> pools().clients().update(
                new Client(b.id(), b.partner(), "e@x.test", "", b.timezone(), b.language(), null, T0, b.version()))));
    }

    @Test
    public void labelsAreUniqueAndFreeCredentialsAreClaimedInOrder() {
        Instant year = T0.plus(Duration.ofDays(365));
        Credential unlimited = credential(partnerA, 1, null, T0);
        Credential expiresLater = credential(partnerA, 2, year.plus(Duration.ofDays(365)), T0);
        Credential expiresSoon = credential(partnerA, 3, year, T0);
        Credential freeLater = credential(partnerA, 4, year, T0.plusSeconds(60));
        Credential otherPartner = credential(partnerB, 5, null, T0);
        store.inTransaction(() -> List.of(unlimited, expiresLater, expiresSoon, freeLater, otherPartner)
                .forEach(pools().credentials()::insert));
        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(
                () -> pools().credentials().insert(credential(partnerB, 1, null, T0))));

        assertEquals(List.of(expiresSoon, expiresLater, unlimited),
                tx(() -> pools().credentials().claimFree(partnerA.id(), T0, T0.plusSeconds(3600), 10)));
        assertEquals(List.of(expiresSoon, freeLater, expiresLater, unlimited),
                tx(() -> pools().credentials().claimFree(partnerA.id(), T0.plusSeconds(60), T0.plusSeconds(3600), 10)));
        assertEquals(List.of(expiresLater, unlimited),
                tx(() -> pools().credentials().claimFree(partnerA.id(), T0, year.plusSeconds(1), 10)));
        assertEquals(List.of(expiresSoon),
                tx(() -> pools().credentials().claimFree(partnerA.id(), T0, T0.plusSeconds(3600), 1)));
        // Stored FREE counts whatever its free_at: the four of A, until the capacity of two of them runs out.
        assertEquals(4L, tx(() -> pools().credentials().countIssuable(partnerA.id(), T0)));
        assertEquals(1L, tx(() -> pools().credentials().countIssuable(partnerB.id(), T0)));
        assertEquals(2L, tx(() -> pools().credentials().countIssuable(partnerA.id(), year.plusSeconds(1))));
        assertEquals(expiresSoon, tx(() -> pools().credentials().findByLabel(new Label(3)).orElseThrow()));
        assertEquals(List.of(unlimited, expiresLater, expiresSoon, freeLater),
                tx(() -> pools().credentials().byPartner(partnerA.id())));
    }

    @Test
    public void availabilityTellsAnEmptyPoolFromOneWhoseCapacityIsTooShort() {
        Instant year = T0.plus(Duration.ofDays(365));
        store.inTransaction(() -> List.of(credential(partnerA, 1, year, T0),
                        credential(partnerA, 2, null, T0.plusSeconds(60)), credential(partnerB, 3, null, T0))
                .forEach(pools().credentials()::insert));

        assertEquals(Availability.FITTING, tx(() -> pools().credentials().availability(partnerA.id(), T0, year)));
        assertEquals(Availability.TOO_SHORT,
                tx(() -> pools().credentials().availability(partnerA.id(), T0, year.plusSeconds(1))));
        assertEquals(Availability.FITTING, tx(() -> pools().credentials().availability(partnerA.id(),
                T0.plusSeconds(60), year.plusSeconds(1))));
        // Partner B's free credential is not partner A's.
        assertEquals(Availability.NONE,
                tx(() -> pools().credentials().availability(partnerA.id(), T0.minusSeconds(1), year)));
        assertEquals(Availability.FITTING,
                tx(() -> pools().credentials().availability(partnerB.id(), T0, year.plusSeconds(1))));
    }

    @Test
    public void concurrentTransactionsNeverClaimTheSameFreeCredential() throws Exception {
        int size = 40;
        store.inTransaction(() -> {
            for (int i = 0; i < size; i++) {
                pools().credentials().insert(credential(partnerA, 1000 + i, null, T0));
            }
        });
        ExecutorService executor = Executors.newFixedThreadPool(8);
        List<Future<Label>> claims = new ArrayList<>();
        for (int i = 0; i < size + 8; i++) {
            claims.add(executor.submit(() -> tx(() -> {
                List<Credential> free = pools().credentials().claimFree(partnerA.id(), T0, T0.plusSeconds(60), 1);
                if (free.isEmpty()) {
                    return null;
                }
                Credential c = free.get(0);
                // Taken: free only again in an hour, so no one else may claim it now.
                pools().credentials().update(new Credential(c.id(), c.label(), c.partner(), c.orderId(),
                        c.capacityExpiresAt(), CredentialState.FREE, null, null, null, null, 1, 0,
                        T0.plusSeconds(3600), c.version()));
                return c.label();
            })));
        }
        Set<Label> claimed = new HashSet<>();
        int empty = 0;
        for (Future<Label> f : claims) {
            Label label = f.get(30, TimeUnit.SECONDS);
            if (label == null) {
                empty++;
            } else {
                assertTrue(claimed.add(label), "claimed twice: " + label);
            }
        }
        executor.shutdown();
        assertEquals(size, claimed.size());
        assertEquals(8, empty);
    }

    @Test
    public void dueCredentialsAreClaimedEarliestFirst() {
        Credential free = credential(partnerA, 10, null, T0);
        Credential issued = credential(partnerA, 11, null, T0);
        Credential deactivated = credential(partnerA, 12, null, T0);
        store.inTransaction(() -> List.of(free, issued, deactivated).forEach(pools().credentials()::insert));
        Credential due100 = issue(issued, CredentialState.NEW, T0.plusSeconds(100), T0.plusSeconds(100));
        Credential due50 = issue(deactivated, CredentialState.DEACTIVATED, T0.plusSeconds(300), T0.plusSeconds(50));
        assertEquals(T0.plusSeconds(100), due100.dueAt());
        assertEquals(List.of(), tx(() -> pools().credentials().claimDue(T0.plusSeconds(49), 10)));
        assertEquals(List.of(due50), tx(() -> pools().credentials().claimDue(T0.plusSeconds(99), 10)));
        assertEquals(List.of(due50, due100), tx(() -> pools().credentials().claimDue(T0.plusSeconds(100), 10)));
        assertEquals(List.of(due50), tx(() -> pools().credentials().claimDue(T0.plusSeconds(100), 1)));
        assertEquals(due100, tx(() -> pools().credentials().find(issued.id()).orElseThrow()));
    }

    @Test
    public void issuancesListNewestFirstByClientInPages() {
        Client other = new Client(new ClientId(ids.next()), partnerA.id(), "other@a.test", "", ZoneId.of("UTC"),
                Language.EN, null, T0, 0);
        List<Credential> credentials = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            credentials.add(credential(partnerA, 500 + i, null, T0));
        }
        store.inTransaction(() -> {
            pools().clients().insert(other);
            credentials.forEach(pools().credentials()::insert);
        });
        List<Issuance> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Credential c = credentials.get(i);
            made.add(new Issuance(new IssuanceId(ids.next()), c.id(), c.label(), partnerA.id(),
                    i % 2 == 0 ? clientA.id() : other.id(), T0, T0.plusSeconds(60), "#" + i, T0, "member:x", null, null,
                    null, 0));
        }
        store.inTransaction(() -> made.forEach(pools().issuances()::insert));
        assertEquals(List.of(made.get(4), made.get(3)), tx(() -> pools().issuances().list(partnerA.id(), null, null,
                null, null, 2)));
        assertEquals(List.of(made.get(2), made.get(1)),
                tx(() -> pools().issuances().list(partnerA.id(), null, null, null, made.get(3).id(), 2)));
        assertEquals(List.of(made.get(4), made.get(2), made.get(0)),
                tx(() -> pools().issuances().list(partnerA.id(), clientA.id(), null, null, null, 10)));
        assertEquals(List.of(), tx(() -> pools().issuances().list(partnerB.id(), null, null, null, null, 10)));
        // A period finds the windows that overlap it: [T0, T0 + 60 s) ends at its end, starts before its start.
        assertEquals(5, tx(() -> pools().issuances().list(partnerA.id(), null, T0.plusSeconds(59), T0.plusSeconds(61),
                null, 10)).size());
        assertEquals(List.of(), tx(() -> pools().issuances().list(partnerA.id(), null, T0.plusSeconds(60), null, null,
                10)));
        assertEquals(List.of(), tx(() -> pools().issuances().list(partnerA.id(), null, null, T0, null, 10)));
        assertEquals(5, tx(() -> pools().issuances().list(partnerA.id(), null, null, T0.plusNanos(1_000), null, 10))
                .size());
        Issuance ended = tx(() -> pools().issuances().update(new Issuance(made.get(0).id(), made.get(0).credentialId(),
                made.get(0).label(), partnerA.id(), clientA.id(), T0, T0.plusSeconds(60), "#0", T0, "member:x",
                T0.plusSeconds(1), T0.plusSeconds(2), io.latchkey.credential.EndReason.REVOKED,
                        made.get(0).version())));
        assertEquals(ended, tx(() -> pools().issuances().find(made.get(0).id()).orElseThrow()));
    }

    @Test
    public void customersAreUniqueByPhone() {
        Customer customer = new Customer(new CustomerId(ids.next()), new PhoneNumber("+79123456789"), null, T0, 0);
        store.inTransaction(() -> party().customers().insert(customer));
        assertEquals(customer, tx(() ->
                party().customers().findByPhone(new PhoneNumber("+79123456789")).orElseThrow()));
        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(() -> party().customers().insert(
                new Customer(new CustomerId(ids.next()), new PhoneNumber("+79123456789"), null, T0, 0))));
        Customer withEmail = tx(() -> party().customers().update(new Customer(customer.id(), customer.phone(),
                "owner@example.test", T0, customer.version())));
        assertEquals(withEmail, tx(() -> party().customers().find(customer.id()).orElseThrow()));
        refused(ErrorCode.CONCURRENT_MODIFICATION, () -> store.inTransaction(() ->
                party().customers().update(customer)));
    }

    @Test
    public void devicesAreUniqueBySerialKeepEveryFieldAndAreSearched() {
        Customer owner = new Customer(new CustomerId(ids.next()), new PhoneNumber("+48601234567"), null, T0, 0);
        Device bare = device("HP-1");
        Device full = new Device(new DeviceId(ids.next()), "HP-2", "TN-16", "$argon2id$hash", operator.id(),
                DeviceStatus.IN_OPERATION, partnerA.id(), "RU", "Москва", "OFFICE", "Иван", "подвал", owner.id(),
                        "Дача",
                "89701990123456789", ZoneId.of("Europe/Moscow"), T0.plusSeconds(1), T0.plusSeconds(7),
                T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4), Connectivity.WIFI,
                List.of(new Alarm("E42", true, T0.plusNanos(5_000)), new Alarm("E1", false, T0)),
                List.of(new StageFact(StageField.SERVICE_REASON, "шум\tв\\компрессоре\nи вибрация", "member:x\ty",
                                T0.plusSeconds(8)),
                        new StageFact(StageField.FIRMWARE, "2.4.1", "member:z", T0)),
                new DataRequest(DeviceStatus.IN_SERVICE, List.of("objectType", "serviceReason"), T0.plusSeconds(9)),
                T0.plusSeconds(6), T0, 0);
        store.inTransaction(() -> {
            party().customers().insert(owner);
            devices().devices().insert(bare);
            devices().devices().insert(full);
            devices().devices().insert(device("XP-3"));
        });
        assertEquals(full, tx(() -> devices().devices().findBySerial("HP-2").orElseThrow()));
        assertEquals(bare, tx(() -> devices().devices().find(bare.id()).orElseThrow()));
        refused(ErrorCode.DEVICE_SERIAL_TAKEN, "serial", () -> store.inTransaction(
                () -> devices().devices().insert(device("HP-1"))));

        assertEquals(List.of("HP-1", "HP-2"), serials(new DeviceSearch("HP", null, null, null, null, 10)));
        assertEquals(List.of("HP-2"), serials(new DeviceSearch(null, DeviceStatus.IN_OPERATION, null, null, null, 10)));
        assertEquals(List.of("HP-2"), serials(new DeviceSearch(null, null, partnerA.id(), null, null, 10)));
        assertEquals(List.of("HP-2"), serials(new DeviceSearch(null, null, null, owner.id(), null, 10)));
        assertEquals(List.of("HP-2", "XP-3"), serials(new DeviceSearch(null, null, null, null, "HP-1", 10)));
        assertEquals(List.of("HP-1"), serials(new DeviceSearch(null, null, null, null, null, 1)));
        assertEquals(List.of(), serials(new DeviceSearch("%", null, null, null, null, 10)));
        assertEquals(List.of("HP-2"), serials(new DeviceSearch("P-", DeviceStatus.IN_OPERATION, partnerA.id(), null,
                "HP-1", 10)), "a text with every other criterion after it");
        assertEquals(List.of(), serials(new DeviceSearch("!", null, null, null, null, 10)));

        Device moved = tx(() -> devices().devices().update(bare.withVersion(bare.version())));
        assertEquals(1, moved.version());
        refused(ErrorCode.CONCURRENT_MODIFICATION, () -> store.inTransaction(() -> devices().devices().update(bare)));
    }

    @Test
    public void connectionsAreListedForBothSidesNewestFirst() {
        Organization company = new Organization(new OrgId(ids.next()), OrgKind.COMPANY, "Company", partnerA.id(),
                ZoneId.of("Europe/Moscow"), Language.RU, T0, 0);
        Connection first = new Connection(new ConnectionId(ids.next()), ConnectionKind.COMPANY_TO_PARTNER, company.id(),
                partnerB.id(), ConnectionState.PENDING, T0, null, null, null, 0);
        Connection second = new Connection(new ConnectionId(ids.next()), ConnectionKind.SELLER_TO_RESELLER,
                company.id(), partnerA.id(), ConnectionState.APPROVED, T0, T0, "member:x", null, 0);
        store.inTransaction(() -> {
            party().organizations().insert(company);
            party().connections().insert(first);
            party().connections().insert(second);
        });
        assertEquals(List.of(second, first), tx(() -> party().connections().involving(company.id(), null, null)));
        assertEquals(List.of(first), tx(() -> party().connections().involving(partnerB.id(), null, null)));
        assertEquals(List.of(second), tx(() -> party().connections().involving(company.id(),
                ConnectionKind.SELLER_TO_RESELLER, ConnectionState.APPROVED)));
        assertEquals(List.of(), tx(() -> party().connections().involving(partnerB.id(), null,
                ConnectionState.APPROVED)));
        Connection rejected = tx(() -> party().connections().update(new Connection(first.id(), first.kind(),
                first.from(), first.to(), ConnectionState.REJECTED, T0, T0.plusSeconds(5), "member:y",
                "not our region", first.version())));
        assertEquals(rejected, tx(() -> party().connections().find(first.id()).orElseThrow()));
        refused(ErrorCode.CONCURRENT_MODIFICATION, () -> store.inTransaction(() ->
                party().connections().update(first)));
    }

    @Test
    public void listsArePagedInIdOrderAfterACursor() {
        List<Member> members = new ArrayList<>();
        List<Organization> companies = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(new Member(new MemberId(ids.next()), partnerA.id(), "m" + i + "@a.test", "M", Language.PL,
                    null, Set.of(Role.MANAGER), MemberStatus.INVITED, null, 0, T0, 0));
            companies.add(new Organization(new OrgId(ids.next()), OrgKind.COMPANY, "Company " + (5 - i),
                    partnerA.id(), ZoneId.of("Europe/Moscow"), Language.RU, T0, 0));
            connections.add(new Connection(new ConnectionId(ids.next()), ConnectionKind.COMPANY_TO_PARTNER,
                    companies.get(i).id(), partnerA.id(), ConnectionState.PENDING, T0, null, null, null, 0));
            entries.add(new JournalEntry(ids.next(), T0, "credential", "A1", "member:x", "ISSUE", "FREE", "NEW",
                    null));
        }
        store.inTransaction(() -> {
            members.forEach(party().members()::insert);
            companies.forEach(party().organizations()::insert);
            connections.forEach(party().connections()::insert);
            entries.forEach(journal()::append);
        });

        assertEquals(members.subList(0, 2), tx(() -> party().members().byOrganization(partnerA.id(), null, 2)));
        assertEquals(members.subList(2, 4), tx(() -> party().members().byOrganization(partnerA.id(),
                members.get(1).id(), 2)));
        assertEquals(members.subList(4, 5), tx(() -> party().members().byOrganization(partnerA.id(),
                members.get(3).id(), 2)));
        assertEquals(List.of(), tx(() -> party().members().byOrganization(partnerA.id(), members.get(4).id(), 2)));
        assertEquals(List.of(), tx(() -> party().members().byOrganization(partnerB.id(), null, 2)));

        assertEquals(companies.subList(1, 4), tx(() -> party().organizations().children(partnerA.id(),
                companies.get(0).id(), 3)), "by id, not by name");
        assertEquals(connections.subList(3, 5), tx(() -> party().connections().involving(partnerA.id(),
                ConnectionKind.COMPANY_TO_PARTNER, ConnectionState.PENDING, connections.get(2).id(), 10)));
        assertEquals(List.of(), tx(() -> party().connections().involving(partnerA.id(), null,
                ConnectionState.APPROVED, null, 10)));
        assertEquals(entries.subList(1, 3), tx(() -> journal().history("credential", "A1", entries.get(0).id(),
                2)));
    }

    @Test
    public void onlyOpenPartnersOfTheCountryAreListedForSellers() {
        Requisites polish = new Requisites("7740001454", null, null, null, "PL");
        Organization open = new Organization(new OrgId(ids.next()), OrgKind.PARTNER, "Open", operator.id(),
                ZoneId.of("Europe/Warsaw"), Language.PL, polish, T0, 0);
        Organization applied = new Organization(new OrgId(ids.next()), OrgKind.PARTNER, "Applied", operator.id(),
                ZoneId.of("Europe/Warsaw"), Language.PL, polish, null, null, null, null, null, T0,
                0);
        Organization closed = new Organization(new OrgId(ids.next()), OrgKind.PARTNER, "Closed", operator.id(),
                ZoneId.of("Europe/Warsaw"), Language.PL, polish, null, T0, T0, T0,
                new Agreement("1.3", T0, "member:someone"), T0, 0);
        Organization company = new Organization(new OrgId(ids.next()), OrgKind.COMPANY, "Company", open.id(),
                ZoneId.of("Europe/Warsaw"), Language.PL, polish, T0, 0);
        Organization second = new Organization(new OrgId(ids.next()), OrgKind.PARTNER, "Second", operator.id(),
                ZoneId.of("Europe/Warsaw"), Language.PL, polish, T0, 0);
        store.inTransaction(() -> List.of(open, applied, closed, company, second)
                .forEach(party().organizations()::insert));

        assertEquals(List.of(open, second), tx(() -> party().organizations().openPartners("PL", null, 10)));
        assertEquals(List.of(second), tx(() -> party().organizations().openPartners("PL", open.id(), 10)));
        assertEquals(List.of(open), tx(() -> party().organizations().openPartners("PL", null, 1)));
        assertEquals(List.of(), tx(() -> party().organizations().openPartners("RU", null, 10)));
    }

    @Test
    public void licensesDocumentsAndActivationsKeepTheirRules() {
        License sealed = license("hash-a", partnerA, LicenseState.SEALED);
        License revealed = license("hash-b", partnerA, LicenseState.REVEALED);
        License other = license("hash-c", partnerB, LicenseState.SEALED);
        Document mint = new Document(new DocumentId(ids.next()), 1, DocumentType.MINT, operator.id(), null, null, null,
                "member:x", T0, List.of(sealed.id(), revealed.id(), other.id()));
        Document sale = new Document(new DocumentId(ids.next()), 2, DocumentType.SALE_TO_UNREGISTERED, partnerA.id(),
                null, null, new BuyerRequisites("ИП Иванов", "7707083893", null), "member:y", T0.plusSeconds(60),
                List.of(revealed.id()));
        store.inTransaction(() -> {
            List.of(sealed, revealed, other).forEach(licenses().licenses()::insert);
            licenses().documents().insert(mint);
            licenses().documents().insert(sale);
        });
        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(() -> licenses().licenses().insert(
                license("hash-a", partnerB, LicenseState.SEALED))));
        assertEquals(revealed, tx(() -> licenses().licenses().findByHash(List.of("old-key-hash",
                "hash-b")).orElseThrow()));
        assertEquals(List.of(sealed, revealed), tx(() -> licenses().licenses().heldBy(partnerA.id(), null, null, 10)));
        assertEquals(List.of(revealed), tx(() -> licenses().licenses().heldBy(partnerA.id(),
                Set.of(LicenseState.REVEALED, LicenseState.SOLD), null, 10)));
        assertEquals(List.of(revealed), tx(() -> licenses().licenses().heldBy(partnerA.id(), null, sealed.id(), 10)));
        License sold = tx(() -> licenses().licenses().update(new License(revealed.id(), revealed.format(),
                revealed.codeHash(), revealed.sealedCode(), partnerA.id(), LicenseState.SOLD, true, true,
                revealed.mintedAt(), revealed.version())));
        assertEquals(sold, tx(() -> licenses().licenses().find(revealed.id()).orElseThrow()));
        refused(ErrorCode.CONCURRENT_MODIFICATION, () -> store.inTransaction(() ->
                licenses().licenses().update(revealed)));

        assertEquals(sale, tx(() -> licenses().documents().find(sale.id()).orElseThrow()));
        assertEquals(List.of(sale), tx(() -> licenses().documents().search(new DocumentSearch(partnerA.id(), null, null,
                null, null, null, null, null, 10))));
        assertEquals(List.of(sale, mint), tx(() -> licenses().documents().search(new DocumentSearch(null, null, null,
                null,
                T0, T0.plusSeconds(61), null, null, 10))));
        assertEquals(List.of(mint), tx(() -> licenses().documents().search(new DocumentSearch(null, null, null,
                "member:x",
                null, null, null, null, 10))));
        assertEquals(List.of(mint), tx(() -> licenses().documents().search(new DocumentSearch(null, null, null, null,
                null, null, null, 2L, 10))));
        assertEquals(List.of(mint, sale), tx(() -> licenses().documents().of(revealed.id())));
        long first = tx(() -> licenses().documents().nextNumber());
        assertEquals(first + 1, tx(() -> licenses().documents().nextNumber()));

        Activation active = new Activation(new ActivationId(ids.next()), sealed.id(), "pos-1", ActivationState.ACTIVE,
                T0, null, 0);
        store.inTransaction(() -> licenses().activations().insert(active));
        refused(ErrorCode.LICENSE_ALREADY_ACTIVATED, () -> store.inTransaction(() -> licenses().activations().insert(
                new Activation(new ActivationId(ids.next()), sealed.id(), "pos-2", ActivationState.ACTIVE, T0, null,
                        0))));
        assertEquals(active, tx(() -> licenses().activations().active(sealed.id()).orElseThrow()));
        store.inTransaction(() -> licenses().activations().update(new Activation(active.id(), sealed.id(), "pos-1",
                ActivationState.DEACTIVATED, T0, T0.plusSeconds(5), active.version())));
        assertTrue(tx(() -> licenses().activations().active(sealed.id())).isEmpty());
        store.inTransaction(() -> licenses().activations().insert(new Activation(new ActivationId(ids.next()),
                sealed.id(),
                "pos-2", ActivationState.ACTIVE, T0.plusSeconds(6), null, 0)));
        assertEquals("pos-2", tx(() -> licenses().activations().active(sealed.id()).orElseThrow().fingerprint()));
    }

    private License license(String hash, Organization holder, LicenseState state) {
        return new License(new LicenseId(ids.next()), CodeFormat.BASE32_12, hash, new byte[] {1, 2, 3}, holder.id(),
                state, false, false, T0, 0);
    }

    @Test
    public void requisitesFirmsAndSitesAreKept() {
        Organization withRequisites = new Organization(partnerA.id(), partnerA.kind(), partnerA.name(),
                partnerA.parentId(), partnerA.timezone(), partnerA.language(),
                new Requisites("7707083893", "Москва", "Иванов", "+74951234567", "RU"), partnerA.createdAt(),
                partnerA.version());
        store.inTransaction(() -> party().organizations().update(withRequisites));
        assertEquals(withRequisites.requisites(),
                tx(() -> party().organizations().find(partnerA.id()).orElseThrow().requisites()));

        Firm firm = new Firm(new FirmId(ids.next()), partnerA.id(), "Firm B", "7728168971", null, null, T0, 0);
        Firm other = new Firm(new FirmId(ids.next()), partnerA.id(), "Firm A", "7707083893", null, null, T0, 0);
        Site site = new Site(new SiteId(ids.next()), partnerA.id(), "Shop", "Main st. 1", T0, 0);
        store.inTransaction(() -> {
            party().firms().insert(firm);
            party().firms().insert(other);
            party().sites().insert(site);
            party().firms().insert(new Firm(new FirmId(ids.next()), partnerB.id(), "Same INN elsewhere", "7728168971",
                    null, null,
                    T0, 0));
        });
        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(() -> party().firms().insert(
                new Firm(new FirmId(ids.next()), partnerA.id(), "Copy", "7728168971", null, null, T0, 0))));
        assertEquals(List.of(firm, other), tx(() -> party().firms().byCompany(partnerA.id(), null, 100)));
        assertEquals(firm, tx(() -> party().firms().find(firm.id()).orElseThrow()));
        assertEquals(List.of(site), tx(() -> party().sites().byOrganization(partnerA.id(), null, 100)));
        assertEquals(site, tx(() -> party().sites().find(site.id()).orElseThrow()));
    }

    @Test
    public void packagesHubsAndSubscriptionsKeepTheirRules() {
        Site site = new Site(new SiteId(ids.next()), partnerA.id(), "House", null, T0, 0);
        ServicePackage pro = new ServicePackage(new PackageId(ids.next()), "PRO", "Pro", 4900, "PLN", true, T0, 0);
        ServicePackage basic = new ServicePackage(new PackageId(ids.next()), "BASIC", "Basic", 0, "PLN", false, T0, 0);
        Hub hub = new Hub(new HubId(ids.next()), partnerA.id(), site.id(), "HUB-1", true, T0, 0);
        store.inTransaction(() -> {
            party().sites().insert(site);
            services().packages().insert(pro);
            services().packages().insert(basic);
            services().hubs().insert(hub);
        });
        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(() -> services().packages().insert(
                new ServicePackage(new PackageId(ids.next()), "PRO", "Again", 1, "PLN", false, T0, 0))));
        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(() -> services().hubs().insert(
                new Hub(new HubId(ids.next()), partnerA.id(), site.id(), "HUB-1", false, T0, 0))));
        assertEquals(List.of(basic, pro), tx(() -> services().packages().all()));
        assertEquals(List.of(hub), tx(() -> services().hubs().bySeller(partnerA.id(), null, 100)));

        Subscription live = new Subscription(new SubscriptionId(ids.next()), hub.id(), partnerA.id(), partnerB.id(),
                pro.id(), SubscriptionState.ACTIVE, T0, null, null, 0);
        store.inTransaction(() -> services().subscriptions().insert(live));
        refused(ErrorCode.SUBSCRIPTION_EXISTS, () -> store.inTransaction(() -> services().subscriptions().insert(
                new Subscription(new SubscriptionId(ids.next()), hub.id(), partnerA.id(), partnerB.id(), pro.id(),
                        SubscriptionState.ACTIVE, T0, null, null, 0))));
        assertEquals(live, tx(() -> services().subscriptions().liveOnHub(hub.id()).orElseThrow()));
        Instant monthEnd = T0.plusSeconds(86_400 * 8);
        Subscription expiring = tx(() -> services().subscriptions().update(new Subscription(live.id(), hub.id(),
                partnerA.id(), partnerB.id(), pro.id(), SubscriptionState.EXPIRES_SOON, T0, monthEnd, null,
                live.version())));
        assertEquals(List.of(), tx(() -> services().subscriptions().claimDue(monthEnd.minusSeconds(1), 10)));
        assertEquals(List.of(expiring), tx(() -> services().subscriptions().claimDue(monthEnd, 10)));
        assertEquals(List.of(expiring), tx(() -> services().subscriptions().byReseller(partnerB.id(), T0, monthEnd,
                null, 100)));
        assertEquals(List.of(), tx(() -> services().subscriptions().byReseller(partnerB.id(), monthEnd,
                monthEnd.plusSeconds(9), null, 100)));
        assertEquals(List.of(), tx(() -> services().subscriptions().byReseller(partnerA.id(), T0, monthEnd, null,
                100)));
        store.inTransaction(() -> services().subscriptions().update(new Subscription(live.id(), hub.id(), partnerA.id(),
                partnerB.id(), pro.id(), SubscriptionState.ENDED, T0, null, monthEnd, expiring.version())));
        assertTrue(tx(() -> services().subscriptions().liveOnHub(hub.id())).isEmpty());
        store.inTransaction(() -> services().subscriptions().insert(new Subscription(new SubscriptionId(ids.next()),
                hub.id(), partnerA.id(), partnerB.id(), basic.id(), SubscriptionState.ACTIVE, monthEnd, null, null,
                        0)));
        assertEquals(2, tx(() -> services().subscriptions().bySeller(partnerA.id(), null, 100)).size());
        assertEquals(List.of(hub), tx(() -> services().hubs().bySite(site.id(), null, 10)));
        assertEquals(List.of(), tx(() -> services().hubs().bySite(site.id(), hub.id(), 10)));
        Hub moved = tx(() -> services().hubs().update(new Hub(hub.id(), hub.seller(), hub.site(), hub.serial(), false,
                T0, hub.version())));
        assertEquals(moved, tx(() -> services().hubs().find(hub.id()).orElseThrow()));
    }

    private List<Organization> search(OrgKind kind, String text, OrgId parent, boolean outside, OrgId after,
                                      int limit) {
        return tx(() -> party().organizations().search(new OrgSearch(kind, text, parent, outside, after, limit)));
    }

    @Test
    public void openOrganizationsAreFoundByIdOrAnyPartOfNameTaxIdOrAddressAPageAtATime() {
        Organization gamma = new Organization(new OrgId(ids.next()), OrgKind.PARTNER, "Gamma", operator.id(),
                ZoneId.of("Europe/Moscow"), Language.RU, new Requisites("7707083893", "105122, г. Москва, Щелковское "
                + "шоссе", null, null, "RU"), T0, 0);
        Organization closed = new Organization(new OrgId(ids.next()), OrgKind.PARTNER, "Gamma Closed", operator.id(),
                ZoneId.of("Europe/Moscow"), Language.RU, Requisites.NONE, null, T0, T0, T0.plusSeconds(1), null,
                T0, 0);
        Organization pending = new Organization(new OrgId(ids.next()), OrgKind.PARTNER, "Gamma Pending",
                operator.id(), ZoneId.of("Europe/Moscow"), Language.RU, Requisites.NONE, null, T0, null, null, null, T0,
                0);
        Organization company = org(OrgKind.COMPANY, "Светлячок", partnerA.id());
        Organization operatorsCompany = org(OrgKind.COMPANY, "Светлячок 2", operator.id());
        store.inTransaction(() -> List.of(gamma, closed, pending, company, operatorsCompany)
                .forEach(party().organizations()::insert));

        assertEquals(List.of(partnerA, partnerB, gamma), search(OrgKind.PARTNER, null, null, false, null, 10),
                "neither the closed nor the pending one");
        assertEquals(OrganizationState.PENDING, tx(() -> party().organizations().find(pending.id()).orElseThrow()
                .state()));
        assertEquals(List.of(partnerB), search(OrgKind.PARTNER, "ET", null, false, null, 10));
        assertEquals(List.of(gamma), search(OrgKind.PARTNER, "770708", null, false, null, 10), "by INN");
        assertEquals(List.of(gamma), search(OrgKind.PARTNER, "щелковское", null, false, null, 10), "by address");
        assertEquals(List.of(partnerA), search(OrgKind.PARTNER, partnerA.id().toString(), null, false, null, 10));
        assertEquals(List.of(), search(OrgKind.PARTNER, "_", null, false, null, 10));
        assertEquals(List.of(partnerA, partnerB), search(OrgKind.PARTNER, null, null, false, null, 2));
        assertEquals(List.of(gamma), search(OrgKind.PARTNER, null, null, false, partnerB.id(), 2));
        assertEquals(List.of(company), search(OrgKind.COMPANY, "светл", partnerA.id(), false, null, 10));
        assertEquals(List.of(company), search(OrgKind.COMPANY, null, operator.id(), true, null, 10),
                "the companies of other partners");
        assertEquals(List.of(operatorsCompany), search(OrgKind.COMPANY, null, operator.id(), false, null, 10));
    }

    @Test
    public void firmsSitesAndLicensesAreCounted() {
        store.inTransaction(() -> {
            party().firms().insert(new Firm(new FirmId(ids.next()), partnerA.id(), "One", "7728168971", null, null, T0,
                    0));
            party().firms().insert(new Firm(new FirmId(ids.next()), partnerA.id(), "Two", "7707083893", null, null, T0,
                    0));
            party().sites().insert(new Site(new SiteId(ids.next()), partnerA.id(), "Shop", null, T0, 0));
            licenses().licenses().insert(license("h1", partnerA, LicenseState.SEALED));
            licenses().licenses().insert(license("h2", partnerA, LicenseState.REVEALED));
            licenses().licenses().insert(license("h3", partnerB, LicenseState.SEALED));
        });
        assertEquals(List.of(2, 1, 2), tx(() -> List.of(party().firms().count(partnerA.id()),
                party().sites().count(partnerA.id()), licenses().licenses().countHeldBy(partnerA.id()))));
        assertEquals(List.of(0, 0, 1), tx(() -> List.of(party().firms().count(partnerB.id()),
                party().sites().count(partnerB.id()), licenses().licenses().countHeldBy(partnerB.id()))));
    }

    @Test
    public void applicationsAreThePartnersNeitherApprovedNorClosedOldestFirst() {
        Organization later = applied("Later", T0.plusSeconds(60), null);
        Organization earlier = applied("Earlier", T0, null);
        Organization rejected = applied("Rejected", T0, T0.plusSeconds(5));
        store.inTransaction(() -> List.of(later, earlier, rejected).forEach(party().organizations()::insert));

        assertEquals(List.of(earlier, later), tx(() -> party().organizations().applications(10)));
        assertEquals(List.of(earlier), tx(() -> party().organizations().applications(1)));
        assertEquals(OrganizationState.APPLIED, tx(() -> party().organizations().find(later.id())).orElseThrow()
                .state());
        assertEquals(OrganizationState.CLOSED, tx(() -> party().organizations().find(rejected.id())).orElseThrow()
                .state());
    }

    private Organization applied(String name, Instant at, Instant closedAt) {
        return new Organization(new OrgId(ids.next()), OrgKind.PARTNER, name, operator.id(), ZoneId.of("Europe/Warsaw"),
                Language.PL, new Requisites("7707083893", null, null, null), null, null, null, closedAt, null,
                at, 0);
    }

    @Test
    public void keysAreAddedOncePerGenerationAndListedNewestFirst() {
        StoredKey sealing1 = new StoredKey("sec-1-a", StoredKey.Kind.SEALING, 1, new byte[] {1, 2, 3}, T0);
        StoredKey signing1 = new StoredKey("sig-1-a", StoredKey.Kind.SIGNING, 1, new byte[] {4, 5}, T0);
        StoredKey signing2 = new StoredKey("sig-2-b", StoredKey.Kind.SIGNING, 2, new byte[] {6}, T0.plusSeconds(1));
        store.inTransaction(() -> List.of(sealing1, signing1, signing2)
                .forEach(store.port(KeyRepository.class)::insert));

        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(() -> store.port(KeyRepository.class).insert(
                new StoredKey("sig-2-c", StoredKey.Kind.SIGNING, 2, new byte[] {7}, T0))));
        assertEquals(List.of(sealing1, signing2, signing1), tx(() -> store.port(KeyRepository.class).all()));
    }

    private Device device(String serial) {
        return new Device(new DeviceId(ids.next()), serial, "TN-12", "$argon2id$hash", operator.id(),
                DeviceStatus.CREATED, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, List.of(), List.of(), null, null, T0, 0);
    }

    private List<String> serials(DeviceSearch search) {
        return tx(() -> devices().devices().search(search)).stream().map(Device::serial).toList();
    }

    @Test
    public void theJournalKeepsEachAggregatesHistoryInOrder() {
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(new JournalEntry(ids.next(), T0.plusSeconds(i), "credential", "A1", "member:x",
                    i == 0 ? "CREATE" : "ISSUE", i == 0 ? null : "FREE", "NEW", i == 2 ? "why" : null));
        }
        store.inTransaction(() -> {
            entries.forEach(journal()::append);
            journal().append(new JournalEntry(ids.next(), T0, "credential", "B2", "system:x", "CREATE", null,
                    "FREE", null));
        });
        assertEquals(entries, tx(() -> journal().history("credential", "A1", null, 100)));
        assertEquals(List.of(), tx(() -> journal().history("pool-order", "A1", null, 100)));
    }

    @Test
    public void outboxMessagesAreUniqueByKeyAndLeasedWhenClaimed() {
        OutboxMessage first = new OutboxMessage(ids.next(), "mail/1", new byte[] {1, 2, 3}, T0, OutboxStatus.PENDING, 0,
                T0, null, 0);
        OutboxMessage later = new OutboxMessage(ids.next(), "mail/2", new byte[] {4}, T0, OutboxStatus.PENDING, 0,
                T0.plusSeconds(30), null, 0);
        store.inTransaction(() -> {
            outbox().insert(first);
            outbox().insert(later);
            outbox().insert(new OutboxMessage(ids.next(), "mail/1", new byte[] {9}, T0, OutboxStatus.PENDING, 0,
                    T0, null, 0));
        });
        assertEquals(2L, tx(() -> outbox().countByStatus()).get(OutboxStatus.PENDING));

        List<OutboxMessage> claimed = tx(() -> outbox().claimDue(T0, 10, Duration.ofMinutes(2)));
        assertEquals(List.of(first.id()), claimed.stream().map(OutboxMessage::id).toList());
        assertEquals(T0.plus(Duration.ofMinutes(2)), claimed.get(0).nextAttemptAt());
        assertEquals(List.of(), tx(() -> outbox().claimDue(T0.plusSeconds(10), 10, Duration.ofMinutes(2))));
        assertEquals(List.of(later.id()), tx(() -> outbox().claimDue(T0.plusSeconds(30), 10,
                Duration.ofMinutes(2))).stream().map(OutboxMessage::id).toList());

        OutboxMessage sent = new OutboxMessage(first.id(), first.idempotencyKey(), first.sealedPayload(),
                first.createdAt(), OutboxStatus.SENT, 1, T0, null, claimed.get(0).version());
        store.inTransaction(() -> outbox().update(sent));
        OutboxMessage stored = tx(() -> outbox().find(first.id()).orElseThrow());
        assertEquals(OutboxStatus.SENT, stored.status());
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), List.of(stored.sealedPayload()[0],
                stored.sealedPayload()[1], stored.sealedPayload()[2]));
        refused(ErrorCode.CONCURRENT_MODIFICATION, () -> store.inTransaction(() -> outbox().update(sent)));
        assertEquals(1L, tx(() -> outbox().countByStatus()).get(OutboxStatus.SENT));
    }

    @Test
    public void idempotencyKeysAreUniquePerScope() {
        IdempotencyRecord record = new IdempotencyRecord("credential.issue/a", "k1", "hash", "result", T0);
        store.inTransaction(() -> idempotency().insert(record));
        assertEquals(record, tx(() -> idempotency().find("credential.issue/a", "k1").orElseThrow()));
        assertTrue(tx(() -> idempotency().find("credential.issue/b", "k1")).isEmpty());
        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(() -> idempotency().insert(record)));
    }

    @Test
    public void sessionsAreFoundByTheirHashAndEndOneByOneByMemberOrByExpiry() {
        Member member = new Member(new MemberId(ids.next()), partnerA.id(), "s@a.test", "S", Language.EN, null,
                Set.of(Role.MANAGER), MemberStatus.ACTIVE, "hash", 0, T0, 0);
        Customer customer = new Customer(new CustomerId(ids.next()), PhoneNumber.parse("phone", "+48123456789"), null,
                T0, 0);
        Session first = new Session("a".repeat(64), member.id(), null, T0, T0.plusSeconds(60));
        Session second = new Session("b".repeat(64), member.id(), null, T0, T0.plusSeconds(120));
        Session app = new Session("c".repeat(64), null, customer.id(), T0, T0.plusSeconds(30));
        store.inTransaction(() -> {
            party().members().insert(member);
            party().customers().insert(customer);
            List.of(first, second, app).forEach(party().sessions()::insert);
        });
        assertEquals(Optional.of(first), tx(() -> party().sessions().find(first.tokenHash())));
        assertEquals(Optional.of(app), tx(() -> party().sessions().find(app.tokenHash())));
        assertTrue(tx(() -> party().sessions().find("d".repeat(64))).isEmpty());

        assertEquals(1, tx(() -> party().sessions().removeExpired(T0.plusSeconds(90), 1)), "the oldest first");
        assertTrue(tx(() -> party().sessions().find(app.tokenHash())).isEmpty());
        assertTrue(tx(() -> party().sessions().remove(first.tokenHash())));
        assertFalse(tx(() -> party().sessions().remove(first.tokenHash())));
        assertEquals(1, tx(() -> party().sessions().removeOfMember(member.id())));
        assertTrue(tx(() -> party().sessions().find(second.tokenHash())).isEmpty());
    }

    @Test
    public void repliesAreUniquePerScopeKeepTheirBytesAndArePrunedOldestFirst() {
        Reply old = new Reply("member:a", "k1", "h1", 201, "application/json", new byte[] {1, 2, 3}, T0);
        Reply older = new Reply("member:a", "k0", "h0", 200, "application/json", new byte[0], T0.minusSeconds(1));
        Reply young = new Reply("source:b", "k1", "h2", 202, "text/plain", new byte[] {4}, T0.plusSeconds(60));
        store.inTransaction(() -> List.of(old, older, young).forEach(replies()::insert));
        Reply found = tx(() -> replies().find("member:a", "k1").orElseThrow());
        assertEquals(List.of(old.scope(), old.key(), old.requestHash(), old.status(), old.contentType(),
                old.createdAt()), List.of(found.scope(), found.key(), found.requestHash(), found.status(),
                found.contentType(), found.createdAt()));
        assertArrayEquals(old.sealedBody(), found.sealedBody());
        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(() -> replies().insert(old)));

        assertEquals(1, tx(() -> replies().deleteMadeBefore(T0.plusSeconds(30), 1)));
        assertTrue(tx(() -> replies().find("member:a", "k0")).isEmpty(), "the oldest went first");
        assertEquals(1, tx(() -> replies().deleteMadeBefore(T0.plusSeconds(30), 10)));
        assertTrue(tx(() -> replies().find("source:b", "k1")).isPresent());
    }

    @Test
    public void oldSentMessagesAndOldIdempotencyRecordsArePrunedOldestFirstAndNothingElse() {
        List<OutboxMessage> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(new OutboxMessage(ids.next(), "sent/" + i, new byte[] {1}, T0.plusSeconds(i), OutboxStatus.SENT,
                    1, T0, null, 0));
        }
        OutboxMessage pending = new OutboxMessage(ids.next(), "pending", new byte[] {2}, T0, OutboxStatus.PENDING, 0,
                T0, null, 0);
        OutboxMessage failed = new OutboxMessage(ids.next(), "failed", new byte[] {3}, T0, OutboxStatus.FAILED, 4,
                T0, "550", 0);
        OutboxMessage recent = new OutboxMessage(ids.next(), "recent", new byte[] {4}, T0.plusSeconds(60),
                OutboxStatus.SENT, 1, T0, null, 0);
        IdempotencyRecord old = new IdempotencyRecord("s", "old", "h", "r", T0);
        IdempotencyRecord older = new IdempotencyRecord("s", "older", "h", "r", T0.minusSeconds(1));
        IdempotencyRecord young = new IdempotencyRecord("s", "young", "h", "r", T0.plusSeconds(60));
        store.inTransaction(() -> {
            sent.forEach(outbox()::insert);
            List.of(pending, failed, recent).forEach(outbox()::insert);
            List.of(old, older, young).forEach(idempotency()::insert);
        });
        Instant cutoff = T0.plusSeconds(30);

        assertEquals(2, tx(() -> outbox().deleteSentBefore(cutoff, 2)));
        assertTrue(tx(() -> outbox().find(sent.get(0).id())).isEmpty());
        assertTrue(tx(() -> outbox().find(sent.get(2).id())).isPresent(), "the oldest went first");
        assertEquals(1, tx(() -> outbox().deleteSentBefore(cutoff, 10)));
        assertEquals(0, tx(() -> outbox().deleteSentBefore(cutoff, 10)));
        assertEquals(Map.of(OutboxStatus.PENDING, 1L, OutboxStatus.SENT, 1L, OutboxStatus.FAILED, 1L),
                tx(() -> outbox().countByStatus()));
        assertEquals(1, tx(() -> idempotency().deleteMadeBefore(cutoff, 1)));
        assertTrue(tx(() -> idempotency().find("s", "older")).isEmpty(), "the oldest went first");
        assertEquals(1, tx(() -> idempotency().deleteMadeBefore(cutoff, 10)));
        assertEquals(Optional.of(young), tx(() -> idempotency().find("s", "young")));
        // A pruned key is free again: a request repeated after the retention counts as a new one.
        store.inTransaction(() -> idempotency().insert(old));
        assertEquals(Optional.of(old), tx(() -> idempotency().find("s", "old")));
    }

    @Test
    public void aTransactionThatFailsHalfWayLeavesNothingBehind() {
        Credential credential = credential(partnerA, 77, null, T0);
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            pools().credentials().insert(credential);
            journal().append(new JournalEntry(ids.next(), T0, "credential", "77", "system:x", "CREATE", null,
                    "FREE", null));
            outbox().insert(new OutboxMessage(ids.next(), "mail/77", new byte[] {1}, T0, OutboxStatus.PENDING, 0,
                    T0, null, 0));
            party().organizations().update(partnerA);
            throw new IllegalStateException("crash half-way");
        }));
        assertTrue(tx(() -> pools().credentials().findByLabel(new Label(77))).isEmpty());
        assertEquals(List.of(), tx(() -> journal().history("credential", "77", null, 100)));
        assertEquals(0L, tx(() -> outbox().countByStatus()).get(OutboxStatus.PENDING));
        assertEquals(partnerA.version(), tx(() -> party().organizations().find(partnerA.id()).orElseThrow().version()));
    }

    @Test
    public void anInnerTransactionJoinsTheOuterOne() {
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            store.inTransaction(() -> pools().credentials().insert(credential(partnerA, 88, null, T0)));
            throw new IllegalStateException("the outer one fails");
        }));
        assertTrue(tx(() -> pools().credentials().findByLabel(new Label(88))).isEmpty());
    }

    @Test
    public void repositoriesAreUsedOnlyInsideATransaction() {
        assertThrows(IllegalStateException.class, () -> party().organizations().find(operator.id()));
    }
}
