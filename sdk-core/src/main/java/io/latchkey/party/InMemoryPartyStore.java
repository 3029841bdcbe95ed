package io.latchkey.party;

import io.latchkey.access.CustomerId;
import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Index;
import io.latchkey.store.InMemoryStore.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link PartyStore} in an {@link InMemoryStore}. */
final class InMemoryPartyStore implements PartyStore {

    private final Organizations organizations;
    private final Members members;
    private final Customers customers;
    private final Connections connections;
    private final Firms firms;
    private final Sites sites;
    private final Sessions sessions;

    InMemoryPartyStore(InMemoryStore store) {
        organizations = new Organizations(store);
        members = new Members(store);
        customers = new Customers(store);
        connections = new Connections(store);
        firms = new Firms(store);
        sites = new Sites(store);
        sessions = new Sessions(store);
    }

    private static final class Organizations extends Table<OrgId, Organization> implements OrganizationRepository {
        private static final Comparator<Organization> BY_NAME = Comparator.comparing(Organization::name)
                .thenComparing(o -> o.id().value());
        private final Index<Boolean, OrgId, Organization> operator;

        Organizations(InMemoryStore store) {
            super(store, Organization::id, Organization::version, Organization::withVersion);
            operator = unique(ONE_OPERATOR);
        }

        @Override
        public Optional<Organization> findOperator() {
            return operator.find(Boolean.TRUE);
        }

        @Override
        public List<Organization> search(OrgSearch search) {
            return page(search::matches, search.after(), search.limit());
        }

        @Override
        public List<Organization> children(OrgId parent) {
            return rows().filter(o -> parent.equals(o.parentId())).sorted(BY_NAME).toList();
        }

        @Override
        public List<Organization> children(OrgId parent, OrgId after, int limit) {
            return page(o -> parent.equals(o.parentId()), after, limit);
        }

        @Override
        public List<Organization> openPartners(String country, OrgId after, int limit) {
            return page(o -> o.kind() == OrgKind.PARTNER && o.isOpen() && country.equals(o.requisites().country()),
                    after, limit);
        }

        @Override
        public Optional<Organization> openPartnerByEmail(String email) {
            return rows().filter(o -> o.kind() == OrgKind.PARTNER && o.isOpen()
                    && email.equals(o.requisites().email())).findFirst();
        }

        @Override
        public List<Organization> applications(int limit) {
            return rows().filter(o -> o.state() == OrganizationState.APPLIED)
                    .sorted(Comparator.comparing(Organization::createdAt).thenComparing(o -> o.id().value()))
                    .limit(limit).toList();
        }
    }

    private static final class Members extends Table<MemberId, Member> implements MemberRepository {
        private final Index<String, MemberId, Member> emails;

        Members(InMemoryStore store) {
            super(store, Member::id, Member::version, Member::withVersion);
            emails = unique(EMAIL);
        }

        @Override
        public Optional<Member> findByEmail(String email) {
            return emails.find(email);
        }

        @Override
        public List<Member> byOrganization(OrgId organization) {
            return rows().filter(m -> m.organization().equals(organization))
                    .sorted(Comparator.comparing(Member::email)).toList();
        }

        @Override
        public List<Member> byOrganization(OrgId organization, MemberId after, int limit) {
            return page(m -> m.organization().equals(organization), after, limit);
        }
    }

    private static final class Customers extends Table<CustomerId, Customer> implements CustomerRepository {
        private final Index<PhoneNumber, CustomerId, Customer> phones;

        Customers(InMemoryStore store) {
            super(store, Customer::id, Customer::version, Customer::withVersion);
            phones = unique(PHONE);
        }

        @Override
        public Optional<Customer> findByPhone(PhoneNumber phone) {
            return phones.find(phone);
        }
    }

    private static final class Connections extends Table<ConnectionId, Connection> implements ConnectionRepository {
        Connections(InMemoryStore store) {
            super(store, Connection::id, Connection::version, Connection::withVersion);
        }

        @Override
        public List<Connection> involving(OrgId organization, ConnectionKind kind, ConnectionState state) {
            return rows().filter(c -> c.from().equals(organization) || c.to().equals(organization))
                    .filter(c -> kind == null || c.kind() == kind)
                    .filter(c -> state == null || c.state() == state)
                    .sorted(Comparator.comparing((Connection c) -> c.id().value()).reversed()).toList();
        }

        @Override
        public List<Connection> involving(OrgId organization, ConnectionKind kind, ConnectionState state,
                                          ConnectionId after, int limit) {
            return page(c -> (c.from().equals(organization) || c.to().equals(organization))
                    && (kind == null || c.kind() == kind) && (state == null || c.state() == state), after, limit);
        }
    }

    private static final class Firms extends Table<FirmId, Firm> implements FirmRepository {
        Firms(InMemoryStore store) {
            super(store, Firm::id, Firm::version, Firm::withVersion);
            unique(INN);
        }

        @Override
        public List<Firm> byCompany(OrgId company, FirmId after, int limit) {
            return page(f -> f.company().equals(company), after, limit);
        }

        @Override
        public int count(OrgId company) {
            return (int) rows().filter(f -> f.company().equals(company)).count();
        }
    }

    private static final class Sites extends Table<SiteId, Site> implements SiteRepository {
        Sites(InMemoryStore store) {
            super(store, Site::id, Site::version, Site::withVersion);
        }

        @Override
        public List<Site> byOrganization(OrgId organization, SiteId after, int limit) {
            return page(s -> s.organization().equals(organization), after, limit);
        }

        @Override
        public int count(OrgId organization) {
            return (int) rows().filter(s -> s.organization().equals(organization)).count();
        }
    }

    private static final class Sessions extends Table<String, Session> implements SessionRepository {
        Sessions(InMemoryStore store) {
            super(store, Session::tokenHash);
        }

        @Override
        public boolean remove(String tokenHash) {
            boolean found = find(tokenHash).isPresent();
            delete(tokenHash);
            return found;
        }

        @Override
        public int removeOfMember(MemberId member) {
            List<Session> his = rows().filter(s -> member.equals(s.member())).toList();
            his.forEach(s -> delete(s.tokenHash()));
            return his.size();
        }

        @Override
        public int removeExpired(Instant cutoff, int limit) {
            List<Session> old = rows().filter(s -> s.expiresAt().isBefore(cutoff))
                    .sorted(Comparator.comparing(Session::expiresAt)).limit(limit).toList();
            old.forEach(s -> delete(s.tokenHash()));
            return old.size();
        }
    }

    @Override
    public SessionRepository sessions() {
        return sessions;
    }

    @Override
    public OrganizationRepository organizations() {
        return organizations;
    }

    @Override
    public MemberRepository members() {
        return members;
    }

    @Override
    public CustomerRepository customers() {
        return customers;
    }

    @Override
    public ConnectionRepository connections() {
        return connections;
    }

    @Override
    public FirmRepository firms() {
        return firms;
    }

    @Override
    public SiteRepository sites() {
        return sites;
    }
}
