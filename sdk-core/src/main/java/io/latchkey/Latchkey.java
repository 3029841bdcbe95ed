package io.latchkey;

import io.latchkey.access.Access;
import io.latchkey.access.InMemoryRateLimiter;
import io.latchkey.access.PasswordVerifier;
import io.latchkey.access.RateLimiter;
import io.latchkey.credential.CredentialService;
import io.latchkey.credential.CredentialSettings;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.InMemoryKeyStore;
import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.Sealer;
import io.latchkey.device.DeviceCatalog;
import io.latchkey.device.DeviceService;
import io.latchkey.internal.Kernel;
import io.latchkey.license.CodeFormat;
import io.latchkey.license.LicenseService;
import io.latchkey.lifecycle.Journal;
import io.latchkey.notify.InMemoryMailSender;
import io.latchkey.notify.MailSender;
import io.latchkey.notify.Outbox;
import io.latchkey.party.Member;
import io.latchkey.party.MemberStatus;
import io.latchkey.party.PartyService;
import io.latchkey.store.Idempotency;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;
import io.latchkey.subscription.SubscriptionService;
import io.latchkey.time.Clocks;
import io.latchkey.time.Scheduler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entry point of the SDK: wires a store, a clock, randomness, keys and a mail sender into the services of
 * every area.
 *
 * <pre>{@code
 * Latchkey latchkey = Latchkey.builder()
 *         .store(JdbcStore.create(dataSource))
 *         .mailSender(SmtpMailSender.create(config))
 *         .publicUrl(URI.create("https://portal.example.com"))
 *         .build();
 * latchkey.startBackgroundWork(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Thread-safe: one instance serves a whole application. {@link #close()} stops the background work.
 */
public final class Latchkey implements AutoCloseable {

    private final Kernel kernel;
    private final PartyService party;
    private final CredentialService credentials;
    private final DeviceService devices;
    private final LicenseService licenses;
    private final SubscriptionService subscriptions;
    private final Scheduler scheduler;
    private final List<AutoCloseable> running = new ArrayList<>();

    private Latchkey(Builder b) {
        // Databases keep microseconds; instants made here never carry more, so what is stored reads back equal.
        Clock clock = Clocks.microseconds(b.clock);
        Ids ids = new Ids(clock, b.random);
        Sealer sealer = new Sealer(b.keys, b.random);
        Outbox outbox = new Outbox(b.store, b.store.outbox(), b.mailSender, sealer, clock, ids, b.retryPolicy);
        RateLimiter rateLimiter = b.rateLimiter != null ? b.rateLimiter
                : new InMemoryRateLimiter(clock, 10, Duration.ofMinutes(15));
        this.kernel = new Kernel(b.store, clock, b.random, ids, b.keys, new Access(b.store.organizations()),
                new Journal(b.store.journal(), clock, ids), outbox, new Idempotency(b.store.idempotency(), clock),
                rateLimiter);
        PasswordHasher hasher = b.passwordHasher != null ? b.passwordHasher : PasswordHasher.argon2id(b.random);
        this.party = new PartyService(kernel, hasher, b.publicUrl);
        this.credentials = new CredentialService(kernel,
                new CredentialSettings(b.publicUrl, b.credentialCooldown, 0.10, 100_000));
        PasswordVerifier verifier = b.passwordVerifier != null ? b.passwordVerifier : PasswordVerifier.argon2id(
                id -> b.store.inTransaction(() -> b.store.members().find(id)
                        .filter(m -> m.status() == MemberStatus.ACTIVE).map(Member::passwordHash)), hasher);
        this.devices = new DeviceService(kernel, b.deviceCatalog, hasher, verifier);
        this.licenses = new LicenseService(kernel, sealer, b.licenseFormat);
        this.subscriptions = new SubscriptionService(kernel);
        this.party.guardClosing(subscriptions.closingGuard());
        this.scheduler = new Scheduler(clock, List.of(credentials.dueWork(), subscriptions.dueWork()),
                b.schedulerBatch);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The channel: operator, partners, companies, members. */
    public PartyService party() {
        return party;
    }

    /** Credential pools: orders, clients, issuing, provisioning, revoking. */
    public CredentialService credentials() {
        return credentials;
    }

    /** Devices: the factory, status steps, claims, details, owners, reports. */
    public DeviceService devices() {
        return devices;
    }

    /** Licenses: minting, documents, activations. */
    public LicenseService licenses() {
        return licenses;
    }

    /** Service packages: catalog, hubs, subscriptions, statements. */
    public SubscriptionService subscriptions() {
        return subscriptions;
    }

    /** The scheduler of timed transitions. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The outbox of notifications. */
    public Outbox outbox() {
        return kernel.outbox();
    }

    /** The keys: public verification keys are what devices and readers need. */
    public KeyStore keys() {
        return kernel.keys();
    }

    public Store store() {
        return kernel.store();
    }

    public Clock clock() {
        return kernel.clock();
    }

    /** Applies due timed transitions, then delivers due notifications. What the background work does. */
    public void runDueWork() {
        scheduler.runDue();
        kernel.outbox().dispatchAllDue();
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

    /** Configures a {@link Latchkey}. Every setting has a default fit for tests and demos. */
    public static final class Builder {
        private Store store;
        private Clock clock = Clock.systemUTC();
        private RandomSource random = RandomSource.secure();
        private KeyStore keys;
        private MailSender mailSender;
        private RateLimiter rateLimiter;
        private URI publicUrl = URI.create("http://localhost:7070");
        private Duration credentialCooldown = Duration.ZERO;
        private Outbox.RetryPolicy retryPolicy = Outbox.RetryPolicy.defaults();
        private int schedulerBatch = 200;
        private DeviceCatalog deviceCatalog = DeviceCatalog.defaults();
        private CodeFormat licenseFormat = CodeFormat.BASE32_12;
        private PasswordHasher passwordHasher;
        private PasswordVerifier passwordVerifier;

        private Builder() {
        }

        /** Where everything is kept; default: a new {@link InMemoryStore}. */
        public Builder store(Store value) {
            this.store = Objects.requireNonNull(value);
            return this;
        }

        /** The only source of time; default: the system clock in UTC. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** The only source of randomness; default: {@link RandomSource#secure()}. */
        public Builder random(RandomSource value) {
            this.random = Objects.requireNonNull(value);
            return this;
        }

        /** Signing and sealing keys; default: fresh in-memory keys (lost at exit). */
        public Builder keys(KeyStore value) {
            this.keys = Objects.requireNonNull(value);
            return this;
        }

        /** Where notifications go; default: an {@link InMemoryMailSender}. */
        public Builder mailSender(MailSender value) {
            this.mailSender = Objects.requireNonNull(value);
            return this;
        }

        /** Limits on guessing; default: 10 failures per key in 15 minutes, in this JVM. */
        public Builder rateLimiter(RateLimiter value) {
            this.rateLimiter = Objects.requireNonNull(value);
            return this;
        }

        /** The base of links in e-mails; default {@code http://localhost:7070}. */
        public Builder publicUrl(URI value) {
            this.publicUrl = Objects.requireNonNull(value);
            return this;
        }

        /** How long a deactivated credential waits before returning to the pool; default none. */
        public Builder credentialCooldown(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("the cool-down cannot be negative");
            }
            this.credentialCooldown = value;
            return this;
        }

        /** How notifications are retried. */
        public Builder retryPolicy(Outbox.RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value);
            return this;
        }

        /** The lists device details come from, manuals and the online timeout; default {@link DeviceCatalog#defaults()}. */
        public Builder deviceCatalog(DeviceCatalog value) {
            this.deviceCatalog = Objects.requireNonNull(value);
            return this;
        }

        /** The format of new license codes; default {@link CodeFormat#BASE32_12}. */
        public Builder licenseFormat(CodeFormat value) {
            this.licenseFormat = Objects.requireNonNull(value);
            return this;
        }

        /** How members' and devices' passwords are hashed; default Argon2id with OWASP parameters. */
        public Builder passwordHasher(PasswordHasher value) {
            this.passwordHasher = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How a member's own password is checked again before a confirmed step (device status steps); default:
         * against the member's own Argon2id hash in the store.
         */
        public Builder passwordVerifier(PasswordVerifier value) {
            this.passwordVerifier = Objects.requireNonNull(value);
            return this;
        }

        /** How many due transitions the scheduler applies per transaction; default 200. */
        public Builder schedulerBatch(int value) {
            this.schedulerBatch = value;
            return this;
        }

        public Latchkey build() {
            if (store == null) {
                store = InMemoryStore.create();
            }
            if (keys == null) {
                keys = InMemoryKeyStore.generate(random);
            }
            if (mailSender == null) {
                mailSender = new InMemoryMailSender();
            }
            return new Latchkey(this);
        }
    }
}
