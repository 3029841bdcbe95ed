package io.latchkey.party;

import io.latchkey.access.Access;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.crypto.RandomSource;
import io.latchkey.lifecycle.Steps;
import io.latchkey.limits.RateLimiter;
import io.latchkey.notify.Outbox;
import io.latchkey.store.Transactions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The services of the channel, made once by {@link io.latchkey.Latchkey} from what they use. Hosts reach them
 * through {@code Latchkey}: the services have no public constructors.
 */
public final class PartyArea {

    private final Organizations organizations;
    private final Registrations registrations;
    private final Members members;
    private final Accounts accounts;
    private final Connections connections;

    public PartyArea(Transactions transactions, PartyStore store, Steps steps, Access access, Clock clock, Ids ids,
                     KeyStore keys, Outbox outbox, URI publicUrl, PasswordHasher hasher, RateLimiter rateLimiter,
                     List<ClosingGuard> closingGuards, RandomSource random, Duration sessionTtl) {
        PartyRecords records = new PartyRecords(store, steps, access, clock, ids);
        MemberLinks links = new MemberLinks(store, keys, outbox, clock, publicUrl);
        this.organizations = new Organizations(transactions, records, hasher, closingGuards);
        this.registrations = new Registrations(transactions, records, links, outbox, rateLimiter, hasher);
        this.members = new Members(transactions, records, links, rateLimiter);
        this.accounts = new Accounts(transactions, records, links, hasher, rateLimiter, random, sessionTtl);
        this.connections = new Connections(transactions, records, outbox, publicUrl, rateLimiter);
    }

    public Organizations organizations() {
        return organizations;
    }

    public Registrations registrations() {
        return registrations;
    }

    public Members members() {
        return members;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Connections connections() {
        return connections;
    }
}
