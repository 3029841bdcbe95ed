package io.latchkey.server;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import io.latchkey.party.CompanyRegistration;
import io.latchkey.party.Firm;
import io.latchkey.party.FirmId;
import io.latchkey.party.Member;
import io.latchkey.party.MemberStatus;
import io.latchkey.party.Members.MemberDetails;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.FirmDraft;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.party.Organizations.SellerDetails;
import io.latchkey.party.Requisites;
import io.latchkey.server.Api.Page;
import io.latchkey.server.Views.MemberView;
import io.latchkey.server.Views.OrgView;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The channel: organizations, their members and firms, companies registering themselves, sellers. */
final class PartyRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PartyRoutes.class);

    record Admin(String email, String fullName) {
    }

    record NewOrg(OrgKind kind, String name, String country, String taxId, String inn, String address,
                  String director, String phone, String email, String city, String parentId, String timezone,
                  String language, Admin admin, SitePart site, AgreementPart agreement) {
    }

    record Account(String email, String fullName, String password, String language) {
    }

    record Company(String name, String country, String timezone) {
    }

    record FirmPart(String name, String taxId, String address) {
    }

    record SitePart(String name, String address) {
    }

    record AgreementPart(String version, Boolean accepted) {
    }

    record Registration(Account account, Company company, FirmPart firm, SitePart site, AgreementPart agreement,
                        String partnerId) {
    }

    record FirmBody(String name, String taxId, String address, String director) {
    }

    record OrgCard(OrgView organization, List<MemberView> members) {
    }

    record NewMember(String email, String fullName, Role role, String language) {
    }

    record MemberChange(Role role, String fullName, String email, MemberStatus status) {
    }

    record Employee(String email, Role role) {
    }

    record Seller(String legalName, String country, String taxId, String address, String email, String phone) {
    }

    record PartnerItem(String id, String name, String city) {
    }

    /** A firm with its tax id under the API's name for it. */
    record FirmView(String id, String companyId, String name, String taxId, String address, String director,
                    Instant createdAt) {

        static FirmView of(Firm f) {
            return new FirmView(f.id().toString(), f.company().toString(), f.name(), f.inn(), f.address(),
                    f.director(), f.createdAt());
        }
    }

    private PartyRoutes() {
    }

    static void declare(Api api) {
        api.area("Organizations");
        api.post("/api/v1/orgs").body(NewOrg.class).status(201)
                .summary("Create a partner (the operator) or a company, with its first administrator").handle(c -> {
                    NewOrg body = c.body(NewOrg.class);
                    if (body.admin() == null) {
                        throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "admin", "admin");
                    }
                    String taxId = body.taxId() != null ? body.taxId() : body.inn();
                    if (body.kind() == OrgKind.COMPANY) {
                        return OrgView.of(company(c, body, taxId));
                    }
                    String adminEmail = Call.required("admin.email", body.admin().email());
                    String adminName = Call.required("admin.fullName", body.admin().fullName());
                    Organization org = Call.naming(() -> c.sdk.organizations().createOrganization(c.actor(),
                            new OrganizationDraft(body.kind(), body.name(), Call.id("parentId", body.parentId(),
                                    OrgId::parse), body.timezone(), body.language(), new Requisites(taxId,
                                    body.address(), body.director(), body.phone(), body.country(), body.email(), null,
                                    body.city()))), "inn", "taxId");
                    try {
                        c.sdk.members().addMember(c.actor(), org.id(), new MemberDraft(adminEmail, adminName,
                                body.language(), Set.of(Role.ADMIN)));
                    } catch (LatchkeyException refused) {
                        // The organization is not left without its administrator: it is closed again.
                        try {
                            c.sdk.organizations().close(c.actor(), org.id());
                        } catch (LatchkeyException e) {
                            LOG.warn("organization {} made without its administrator could not be closed: {}",
                                    org.id(), e.code());
                        }
                        throw refused;
                    }
                    return OrgView.of(c.sdk.organizations().organization(c.actor(), org.id()));
                });
        api.post("/api/v1/register").open().body(Registration.class).status(202)
                .summary("A company registers itself (with the owner's password, or the owner sets it on confirming)")
                .handle(c -> {
                    Registration body = c.body(Registration.class);
                    Account account = body.account() != null ? body.account() : new Account(null, null, null, null);
                    Company company = body.company() != null ? body.company() : new Company(null, null, null);
                    FirmPart firm = body.firm() != null ? body.firm() : new FirmPart(null, null, null);
                    SitePart site = body.site() != null ? body.site() : new SitePart(null, null);
                    boolean accepted = body.agreement() != null && Boolean.TRUE.equals(body.agreement().accepted());
                    OrgId partner = Call.id("partnerId", body.partnerId(), OrgId::parse);
                    return Call.naming(() -> {
                        c.sdk.registrations().registerCompany(new CompanyRegistration(company.name(), firm.name(),
                                firm.taxId(), site.name(), site.address() != null ? site.address() : firm.address(),
                                account.email(), account.fullName(), account.language(), company.timezone(),
                                company.country(), accepted ? body.agreement().version() : null),
                                Call.secret(account.password()), partner, c.source());
                        return null;
                    }, "firmInn", "firm.taxId", "firmName", "firm.name", "companyName", "company.name", "siteName",
                            "site.name", "siteAddress", "site.address", "email", "account.email", "fullName",
                            "account.fullName", "password", "account.password", "language", "account.language",
                            "timezone", "company.timezone", "country", "company.country");
                });
        api.get("/api/v1/orgs").list().query("kind", "q", "scope")
                .summary("Organizations visible to the caller: its companies, partners, or scope=others").handle(c -> {
                    Actor actor = c.actor();
                    String q = c.query("q");
                    OrgId after = c.cursorId(OrgId::parse);
                    int limit = c.limit();
                    OrgKind kind = c.queryEnum("kind", OrgKind.class);
                    List<OrgView> items;
                    if ("others".equals(c.query("scope"))) {
                        items = c.sdk.licenses().companiesOfOtherPartners(actor, q, after, limit).stream()
                                .map(OrgView::of).toList();
                    } else if (kind == OrgKind.PARTNER) {
                        items = c.sdk.licenses().partners(actor, q, after, limit).stream().map(OrgView::of).toList();
                    } else if (kind == OrgKind.COMPANY || q != null) {
                        items = c.sdk.organizations().companies(actor, actor.organization(), q, after, limit).stream()
                                .map(OrgView::of).toList();
                    } else {
                        items = c.sdk.organizations().children(actor, actor.organization(), after, limit).stream()
                                .map(OrgView::of).toList();
                    }
                    return Page.of(items, limit, OrgView::id);
                });
        api.get("/api/v1/partners").list().query("q")
                .summary("Partners a company may ask to connect to, or a partner may sell to").handle(c -> {
                    int limit = c.limit();
                    List<PartnerItem> items = c.sdk.organizations().searchPartners(c.actor(), c.query("q"),
                                    c.cursorId(OrgId::parse), limit).stream()
                            .map(o -> new PartnerItem(o.id().toString(), o.name(), o.requisites().city())).toList();
                    return Page.of(items, limit, PartnerItem::id);
                });
        api.get("/api/v1/orgs/{id}").summary("An organization with its members").handle(c -> {
            OrgId id = c.pathId("id", OrgId::parse, ErrorCode.ORGANIZATION_NOT_FOUND);
            Organization org = c.sdk.organizations().organization(c.actor(), id);
            List<MemberView> members;
            try {
                members = c.sdk.members().members(c.actor(), id, null, Call.MAX_LIMIT).stream().map(MemberView::of)
                        .toList();
            } catch (LatchkeyException hidden) {
                members = List.of();
            }
            return new OrgCard(OrgView.of(org), members);
        });
        api.delete("/api/v1/orgs/{id}").status(204).summary("Close an organization (409 while services are active)")
                .handle(c -> {
                    c.sdk.organizations().close(c.actor(), c.pathId("id", OrgId::parse,
                            ErrorCode.ORGANIZATION_NOT_FOUND));
                    return null;
                });
        api.get("/api/v1/orgs/{id}/members").list().summary("An organization's members").handle(c -> {
            int limit = c.limit();
            List<MemberView> items = c.sdk.members().members(c.actor(), c.pathId("id", OrgId::parse,
                    ErrorCode.ORGANIZATION_NOT_FOUND), c.cursorId(MemberId::parse), limit).stream()
                    .map(MemberView::of).toList();
            return Page.of(items, limit, MemberView::id);
        });
        api.post("/api/v1/orgs/{id}/members").body(NewMember.class).status(201)
                .summary("Invite a member (an invitation e-mail)").handle(c -> {
                    NewMember body = c.body(NewMember.class);
                    if (body.role() == null) {
                        throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "role", "role");
                    }
                    return MemberView.of(c.sdk.members().addMember(c.actor(), c.pathId("id", OrgId::parse,
                            ErrorCode.ORGANIZATION_NOT_FOUND), new MemberDraft(body.email(), body.fullName(),
                            body.language(), Set.of(body.role()))));
                });
        api.patch("/api/v1/orgs/{id}/members/{memberId}").body(MemberChange.class)
                .summary("Change a member's role, name, e-mail or status").handle(c -> changeMember(c));
        api.post("/api/v1/orgs/{id}/employees").body(Employee.class).status(202)
                .summary("Invite a person who has an account to work for the organization").handle(c -> {
                    Employee body = c.body(Employee.class);
                    if (body.role() == null) {
                        throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "role", "role");
                    }
                    c.sdk.members().inviteEmployee(c.actor(), c.pathId("id", OrgId::parse,
                            ErrorCode.ORGANIZATION_NOT_FOUND), body.email(), Set.of(body.role()));
                    return null;
                });
        api.post("/api/v1/orgs/{id}/seller").body(Seller.class)
                .summary("The owner registers the company as a seller of service packages").handle(c -> {
                    Seller b = c.body(Seller.class);
                    return OrgView.of(c.sdk.organizations().registerSeller(c.actor(), c.pathId("id", OrgId::parse,
                            ErrorCode.ORGANIZATION_NOT_FOUND), new SellerDetails(b.legalName(), b.country(),
                            b.taxId(), b.address(), b.email(), b.phone())));
                });
        api.get("/api/v1/firms").list().query("companyId").summary("A company's firms").handle(c -> {
            OrgId company = c.queryId("companyId", OrgId::parse);
            int limit = c.limit();
            return Page.of(c.sdk.organizations().firms(c.actor(), company != null ? company
                    : c.actor().organization(), c.cursorId(FirmId::parse), limit).stream().map(FirmView::of)
                    .toList(), limit, FirmView::id);
        });
        api.post("/api/v1/firms").body(FirmBody.class).status(201).query("companyId")
                .summary("Add a firm (requisites for documents) to the caller's company").handle(c -> {
                    FirmBody b = c.body(FirmBody.class);
                    OrgId company = c.queryId("companyId", OrgId::parse);
                    return FirmView.of(Call.naming(() -> c.sdk.organizations().addFirm(c.actor(),
                            company != null ? company : c.actor().organization(), new FirmDraft(b.name(), b.taxId(),
                            b.address(), b.director())), "inn", "taxId"));
                });
        api.patch("/api/v1/firms/{id}").body(FirmBody.class).summary("Change a firm's requisites").handle(c -> {
            FirmBody b = c.body(FirmBody.class);
            FirmId id = c.pathId("id", FirmId::parse, ErrorCode.FIRM_NOT_FOUND);
            return FirmView.of(Call.naming(() -> c.sdk.organizations().updateFirm(c.actor(), id,
                    new FirmDraft(b.name(), b.taxId(), b.address(), b.director())), "inn", "taxId"));
        });

    }

    /** A partner registers a company for its customer, with its firm, its site and the owner to confirm. */
    private static Organization company(Call c, NewOrg body, String taxId) {
        Actor actor = c.actor();
        OrgId parent = Call.id("parentId", body.parentId(), OrgId::parse);
        if (parent != null && !parent.equals(actor.organization())) {
            throw ApiException.invalid(ErrorCode.FIELD_MALFORMED.name(), "parentId",
                    "a partner registers companies under itself only");
        }
        boolean accepted = body.agreement() != null && Boolean.TRUE.equals(body.agreement().accepted());
        SitePart site = body.site() != null ? body.site() : new SitePart(body.name(), body.address());
        return Call.naming(() -> c.sdk.registrations().createCompany(actor, new CompanyRegistration(body.name(),
                body.name(), taxId, site.name() != null ? site.name() : body.name(), site.address(),
                body.admin().email(), body.admin().fullName(), body.language(), body.timezone(), body.country(),
                accepted ? body.agreement().version() : null)), "firmInn", "taxId", "firmName", "name",
                "companyName", "name", "siteName", "site.name", "siteAddress", "site.address", "email", "admin.email",
                "fullName", "admin.fullName");
    }

    private static MemberView changeMember(Call c) {
        MemberChange b = c.body(MemberChange.class);
        Actor actor = c.actor();
        OrgId org = c.pathId("id", OrgId::parse, ErrorCode.ORGANIZATION_NOT_FOUND);
        MemberId id = c.pathId("memberId", MemberId::parse, ErrorCode.MEMBER_NOT_FOUND);
        // The member must be the path's organization's: a member of another one is not found here.
        Member member = member(c, org, id);
        if (b.status() != null && b.status() != MemberStatus.ACTIVE && b.status() != MemberStatus.DISABLED) {
            throw ApiException.invalid(ErrorCode.VALUE_NOT_IN_LIST.name(), "status",
                    "status must be ACTIVE or DISABLED");
        }
        if (b.role() != null) {
            member = c.sdk.members().changeRoles(actor, id, Set.of(b.role()));
        }
        if (b.fullName() != null) {
            member = c.sdk.members().updateDetails(actor, id, new MemberDetails(b.fullName(),
                    member.language().tag(), member.phone()));
        }
        if (b.email() != null) {
            member = c.sdk.members().correctEmail(actor, id, b.email());
        }
        if (b.status() == MemberStatus.DISABLED) {
            member = c.sdk.members().disable(actor, id);
        } else if (b.status() == MemberStatus.ACTIVE) {
            member = c.sdk.members().enable(actor, id);
        }
        return MemberView.of(member);
    }

    /** A member of {@code org} the caller may see, walking the organization's pages. */
    private static Member member(Call c, OrgId org, MemberId id) {
        MemberId after = null;
        while (true) {
            List<Member> page;
            try {
                page = c.sdk.members().members(c.actor(), org, after, Call.MAX_LIMIT);
            } catch (LatchkeyException e) {
                if (e.code() == ErrorCode.ORGANIZATION_NOT_FOUND) {
                    throw LatchkeyException.of(ErrorCode.MEMBER_NOT_FOUND, id);
                }
                throw e;
            }
            for (Member m : page) {
                if (m.id().equals(id)) {
                    return m;
                }
            }
            if (page.size() < Call.MAX_LIMIT) {
                throw LatchkeyException.of(ErrorCode.MEMBER_NOT_FOUND, id);
            }
            after = page.get(page.size() - 1).id();
        }
    }
}
