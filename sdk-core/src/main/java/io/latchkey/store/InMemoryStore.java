package io.latchkey.store;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientId;
import io.latchkey.credential.ClientRepository;
import io.latchkey.credential.Credential;
import io.latchkey.credential.CredentialId;
import io.latchkey.credential.CredentialRepository;
import io.latchkey.credential.Issuance;
import io.latchkey.credential.IssuanceId;
import io.latchkey.credential.IssuanceRepository;
import io.latchkey.credential.Label;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolOrderId;
import io.latchkey.credential.PoolOrderRepository;
import io.latchkey.device.Device;
import io.latchkey.device.DeviceId;
import io.latchkey.device.DeviceRepository;
import io.latchkey.device.DeviceSearch;
import io.latchkey.license.Activation;
import io.latchkey.license.ActivationId;
import io.latchkey.license.ActivationRepository;
import io.latchkey.license.ActivationState;
import io.latchkey.license.Document;
import io.latchkey.license.DocumentId;
import io.latchkey.license.DocumentRepository;
import io.latchkey.license.DocumentSearch;
import io.latchkey.license.License;
import io.latchkey.license.LicenseId;
import io.latchkey.license.LicenseRepository;
import io.latchkey.license.LicenseState;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.notify.OutboxMessage;
import io.latchkey.notify.OutboxRepository;
import io.latchkey.notify.OutboxStatus;
import io.latchkey.party.Connection;
import io.latchkey.party.ConnectionId;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.ConnectionRepository;
import io.latchkey.party.ConnectionState;
import io.latchkey.party.Customer;
import io.latchkey.party.Firm;
import io.latchkey.party.FirmId;
import io.latchkey.party.FirmRepository;
import io.latchkey.party.Site;
import io.latchkey.party.SiteId;
import io.latchkey.party.SiteRepository;
import io.latchkey.party.CustomerId;
import io.latchkey.party.CustomerRepository;
import io.latchkey.party.Member;
import io.latchkey.party.MemberId;
import io.latchkey.party.MemberRepository;
import io.latchkey.party.OrgId;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.OrganizationRepository;
import io.latchkey.party.PhoneNumber;
import io.latchkey.subscription.Hub;
import io.latchkey.subscription.HubId;
import io.latchkey.subscription.HubRepository;
import io.latchkey.subscription.PackageId;
import io.latchkey.subscription.PackageRepository;
import io.latchkey.subscription.ServicePackage;
import io.latchkey.subscription.Subscription;
import io.latchkey.subscription.SubscriptionId;
import io.latchkey.subscription.SubscriptionRepository;
import io.latchkey.subscription.SubscriptionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link Store} in memory: for tests, demos and hosts that keep nothing across restarts.
 *
 * <p>Transactions are serialized by one lock and undone from an undo log when the work throws, so every
 * transaction sees a consistent state and a failed one leaves nothing behind. That makes it safe under
 * concurrent use, at the price of no parallelism between writers; use {@code JdbcStore} for more.
 */
public final class InMemoryStore implements Store {

    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<List<Runnable>> undoLog = new ThreadLocal<>();

    private final Table<OrgId, Organization> organizations = new Table<>(Organization::version);
    private final Table<MemberId, Member> members = new Table<>(Member::version);
    private final Table<String, MemberId> memberEmails = new Table<>();
    private final Table<PoolOrderId, PoolOrder> poolOrders = new Table<>(PoolOrder::version);
    private final Table<String, Long> sequences = new Table<>();
    private final Table<ClientId, Client> clients = new Table<>(Client::version);
    private final Table<String, ClientId> clientEmails = new Table<>();
    private final Table<CredentialId, Credential> credentials = new Table<>(Credential::version);
    private final Table<Label, CredentialId> labels = new Table<>();
    private final Table<IssuanceId, Issuance> issuances = new Table<>(Issuance::version);
    private final Table<UUID, JournalEntry> journal = new Table<>();
    private final Table<UUID, OutboxMessage> outbox = new Table<>(OutboxMessage::version);
    private final Table<String, UUID> outboxKeys = new Table<>();
    private final Table<String, IdempotencyRecord> idempotency = new Table<>();
    private final Table<CustomerId, Customer> customers = new Table<>(Customer::version);
    private final Table<ConnectionId, Connection> connections = new Table<>(Connection::version);
    private final Table<FirmId, Firm> firms = new Table<>(Firm::version);
    private final Table<String, FirmId> firmInns = new Table<>();
    private final Table<SiteId, Site> sites = new Table<>(Site::version);
    private final Table<PackageId, ServicePackage> packages = new Table<>(ServicePackage::version);
    private final Table<String, PackageId> packageCodes = new Table<>();
    private final Table<HubId, Hub> hubs = new Table<>(Hub::version);
    private final Table<String, HubId> hubSerials = new Table<>();
    private final Table<SubscriptionId, Subscription> subscriptions = new Table<>(Subscription::version);
    private final Table<HubId, SubscriptionId> liveSubscriptions = new Table<>();
    private final Table<LicenseId, License> licenses = new Table<>(License::version);
    private final Table<String, LicenseId> codeHashes = new Table<>();
    private final Table<DocumentId, Document> documents = new Table<>();
    private final Table<ActivationId, Activation> activations = new Table<>(Activation::version);
    private final Table<LicenseId, ActivationId> activeActivations = new Table<>();
    private final Table<PhoneNumber, CustomerId> customerPhones = new Table<>();
    private final Table<DeviceId, Device> devices = new Table<>(Device::version);
    private final Table<String, DeviceId> serials = new Table<>();

    private InMemoryStore() {
    }

    /** An empty store. */
    public static InMemoryStore create() {
        return new InMemoryStore();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (undoLog.get() != null) {
            return work.get();
        }
        lock.lock();
        List<Runnable> undo = new ArrayList<>();
        undoLog.set(undo);
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            throw e;
        } finally {
            undoLog.remove();
            lock.unlock();
        }
    }

    private List<Runnable> requireTransaction() {
        List<Runnable> undo = undoLog.get();
        if (undo == null) {
            throw new IllegalStateException("repositories are used inside Store.inTransaction");
        }
        return undo;
    }

    /** A map whose writes are undone if the transaction fails. */
    private final class Table<K, V> {
        private final Map<K, V> rows = new HashMap<>();
        private final Function<V, Long> versionOf;

        Table() {
            this(null);
        }

        Table(Function<V, Long> versionOf) {
            this.versionOf = versionOf;
        }

        Optional<V> get(K key) {
            requireTransaction();
            return Optional.ofNullable(rows.get(key));
        }

        boolean contains(K key) {
            requireTransaction();
            return rows.containsKey(key);
        }

        void put(K key, V value) {
            List<Runnable> undo = requireTransaction();
            boolean existed = rows.containsKey(key);
            V previous = rows.put(key, value);
            undo.add(existed ? () -> rows.put(key, previous) : () -> rows.remove(key));
        }

        void remove(K key) {
            List<Runnable> undo = requireTransaction();
            if (rows.containsKey(key)) {
                V previous = rows.remove(key);
                undo.add(() -> rows.put(key, previous));
            }
        }

        Stream<V> values() {
            requireTransaction();
            return rows.values().stream();
        }

        /** Optimistic update: the stored row must have {@code expected} version; stores it with the next one. */
        V update(K key, long expected, Function<Long, V> withVersion, String what) {
            requireTransaction();
            V stored = rows.get(key);
            if (stored == null) {
                throw new IllegalStateException(what + " " + key + " does not exist");
            }
            if (versionOf == null) {
                throw new IllegalStateException("not a versioned table");
            }
            if (versionOf.apply(stored) != expected) {
                throw LatchkeyException.of(ErrorCode.CONCURRENT_MODIFICATION, what + " " + key);
            }
            V next = withVersion.apply(expected + 1);
            put(key, next);
            return next;
        }
    }


    private static void insertNew(boolean exists, String what) {
        if (exists) {
            throw new IllegalStateException(what + " exists already");
        }
    }

    // --- party -------------------------------------------------------------------------------------------

    private final OrganizationRepository organizationRepository = new OrganizationRepository() {
        @Override
        public void insert(Organization o) {
            insertNew(organizations.contains(o.id()), "organization " + o.id());
            if (o.kind() == OrgKind.OPERATOR && findOperator().isPresent()) {
                throw LatchkeyException.of(ErrorCode.DUPLICATE, "the operator");
            }
            organizations.put(o.id(), o);
        }

        @Override
        public Organization update(Organization o) {
            return organizations.update(o.id(), o.version(), o::withVersion, "organization");
        }

        @Override
        public Optional<Organization> find(OrgId id) {
            return organizations.get(id);
        }

        @Override
        public Optional<Organization> findOperator() {
            return organizations.values().filter(o -> o.kind() == OrgKind.OPERATOR).findFirst();
        }

        @Override
        public List<Organization> search(OrgKind kind, String text, int limit) {
            String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
            return organizations.values().filter(o -> o.kind() == kind)
                    .filter(o -> needle.isEmpty() || o.id().toString().equals(needle)
                            || o.name().toLowerCase(java.util.Locale.ROOT).contains(needle))
                    .sorted(Comparator.comparing(Organization::name).thenComparing(o -> o.id().value()))
                    .limit(limit).toList();
        }

        @Override
        public List<Organization> children(OrgId parent) {
            return organizations.values().filter(o -> parent.equals(o.parentId()))
                    .sorted(Comparator.comparing(Organization::name).thenComparing(o -> o.id().value())).toList();
        }
    };

    private final MemberRepository memberRepository = new MemberRepository() {
        @Override
        public void insert(Member m) {
            insertNew(members.contains(m.id()), "member " + m.id());
            if (memberEmails.contains(m.email())) {
                throw LatchkeyException.ofField(ErrorCode.MEMBER_EMAIL_TAKEN, "email", m.email());
            }
            members.put(m.id(), m);
            memberEmails.put(m.email(), m.id());
        }

        @Override
        public Member update(Member m) {
            Member stored = members.get(m.id()).orElseThrow(() -> new IllegalStateException("member " + m.id()));
            if (!stored.email().equals(m.email())) {
                if (memberEmails.contains(m.email())) {
                    throw LatchkeyException.ofField(ErrorCode.MEMBER_EMAIL_TAKEN, "email", m.email());
                }
                memberEmails.remove(stored.email());
                memberEmails.put(m.email(), m.id());
            }
            return members.update(m.id(), m.version(), m::withVersion, "member");
        }

        @Override
        public Optional<Member> find(MemberId id) {
            return members.get(id);
        }

        @Override
        public Optional<Member> findByEmail(String email) {
            return memberEmails.get(email).flatMap(members::get);
        }

        @Override
        public List<Member> byOrganization(OrgId organization) {
            return members.values().filter(m -> m.organization().equals(organization))
                    .sorted(Comparator.comparing(Member::email)).toList();
        }
    };

    private final CustomerRepository customerRepository = new CustomerRepository() {
        @Override
        public void insert(Customer c) {
            insertNew(customers.contains(c.id()), "customer " + c.id());
            if (customerPhones.contains(c.phone())) {
                throw LatchkeyException.of(ErrorCode.DUPLICATE, "customer " + c.phone());
            }
            customers.put(c.id(), c);
            customerPhones.put(c.phone(), c.id());
        }

        @Override
        public Customer update(Customer c) {
            Customer stored = customers.get(c.id()).orElseThrow(() -> new IllegalStateException("customer " + c.id()));
            if (!stored.phone().equals(c.phone())) {
                if (customerPhones.contains(c.phone())) {
                    throw LatchkeyException.of(ErrorCode.DUPLICATE, "customer " + c.phone());
                }
                customerPhones.remove(stored.phone());
                customerPhones.put(c.phone(), c.id());
            }
            return customers.update(c.id(), c.version(), c::withVersion, "customer");
        }

        @Override
        public Optional<Customer> find(CustomerId id) {
            return customers.get(id);
        }

        @Override
        public Optional<Customer> findByPhone(PhoneNumber phone) {
            return customerPhones.get(phone).flatMap(customers::get);
        }
    };

    private final ConnectionRepository connectionRepository = new ConnectionRepository() {
        @Override
        public void insert(Connection c) {
            insertNew(connections.contains(c.id()), "connection " + c.id());
            connections.put(c.id(), c);
        }

        @Override
        public Connection update(Connection c) {
            return connections.update(c.id(), c.version(), c::withVersion, "connection");
        }

        @Override
        public Optional<Connection> find(ConnectionId id) {
            return connections.get(id);
        }

        @Override
        public List<Connection> involving(OrgId organization, ConnectionKind kind, ConnectionState state) {
            return connections.values()
                    .filter(c -> c.from().equals(organization) || c.to().equals(organization))
                    .filter(c -> kind == null || c.kind() == kind)
                    .filter(c -> state == null || c.state() == state)
                    .sorted(Comparator.comparing((Connection c) -> c.id().value()).reversed()).toList();
        }
    };

    private final FirmRepository firmRepository = new FirmRepository() {
        @Override
        public void insert(Firm f) {
            insertNew(firms.contains(f.id()), "firm " + f.id());
            String key = f.company() + "/" + f.inn();
            if (firmInns.contains(key)) {
                throw LatchkeyException.of(ErrorCode.DUPLICATE, "firm with INN " + f.inn());
            }
            firms.put(f.id(), f);
            firmInns.put(key, f.id());
        }

        @Override
        public Optional<Firm> find(FirmId id) {
            return firms.get(id);
        }

        @Override
        public List<Firm> byCompany(OrgId company) {
            return firms.values().filter(f -> f.company().equals(company))
                    .sorted(Comparator.comparing(Firm::name).thenComparing(f -> f.id().value())).toList();
        }
    };

    private final SiteRepository siteRepository = new SiteRepository() {
        @Override
        public void insert(Site s) {
            insertNew(sites.contains(s.id()), "site " + s.id());
            sites.put(s.id(), s);
        }

        @Override
        public Optional<Site> find(SiteId id) {
            return sites.get(id);
        }

        @Override
        public List<Site> byOrganization(OrgId organization) {
            return sites.values().filter(s -> s.organization().equals(organization))
                    .sorted(Comparator.comparing(Site::name).thenComparing(s -> s.id().value())).toList();
        }
    };

    // --- subscriptions -------------------------------------------------------------------------------------

    private final PackageRepository packageRepository = new PackageRepository() {
        @Override
        public void insert(ServicePackage p) {
            insertNew(packages.contains(p.id()), "package " + p.id());
            if (packageCodes.contains(p.code())) {
                throw LatchkeyException.of(ErrorCode.DUPLICATE, "package " + p.code());
            }
            packages.put(p.id(), p);
            packageCodes.put(p.code(), p.id());
        }

        @Override
        public Optional<ServicePackage> find(PackageId id) {
            return packages.get(id);
        }

        @Override
        public List<ServicePackage> all() {
            return packages.values().sorted(Comparator.comparing(ServicePackage::code)).toList();
        }
    };

    private final HubRepository hubRepository = new HubRepository() {
        @Override
        public void insert(Hub h) {
            insertNew(hubs.contains(h.id()), "hub " + h.id());
            if (hubSerials.contains(h.serial())) {
                throw LatchkeyException.of(ErrorCode.DUPLICATE, "hub " + h.serial());
            }
            hubs.put(h.id(), h);
            hubSerials.put(h.serial(), h.id());
        }

        @Override
        public Hub update(Hub h) {
            return hubs.update(h.id(), h.version(), h::withVersion, "hub");
        }

        @Override
        public Optional<Hub> find(HubId id) {
            return hubs.get(id);
        }

        @Override
        public List<Hub> bySeller(OrgId seller) {
            return hubs.values().filter(h -> h.seller().equals(seller)).sorted(Comparator.comparing(Hub::serial))
                    .toList();
        }
    };

    private final SubscriptionRepository subscriptionRepository = new SubscriptionRepository() {
        @Override
        public void insert(Subscription s) {
            insertNew(subscriptions.contains(s.id()), "subscription " + s.id());
            if (s.state() != SubscriptionState.ENDED) {
                if (liveSubscriptions.contains(s.hub())) {
                    throw LatchkeyException.ofField(ErrorCode.SUBSCRIPTION_EXISTS, "hubId");
                }
                liveSubscriptions.put(s.hub(), s.id());
            }
            subscriptions.put(s.id(), s);
        }

        @Override
        public Subscription update(Subscription s) {
            Subscription updated = subscriptions.update(s.id(), s.version(), s::withVersion, "subscription");
            if (s.state() == SubscriptionState.ENDED
                    && liveSubscriptions.get(s.hub()).filter(s.id()::equals).isPresent()) {
                liveSubscriptions.remove(s.hub());
            }
            return updated;
        }

        @Override
        public Optional<Subscription> find(SubscriptionId id) {
            return subscriptions.get(id);
        }

        @Override
        public Optional<Subscription> liveOnHub(HubId hub) {
            return liveSubscriptions.get(hub).flatMap(subscriptions::get);
        }

        @Override
        public List<Subscription> bySeller(OrgId seller) {
            return subscriptions.values().filter(s -> s.seller().equals(seller))
                    .sorted(Comparator.comparing((Subscription s) -> s.id().value()).reversed()).toList();
        }

        @Override
        public List<Subscription> byReseller(OrgId reseller, Instant from, Instant to) {
            return subscriptions.values().filter(s -> s.reseller().equals(reseller))
                    .filter(s -> s.startedAt().isBefore(to))
                    .filter(s -> s.billableUntil() == null || s.billableUntil().isAfter(from))
                    .sorted(Comparator.comparing((Subscription s) -> s.id().value())).toList();
        }

        @Override
        public List<Subscription> claimDue(Instant now, int limit) {
            return subscriptions.values().filter(s -> s.dueAt() != null && !s.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Subscription::dueAt).thenComparing(s -> s.id().value()))
                    .limit(limit).toList();
        }
    };

    // --- licenses ------------------------------------------------------------------------------------------

    private final LicenseRepository licenseRepository = new LicenseRepository() {
        @Override
        public void insert(License l) {
            insertNew(licenses.contains(l.id()), "license " + l.id());
            if (codeHashes.contains(l.codeHash())) {
                throw LatchkeyException.of(ErrorCode.DUPLICATE, "license code");
            }
            licenses.put(l.id(), l);
            codeHashes.put(l.codeHash(), l.id());
        }

        @Override
        public License update(License l) {
            return licenses.update(l.id(), l.version(), l::withVersion, "license");
        }

        @Override
        public Optional<License> find(LicenseId id) {
            return licenses.get(id);
        }

        @Override
        public Optional<License> findByHash(List<String> hashes) {
            return hashes.stream().map(codeHashes::get).flatMap(Optional::stream).findFirst().flatMap(licenses::get);
        }

        @Override
        public List<License> heldBy(OrgId holder, Set<LicenseState> states, LicenseId after, int limit) {
            return licenses.values().filter(l -> l.holder().equals(holder))
                    .filter(l -> states == null || states.contains(l.state()))
                    .filter(l -> after == null || l.id().value().compareTo(after.value()) > 0)
                    .sorted(Comparator.comparing(l -> l.id().value())).limit(limit).toList();
        }
    };

    private final DocumentRepository documentRepository = new DocumentRepository() {
        @Override
        public void insert(Document d) {
            insertNew(documents.contains(d.id()), "document " + d.id());
            documents.put(d.id(), d);
        }

        @Override
        public Optional<Document> find(DocumentId id) {
            return documents.get(id);
        }

        @Override
        public long nextNumber() {
            long next = sequences.get("document").orElse(0L) + 1;
            sequences.put("document", next);
            return next;
        }

        @Override
        public List<Document> search(DocumentSearch q) {
            return documents.values()
                    .filter(d -> q.party() == null || d.seller().equals(q.party()) || q.party().equals(d.buyer()))
                    .filter(d -> q.seller() == null || d.seller().equals(q.seller()))
                    .filter(d -> q.buyer() == null || q.buyer().equals(d.buyer()))
                    .filter(d -> q.author() == null || d.author().equals(q.author()))
                    .filter(d -> q.from() == null || !d.postedAt().isBefore(q.from()))
                    .filter(d -> q.to() == null || d.postedAt().isBefore(q.to()))
                    .filter(d -> q.type() == null || d.type() == q.type())
                    .filter(d -> q.before() == null || d.number() < q.before())
                    .sorted(Comparator.comparingLong(Document::number).reversed()).limit(q.limit()).toList();
        }

        @Override
        public List<Document> of(LicenseId license) {
            return documents.values().filter(d -> d.licenses().contains(license))
                    .sorted(Comparator.comparingLong(Document::number)).toList();
        }
    };

    private final ActivationRepository activationRepository = new ActivationRepository() {
        @Override
        public void insert(Activation a) {
            insertNew(activations.contains(a.id()), "activation " + a.id());
            if (a.state() == ActivationState.ACTIVE) {
                if (activeActivations.contains(a.license())) {
                    throw LatchkeyException.of(ErrorCode.LICENSE_ALREADY_ACTIVATED);
                }
                activeActivations.put(a.license(), a.id());
            }
            activations.put(a.id(), a);
        }

        @Override
        public Activation update(Activation a) {
            Activation updated = activations.update(a.id(), a.version(), a::withVersion, "activation");
            if (a.state() != ActivationState.ACTIVE && activeActivations.get(a.license()).filter(a.id()::equals)
                    .isPresent()) {
                activeActivations.remove(a.license());
            }
            return updated;
        }

        @Override
        public Optional<Activation> active(LicenseId license) {
            return activeActivations.get(license).flatMap(activations::get);
        }
    };

    // --- devices -------------------------------------------------------------------------------------------

    private final DeviceRepository deviceRepository = new DeviceRepository() {
        @Override
        public void insert(Device d) {
            insertNew(devices.contains(d.id()), "device " + d.id());
            if (serials.contains(d.serial())) {
                throw LatchkeyException.ofField(ErrorCode.DEVICE_SERIAL_TAKEN, "serial", d.serial());
            }
            devices.put(d.id(), d);
            serials.put(d.serial(), d.id());
        }

        @Override
        public Device update(Device d) {
            return devices.update(d.id(), d.version(), d::withVersion, "device");
        }

        @Override
        public Optional<Device> find(DeviceId id) {
            return devices.get(id);
        }

        @Override
        public Optional<Device> findBySerial(String serial) {
            return serials.get(serial).flatMap(devices::get);
        }

        @Override
        public List<Device> search(DeviceSearch q) {
            return devices.values()
                    .filter(d -> q.serialContains() == null || d.serial().contains(q.serialContains()))
                    .filter(d -> q.status() == null || d.status() == q.status())
                    .filter(d -> q.partner() == null || q.partner().equals(d.responsiblePartner()))
                    .filter(d -> q.owner() == null || q.owner().equals(d.owner()))
                    .filter(d -> q.afterSerial() == null || d.serial().compareTo(q.afterSerial()) > 0)
                    .sorted(Comparator.comparing(Device::serial)).limit(q.limit()).toList();
        }
    };

    // --- credential pools ----------------------------------------------------------------------------------

    private final PoolOrderRepository poolOrderRepository = new PoolOrderRepository() {
        @Override
        public void insert(PoolOrder o) {
            insertNew(poolOrders.contains(o.id()), "pool order " + o.id());
            poolOrders.put(o.id(), o);
        }

        @Override
        public PoolOrder update(PoolOrder o) {
            return poolOrders.update(o.id(), o.version(), o::withVersion, "pool order");
        }

        @Override
        public Optional<PoolOrder> find(PoolOrderId id) {
            return poolOrders.get(id);
        }

        @Override
        public long nextNumber() {
            long next = sequences.get("pool-order").orElse(0L) + 1;
            sequences.put("pool-order", next);
            return next;
        }

        @Override
        public List<PoolOrder> list(OrgId partner, int limit) {
            return poolOrders.values().filter(o -> partner == null || o.partner().equals(partner))
                    .sorted(Comparator.comparingLong(PoolOrder::number).reversed()).limit(limit).toList();
        }
    };

    private static String clientKey(OrgId partner, String email) {
        return partner + "/" + email;
    }

    private final ClientRepository clientRepository = new ClientRepository() {
        @Override
        public void insert(Client c) {
            insertNew(clients.contains(c.id()), "client " + c.id());
            String key = clientKey(c.partner(), c.email());
            if (clientEmails.contains(key)) {
                throw LatchkeyException.ofField(ErrorCode.CLIENT_EMAIL_TAKEN, "email", c.email());
            }
            clients.put(c.id(), c);
            clientEmails.put(key, c.id());
        }

        @Override
        public Client update(Client c) {
            Client stored = clients.get(c.id()).orElseThrow(() -> new IllegalStateException("client " + c.id()));
            if (!stored.email().equals(c.email())) {
                String key = clientKey(c.partner(), c.email());
                if (clientEmails.contains(key)) {
                    throw LatchkeyException.ofField(ErrorCode.CLIENT_EMAIL_TAKEN, "email", c.email());
                }
                clientEmails.remove(clientKey(stored.partner(), stored.email()));
                clientEmails.put(key, c.id());
            }
            return clients.update(c.id(), c.version(), c::withVersion, "client");
        }

        @Override
        public Optional<Client> find(ClientId id) {
            return clients.get(id);
        }

        @Override
        public Optional<Client> findByEmail(OrgId partner, String email) {
            return clientEmails.get(clientKey(partner, email)).flatMap(clients::get);
        }

        @Override
        public List<Client> list(OrgId partner, String afterEmail, int limit) {
            return clients.values().filter(c -> c.partner().equals(partner))
                    .filter(c -> afterEmail == null || c.email().compareTo(afterEmail) > 0)
                    .sorted(Comparator.comparing(Client::email)).limit(limit).toList();
        }
    };

    private final CredentialRepository credentialRepository = new CredentialRepository() {
        @Override
        public void insert(Credential c) {
            insertNew(credentials.contains(c.id()), "credential " + c.id());
            if (labels.contains(c.label())) {
                throw LatchkeyException.of(ErrorCode.DUPLICATE, "label " + c.label());
            }
            credentials.put(c.id(), c);
            labels.put(c.label(), c.id());
        }

        @Override
        public Credential update(Credential c) {
            return credentials.update(c.id(), c.version(), c::withVersion, "credential");
        }

        @Override
        public Optional<Credential> find(CredentialId id) {
            return credentials.get(id);
        }

        @Override
        public Optional<Credential> findByLabel(Label label) {
            return labels.get(label).flatMap(credentials::get);
        }

        @Override
        public List<Credential> claimFree(OrgId partner, Instant now, Instant until, int limit) {
            return credentials.values().filter(c -> c.partner().equals(partner) && c.issuableAt(now, until))
                    .sorted(Comparator.comparing(Credential::capacityExpiresAt,
                                    Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Credential::freeAt)
                            .thenComparingLong(c -> c.label().value()))
                    .limit(limit).toList();
        }

        @Override
        public List<Credential> claimDue(Instant now, int limit) {
            return credentials.values().filter(c -> c.dueAt() != null && !c.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Credential::dueAt).thenComparing(c -> c.id().value()))
                    .limit(limit).toList();
        }

        @Override
        public long countIssuable(OrgId partner, Instant now, long atMost) {
            return credentials.values().filter(c -> c.partner().equals(partner) && c.issuableAt(now, now))
                    .limit(atMost).count();
        }

        @Override
        public List<Credential> byPartner(OrgId partner) {
            return credentials.values().filter(c -> c.partner().equals(partner))
                    .sorted(Comparator.comparingLong(c -> c.label().value())).toList();
        }
    };

    private final IssuanceRepository issuanceRepository = new IssuanceRepository() {
        @Override
        public void insert(Issuance i) {
            insertNew(issuances.contains(i.id()), "issuance " + i.id());
            issuances.put(i.id(), i);
        }

        @Override
        public Issuance update(Issuance i) {
            return issuances.update(i.id(), i.version(), i::withVersion, "issuance");
        }

        @Override
        public Optional<Issuance> find(IssuanceId id) {
            return issuances.get(id);
        }

        @Override
        public List<Issuance> list(OrgId partner, ClientId client, IssuanceId before, int limit) {
            return issuances.values().filter(i -> i.partner().equals(partner))
                    .filter(i -> client == null || i.clientId().equals(client))
                    .filter(i -> before == null || i.id().value().compareTo(before.value()) < 0)
                    .sorted(Comparator.comparing((Issuance i) -> i.id().value()).reversed())
                    .limit(limit).toList();
        }
    };

    // --- journal, outbox, idempotency -----------------------------------------------------------------------

    private final JournalRepository journalRepository = new JournalRepository() {
        @Override
        public void append(JournalEntry entry) {
            insertNew(journal.contains(entry.id()), "journal entry " + entry.id());
            journal.put(entry.id(), entry);
        }

        @Override
        public List<JournalEntry> history(String aggregateType, String aggregateId) {
            return journal.values()
                    .filter(e -> e.aggregateType().equals(aggregateType) && e.aggregateId().equals(aggregateId))
                    .sorted(Comparator.comparing(JournalEntry::id)).toList();
        }
    };

    private final OutboxRepository outboxRepository = new OutboxRepository() {
        @Override
        public void insert(OutboxMessage message) {
            if (outboxKeys.contains(message.idempotencyKey())) {
                return;
            }
            insertNew(outbox.contains(message.id()), "outbox message " + message.id());
            outbox.put(message.id(), message);
            outboxKeys.put(message.idempotencyKey(), message.id());
        }

        @Override
        public List<OutboxMessage> claimDue(Instant now, int limit, Duration lease) {
            List<OutboxMessage> due = outbox.values()
                    .filter(m -> m.status() == OutboxStatus.PENDING && !m.nextAttemptAt().isAfter(now))
                    .sorted(Comparator.comparing(OutboxMessage::nextAttemptAt).thenComparing(OutboxMessage::id))
                    .limit(limit).toList();
            List<OutboxMessage> claimed = new ArrayList<>(due.size());
            for (OutboxMessage m : due) {
                OutboxMessage leased = new OutboxMessage(m.id(), m.idempotencyKey(), m.sealedPayload(), m.createdAt(),
                        m.status(), m.attempts(), now.plus(lease), m.lastError(), m.version());
                claimed.add(update(leased));
            }
            return claimed;
        }

        @Override
        public OutboxMessage update(OutboxMessage m) {
            return outbox.update(m.id(), m.version(), m::withVersion, "outbox message");
        }

        @Override
        public Optional<OutboxMessage> find(UUID id) {
            return outbox.get(id);
        }

        @Override
        public Map<OutboxStatus, Long> countByStatus() {
            Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
            for (OutboxStatus status : OutboxStatus.values()) {
                counts.put(status, outbox.values().filter(m -> m.status() == status).count());
            }
            return counts;
        }
    };

    private final IdempotencyRepository idempotencyRepository = new IdempotencyRepository() {
        @Override
        public void insert(IdempotencyRecord record) {
            String key = record.scope() + "\n" + record.key();
            if (idempotency.contains(key)) {
                throw LatchkeyException.of(ErrorCode.DUPLICATE, "idempotency key");
            }
            idempotency.put(key, record);
        }

        @Override
        public Optional<IdempotencyRecord> find(String scope, String key) {
            return idempotency.get(Objects.requireNonNull(scope) + "\n" + Objects.requireNonNull(key));
        }
    };

    @Override
    public OrganizationRepository organizations() {
        return organizationRepository;
    }

    @Override
    public MemberRepository members() {
        return memberRepository;
    }

    @Override
    public CustomerRepository customers() {
        return customerRepository;
    }

    @Override
    public ConnectionRepository connections() {
        return connectionRepository;
    }

    @Override
    public FirmRepository firms() {
        return firmRepository;
    }

    @Override
    public SiteRepository sites() {
        return siteRepository;
    }

    @Override
    public PackageRepository packages() {
        return packageRepository;
    }

    @Override
    public HubRepository hubs() {
        return hubRepository;
    }

    @Override
    public SubscriptionRepository subscriptions() {
        return subscriptionRepository;
    }

    @Override
    public LicenseRepository licenses() {
        return licenseRepository;
    }

    @Override
    public DocumentRepository documents() {
        return documentRepository;
    }

    @Override
    public ActivationRepository activations() {
        return activationRepository;
    }

    @Override
    public DeviceRepository devices() {
        return deviceRepository;
    }

    @Override
    public PoolOrderRepository poolOrders() {
        return poolOrderRepository;
    }

    @Override
    public ClientRepository clients() {
        return clientRepository;
    }

    @Override
    public CredentialRepository credentials() {
        return credentialRepository;
    }

    @Override
    public IssuanceRepository issuances() {
        return issuanceRepository;
    }

    @Override
    public JournalRepository journal() {
        return journalRepository;
    }

    @Override
    public OutboxRepository outbox() {
        return outboxRepository;
    }

    @Override
    public IdempotencyRepository idempotency() {
        return idempotencyRepository;
    }
}
