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
import io.latchkey.limits.Attempt;
import io.latchkey.limits.Limit;
import io.latchkey.limits.RateLimiter;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Outbox;
import io.latchkey.notify.Templates;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Organizations come into the channel. Partners apply (a reseller a seller invited, say) and wait until the
 * operator approves them; the operator also creates partners itself ({@link Organizations#createOrganization}).
 * Companies come registered by themselves (they hang under the licensor, the default partner,
 * until they connect to one) or by a partner for a customer (linked to that partner once the owner confirms).
 * Either way the company gets its first firm and site, and the person registering it is invited as its OWNER
 * and first ADMIN.
 *
 * <p>Thread-safe.
 */
public final class Registrations {

    private final Transactions transactions;
    private final PartyRecords records;
    private final MemberLinks links;
    private final Outbox outbox;
    private final RateLimiter rateLimiter;
    private final PasswordHasher hasher;

    Registrations(Transactions transactions, PartyRecords records, MemberLinks links, Outbox outbox,
                  RateLimiter rateLimiter, PasswordHasher hasher) {
        this.hasher = hasher;
        this.transactions = transactions;
        this.records = records;
        this.links = links;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
    }

    /**
     * A would-be partner applies. It waits APPLIED under the operator, with the applicant as its first ADMIN,
     * and can do nothing until the operator approves it; the operator's administrators are told. The applicant
     * is invited only on approval, so the form cannot be used to mail strangers. An address that has an account
     * gets the same answer, nothing is made, and its holder is told instead. Applications are limited per source,
     * per address and, since each one mails the operator's administrators, loosely from everyone together.
     *
     * @param source where the application came from (an IP address), for rate limiting
     */
    public void applyAsPartner(PartnerApplication application, String source) {
        String name = PartyRecords.name(application.name());
        Requisites requisites = Organizations.requisites(OrgKind.PARTNER, application.requisites());
        String address = Checks.email("email", application.applicantEmail());
        Attempt attempt = rateLimiter.attempt(Limit.MAIL_FROM_SOURCE, Actor.source(source),
                Limit.PARTNER_APPLICATIONS, "everyone");
        try {
            rateLimiter.spending(Limit.MAIL_TO_ADDRESS, address, () -> apply(application, name, requisites));
        } catch (RuntimeException refused) {
            attempt.uncount();
            throw refused;
        }
    }

    private void apply(PartnerApplication application, String name, Requisites requisites) {
        transactions.inTransaction(() -> {
            Organization operator = operator();
            ZoneId zone = application.timezone() == null ? operator.timezone()
                    : Checks.timezone("timezone", application.timezone());
            Language language = application.language() == null ? operator.language()
                    : Language.parse("language", application.language());
            if (taken(application.applicantEmail(), application.applicantFullName(), name)) {
                return;
            }
            Actor kernel = Actors.system("partner-application");
            Organization partner = records.steps.create(kernel, records.organizations, Organization.applied(
                    new OrgId(records.ids.next()), name, operator.id(), zone, language, requisites,
                    records.clock.instant()), "applied");
            Member applicant = records.insertMember(kernel, partner, new Members.MemberDraft(
                    application.applicantEmail(), application.applicantFullName(), language.tag(), Set.of(Role.ADMIN)));
            for (Member admin : records.store.operatorAdministrators()) {
                outbox.enqueue("partner.applied/" + partner.id() + "/" + admin.id(), new Notification(
                        Templates.PARTNER_APPLIED, admin.language(), admin.email(), admin.fullName(),
                        Map.of("partner", partner.name(), "inn", requisites.inn(), "applicant",
                                applicant.fullName(), "applicantEmail", applicant.email()), List.of()));
            }
        });
    }

    /** The operator approves a partner that applied: it joins the channel and its applicant is invited. */
    public Organization approvePartner(Actor actor, OrgId id) {
        return transactions.inTransaction(() -> {
            Organization applied = records.visibleOrganization(actor, id);
            Organization partner = records.steps.take(actor, records.organizations, applied, OrganizationEvent.APPROVE,
                    (o, to) -> o.approved(records.clock.instant()), null);
            records.store.members().byOrganization(partner.id()).stream()
                    .filter(m -> m.status() == MemberStatus.INVITED)
                    .forEach(m -> Members.invite(links, m, partner));
            return partner;
        });
    }

    /** The operator turns down a partner that applied: it is closed, and its applicant never invited. */
    public Organization rejectPartner(Actor actor, OrgId id, String reason) {
        String why = Checks.text("reason", reason, 1000);
        return transactions.inTransaction(() -> records.steps.take(actor, records.organizations,
                records.visibleOrganization(actor, id), OrganizationEvent.REJECT,
                (o, to) -> o.closed(records.clock.instant()), why));
    }

    /** The partners that applied and wait for the operator's answer, oldest first. */
    public List<Organization> applications(Actor actor, int limit) {
        return transactions.inTransaction(() -> {
            records.access.requireOperator(actor, Permission.PARTNER_CREATE);
            return records.store.organizations().applications(Checks.pageSize(limit, 1000));
        });
    }

    private Organization operator() {
        return records.store.organizations().findOperator()
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.ORGANIZATION_NOT_FOUND, "operator"));
    }

    /**
     * A company registers itself, under the licensor; its owner is invited to confirm. An owner's address that
     * has an account gets the same answer, nothing is made, and its holder is told instead. Registrations are
     * limited per owner's address and per source, so that the form cannot flood a mailbox.
     *
     * @param source where the registration came from (an IP address), for rate limiting
     */
    public void registerCompany(CompanyRegistration registration, String source) {
        registerCompany(registration, null, null, source);
    }

    /**
     * As {@link #registerCompany(CompanyRegistration, String)}, with the owner's password chosen on the form (then
     * confirming the e-mailed link needs none) and the partner the company asks to work with: linked to it when
     * the owner confirms, as a company a partner registers is; without one, it stays with the licensor.
     *
     * @param ownerPassword null: the owner chooses it when confirming
     * @param partnerId     null: the licensor's; else an open partner, or {@link ErrorCode#ORGANIZATION_NOT_FOUND}
     */
    public void registerCompany(CompanyRegistration registration, char[] ownerPassword, OrgId partnerId,
                                String source) {
        String address = Checks.email("email", registration.ownerEmail());
        String hash = ownerPassword == null ? null
                : hasher.hash(Accounts.checkedPassword(address, ownerPassword, ownerPassword));
        rateLimiter.spending(Limit.MAIL_FROM_SOURCE, Actor.source(source), () -> rateLimiter.spending(
                Limit.MAIL_TO_ADDRESS, address, () -> transactions.inTransaction(() -> {
                    Organization licensor = operator();
                    Organization partner = partnerId == null ? null : records.store.organizations().find(partnerId)
                            .filter(o -> o.kind() == OrgKind.PARTNER && o.isOpen()).orElseThrow(() -> LatchkeyException
                                    .ofField(ErrorCode.ORGANIZATION_NOT_FOUND, "partnerId", partnerId));
                    Actor registering = Actors.system("self-registration");
                    company(registering, licensor, partner != null ? partner : licensor, registration, true, hash)
                            .ifPresent(company -> {
                                if (partner != null) {
                                    // Made at the company's instant: the request its owner's confirmation consents to.
                                    records.steps.create(registering, records.connections, new Connection(
                                            new ConnectionId(records.ids.next()), ConnectionKind.COMPANY_TO_PARTNER,
                                            company.id(), partner.id(), ConnectionState.PENDING, company.createdAt(),
                                            null, null, null, 0), "asked for at registration");
                                }
                            });
                })));
    }



    /**
     * Whether {@code email} has an account already; if so, its holder is told that someone registered
     * {@code organization} with it. Anonymous registrations ask it once every other input is checked, so that
     * their answer does not tell whether an address has an account.
     */
    private boolean taken(String email, String fullName, String organization) {
        String address = Checks.email("email", email);
        PartyRecords.fullName(fullName);
        Optional<Member> holder = records.store.members().findByEmail(address);
        holder.ifPresent(h -> links.notice(h.email(), h.fullName(), h.language(), Templates.REGISTRATION_REPEATED,
                "/login", Map.of("fullName", h.fullName(), "organization", organization)));
        return holder.isPresent();
    }

    /**
     * A partner registers a company for a customer. The company is linked to the partner once its owner
     * confirms the invitation (until then it waits under the licensor, with a pending connection to the
     * partner).
     */
    public Organization createCompany(Actor actor, CompanyRegistration registration) {
        return transactions.inTransaction(() -> {
            Organization partner = records.organization(actor, Checks.required("organization", actor.organization()),
                    Permission.COMPANY_CREATE);
            if (partner.kind() != OrgKind.PARTNER) {
                throw LatchkeyException.ofField(ErrorCode.ORGANIZATION_KIND_INVALID, "kind", OrgKind.COMPANY,
                        partner.kind());
            }
            Organization company = company(actor, operator(), partner, registration, false, null).orElseThrow();
            // Made with the company, at its very instant: the one request its owner's confirmation consents to.
            records.steps.create(actor, records.connections, new Connection(new ConnectionId(records.ids.next()),
                    ConnectionKind.COMPANY_TO_PARTNER, company.id(), partner.id(), ConnectionState.PENDING,
                    company.createdAt(), null, null, null, 0), "registered by the partner");
            return company;
        });
    }

    /**
     * A company under {@code parent}, taking its time zone and language from {@code defaults} unless given; for
     * an {@code anonymous} registration whose owner's address has an account, none (see {@link #taken}).
     */
    private Optional<Organization> company(Actor actor, Organization parent, Organization defaults,
                                           CompanyRegistration r, boolean anonymous, String ownerPasswordHash) {
        String companyName = PartyRecords.name(r.companyName());
        String firmName = PartyRecords.name(r.firmName());
        String country = r.country() == null ? defaults.requisites().country() : Organizations.country(r.country());
        String inn = TaxId.parse("firmInn", country, r.firmInn());
        String siteName = PartyRecords.name("siteName", r.siteName());
        String siteAddress = Checks.optional("siteAddress", r.siteAddress(), 500);
        if (r.agreement() == null || r.agreement().isBlank()) {
            throw LatchkeyException.ofField(ErrorCode.AGREEMENT_REQUIRED, "agreement");
        }
        String version = Checks.optional("agreement", r.agreement(), Agreement.MAX_VERSION);
        ZoneId zone = r.timezone() == null ? defaults.timezone() : Checks.timezone("timezone", r.timezone());
        Language language = r.language() == null ? defaults.language() : Language.parse("language", r.language());
        if (anonymous && taken(r.ownerEmail(), r.ownerFullName(), companyName)) {
            return Optional.empty();
        }
        Instant now = records.clock.instant();
        Organization company = records.steps.create(actor, records.organizations, new Organization(
                new OrgId(records.ids.next()), OrgKind.COMPANY, companyName, parent.id(), zone,
                language, new Requisites(inn, null, null, null, country), now, 0), parent.id().toString());
        records.store.firms().insert(new Firm(new FirmId(records.ids.next()), company.id(), firmName, inn, null, null,
                now, 0));
        records.store.sites().insert(new Site(new SiteId(records.ids.next()), company.id(), siteName, siteAddress,
                now, 0));
        Member invited = records.insertMember(actor, company, new Members.MemberDraft(r.ownerEmail(),
                r.ownerFullName(), r.language(), Set.of(Role.OWNER, Role.ADMIN)));
        Member owner = ownerPasswordHash == null ? invited
                : records.store.members().update(invited.withPassword(ownerPasswordHash));
        // Who ticked "Согласен": the partner's member who registered the company, or the owner registering it.
        String acceptedBy = anonymous ? Actors.member(owner.id(), company.id(), owner.roles()).describe()
                : actor.describe();
        Organization agreed = records.store.organizations().update(company.withAgreement(new Agreement(version, now,
                acceptedBy)));
        Members.invite(links, owner, agreed);
        return Optional.of(agreed);
    }
}
