package io.latchkey.subscription;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Access;
import io.latchkey.crypto.Ids;
import io.latchkey.lifecycle.Steps;
import io.latchkey.notify.Outbox;
import io.latchkey.party.ClosingGuard;
import io.latchkey.party.PartyStore;
import io.latchkey.store.Transactions;
import io.latchkey.time.DueWork;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The services of service packages, made once by {@link io.latchkey.Latchkey} from what they use, with the
 * scheduler's work (expiring subscriptions end on the 1st) and the rule that a seller with live subscriptions
 * cannot close. Hosts reach the services through {@code Latchkey}: they have no public constructors.
 */
public final class SubscriptionArea {

    private final Catalog catalog;
    private final Hubs hubs;
    private final Subscriptions subscriptions;
    private final Statements statements;
    private final DueWork timers;
    private final ClosingGuard closingGuard;

    public SubscriptionArea(Transactions transactions, SubscriptionStore store, PartyStore party, Steps steps,
                            Access access, Clock clock, Ids ids, Outbox outbox) {
        SubscriptionRecords records = new SubscriptionRecords(store, party, steps, access, clock, ids);
        this.catalog = new Catalog(transactions, records);
        this.hubs = new Hubs(transactions, records);
        this.subscriptions = new Subscriptions(transactions, records, outbox);
        this.statements = new Statements(transactions, records);
        this.timers = new DueWork() {
            @Override
            public String name() {
                return "subscriptions";
            }

            @Override
            public int applyDue(Instant now, int limit) {
                return transactions.inTransaction(() -> {
                    List<Subscription> due = store.subscriptions().claimDue(now, limit);
                    due.forEach(records::caughtUp);
                    return due.size();
                });
            }
        };
        this.closingGuard = organization -> {
            Instant now = clock.instant();
            if (store.subscriptions().bySeller(organization).stream()
                    .anyMatch(s -> s.effectiveState(now) != SubscriptionState.ENDED)) {
                throw LatchkeyException.of(ErrorCode.ACTIVE_SUBSCRIPTIONS);
            }
        };
    }

    public Catalog catalog() {
        return catalog;
    }

    public Hubs hubs() {
        return hubs;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public Statements statements() {
        return statements;
    }

    /** The scheduler's work: expiring subscriptions end on the 1st. */
    public DueWork timers() {
        return timers;
    }

    /** Forbids closing a seller while it has live subscriptions. */
    public ClosingGuard closingGuard() {
        return closingGuard;
    }
}
