package io.latchkey.subscription;

import io.latchkey.access.OrgId;
import io.latchkey.party.SiteId;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Index;
import io.latchkey.store.InMemoryStore.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link SubscriptionStore} in an {@link InMemoryStore}. */
final class InMemorySubscriptionStore implements SubscriptionStore {

    private final Packages packages;
    private final Hubs hubs;
    private final Subscriptions subscriptions;

    InMemorySubscriptionStore(InMemoryStore store) {
        packages = new Packages(store);
        hubs = new Hubs(store);
        subscriptions = new Subscriptions(store);
    }

    private static final class Packages extends Table<PackageId, ServicePackage> implements PackageRepository {
        Packages(InMemoryStore store) {
            super(store, ServicePackage::id, ServicePackage::version, ServicePackage::withVersion);
            unique(CODE);
        }

        @Override
        public List<ServicePackage> all() {
            return rows().sorted(Comparator.comparing(ServicePackage::code)).toList();
        }
    }

    private static final class Hubs extends Table<HubId, Hub> implements HubRepository {
        Hubs(InMemoryStore store) {
            super(store, Hub::id, Hub::version, Hub::withVersion);
            unique(SERIAL);
        }

        @Override
        public List<Hub> bySeller(OrgId seller, HubId after, int limit) {
            return page(h -> h.seller().equals(seller), after, limit);
        }

        @Override
        public List<Hub> bySite(SiteId site, HubId after, int limit) {
            return page(h -> h.site().equals(site), after, limit);
        }
    }

    private static final class Subscriptions extends Table<SubscriptionId, Subscription>
            implements SubscriptionRepository {
        private final Index<HubId, SubscriptionId, Subscription> live;

        Subscriptions(InMemoryStore store) {
            super(store, Subscription::id, Subscription::version, Subscription::withVersion);
            live = unique(ONE_LIVE);
        }

        @Override
        public Optional<Subscription> liveOnHub(HubId hub) {
            return live.find(hub);
        }

        @Override
        public List<Subscription> bySeller(OrgId seller) {
            return rows().filter(s -> s.seller().equals(seller))
                    .sorted(Comparator.comparing((Subscription s) -> s.id().value()).reversed()).toList();
        }

        @Override
        public List<Subscription> bySeller(OrgId seller, SubscriptionId after, int limit) {
            return page(s -> s.seller().equals(seller), after, limit);
        }

        @Override
        public List<Subscription> byReseller(OrgId reseller, Instant from, Instant to, SubscriptionId after,
                                             int limit) {
            return page(s -> s.reseller().equals(reseller) && s.startedAt().isBefore(to)
                    && (s.billableUntil() == null || s.billableUntil().isAfter(from)), after, limit);
        }

        @Override
        public List<Subscription> claimDue(Instant now, int limit) {
            return rows().filter(s -> s.dueAt() != null && !s.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Subscription::dueAt).thenComparing(s -> s.id().value()))
                    .limit(limit).toList();
        }
    }

    @Override
    public PackageRepository packages() {
        return packages;
    }

    @Override
    public HubRepository hubs() {
        return hubs;
    }

    @Override
    public SubscriptionRepository subscriptions() {
        return subscriptions;
    }
}
