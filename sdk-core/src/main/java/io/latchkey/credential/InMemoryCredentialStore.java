package io.latchkey.credential;

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
import java.util.concurrent.atomic.AtomicLong;

/** {@link CredentialStore} in an {@link InMemoryStore}. */
final class InMemoryCredentialStore implements CredentialStore {

    private final Table<PoolOrderId, PoolOrder> orders;
    private final AtomicLong orderNumbers = new AtomicLong();
    private final Table<ClientId, Client> clients;
    private final Unique<String, ClientId, Client> clientEmails;
    private final Table<CredentialId, Credential> credentials;
    private final Unique<Label, CredentialId, Credential> labels;
    private final Table<IssuanceId, Issuance> issuances;

    InMemoryCredentialStore(InMemoryStore store) {
        orders = store.table(PoolOrder::id, PoolOrder::version);
        clients = store.table(Client::id, Client::version);
        clientEmails = clients.unique(c -> emailKey(c.partner(), c.email()),
                c -> LatchkeyException.ofField(ErrorCode.CLIENT_EMAIL_TAKEN, "email", c.email()));
        credentials = store.table(Credential::id, Credential::version);
        labels = credentials.unique(Credential::label,
                c -> LatchkeyException.of(ErrorCode.DUPLICATE, "label " + c.label()));
        issuances = store.table(Issuance::id, Issuance::version);
    }

    private static String emailKey(OrgId partner, String email) {
        return partner + "/" + email;
    }

    private final PoolOrderRepository orderRepository = new PoolOrderRepository() {
        @Override
        public void insert(PoolOrder o) {
            orders.insert(o);
        }

        @Override
        public PoolOrder update(PoolOrder o) {
            return orders.update(o, o::withVersion);
        }

        @Override
        public Optional<PoolOrder> find(PoolOrderId id) {
            return orders.find(id);
        }

        @Override
        public long nextNumber() {
            return orderNumbers.incrementAndGet();
        }

        @Override
        public List<PoolOrder> list(OrgId partner, int limit) {
            return orders.rows().filter(o -> partner == null || o.partner().equals(partner))
                    .sorted(Comparator.comparingLong(PoolOrder::number).reversed()).limit(limit).toList();
        }
    };

    private final ClientRepository clientRepository = new ClientRepository() {
        @Override
        public void insert(Client c) {
            clients.insert(c);
        }

        @Override
        public Client update(Client c) {
            return clients.update(c, c::withVersion);
        }

        @Override
        public Optional<Client> find(ClientId id) {
            return clients.find(id);
        }

        @Override
        public Optional<Client> findByEmail(OrgId partner, String email) {
            return clientEmails.find(emailKey(partner, email));
        }

        @Override
        public List<Client> list(OrgId partner, String afterEmail, int limit) {
            return clients.rows().filter(c -> c.partner().equals(partner))
                    .filter(c -> afterEmail == null || c.email().compareTo(afterEmail) > 0)
                    .sorted(Comparator.comparing(Client::email)).limit(limit).toList();
        }
    };

    private final CredentialRepository credentialRepository = new CredentialRepository() {
        @Override
        public void insert(Credential c) {
            credentials.insert(c);
        }

        @Override
        public Credential update(Credential c) {
            return credentials.update(c, c::withVersion);
        }

        @Override
        public Optional<Credential> find(CredentialId id) {
            return credentials.find(id);
        }

        @Override
        public Optional<Credential> findByLabel(Label label) {
            return labels.find(label);
        }

        @Override
        public List<Credential> claimFree(OrgId partner, Instant now, Instant until, int limit) {
            return credentials.rows().filter(c -> c.partner().equals(partner) && c.issuableAt(now, until))
                    .sorted(Comparator.comparing(Credential::capacityExpiresAt,
                                    Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Credential::freeAt)
                            .thenComparingLong(c -> c.label().value()))
                    .limit(limit).toList();
        }

        @Override
        public List<Credential> claimDue(Instant now, int limit) {
            return credentials.rows().filter(c -> c.dueAt() != null && !c.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Credential::dueAt).thenComparing(c -> c.id().value()))
                    .limit(limit).toList();
        }

        @Override
        public long countIssuable(OrgId partner, Instant now, long atMost) {
            return credentials.rows().filter(c -> c.partner().equals(partner) && c.issuableAt(now, now))
                    .limit(atMost).count();
        }

        @Override
        public List<Credential> byPartner(OrgId partner) {
            return credentials.rows().filter(c -> c.partner().equals(partner))
                    .sorted(Comparator.comparingLong(c -> c.label().value())).toList();
        }
    };

    private final IssuanceRepository issuanceRepository = new IssuanceRepository() {
        @Override
        public void insert(Issuance i) {
            issuances.insert(i);
        }

        @Override
        public Issuance update(Issuance i) {
            return issuances.update(i, i::withVersion);
        }

        @Override
        public Optional<Issuance> find(IssuanceId id) {
            return issuances.find(id);
        }

        @Override
        public List<Issuance> list(OrgId partner, ClientId client, IssuanceId before, int limit) {
            return issuances.rows().filter(i -> i.partner().equals(partner))
                    .filter(i -> client == null || i.clientId().equals(client))
                    .filter(i -> before == null || i.id().value().compareTo(before.value()) < 0)
                    .sorted(Comparator.comparing((Issuance i) -> i.id().value()).reversed())
                    .limit(limit).toList();
        }
    };

    @Override
    public PoolOrderRepository poolOrders() {
        return orderRepository;
    }

    @Override
    public ClientRepository clients() {
        return clientRepository;
    }

    @Override
    public CredentialRepository credentials() {
        return credentialRepository;
    }

    @Override
    public IssuanceRepository issuances() {
        return issuanceRepository;
    }
}
