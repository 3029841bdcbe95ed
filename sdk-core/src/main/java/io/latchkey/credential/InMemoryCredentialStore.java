package io.latchkey.credential;

import io.latchkey.access.OrgId;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Index;
import io.latchkey.store.InMemoryStore.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** {@link CredentialStore} in an {@link InMemoryStore}. */
final class InMemoryCredentialStore implements CredentialStore {

    private final Orders orders;
    private final Clients clients;
    private final Credentials credentials;
    private final Issuances issuances;

    InMemoryCredentialStore(InMemoryStore store) {
        orders = new Orders(store);
        clients = new Clients(store);
        credentials = new Credentials(store);
        issuances = new Issuances(store);
    }

    private static final class Orders extends Table<PoolOrderId, PoolOrder> implements PoolOrderRepository {
        private final AtomicLong numbers = new AtomicLong();

        Orders(InMemoryStore store) {
            super(store, PoolOrder::id, PoolOrder::version, PoolOrder::withVersion);
        }

        @Override
        public long nextNumber() {
            return numbers.incrementAndGet();
        }

        @Override
        public List<PoolOrder> list(OrgId partner, int limit) {
            return rows().filter(o -> partner == null || o.partner().equals(partner))
                    .sorted(Comparator.comparingLong(PoolOrder::number).reversed()).limit(limit).toList();
        }

        @Override
        public List<PoolOrder> awaiting(OrgId dealer, Long beforeNumber, int limit) {
            return rows().filter(o -> o.dealer().equals(dealer) && o.status() == PoolOrderStatus.NEW
                            && (beforeNumber == null || o.number() < beforeNumber))
                    .sorted(Comparator.comparingLong(PoolOrder::number).reversed()).limit(limit).toList();
        }
    }

    private static final class Clients extends Table<ClientId, Client> implements ClientRepository {
        private final Index<String, ClientId, Client> emails;

        Clients(InMemoryStore store) {
            super(store, Client::id, Client::version, Client::withVersion);
            emails = unique(EMAIL);
        }

        @Override
        public Optional<Client> findByEmail(OrgId partner, String email) {
            return emails.find(partner + "/" + email);
        }

        @Override
        public List<Client> list(OrgId partner, String afterEmail, int limit) {
            return rows().filter(c -> c.partner().equals(partner))
                    .filter(c -> afterEmail == null || c.email().compareTo(afterEmail) > 0)
                    .sorted(Comparator.comparing(Client::email)).limit(limit).toList();
        }
    }

    private static final class Credentials extends Table<CredentialId, Credential> implements CredentialRepository {
        private final Index<Label, CredentialId, Credential> labels;

        Credentials(InMemoryStore store) {
            super(store, Credential::id, Credential::version, Credential::withVersion);
            labels = unique(LABEL);
        }

        @Override
        public Optional<Credential> findByLabel(Label label) {
            return labels.find(label);
        }

        @Override
        public List<Credential> claimFree(OrgId partner, Instant now, Instant until, int limit) {
            return rows().filter(c -> c.partner().equals(partner) && c.issuableAt(now, until))
                    .sorted(Comparator.comparing(Credential::capacityExpiresAt,
                                    Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Credential::freeAt)
                            .thenComparingLong(c -> c.label().value()))
                    .limit(limit).toList();
        }

        @Override
        public Availability availability(OrgId partner, Instant now, Instant until) {
            List<Credential> free = rows().filter(c -> c.partner().equals(partner) && c.issuableAt(now, now)).toList();
            return free.isEmpty() ? Availability.NONE
                    : free.stream().anyMatch(c -> c.issuableAt(now, until)) ? Availability.FITTING
                    : Availability.TOO_SHORT;
        }

        @Override
        public List<Credential> claimDue(Instant now, int limit) {
            return rows().filter(c -> c.dueAt() != null && !c.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Credential::dueAt).thenComparing(c -> c.id().value()))
                    .limit(limit).toList();
        }

        @Override
        public long countIssuable(OrgId partner, Instant now) {
            // No pool lock to take: transactions on this store take turns already.
            return rows().filter(c -> c.partner().equals(partner)
                    && (c.state() == CredentialState.FREE || !c.freeAt().isAfter(now))
                    && (c.capacityExpiresAt() == null || !c.capacityExpiresAt().isBefore(now))).count();
        }

        @Override
        public List<Credential> byPartner(OrgId partner) {
            return rows().filter(c -> c.partner().equals(partner))
                    .sorted(Comparator.comparingLong(c -> c.label().value())).toList();
        }
    }

    private static final class Issuances extends Table<IssuanceId, Issuance> implements IssuanceRepository {
        Issuances(InMemoryStore store) {
            super(store, Issuance::id, Issuance::version, Issuance::withVersion);
        }

        @Override
        public List<Issuance> list(OrgId partner, ClientId client, Instant from, Instant to, IssuanceId before,
                                   int limit) {
            return rows().filter(i -> i.partner().equals(partner))
                    .filter(i -> client == null || i.clientId().equals(client))
                    .filter(i -> from == null || i.validTo().isAfter(from))
                    .filter(i -> to == null || i.validFrom().isBefore(to))
                    .filter(i -> before == null || i.id().value().compareTo(before.value()) < 0)
                    .sorted(Comparator.comparing((Issuance i) -> i.id().value()).reversed())
                    .limit(limit).toList();
        }
    }

    @Override
    public PoolOrderRepository poolOrders() {
        return orders;
    }

    @Override
    public ClientRepository clients() {
        return clients;
    }

    @Override
    public CredentialRepository credentials() {
        return credentials;
    }

    @Override
    public IssuanceRepository issuances() {
        return issuances;
    }
}
