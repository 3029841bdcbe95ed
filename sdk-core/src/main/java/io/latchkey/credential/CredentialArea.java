package io.latchkey.credential;

import io.latchkey.access.Access;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.RandomSource;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.lifecycle.Steps;
import io.latchkey.limits.RateLimiter;
import io.latchkey.notify.Outbox;
import io.latchkey.party.PartyStore;
import io.latchkey.store.Idempotency;
import io.latchkey.store.Transactions;
import io.latchkey.time.DueWork;
import java.time.Clock;

/**
 * The services of credential pools, made once by {@link io.latchkey.Latchkey} from what they use. Hosts reach
 * them through {@code Latchkey}: the services have no public constructors.
 */
public final class CredentialArea {

    private final PoolOrders poolOrders;
    private final Clients clients;
    private final Issuing issuing;
    private final Provisioning provisioning;
    private final Credentials credentials;
    private final DueWork timers;

    public CredentialArea(Transactions transactions, CredentialStore store, PartyStore party, JournalRepository journal,
                          Steps steps, Access access, Clock clock, Ids ids, RandomSource random, KeyStore keys,
                          Outbox outbox, Idempotency idempotency, RateLimiter rateLimiter,
                          CredentialSettings settings) {
        PoolRecords records = new PoolRecords(store, party, steps, access, clock, ids, random, keys, outbox, settings);
        this.poolOrders = new PoolOrders(transactions, records, idempotency);
        this.clients = new Clients(transactions, records);
        this.issuing = new Issuing(transactions, records, idempotency);
        this.provisioning = new Provisioning(transactions, records, rateLimiter);
        this.credentials = new Credentials(transactions, records, journal);
        this.timers = new CredentialTimers(transactions, records);
    }

    public PoolOrders poolOrders() {
        return poolOrders;
    }

    public Clients clients() {
        return clients;
    }

    public Issuing issuing() {
        return issuing;
    }

    public Provisioning provisioning() {
        return provisioning;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The scheduler's work: activation, expiry and return to the pool. */
    public DueWork timers() {
        return timers;
    }
}
