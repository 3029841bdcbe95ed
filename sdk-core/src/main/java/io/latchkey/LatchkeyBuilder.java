package io.latchkey;

import io.latchkey.access.PasswordVerifier;
import io.latchkey.crypto.InMemoryKeyStore;
import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.crypto.RandomSource;
import io.latchkey.billing.BillingGateway;
import io.latchkey.device.DeviceCatalog;
import io.latchkey.keys.StoredKeyStore;
import io.latchkey.license.CodeFormat;
import io.latchkey.limits.RateLimiter;
import io.latchkey.notify.InMemoryMailSender;
import io.latchkey.notify.MailSender;
import io.latchkey.notify.Outbox;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Configures a {@link Latchkey}. Every setting has a default fit for tests and demos. */
public final class LatchkeyBuilder {
    Store store;
    Clock clock = Clock.systemUTC();
    RandomSource random = RandomSource.secure();
    KeyStore keys;
    MasterKey masterKey;
    boolean ephemeralKeys;
    MailSender mailSender;
    RateLimiter rateLimiter;
    URI publicUrl = URI.create("http://localhost:7070");
    Duration credentialCooldown = Duration.ZERO;
    Outbox.RetryPolicy retryPolicy = Outbox.RetryPolicy.defaults();
    int schedulerBatch = 200;
    Duration retention = Duration.ofDays(30);
    Duration sessionTtl = Duration.ofHours(12);
    DeviceCatalog deviceCatalog = DeviceCatalog.defaults();
    BillingGateway billingGateway;
    CodeFormat licenseFormat = CodeFormat.NUMERIC_12;
    PasswordHasher passwordHasher;
    PasswordVerifier passwordVerifier;

    LatchkeyBuilder() {
    }

    /** Where everything is kept; default: a new {@link InMemoryStore}. */
    public LatchkeyBuilder store(Store value) {
        this.store = Objects.requireNonNull(value);
        return this;
    }

    /** The only source of time; default: the system clock in UTC. */
    public LatchkeyBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value);
        return this;
    }

    /** The only source of randomness; default: {@link RandomSource#secure()}. */
    public LatchkeyBuilder random(RandomSource value) {
        this.random = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Signing and sealing keys, as the host keeps them. Default: with a {@link #masterKey}, a
     * {@link StoredKeyStore} in the store; otherwise fresh in-memory keys, lost at exit, which a durable
     * store accepts only with {@link #ephemeralKeys()}.
     */
    public LatchkeyBuilder keys(KeyStore value) {
        this.keys = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Keeps the keys in the store, wrapped under {@code value} ({@link StoredKeyStore}): they survive
     * restarts, and nodes on one database share them. What a durable store needs.
     */
    public LatchkeyBuilder masterKey(MasterKey value) {
        this.masterKey = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Accepts, on a durable store, keys that die with the process: after a restart no code would be found,
     * no sealed value opened, no link or file verified. For tests and throw-away demos only.
     */
    public LatchkeyBuilder ephemeralKeys() {
        this.ephemeralKeys = true;
        return this;
    }

    /** Where notifications go; default: an {@link InMemoryMailSender}. */
    public LatchkeyBuilder mailSender(MailSender value) {
        this.mailSender = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Where attempts are counted against the {@link io.latchkey.limits.Limit}s; default: in the store, shared by
     * every node on one database ({@link io.latchkey.limits.StoredRateLimiter}).
     */
    public LatchkeyBuilder rateLimiter(RateLimiter value) {
        this.rateLimiter = Objects.requireNonNull(value);
        return this;
    }

    /** The base of links in e-mails; default {@code http://localhost:7070}. */
    public LatchkeyBuilder publicUrl(URI value) {
        this.publicUrl = Objects.requireNonNull(value);
        return this;
    }

    /** How long a deactivated credential waits before returning to the pool; default none. */
    public LatchkeyBuilder credentialCooldown(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("the cool-down cannot be negative");
        }
        this.credentialCooldown = value;
        return this;
    }

    /** How notifications are retried. */
    public LatchkeyBuilder retryPolicy(Outbox.RetryPolicy value) {
        this.retryPolicy = Objects.requireNonNull(value);
        return this;
    }

    /**
     * The lists device details come from, manuals and the online timeout; default
     * {@link DeviceCatalog#defaults()}.
     */
    public LatchkeyBuilder deviceCatalog(DeviceCatalog value) {
        this.deviceCatalog = Objects.requireNonNull(value);
        return this;
    }

    /** The billing system of record the billing sync reads; default: a billing in memory. */
    public LatchkeyBuilder billingGateway(BillingGateway value) {
        this.billingGateway = Objects.requireNonNull(value);
        return this;
    }

    /**
     * The format of new license codes; default {@link CodeFormat#NUMERIC_12}, the twelve digits a POS keypad takes
     * (the seed: "12-значный код"). {@link CodeFormat#BASE32_12} has more room for a large catalogue.
     */
    public LatchkeyBuilder licenseFormat(CodeFormat value) {
        this.licenseFormat = Objects.requireNonNull(value);
        return this;
    }

    /** How members' and devices' passwords are hashed; default Argon2id with OWASP parameters. */
    public LatchkeyBuilder passwordHasher(PasswordHasher value) {
        this.passwordHasher = Objects.requireNonNull(value);
        return this;
    }

    /**
     * How a member's own password is checked again before a confirmed step (device status steps); default:
     * against the member's own Argon2id hash in the store.
     */
    public LatchkeyBuilder passwordVerifier(PasswordVerifier value) {
        this.passwordVerifier = Objects.requireNonNull(value);
        return this;
    }

    /**
     * How long idempotency records (a repeated request answered with the first result) and sent
     * notifications are kept; default 30 days. The journal is kept for ever.
     */
    public LatchkeyBuilder retention(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the retention must be positive");
        }
        this.retention = value;
        return this;
    }

    /** How long a session ({@code accounts().signIn}) lasts before its holder signs in again; default 12 hours. */
    public LatchkeyBuilder sessionTtl(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("a session must last a while");
        }
        this.sessionTtl = value;
        return this;
    }

    /** How many due transitions the scheduler applies per transaction; default 200. */
    public LatchkeyBuilder schedulerBatch(int value) {
        this.schedulerBatch = value;
        return this;
    }

    public Latchkey build() {
        if (store == null) {
            store = InMemoryStore.create();
        }
        if (keys != null && masterKey != null) {
            throw new IllegalStateException("give keys or a master key, not both");
        }
        if (masterKey != null) {
            keys = StoredKeyStore.open(store, masterKey, random, clock);
        }
        if (keys == null) {
            keys = InMemoryKeyStore.generate(random);
        }
        if (store.durable() && !keys.survivesRestart() && !ephemeralKeys) {
            throw new IllegalStateException("the store is durable but the keys would die with the process: "
                    + "give a masterKey (from an environment variable or a key file), keys the host keeps, "
                    + "or say ephemeralKeys()");
        }
        if (mailSender == null) {
            mailSender = new InMemoryMailSender();
        }
        return new Latchkey(this);
    }
}
