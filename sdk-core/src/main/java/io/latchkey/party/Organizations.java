package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.access.Role;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.internal.Actors;
import io.latchkey.internal.Checks;
import io.latchkey.notify.Language;
import io.latchkey.store.Transactions;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The organizations of the channel: the operator at the root (made once, at bootstrap), partners and companies
 * below it, their requisites, firms and sites, and closing them for good. Every command takes the acting
 * {@link Actor} first and checks its permission and tenancy.
 *
 * <p>Thread-safe.
 */
public final class Organizations {

    private final Transactions transactions;
    private final PartyRecords records;
    private final PasswordHasher hasher;
    private final List<ClosingGuard> closingGuards;

    Organizations(Transactions transactions, PartyRecords records, PasswordHasher hasher,
                  List<ClosingGuard> closingGuards) {
        this.transactions = transactions;
        this.records = records;
        this.hasher = hasher;
        this.closingGuards = List.copyOf(closingGuards);
    }

    /**
     * What is typed to create an organization, as received; checked by the service.
     *
     * @param kind       PARTNER or COMPANY (the operator comes from {@link #bootstrap})
     * @param name       required, up to 200 characters
     * @param parentId   where it hangs in the channel; null: under the actor's own organization
     * @param timezone   IANA id; null: the parent's
     * @param language   ru, en or pl; null: the parent's
     * @param requisites INN (required for a partner), address, director, phone, as typed; null: none
     */
    public record OrganizationDraft(OrgKind kind, String name, OrgId parentId, String timezone, String language,
                                    Requisites requisites) {

        /** A draft without requisites (a company, say). */
        public OrganizationDraft(OrgKind kind, String name, OrgId parentId, String timezone, String language) {
            this(kind, name, parentId, timezone, language, null);
        }
    }

    /**
     * Creates the operator and its first administrator (active, with {@code adminPassword}), once: later calls
     * return the existing operator and change nothing. The host calls it at start-up.
     */
    public Organization bootstrap(String operatorName, Members.MemberDraft admin, char[] adminPassword,
                                  String timezone) {
        String hash = hasher.hash(Accounts.checkedPassword(admin.email(), adminPassword, adminPassword));
        return transactions.inTransaction(() -> {
            var existing = records.store.organizations().findOperator();
            if (existing.isPresent()) {
                return existing.get();
            }
            Actor kernel = Actors.system("bootstrap");
            Language language = admin.language() == null ? Language.EN : Language.parse("language", admin.language());
            Organization operator = records.steps.create(kernel, records.organizations, new Organization(
                    new OrgId(records.ids.next()), OrgKind.OPERATOR, PartyRecords.name(operatorName), null,
                    timezone == null ? ZoneOffset.UTC : Checks.timezone("timezone", timezone), language,
                    records.clock.instant(), 0), null);
            Member first = records.insertMember(kernel, operator, new Members.MemberDraft(admin.email(),
                    admin.fullName(), admin.language(), Set.of(Role.ADMIN)));
            records.steps.take(kernel, records.members, first, MemberEvent.BOOTSTRAP,
                    (m, active) -> m.withStatus(active).withPassword(hash), null);
            return operator;
        });
    }

    /**
     * Creates a company below the actor's organization (or below {@code parentId} within it); or, for the
     * operator only, a partner below itself or below a partner (a dealer's).
     */
    public Organization createOrganization(Actor actor, OrganizationDraft draft) {
        return transactions.inTransaction(() -> {
            OrgKind kind = Checks.required("kind", draft.kind());
            OrgId parentId = draft.parentId() != null ? draft.parentId() : actor.organization();
            if (parentId == null) {
                throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "parentId", "parentId");
            }
            if (kind == OrgKind.OPERATOR) {
                throw LatchkeyException.ofField(ErrorCode.ORGANIZATION_KIND_INVALID, "kind", kind, "anything");
            }
            Organization parent = records.organization(actor, parentId,
                    kind == OrgKind.PARTNER ? Permission.PARTNER_CREATE : Permission.COMPANY_CREATE);
            if (parent.kind() == OrgKind.COMPANY) {
                throw LatchkeyException.ofField(ErrorCode.ORGANIZATION_KIND_INVALID, "kind", kind, parent.kind());
            }
            if (!parent.isOpen()) {
                // A pending partner is only set up (its first member is the operator's to add): nothing below it yet.
                throw LatchkeyException.of(ErrorCode.ORGANIZATION_NOT_APPROVED, parent.id());
            }
            ZoneId zone = draft.timezone() == null ? parent.timezone() : Checks.timezone("timezone", draft.timezone());
            Language language = draft.language() == null ? parent.language()
                    : Language.parse("language", draft.language());
            Organization made = new Organization(new OrgId(records.ids.next()), kind, PartyRecords.name(draft.name()),
                    parent.id(), zone, language, requisites(kind, draft.requisites()), records.clock.instant(), 0);
            // A partner works once its first administrator confirms: until then it is not sold to.
            return records.steps.create(actor, records.organizations, kind == OrgKind.PARTNER
                    ? made.approved(made.createdAt()) : made, parent.id().toString());
        });
    }

    /**
     * Closes an organization for good: it disappears from every view and its members can no longer sign in.
     * Refused while organizations hang below it, or while another area's guard says no.
     */
    public Organization close(Actor actor, OrgId id) {
        return transactions.inTransaction(() -> {
            Organization organization = records.visibleOrganization(actor, id);
            var close = records.steps.check(actor, records.organizations, organization, OrganizationEvent.CLOSE);
            if (organization.kind() == OrgKind.OPERATOR || records.store.organizations().children(id).stream()
                    .anyMatch(child -> child.closedAt() == null)) {
                throw LatchkeyException.of(ErrorCode.ORGANIZATION_HAS_CHILDREN, id);
            }
            closingGuards.forEach(guard -> guard.check(id));
            return close.take((o, to) -> o.closed(records.clock.instant()), null);
        });
    }

    /**
     * What a seller must give to register (the seed: "Wypełnij wymagane informacje i kliknij przycisk Aktywuj"),
     * as typed; all of it is required.
     *
     * @param legalName its legal name, up to 200 characters
     * @param country   ISO 3166 alpha-2: Ajax services are offered country by country
     * @param taxId     its tax id, by the country's rule ({@link TaxId})
     * @param address   its legal address, up to 500 characters
     * @param email     a contact address
     * @param phone     a contact phone
     */
    public record SellerDetails(String legalName, String country, String taxId, String address, String email,
                                String phone) {
    }

    /**
     * The owner registers its company as a seller of service packages, with the information a seller gives,
     * which becomes the company's requisites. Registering again changes nothing.
     */
    public Organization registerSeller(Actor actor, OrgId companyId, SellerDetails details) {
        SellerDetails typed = Checks.required("details", details);
        String country = Checks.required("country", country(typed.country()));
        Requisites requisites = new Requisites(TaxId.parse("taxId", country, typed.taxId()),
                Checks.required("address", typed.address(), 500), null,
                PhoneNumber.parse("phone", typed.phone()).e164(), country, Checks.email("email", typed.email()),
                PartyRecords.name("legalName", typed.legalName()), null);
        return transactions.inTransaction(() -> {
            Organization company = records.visibleOrganization(actor, companyId);
            var register = records.steps.check(actor, records.organizations, company,
                    OrganizationEvent.REGISTER_SELLER);
            if (company.kind() != OrgKind.COMPANY) {
                throw LatchkeyException.ofField(ErrorCode.ORGANIZATION_KIND_INVALID, "kind", "SELLER", company.kind());
            }
            return company.isSeller() ? company : register.take((o, to) -> o.withRequisites(requisites)
                    .registeredAsSeller(records.clock.instant()), null);
        });
    }

    /** Replaces an organization's requisites: its own ADMIN, or an upstream one. */
    public Organization updateRequisites(Actor actor, OrgId id, Requisites typed) {
        return transactions.inTransaction(() -> {
            Organization organization = records.visibleOrganization(actor, id);
            var edit = records.steps.check(actor, records.organizations, organization,
                    OrganizationEvent.EDIT_REQUISITES);
            Requisites checked = requisites(organization.kind(), typed);
            return edit.take((o, to) -> o.withRequisites(checked), null);
        });
    }

    /**
     * A firm's requisites as typed, what a document of sale copies (the seed: "Реквизиты фирмы покупателя
     * заполнятся автоматически").
     *
     * @param name     its legal name, required, up to 200 characters
     * @param inn      its taxpayer number, required and valid; unique within the company
     * @param address  its legal address, up to 500 characters
     * @param director its director (or owner, for a natural person), up to 200 characters
     */
    public record FirmDraft(String name, String inn, String address, String director) {
    }

    /** Adds a legal entity to a company (the seed: "любое число собственных фирм"). */
    public Firm addFirm(Actor actor, OrgId companyId, FirmDraft draft) {
        Checks.required("firm", draft);
        return transactions.inTransaction(() -> {
            Organization company = records.organization(actor, companyId, Permission.REQUISITES_EDIT);
            if (company.kind() != OrgKind.COMPANY) {
                throw LatchkeyException.ofField(ErrorCode.ORGANIZATION_KIND_INVALID, "companyId", "FIRM",
                        company.kind());
            }
            FirmDraft typed = checked(draft, company.requisites().country());
            Firm firm = new Firm(new FirmId(records.ids.next()), company.id(), typed.name(), typed.inn(),
                    typed.address(), typed.director(), records.clock.instant(), 0);
            records.store.firms().insert(firm);
            return firm;
        });
    }

    /** Edits a firm's requisites; documents already posted keep the copy they made. */
    public Firm updateFirm(Actor actor, FirmId id, FirmDraft draft) {
        Checks.required("firm", draft);
        return transactions.inTransaction(() -> {
            Firm firm = records.store.firms().find(Checks.required("id", id))
                    .filter(f -> records.access.sees(actor, f.company()))
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.FIRM_NOT_FOUND, "id", id));
            Organization company = records.organization(actor, firm.company(), Permission.REQUISITES_EDIT);
            FirmDraft typed = checked(draft, company.requisites().country());
            return records.store.firms().update(firm.withRequisites(typed.name(), typed.inn(), typed.address(),
                    typed.director()));
        });
    }

    /** A firm's requisites checked and normalized (its tax id by the rule of its company's country). */
    private static FirmDraft checked(FirmDraft typed, String country) {
        return new FirmDraft(PartyRecords.name(typed.name()), TaxId.parse("inn", country, typed.inn()),
                Checks.optional("address", typed.address(), 500), Checks.optional("director", typed.director(), 200));
    }

    /** Adds a site (a trade object, premises) to an organization. */
    public Site addSite(Actor actor, OrgId organizationId, String name, String address) {
        String siteName = PartyRecords.name(name);
        String siteAddress = Checks.optional("address", address, 500);
        return transactions.inTransaction(() -> {
            Organization organization = records.organization(actor, organizationId, Permission.REQUISITES_EDIT);
            Site site = new Site(new SiteId(records.ids.next()), organization.id(), siteName, siteAddress,
                    records.clock.instant(), 0);
            records.store.sites().insert(site);
            return site;
        });
    }

    /** Renames a site or changes its address. */
    public Site updateSite(Actor actor, SiteId id, String name, String address) {
        String siteName = PartyRecords.name(name);
        String siteAddress = Checks.optional("address", address, 500);
        return transactions.inTransaction(() -> {
            Site site = records.store.sites().find(Checks.required("id", id))
                    .filter(s -> records.access.sees(actor, s.organization()))
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.SITE_NOT_FOUND, "id", id));
            records.organization(actor, site.organization(), Permission.REQUISITES_EDIT);
            return records.store.sites().update(site.renamed(siteName, siteAddress));
        });
    }

    /**
     * A page of a company's firms, in the order they were added: those after {@code after} (from the first when it is
     * null), at most {@code limit} (up to 1,000).
     */
    public List<Firm> firms(Actor actor, OrgId companyId, FirmId after, int limit) {
        return transactions.inTransaction(() -> {
            records.organization(actor, companyId, Permission.VIEW);
            return records.store.firms().byCompany(companyId, after, Checks.pageSize(limit));
        });
    }

    /**
     * A page of an organization's sites, for its viewers and for a seller's staff (who install hubs there), in
     * the order they were added: those after {@code after} (from the first when it is null), at most
     * {@code limit} (up to 1,000).
     */
    public List<Site> sites(Actor actor, OrgId organizationId, SiteId after, int limit) {
        return transactions.inTransaction(() -> {
            records.organization(actor, organizationId, Permission.SUBSCRIPTION_VIEW);
            return records.store.sites().byOrganization(organizationId, after, Checks.pageSize(limit));
        });
    }

    /** An open organization the actor may view. */
    public Organization organization(Actor actor, OrgId id) {
        return transactions.inTransaction(() -> records.organization(actor, id, Permission.VIEW));
    }

    /**
     * A page of the organizations directly below one the actor may view, in the order they were made: those after
     * {@code after} (from the first when it is null), at most {@code limit} (up to 1,000).
     */
    public List<Organization> children(Actor actor, OrgId id, OrgId after, int limit) {
        return transactions.inTransaction(() -> {
            records.organization(actor, id, Permission.VIEW);
            return records.store.organizations().children(id, after, Checks.pageSize(limit));
        });
    }

    /**
     * The list of partners (the seeds: a company picks the partner it asks to connect to "из списка", a seller
     * sells "from the list of partners", an engineer picks a device's partner): the open partners whose name,
     * tax id or address holds {@code text} in any case, or whose id it is; for any signed-in member. A page in
     * id order: those after {@code after} (from the first when it is null), at most {@code limit} (up to 1,000).
     */
    public List<Organization> searchPartners(Actor actor, String text, OrgId after, int limit) {
        String typed = Checks.optional("text", text, 200);
        if (actor.kind() != Actor.Kind.MEMBER) {
            throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.VIEW.name());
        }
        return transactions.inTransaction(() -> records.store.organizations().search(new OrgSearch(OrgKind.PARTNER,
                typed, null, false, after, Checks.pageSize(limit))));
    }

    /**
     * The companies connected to an organization ({@code organization} null: the actor's own), whose name or tax
     * id holds {@code text} (the seed: "по любой части её наименования или ИНН"): a page in id order after
     * {@code after}, at most {@code limit} (up to 1,000).
     */
    public List<Organization> companies(Actor actor, OrgId organization, String text, OrgId after, int limit) {
        String typed = Checks.optional("text", text, 200);
        return transactions.inTransaction(() -> {
            OrgId owner = Checks.required("organization", organization != null ? organization : actor.organization());
            records.organization(actor, owner, Permission.VIEW);
            return records.store.organizations().search(new OrgSearch(OrgKind.COMPANY, typed, owner, false, after,
                    Checks.pageSize(limit)));
        });
    }

    /**
     * The resellers a seller can pick from: the open partners of a country (ISO 3166 alpha-2). A public list,
     * like a directory: it shows names and requisites, nothing a partner holds. A page of it, in the order
     * partners were made: those after {@code after} (from the first when it is null), at most
     * {@code limit} (up to 1,000).
     */
    public List<Organization> resellers(String country, OrgId after, int limit) {
        String code = Checks.required("country", country).toUpperCase(Locale.ROOT);
        return transactions.inTransaction(() -> records.store.organizations().openPartners(code, after,
                Checks.pageSize(limit)));
    }
    /**
     * The reseller whose company address is {@code email} (the seed: "Wprowadź adres e-mail firmy Resellera"),
     * if it is an open partner: the same public information as the list by country.
     */
    public Optional<Organization> resellerByEmail(String email) {
        String address = Checks.email("email", email);
        return transactions.inTransaction(() -> records.store.organizations().openPartnerByEmail(address));
    }


    /** Checked requisites: a partner needs a valid INN; everything else is optional. */
    static Requisites requisites(OrgKind kind, Requisites typed) {
        Requisites raw = typed == null ? Requisites.NONE : typed;
        if (kind == OrgKind.PARTNER && (raw.inn() == null || raw.inn().isBlank())) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "inn", "inn");
        }
        String country = country(raw.country());
        String inn = TaxId.optional("inn", country, raw.inn());
        String phone = raw.phone() == null || raw.phone().isBlank() ? null
                : PhoneNumber.parse("phone", raw.phone()).e164();
        String email = raw.email() == null || raw.email().isBlank() ? null : Checks.email("email", raw.email());
        return new Requisites(inn, Checks.optional("address", raw.address(), 500),
                Checks.optional("director", raw.director(), 200), phone, country, email,
                Checks.optional("legalName", raw.legalName(), 200), Checks.optional("city", raw.city(), 100));
    }

    /** An ISO 3166 alpha-2 code, upper case, or null when none is typed. */
    static String country(String typed) {
        String country = typed == null || typed.isBlank() ? null : typed.strip().toUpperCase(Locale.ROOT);
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "country", "country", "ISO 3166 alpha-2");
        }
        return country;
    }
}
