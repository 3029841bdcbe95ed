package io.latchkey.credential;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.notify.TemplateRenderer;
import io.latchkey.notify.Templates;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.store.Idempotency;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders of pool capacity (PW-ID RT): a partner orders credentials for a term, the organization above it
 * completes the order (minting the credentials into the partner's pool) or rejects it. An order's validity is
 * fixed when it is placed.
 *
 * <p>Thread-safe.
 */
public final class PoolOrders {

    private final Transactions transactions;
    private final PoolRecords records;
    private final Idempotency idempotency;

    PoolOrders(Transactions transactions, PoolRecords records, Idempotency idempotency) {
        this.transactions = transactions;
        this.records = records;
        this.idempotency = idempotency;
    }

    /**
     * A partner orders {@code size} credentials for {@code term} from its dealer (the organization above it: a
     * partner, or the operator), whose managers are e-mailed; the order is NEW until the dealer decides.
     * Repeating the call with the same idempotency key returns the first order.
     */
    public PoolOrder placeOrder(Actor actor, int size, PoolTerm term, String idempotencyKey) {
        return transactions.inTransaction(() -> {
            OrgId partner = records.ownPartner(actor, Permission.POOL_ORDER_PLACE);
            int max = records.settings.maxOrderSize();
            if (size < 1 || size > max) {
                throw LatchkeyException.ofField(ErrorCode.POOL_ORDER_SIZE_INVALID, "size", max);
            }
            Checks.required("term", term);
            String scope = "pool-order.place/" + partner;
            String hash = Idempotency.hash(size, term);
            Optional<String> first = idempotency.replay(scope, idempotencyKey, hash);
            if (first.isPresent()) {
                return records.store.poolOrders().find(PoolOrderId.parse(first.get())).orElseThrow();
            }
            Instant now = records.clock.instant();
            Organization placer = records.party.organizations().find(partner).orElseThrow();
            PoolOrder order = records.steps.create(actor, records.orders, new PoolOrder(
                    new PoolOrderId(records.ids.next()), records.store.poolOrders().nextNumber(), partner,
                    placer.parentId(), size, term, now, term.validUntil(now).orElse(null), PoolOrderStatus.NEW, null,
                    null, 0), size + " × " + term);
            idempotency.remember(scope, idempotencyKey, hash, order.id().toString());
            records.notifyManagers(order.dealer(), Templates.POOL_ORDER_PLACED, "pool.order.placed/" + order.id(),
                    (zone, language) -> Map.of("orderNumber", Long.toString(order.number()), "partner", placer.name(),
                            "size", Integer.toString(size), "term", TemplateRenderer.text("pool.term." + term,
                                    language), "link", records.link("/pool-orders/inbox")));
            return order;
        });
    }

    /** Fulfils a NEW order: mints its credentials into the partner's pool and tells the partner's managers. */
    public PoolOrder completeOrder(Actor actor, PoolOrderId id) {
        return transactions.inTransaction(() -> {
            PoolOrder order = visibleOrder(actor, id);
            var complete = records.steps.check(actor, records.orders, order, PoolOrderEvent.COMPLETE);
            Instant now = records.clock.instant();
            if (order.validUntil() != null && !order.validUntil().isAfter(now)) {
                throw LatchkeyException.of(ErrorCode.POOL_ORDER_EXPIRED, order.number());
            }
            PoolOrder completed = complete.take((o, to) -> o.decided(to, now, actor.describe()), null);
            for (int i = 0; i < order.size(); i++) {
                records.steps.create(actor, records.credentials, Credential.minted(
                        new CredentialId(records.ids.next()), uniqueLabel(), order.partner(), order.id(),
                        order.validUntil(), now), "order " + order.number());
            }
            records.notifyManagers(order.partner(), Templates.POOL_ORDER_COMPLETED, "pool.order.completed/" + id,
                    (zone, language) -> Map.of("orderNumber", Long.toString(order.number()), "size",
                            Integer.toString(order.size()),
                            "validUntil", order.validUntil() == null ? "" : PoolRecords.shown(order.validUntil(),
                                    zone)));
            return completed;
        });
    }

    /** Turns down a NEW order; nothing is minted. */
    public PoolOrder rejectOrder(Actor actor, PoolOrderId id, String reason) {
        String why = Checks.text("reason", reason, 1000);
        return transactions.inTransaction(() -> {
            PoolOrder order = visibleOrder(actor, id);
            PoolOrder rejected = records.steps.take(actor, records.orders, order, PoolOrderEvent.REJECT,
                    (o, to) -> o.decided(to, records.clock.instant(), actor.describe()), why);
            records.notifyManagers(order.partner(), Templates.POOL_ORDER_REJECTED, "pool.order.rejected/" + id,
                    (zone, language) -> Map.of("orderNumber", Long.toString(order.number()), "size",
                            Integer.toString(order.size())));
            return rejected;
        });
    }

    /**
     * The dealer's inbox: the orders awaiting the decision of the actor's organization, from every partner placed
     * below it, newest first; those numbered below {@code beforeNumber} (from the newest when it is null).
     */
    public List<PoolOrder> inbox(Actor actor, Long beforeNumber, int limit) {
        return transactions.inTransaction(() -> records.store.poolOrders().awaiting(records.viewed(actor, null),
                beforeNumber, Checks.pageSize(limit, PoolRecords.MAX_LIST)));
    }

    /** One order the actor may view. */
    public PoolOrder order(Actor actor, PoolOrderId id) {
        return transactions.inTransaction(() -> {
            PoolOrder order = visibleOrder(actor, id);
            records.access.require(actor, Permission.VIEW, order.partner(), ErrorCode.POOL_ORDER_NOT_FOUND, id);
            return order;
        });
    }

    /**
     * Orders, newest first: of {@code partner}, or, when it is null, of the actor's own organization (the
     * operator: of every partner).
     */
    public List<PoolOrder> orders(Actor actor, OrgId partner, int limit) {
        return transactions.inTransaction(() -> {
            OrgId owner = records.viewed(actor, partner);
            boolean everyone = partner == null && records.party.organizations().find(owner)
                    .map(o -> o.kind() == OrgKind.OPERATOR).orElse(false);
            return records.store.poolOrders().list(everyone ? null : owner, Checks.pageSize(limit,
                    PoolRecords.MAX_LIST));
        });
    }

    private PoolOrder visibleOrder(Actor actor, PoolOrderId id) {
        return records.store.poolOrders().find(id).filter(o -> records.access.sees(actor, o.partner()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.POOL_ORDER_NOT_FOUND, id));
    }

    private Label uniqueLabel() {
        for (int attempt = 0; attempt < 16; attempt++) {
            Label label = Label.random(records.random);
            if (records.store.credentials().findByLabel(label).isEmpty()) {
                return label;
            }
        }
        throw new IllegalStateException("the random source keeps repeating labels");
    }
}
