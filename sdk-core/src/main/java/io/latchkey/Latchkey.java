package io.latchkey;

import io.latchkey.access.Access;
import io.latchkey.access.PasswordVerifier;
import io.latchkey.credential.Clients;
import io.latchkey.credential.CredentialArea;
import io.latchkey.credential.CredentialSettings;
import io.latchkey.credential.CredentialStore;
import io.latchkey.credential.Credentials;
import io.latchkey.credential.Issuing;
import io.latchkey.credential.PoolOrders;
import io.latchkey.credential.Provisioning;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.crypto.Sealer;
import io.latchkey.device.Claims;
import io.latchkey.billing.BillingArea;
import io.latchkey.billing.BillingProfiles;
import io.latchkey.billing.BillingStore;
import io.latchkey.billing.InMemoryBillingGateway;
import io.latchkey.billing.SyncReport;
import io.latchkey.device.DeviceArea;
import io.latchkey.device.DeviceSteps;
import io.latchkey.device.DeviceStore;
import io.latchkey.device.Devices;
import io.latchkey.device.Owners;
import io.latchkey.device.Telemetry;
import io.latchkey.internal.Actors;
import io.latchkey.internal.RetryingStore;
import io.latchkey.license.Activations;
import io.latchkey.license.Documents;
import io.latchkey.license.LicenseArea;
import io.latchkey.license.LicenseStore;
import io.latchkey.license.Licenses;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.lifecycle.Steps;
import io.latchkey.limits.RateLimiter;
import io.latchkey.limits.StoredRateLimiter;
import io.latchkey.notify.Outbox;
import io.latchkey.notify.OutboxRepository;
import io.latchkey.party.Accounts;
import io.latchkey.party.Connections;
import io.latchkey.party.Member;
import io.latchkey.party.MemberStatus;
import io.latchkey.party.Members;
import io.latchkey.party.Organizations;
import io.latchkey.party.PartyArea;
import io.latchkey.party.PartyStore;
import io.latchkey.party.Registrations;
import io.latchkey.store.Idempotency;
import io.latchkey.store.IdempotencyRepository;
import io.latchkey.store.Replies;
import io.latchkey.store.ReplyRepository;
import io.latchkey.store.Store;
import io.latchkey.subscription.Catalog;
import io.latchkey.subscription.Hubs;
import io.latchkey.subscription.Statements;
import io.latchkey.subscription.SubscriptionArea;
import io.latchkey.subscription.SubscriptionStore;
import io.latchkey.subscription.Subscriptions;
import io.latchkey.time.Clocks;
import io.latchkey.time.Scheduler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of the SDK: wires a store, a clock, randomness, keys and a mail sender into the services of
 * every area, and is the only way to reach them.
 *
 * <pre>{@code
 * Latchkey latchkey = Latchkey.builder()
 *         .store(JdbcStore.create(dataSource))
 *         .masterKey(MasterKey.fromEnvironment("LATCHKEY_MASTER_KEY"))
 *         .mailSender(SmtpMailSender.create(config))
 *         .publicUrl(URI.create("https://portal.example.com"))
 *         .build();
 * latchkey.startBackgroundWork(Duration.ofSeconds(5));
 * Actor manager = latchkey.accounts().authenticate(email, password, sourceIp);
 * latchkey.issuing().issue(manager, request, idempotencyKey);
 * }</pre>
 *
 * <p>Thread-safe: one instance serves a whole application. {@link #close()} stops the background work.
 */
public final class Latchkey implements AutoCloseable {

    private static final int PRUNE_BATCH = 500;

    private final Clock clock;
    private final KeyStore keys;
    private final Outbox outbox;
    private final PartyArea party;
    private final CredentialArea credentials;
    private final LicenseArea licenses;
    private final SubscriptionArea subscriptions;
    private final DeviceArea devices;
    private final BillingArea billing;
    private final Scheduler scheduler;
    private final Store store;
    private final Duration retention;
    private final StoredRateLimiter attempts;
    private final Replies replies;
    private final List<AutoCloseable> running = new ArrayList<>();

    Latchkey(LatchkeyBuilder b) {
        // Databases keep microseconds; instants made here never carry more, so what is stored reads back equal.
        this.clock = Clocks.microseconds(b.clock);
        this.keys = b.keys;
        Store store = RetryingStore.of(b.store);
        this.store = store;
        this.retention = b.retention;
        Ids ids = new Ids(clock, b.random);
        Sealer sealer = new Sealer(keys, b.random);
        this.outbox = new Outbox(store, store.port(OutboxRepository.class), b.mailSender, sealer, clock, ids,
                b.retryPolicy);
        this.attempts = new StoredRateLimiter(store, sealer, clock);
        this.replies = new Replies(store, store.port(ReplyRepository.class), clock,
                body -> sealer.seal(body, "reply"), sealed -> sealer.open(sealed, "reply"));
        RateLimiter rateLimiter = b.rateLimiter != null ? b.rateLimiter : attempts;
        PartyStore partyStore = store.port(PartyStore.class);
        JournalRepository journal = store.port(JournalRepository.class);
        Access access = new Access(partyStore.organizations());
        Steps steps = new Steps(access, journal, clock, ids);
        Idempotency idempotency = new Idempotency(store.port(IdempotencyRepository.class), clock);
        PasswordHasher hasher = b.passwordHasher != null ? b.passwordHasher : PasswordHasher.argon2id(b.random);
        PasswordVerifier verifier = b.passwordVerifier != null ? b.passwordVerifier : PasswordVerifier.argon2id(
                id -> store.inTransaction(() -> partyStore.members().find(id)
                        .filter(m -> m.status() == MemberStatus.ACTIVE).map(Member::passwordHash)), hasher);

        this.subscriptions = new SubscriptionArea(store, store.port(SubscriptionStore.class), partyStore, steps, access,
                clock, ids, outbox);
        this.party = new PartyArea(store, partyStore, steps, access, clock, ids, keys, outbox, b.publicUrl, hasher,
                rateLimiter, List.of(subscriptions.closingGuard()), b.random, b.sessionTtl);
        this.credentials = new CredentialArea(store, store.port(CredentialStore.class), partyStore, journal, steps,
                access, clock, ids, b.random, keys, outbox, idempotency, rateLimiter,
                new CredentialSettings(b.publicUrl, b.credentialCooldown, 0.10, 100_000));
        this.licenses = new LicenseArea(store, store.port(LicenseStore.class), partyStore, steps, access, clock, ids,
                b.random, keys, sealer, outbox, rateLimiter, b.licenseFormat);
        this.devices = new DeviceArea(store, store.port(DeviceStore.class), partyStore, journal, steps, access, clock,
                ids, b.deviceCatalog, hasher, verifier, rateLimiter, outbox, b.publicUrl);
        this.billing = new BillingArea(store, store.port(BillingStore.class), b.billingGateway != null
                ? b.billingGateway : new InMemoryBillingGateway(clock), steps, access, clock, ids);
        this.scheduler = new Scheduler(clock, List.of(credentials.timers(), subscriptions.timers()), b.schedulerBatch);
    }

    public static LatchkeyBuilder builder() {
        return new LatchkeyBuilder();
    }

    // --- the channel ---------------------------------------------------------------------------------------

    /** The operator (at bootstrap), partners and companies, their requisites, firms and sites. */
    public Organizations organizations() {
        return party.organizations();
    }

    /** Companies registering themselves, or registered by a partner. */
    public Registrations registrations() {
        return party.registrations();
    }

    /** The members of organizations and their roles. */
    public Members members() {
        return party.members();
    }

    /** Sign-in, sessions, confirmations and passwords. */
    public Accounts accounts() {
        return party.accounts();
    }

    /** Connection requests between companies and partners, sellers and resellers. */
    public Connections connections() {
        return party.connections();
    }

    // --- credential pools ----------------------------------------------------------------------------------

    /** Orders of pool capacity. */
    public PoolOrders poolOrders() {
        return credentials.poolOrders();
    }

    /** Partners' clients. */
    public Clients clients() {
        return credentials.clients();
    }

    /** Issuing credentials, re-sending links and revoking. */
    public Issuing issuing() {
        return credentials.issuing();
    }

    /** The phone's exchange of a provisioning link for its signed credential. */
    public Provisioning provisioning() {
        return credentials.provisioning();
    }

    /** Credentials, their journal, issuances and the pool's counts. */
    public Credentials credentials() {
        return credentials.credentials();
    }

    // --- licenses ------------------------------------------------------------------------------------------

    /** Minting and the documents that move licenses. */
    public Documents documents() {
        return licenses.documents();
    }

    /** The licenses an organization holds. */
    public Licenses licenses() {
        return licenses.licenses();
    }

    /** Activations of licenses on devices. */
    public Activations activations() {
        return licenses.activations();
    }

    // --- service packages ----------------------------------------------------------------------------------

    /** The catalog of service packages. */
    public Catalog catalog() {
        return subscriptions.catalog();
    }

    /** Sellers' hubs. */
    public Hubs hubs() {
        return subscriptions.hubs();
    }

    /** Subscriptions on hubs. */
    public Subscriptions subscriptions() {
        return subscriptions.subscriptions();
    }

    /** Monthly statements per reseller. */
    public Statements statements() {
        return subscriptions.statements();
    }

    // --- devices -------------------------------------------------------------------------------------------

    /** Devices at the factory and the service: statuses, overrides, assignment. */
    public DeviceSteps deviceSteps() {
        return devices.steps();
    }

    /** Partners' claims and the details they fill in. */
    public Claims claims() {
        return devices.claims();
    }

    /** What devices report, and their sign-in. */
    public Telemetry telemetry() {
        return devices.telemetry();
    }

    /** Owners registering from the app. */
    public Owners owners() {
        return devices.owners();
    }

    /** Device cards, journals and search. */
    public Devices devices() {
        return devices.devices();
    }

    /** Platform profiles kept in step with the billing, and what each resident may do (billing accounts). */
    public BillingProfiles billingProfiles() {
        return billing.profiles();
    }

    /**
     * Runs the billing sync as the kernel's background work: hosts call it on their own schedule (a full pass
     * reads every account of the billing).
     *
     * @throws LatchkeyException {@link ErrorCode#BILLING_UNAVAILABLE} if the billing cannot be read; the next
     *                           call resumes where this one stopped
     */
    public SyncReport syncBilling() {
        return billing.profiles().sync(Actors.system("billing-sync"));
    }

    // --- the kernel ----------------------------------------------------------------------------------------

    /** The scheduler of timed transitions. */
    /** Answers a host gave to write requests with an idempotency key, to give again to a repeat. */
    public Replies replies() {
        return replies;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The outbox of notifications. */
    public Outbox outbox() {
        return outbox;
    }

    /** The keys: public verification keys are what devices and readers need. */
    public KeyStore keys() {
        return keys;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Applies due timed transitions, delivers due notifications, and prunes what is kept only for a while. What
     * the background work does.
     */
    public void runDueWork() {
        scheduler.runDue();
        outbox.dispatchAllDue();
        pruneExpired();
    }

    /**
     * Deletes idempotency records, replies and sent notifications older than the retention, expired sessions,
     * and attempt counters whose windows are over, in batches; returns how many. Pending and failed
     * notifications stay, and the journal is never pruned.
     */
    public int pruneExpired() {
        Instant cutoff = clock.instant().minus(retention);
        int pruned = 0;
        int batch;
        do {
            batch = store.inTransaction(() -> store.port(IdempotencyRepository.class).deleteMadeBefore(cutoff,
                    PRUNE_BATCH) + store.port(ReplyRepository.class).deleteMadeBefore(cutoff, PRUNE_BATCH)
                    + store.port(OutboxRepository.class).deleteSentBefore(cutoff, PRUNE_BATCH))
                    + attempts.prune(PRUNE_BATCH) + party.accounts().pruneSessions(PRUNE_BATCH);
            pruned += batch;
        } while (batch > 0);
        return pruned;
    }

    /** Runs {@link #runDueWork()} every {@code period} on a daemon thread until {@link #close()}. */
    public synchronized void startBackgroundWork(Duration period) {
        running.add(Scheduler.every(period, "latchkey-due-work", this::runDueWork));
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable task : running) {
            try {
                task.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop background work", e);
            }
        }
        running.clear();
    }
}
