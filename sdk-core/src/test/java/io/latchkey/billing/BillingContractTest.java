package io.latchkey.billing;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.store.Store;
import io.latchkey.testkit.ExpectedTables;
import io.latchkey.testkit.Fixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Billing accounts as seed 001 describes them (LANBilling with the Intersvyaz platform), on any {@link Store}: an
 * in-memory billing behind the gateway, the sync, the profiles and what each resident may do. Each store
 * implementation extends this class.
 */
public abstract class BillingContractTest {

    private static final Set<Feature> ALL = EnumSet.allOf(Feature.class);
    private static final Set<Feature> KEY = EnumSet.of(Feature.DOOR_KEY);
    private static final Set<Feature> NONE = EnumSet.noneOf(Feature.class);

    protected Fixture fx;
    private InMemoryBillingGateway billing;
    private final AtomicInteger failingPage = new AtomicInteger(-1);
    private final Set<String> hidden = new HashSet<>();
    private Latchkey sdk;
    private int keys;

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    @BeforeEach
    public void setUp() {
        fx = new Fixture(newStore());
        billing = new InMemoryBillingGateway(fx.clock);
        sdk = Latchkey.builder().store(fx.store).clock(fx.clock).masterKey(Fixture.MASTER_KEY)
                .passwordHasher(fx.hasher).billingGateway(new Flaky()).build();
    }

    @AfterEach
    public void closeStore() {
        fx.close();
    }

    /** The billing as the sync sees it: it may fail on a given page, or no longer list some accounts. */
    private final class Flaky implements BillingGateway {
        private int pages;

        @Override
        public AccountPage accounts(String cursor, int limit) {
            if (pages++ == failingPage.get()) {
                throw new IllegalStateException("connection reset");
            }
            AccountPage page = billing.accounts(cursor, limit);
            return new AccountPage(page.accounts().stream().filter(a -> !hidden.contains(a.accountId())).toList(),
                    page.next());
        }

        @Override
        public Optional<BillingAccount> account(String accountId) {
            return billing.account(accountId);
        }

        @Override
        public GatewayResult upsertSubscriber(String key, String name, String phone, String email) {
            return billing.upsertSubscriber(key, name, phone, email);
        }

        @Override
        public GatewayResult openAgreement(String key, String subscriberId, String number) {
            return billing.openAgreement(key, subscriberId, number);
        }

        @Override
        public GatewayResult createAccount(String key, String agreementId, String agentId, String tariffId,
                                           String address) {
            return billing.createAccount(key, agreementId, agentId, tariffId, address);
        }

        @Override
        public GatewayResult setExtraField(String key, String accountId, String name, String value) {
            return billing.setExtraField(key, accountId, name, value);
        }

        @Override
        public GatewayResult startService(String key, String accountId, java.time.Instant from) {
            return billing.startService(key, accountId, from);
        }

        @Override
        public GatewayResult scheduleServiceEnd(String key, String serviceId, java.time.Instant at) {
            return billing.scheduleServiceEnd(key, serviceId, at);
        }

        @Override
        public GatewayResult endServiceNow(String key, String serviceId) {
            return billing.endServiceNow(key, serviceId);
        }

        @Override
        public GatewayResult setAccessState(String key, String accountId, AccessState state) {
            return billing.setAccessState(key, accountId, state);
        }
    }

    /** An apartment's account and its intercom service, as the seed's steps make them. */
    private record Apartment(String account, String service) {
    }

    private String id(GatewayResult result) {
        return assertInstanceOf(GatewayResult.Succeeded.class, result).id();
    }

    /**
     * "Создайте карточку абонента… Добавьте договор… На этом договоре создайте учётную запись… укажите
     * isvyaz_login… Добавьте к учётной записи периодическую услугу домофонии."
     */
    private Apartment apartment(String login, String address) {
        String subscriber = id(billing.upsertSubscriber("k" + ++keys, "Иванов И. И.", "+79123456789", null));
        String agreement = id(billing.openAgreement("k" + ++keys, subscriber, "Д-" + keys));
        String account = id(billing.createAccount("k" + ++keys, agreement, "agent-1", "intercom", address));
        if (login != null) {
            id(billing.setExtraField("k" + ++keys, account, InMemoryBillingGateway.LOGIN_FIELD, login));
        }
        String service = id(billing.startService("k" + ++keys, account, fx.clock.instant()));
        return new Apartment(account, service);
    }

    private void set(Apartment apartment, AccessState state) {
        id(billing.setAccessState("k" + ++keys, apartment.account(), state));
    }

    private SyncReport sync() {
        return sdk.syncBilling();
    }

    private Set<Feature> features(String login, String address) {
        return sdk.billingProfiles().features(login, address);
    }

    private List<JournalEntry> journal(String aggregate, String id) {
        return fx.store.inTransaction(() -> fx.store.port(io.latchkey.lifecycle.JournalRepository.class)
                .history(aggregate, id, null, 1000));
    }

    @Test
    public void aNewSubscriberWithALoginAndAServiceGetsAProfileWithEveryFeature() {
        Apartment flat = apartment("ivanov", "Москва, ул. Ленина, 1, кв. 5");
        assertEquals(NONE, features("ivanov", "Москва, ул. Ленина, 1, кв. 5"), "nothing before the sync");
        SyncReport report = sync();
        assertEquals(List.of(1L, 1, 2), List.of(report.pass(), report.accounts(), report.changes()),
                "a profile and its address");
        assertEquals(ALL, features("ivanov", "Москва, ул. Ленина, 1, кв. 5"));
        assertEquals(ALL, features("ivanov", "  москва, ул. ленина, 1, кв. 5 "), "as the billing keeps it");
        assertEquals(NONE, features("ivanov", "Москва, ул. Ленина, 1, кв. 6"));
        assertEquals(NONE, features("petrov", "Москва, ул. Ленина, 1, кв. 5"));
        assertEquals(List.of("CREATE"), journal(BillingLifecycle.ADDRESS_AGGREGATE, flat.account()).stream()
                .map(JournalEntry::event).toList());
        assertEquals(0, sync().changes(), "a second pass changes nothing");
    }

    @Test
    public void aSecondApartmentWithTheSameLoginIsASecondAddressOfTheSameProfile() {
        // "для каждой квартиры … создать отдельную учётную запись, и в каждой из них указать одно и то же значение"
        apartment("ivanov", "кв. 5");
        apartment("ivanov", "кв. 6");
        sync();
        List<ProfileView> profiles = sdk.billingProfiles().profiles(fx.operatorAdmin, null, 10);
        assertEquals(1, profiles.size());
        assertEquals(List.of("кв. 5", "кв. 6"), profiles.get(0).addresses().stream().map(ProfileAddress::address)
                .toList());
        assertEquals(List.of(ALL, ALL), List.of(features("ivanov", "кв. 5"), features("ivanov", "кв. 6")));
    }

    @Test
    public void aBlockLeavesTheDoorKeyOnlyAndUnblockingGivesEverythingBack() {
        // "если менеджер заблокирует учётную запись…, он сможет только открывать дверь ключом"
        Apartment flat = apartment("ivanov", "кв. 5");
        sync();
        for (AccessState blocked : List.of(AccessState.BLOCKED_BALANCE, AccessState.BLOCKED_BY_USER,
                AccessState.BLOCKED_BY_ADMIN, AccessState.LIMIT_EXHAUSTED)) {
            set(flat, blocked);
            sync();
            assertEquals(KEY, features("ivanov", "кв. 5"), blocked.name());
            set(flat, AccessState.ACTIVE);
            sync();
            assertEquals(ALL, features("ivanov", "кв. 5"), "after " + blocked);
        }
        assertEquals(List.of("CREATE", "RESTRICT", "RESTORE", "RESTRICT", "RESTORE", "RESTRICT", "RESTORE",
                "RESTRICT", "RESTORE"), journal(BillingLifecycle.ADDRESS_AGGREGATE, flat.account()).stream()
                .map(JournalEntry::event).toList());
    }

    @Test
    public void disablingRemovesThatAddressAndTheLastOneTakesTheUserWithIt() {
        // "Если отключить учётную запись или периодическую услугу в ней, пользователь на платформе исчезнет."
        Apartment five = apartment("ivanov", "кв. 5");
        Apartment six = apartment("ivanov", "кв. 6");
        sync();
        set(five, AccessState.DISABLED);
        sync();
        assertEquals(List.of(NONE, ALL), List.of(features("ivanov", "кв. 5"), features("ivanov", "кв. 6")));
        id(billing.endServiceNow("k" + ++keys, six.service()));
        sync();
        assertEquals(NONE, features("ivanov", "кв. 6"), "an ended service removes its address");
        Profile gone = sdk.billingProfiles().profiles(fx.operatorAdmin, null, 10).get(0).profile();
        assertEquals(ProfileState.REMOVED, gone.state(), "the user went with the last address");
        assertEquals(List.of("CREATE", "REMOVE"), journal(BillingLifecycle.PROFILE_AGGREGATE, "ivanov").stream()
                .map(JournalEntry::event).toList());

        set(five, AccessState.ACTIVE);
        sync();
        assertEquals(ALL, features("ivanov", "кв. 5"), "switched on again, the profile comes back");
        assertEquals(List.of("CREATE", "REMOVE", "RESTORE"), journal(BillingLifecycle.PROFILE_AGGREGATE,
                "ivanov").stream().map(JournalEntry::event).toList());
    }

    @Test
    public void anAccountWithoutALoginIsNoOnesAddressUntilItNamesOne() {
        Apartment flat = apartment(null, "кв. 7");
        assertEquals(0, sync().changes());
        id(billing.setExtraField("k" + ++keys, flat.account(), InMemoryBillingGateway.LOGIN_FIELD, "sidorov"));
        sync();
        assertEquals(ALL, features("sidorov", "кв. 7"));
        id(billing.setExtraField("k" + ++keys, flat.account(), InMemoryBillingGateway.LOGIN_FIELD, "kuznetsov"));
        sync();
        assertEquals(List.of(NONE, ALL), List.of(features("sidorov", "кв. 7"), features("kuznetsov", "кв. 7")),
                "another login moves the address to its profile");
    }

    @Test
    public void aSyncThatFailsMidPassResumesWhereItStoppedAndAppliesNothingTwice() {
        for (int i = 0; i < 250; i++) {
            apartment("user" + (i % 120), String.format("дом 1, кв. %03d", i));
        }
        failingPage.set(1);
        refused(ErrorCode.BILLING_UNAVAILABLE, this::sync);
        assertEquals(100, sdk.billingProfiles().profiles(fx.operatorAdmin, null, 1000).stream()
                .mapToLong(p -> p.addresses().size()).sum(), "the first page stays applied");
        failingPage.set(-1);
        SyncReport resumed = sync();
        assertEquals(List.of(1L, 150), List.of(resumed.pass(), resumed.accounts()), "from the second page on");
        List<ProfileView> all = sdk.billingProfiles().profiles(fx.operatorAdmin, null, 1000);
        assertEquals(120, all.size());
        assertEquals(250, all.stream().mapToLong(p -> p.addresses().size()).sum());
        for (int i = 0; i < 250; i += 37) {
            assertEquals(ALL, features("user" + (i % 120), String.format("дом 1, кв. %03d", i)));
        }
        assertEquals(2L, sync().pass());
    }

    @Test
    public void twoSyncsAtOnceOnTwoNodesApplyEachChangeOnce() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            accounts.add(apartment("user" + (i % 40), "дом 3, кв. " + i).account());
        }
        Latchkey otherNode = Latchkey.builder().store(fx.store).clock(fx.clock).masterKey(Fixture.MASTER_KEY)
                .passwordHasher(fx.hasher).billingGateway(billing).build();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = List.of(nodes.submit(() -> givingWay(sdk)),
                    nodes.submit(() -> givingWay(otherNode)));
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            nodes.shutdown();
        }
        sync();
        List<ProfileView> profiles = sdk.billingProfiles().profiles(fx.operatorAdmin, null, 1000);
        assertEquals(40, profiles.size());
        assertEquals(120, profiles.stream().mapToInt(p -> p.addresses().size()).sum());
        for (String account : accounts) {
            assertEquals(List.of("CREATE"), journal(BillingLifecycle.ADDRESS_AGGREGATE, account).stream()
                    .map(JournalEntry::event).toList(), account);
        }
    }

    /** A sync that gives way to another one running at the same place, as it should. */
    private static void givingWay(Latchkey node) {
        try {
            node.syncBilling();
        } catch (LatchkeyException e) {
            if (e.code() != ErrorCode.CONCURRENT_MODIFICATION) {
                throw e;
            }
        }
    }

    @Test
    public void aCompletedPassRemovesWhatTheBillingNoLongerHas() {
        Apartment five = apartment("ivanov", "кв. 5");
        apartment("ivanov", "кв. 6");
        sync();
        hidden.add(five.account());
        sync();
        assertEquals(List.of(NONE, ALL), List.of(features("ivanov", "кв. 5"), features("ivanov", "кв. 6")));
        JournalEntry removed = last(journal(BillingLifecycle.ADDRESS_AGGREGATE, five.account()));
        assertEquals(List.of("REMOVE", "not in the billing any more"), List.of(removed.event(), removed.reason()));
    }

    @Test
    public void anAccountAProfileCannotKeepIsRefusedByNameAndTheRestGoOn() {
        Apartment long1 = apartment("x".repeat(201), "кв. 1");
        Apartment long2 = apartment("ivanov", "д".repeat(501));
        Apartment twoLines = apartment("ivanov", "кв. 2\nBcc: x");
        apartment("ivanov", "д".repeat(500));
        SyncReport report = sync();
        assertEquals(List.of(long1.account() + ": login longer than 200 or not one line",
                long2.account() + ": address longer than 500 or not one line",
                twoLines.account() + ": address longer than 500 or not one line"), report.refused());
        assertEquals(ALL, features("ivanov", "д".repeat(500)), "the longest that fits is kept");
        assertEquals(1, sdk.billingProfiles().profiles(fx.operatorAdmin, null, 10).get(0).addresses().size());
    }

    @Test
    public void onlyTheOperatorsAdministratorSyncsAndOnlyItsStaffSeeProfiles() {
        apartment("ivanov", "кв. 5");
        Fixture.Partner partner = fx.partner();
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.billingProfiles().sync(partner.admin()));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.billingProfiles().sync(fx.engineer()));
        assertEquals(1, sdk.billingProfiles().sync(fx.operatorAdmin).accounts());
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.billingProfiles().profiles(partner.admin(), null, 10));
        Actor engineer = fx.engineer();
        assertEquals(1, sdk.billingProfiles().profiles(engineer, null, 10).size());
    }

    @Test
    public void theSyncTakesOnlyStepsOfTheTables() {
        Apartment flat = apartment("ivanov", "кв. 5");
        sync();
        set(flat, AccessState.BLOCKED_BALANCE);
        sync();
        set(flat, AccessState.DISABLED);
        sync();
        set(flat, AccessState.LIMIT_EXHAUSTED);
        sync();
        List<JournalEntry> steps = new ArrayList<>(journal(BillingLifecycle.ADDRESS_AGGREGATE, flat.account()));
        steps.addAll(journal(BillingLifecycle.PROFILE_AGGREGATE, "ivanov"));
        Predicate<JournalEntry> ofTable = e -> e.fromState() == null || (e.aggregateType().equals(
                BillingLifecycle.ADDRESS_AGGREGATE) ? ExpectedTables.BILLING_ADDRESS.find(AddressState.valueOf(
                e.fromState()), AddressEvent.valueOf(e.event())).map(r -> r.to().name().equals(e.toState()))
                .orElse(false) : ExpectedTables.BILLING_PROFILE.find(ProfileState.valueOf(e.fromState()),
                ProfileEvent.valueOf(e.event())).map(r -> r.to().name().equals(e.toState())).orElse(false));
        assertEquals(List.of(), steps.stream().filter(ofTable.negate()).toList());
        assertEquals(List.of("CREATE", "RESTRICT", "REMOVE", "RELINK_DOOR_KEY_ONLY"), journal(
                BillingLifecycle.ADDRESS_AGGREGATE, flat.account()).stream().map(JournalEntry::event).toList());
        assertEquals("system:billing-sync", last(journal(BillingLifecycle.ADDRESS_AGGREGATE, flat.account()))
                .actor());
        fx.clock.advance(Duration.ofDays(1));
    }

    private static JournalEntry last(List<JournalEntry> entries) {
        return entries.get(entries.size() - 1);
    }
}
