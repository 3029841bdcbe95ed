package io.latchkey.subscription;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.OrgId;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Table;
import io.latchkey.store.InMemoryStore.Unique;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link SubscriptionStore} in an {@link InMemoryStore}. */
final class InMemorySubscriptionStore implements SubscriptionStore {

    private final Table<PackageId, ServicePackage> packages;
    private final Table<HubId, Hub> hubs;
    private final Table<SubscriptionId, Subscription> subscriptions;
    private final Unique<HubId, SubscriptionId, Subscription> live;

    InMemorySubscriptionStore(InMemoryStore store) {
        packages = store.table(ServicePackage::id, ServicePackage::version);
        packages.unique(ServicePackage::code, p -> LatchkeyException.of(ErrorCode.DUPLICATE, "package " + p.code()));
        hubs = store.table(Hub::id, Hub::version);
        hubs.unique(Hub::serial, h -> LatchkeyException.of(ErrorCode.DUPLICATE, "hub " + h.serial()));
        subscriptions = store.table(Subscription::id, Subscription::version);
        live = subscriptions.unique(Subscription::liveHub,
                s -> LatchkeyException.ofField(ErrorCode.SUBSCRIPTION_EXISTS, "hubId"));
    }

    private final PackageRepository packageRepository = new PackageRepository() {
        @Override
        public void insert(ServicePackage p) {
            packages.insert(p);
        }

        @Override
        public Optional<ServicePackage> find(PackageId id) {
            return packages.find(id);
        }

        @Override
        public List<ServicePackage> all() {
            return packages.rows().sorted(Comparator.comparing(ServicePackage::code)).toList();
        }
    };

    private final HubRepository hubRepository = new HubRepository() {
        @Override
        public void insert(Hub h) {
            hubs.insert(h);
        }

        @Override
        public Hub update(Hub h) {
            return hubs.update(h, h::withVersion);
        }

        @Override
        public Optional<Hub> find(HubId id) {
            return hubs.find(id);
        }

        @Override
        public List<Hub> bySeller(OrgId seller) {
            return hubs.rows().filter(h -> h.seller().equals(seller)).sorted(Comparator.comparing(Hub::serial))
                    .toList();
        }
    };

    private final SubscriptionRepository subscriptionRepository = new SubscriptionRepository() {
        @Override
        public void insert(Subscription s) {
            subscriptions.insert(s);
        }

        @Override
        public Subscription update(Subscription s) {
            return subscriptions.update(s, s::withVersion);
        }

        @Override
        public Optional<Subscription> find(SubscriptionId id) {
            return subscriptions.find(id);
        }

        @Override
        public Optional<Subscription> liveOnHub(HubId hub) {
            return live.find(hub);
        }

        @Override
        public List<Subscription> bySeller(OrgId seller) {
            return subscriptions.rows().filter(s -> s.seller().equals(seller))
                    .sorted(Comparator.comparing((Subscription s) -> s.id().value()).reversed()).toList();
        }

        @Override
        public List<Subscription> byReseller(OrgId reseller, Instant from, Instant to) {
            return subscriptions.rows().filter(s -> s.reseller().equals(reseller))
                    .filter(s -> s.startedAt().isBefore(to))
                    .filter(s -> s.billableUntil() == null || s.billableUntil().isAfter(from))
                    .sorted(Comparator.comparing((Subscription s) -> s.id().value())).toList();
        }

        @Override
        public List<Subscription> claimDue(Instant now, int limit) {
            return subscriptions.rows().filter(s -> s.dueAt() != null && !s.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Subscription::dueAt).thenComparing(s -> s.id().value()))
                    .limit(limit).toList();
        }
    };

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
}
