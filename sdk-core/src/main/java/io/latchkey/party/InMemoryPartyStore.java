package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.CustomerId;
import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Table;
import io.latchkey.store.InMemoryStore.Unique;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link PartyStore} in an {@link InMemoryStore}. */
final class InMemoryPartyStore implements PartyStore {

    private static final Comparator<Organization> BY_NAME = Comparator.comparing(Organization::name)
            .thenComparing(o -> o.id().value());

    private final Table<OrgId, Organization> organizations;
    private final Unique<Boolean, OrgId, Organization> operator;
    private final Table<MemberId, Member> members;
    private final Unique<String, MemberId, Member> memberEmails;
    private final Table<CustomerId, Customer> customers;
    private final Unique<PhoneNumber, CustomerId, Customer> customerPhones;
    private final Table<ConnectionId, Connection> connections;
    private final Table<FirmId, Firm> firms;
    private final Table<SiteId, Site> sites;

    InMemoryPartyStore(InMemoryStore store) {
        organizations = store.table(Organization::id, Organization::version);
        operator = organizations.unique(o -> o.kind() == OrgKind.OPERATOR ? Boolean.TRUE : null,
                o -> LatchkeyException.of(ErrorCode.DUPLICATE, "the operator"));
        members = store.table(Member::id, Member::version);
        memberEmails = members.unique(Member::email,
                m -> LatchkeyException.ofField(ErrorCode.MEMBER_EMAIL_TAKEN, "email", m.email()));
        customers = store.table(Customer::id, Customer::version);
        customerPhones = customers.unique(Customer::phone,
                c -> LatchkeyException.of(ErrorCode.DUPLICATE, "customer " + c.phone()));
        connections = store.table(Connection::id, Connection::version);
        firms = store.table(Firm::id, Firm::version);
        firms.unique(f -> f.company() + "/" + f.inn(),
                f -> LatchkeyException.of(ErrorCode.DUPLICATE, "firm with INN " + f.inn()));
        sites = store.table(Site::id, Site::version);
    }

    private final OrganizationRepository organizationRepository = new OrganizationRepository() {
        @Override
        public void insert(Organization o) {
            organizations.insert(o);
        }

        @Override
        public Organization update(Organization o) {
            return organizations.update(o, o::withVersion);
        }

        @Override
        public Optional<Organization> find(OrgId id) {
            return organizations.find(id);
        }

        @Override
        public Optional<Organization> findOperator() {
            return operator.find(Boolean.TRUE);
        }

        @Override
        public List<Organization> search(OrgKind kind, String text, int limit) {
            String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return organizations.rows().filter(o -> o.kind() == kind)
                    .filter(o -> needle.isEmpty() || o.id().toString().equals(needle)
                            || o.name().toLowerCase(Locale.ROOT).contains(needle))
                    .sorted(BY_NAME).limit(limit).toList();
        }

        @Override
        public List<Organization> children(OrgId parent) {
            return organizations.rows().filter(o -> parent.equals(o.parentId())).sorted(BY_NAME).toList();
        }
    };

    private final MemberRepository memberRepository = new MemberRepository() {
        @Override
        public void insert(Member m) {
            members.insert(m);
        }

        @Override
        public Member update(Member m) {
            return members.update(m, m::withVersion);
        }

        @Override
        public Optional<Member> find(MemberId id) {
            return members.find(id);
        }

        @Override
        public Optional<Member> findByEmail(String email) {
            return memberEmails.find(email);
        }

        @Override
        public List<Member> byOrganization(OrgId organization) {
            return members.rows().filter(m -> m.organization().equals(organization))
                    .sorted(Comparator.comparing(Member::email)).toList();
        }
    };

    private final CustomerRepository customerRepository = new CustomerRepository() {
        @Override
        public void insert(Customer c) {
            customers.insert(c);
        }

        @Override
        public Customer update(Customer c) {
            return customers.update(c, c::withVersion);
        }

        @Override
        public Optional<Customer> find(CustomerId id) {
            return customers.find(id);
        }

        @Override
        public Optional<Customer> findByPhone(PhoneNumber phone) {
            return customerPhones.find(phone);
        }
    };

    private final ConnectionRepository connectionRepository = new ConnectionRepository() {
        @Override
        public void insert(Connection c) {
            connections.insert(c);
        }

        @Override
        public Connection update(Connection c) {
            return connections.update(c, c::withVersion);
        }

        @Override
        public Optional<Connection> find(ConnectionId id) {
            return connections.find(id);
        }

        @Override
        public List<Connection> involving(OrgId organization, ConnectionKind kind, ConnectionState state) {
            return connections.rows()
                    .filter(c -> c.from().equals(organization) || c.to().equals(organization))
                    .filter(c -> kind == null || c.kind() == kind)
                    .filter(c -> state == null || c.state() == state)
                    .sorted(Comparator.comparing((Connection c) -> c.id().value()).reversed()).toList();
        }
    };

    private final FirmRepository firmRepository = new FirmRepository() {
        @Override
        public void insert(Firm f) {
            firms.insert(f);
        }

        @Override
        public Optional<Firm> find(FirmId id) {
            return firms.find(id);
        }

        @Override
        public List<Firm> byCompany(OrgId company) {
            return firms.rows().filter(f -> f.company().equals(company))
                    .sorted(Comparator.comparing(Firm::name).thenComparing(f -> f.id().value())).toList();
        }
    };

    private final SiteRepository siteRepository = new SiteRepository() {
        @Override
        public void insert(Site s) {
            sites.insert(s);
        }

        @Override
        public Optional<Site> find(SiteId id) {
            return sites.find(id);
        }

        @Override
        public List<Site> byOrganization(OrgId organization) {
            return sites.rows().filter(s -> s.organization().equals(organization))
                    .sorted(Comparator.comparing(Site::name).thenComparing(s -> s.id().value())).toList();
        }
    };

    @Override
    public OrganizationRepository organizations() {
        return organizationRepository;
    }

    @Override
    public MemberRepository members() {
        return memberRepository;
    }

    @Override
    public CustomerRepository customers() {
        return customerRepository;
    }

    @Override
    public ConnectionRepository connections() {
        return connectionRepository;
    }

    @Override
    public FirmRepository firms() {
        return firmRepository;
    }

    @Override
    public SiteRepository sites() {
        return siteRepository;
    }
}
