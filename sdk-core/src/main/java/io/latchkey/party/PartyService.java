package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Permission;
import io.latchkey.access.Role;
import io.latchkey.internal.Checks;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.crypto.SignedToken;
import io.latchkey.internal.Kernel;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.store.Store;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commands of the channel: the operator at the root, organizations below it, and their members with
 * their accounts (invitations, sign-in, passwords). Every command takes the acting {@link Actor} first and
 * checks permission and tenancy; passwords are kept only as Argon2id hashes.
 *
 * <p>Thread-safe.
 */
public final class PartyService {

    /** The journal name of organizations. */
    public static final String ORGANIZATION_AGGREGATE = "organization";

    /** How long an invitation link stays good. */
    public static final Duration INVITATION_TTL = Duration.ofDays(7);
    /** How long a password-reset link stays good. */
    public static final Duration RESET_TTL = Duration.ofHours(1);

    private static final String CONFIRM = "confirm";
    private static final String RESET = "password-reset";
    private static final String EMPLOYMENT = "employment";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Kernel kernel;
    private final Store store;
    private final PasswordHasher hasher;
    private final URI publicUrl;
    private final List<ClosingGuard> closingGuards = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Verified when no account matches, so that a failed sign-in costs the same either way. */
    private final String decoy;

    public PartyService(Kernel kernel, PasswordHasher hasher, URI publicUrl) {
        this.kernel = kernel;
        this.store = kernel.store();
        this.hasher = hasher;
        this.publicUrl = publicUrl;
        this.decoy = hasher.hash("no account has this password".toCharArray());
    }

    /**
     * What is typed to create an organization, as received; checked by the service.
     *
     * @param kind     PARTNER or COMPANY (the operator comes from {@link #bootstrap})
     * @param name     required, up to 200 characters
     * @param parentId where it hangs in the channel; null: under the actor's own organization
     * @param timezone IANA id; null: the parent's
     * @param language ru, en or pl; null: the parent's
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
     * What is typed to add a member, as received; checked by the service.
     *
     * @param email    required, unique across the deployment
     * @param fullName required, up to 200 characters
     * @param language ru, en or pl; null: the organization's
     * @param roles    at least one
     */
    public record MemberDraft(String email, String fullName, String language, Set<Role> roles) {
    }

    /**
     * Creates the operator and its first administrator (active, with {@code adminPassword}), once: later calls
     * return the existing operator and change nothing. The host calls it at start-up.
     */
    public Organization bootstrap(String operatorName, MemberDraft admin, char[] adminPassword, String timezone) {
        String hash = hasher.hash(checkedPassword(admin.email(), adminPassword, adminPassword));
        return store.inTransaction(() -> {
            var existing = store.organizations().findOperator();
            if (existing.isPresent()) {
                return existing.get();
            }
            Actor system = Actor.system("bootstrap");
            Language language = admin.language() == null ? Language.EN : Language.parse("language", admin.language());
            Organization operator = new Organization(new OrgId(kernel.ids().next()), OrgKind.OPERATOR,
                    name(operatorName), null, timezone == null ? ZoneOffset.UTC : Checks.timezone("timezone", timezone),
                    language, kernel.clock().instant(), 0);
            store.organizations().insert(operator);
            kernel.journal().created(system, ORGANIZATION_AGGREGATE, operator.id(), operator.kind(), null);
            Member first = insertMember(operator, new MemberDraft(admin.email(), admin.fullName(), admin.language(),
                    Set.of(Role.ADMIN)));
            store.members().update(first.withStatus(MemberStatus.ACTIVE).withPassword(hash));
            return operator;
        });
    }

    /** Creates a partner or a company below the actor's organization (or below {@code parentId} within it). */
    public Organization createOrganization(Actor actor, OrganizationDraft draft) {
        return store.inTransaction(() -> {
            OrgKind kind = Checks.required("kind", draft.kind());
            OrgId parentId = draft.parentId() != null ? draft.parentId() : actor.organization();
            if (parentId == null) {
                throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "parentId", "parentId");
            }
            Organization parent = kernel.access().visibleOrganization(actor, parentId);
            kernel.access().require(actor, Permission.ORGANIZATION_CREATE, parent.id(),
                    ErrorCode.ORGANIZATION_NOT_FOUND, parent.id());
            boolean allowed = switch (kind) {
                case OPERATOR -> false;
                case PARTNER -> parent.kind() != OrgKind.COMPANY;
                case COMPANY -> parent.kind() != OrgKind.COMPANY;
            };
            if (!allowed) {
                throw LatchkeyException.ofField(ErrorCode.ORGANIZATION_KIND_INVALID, "kind", kind, parent.kind());
            }
            ZoneId zone = draft.timezone() == null ? parent.timezone() : Checks.timezone("timezone", draft.timezone());
            Language language = draft.language() == null ? parent.language()
                    : Language.parse("language", draft.language());
            Organization organization = new Organization(new OrgId(kernel.ids().next()), kind, name(draft.name()),
                    parent.id(), zone, language, requisites(kind, draft.requisites()), kernel.clock().instant(), 0);
            store.organizations().insert(organization);
            kernel.journal().created(actor, ORGANIZATION_AGGREGATE, organization.id(), kind, parent.id().toString());
            return organization;
        });
    }

    /** Lets another area forbid closing organizations; wired once by {@link io.latchkey.Latchkey}. */
    public void guardClosing(ClosingGuard guard) {
        closingGuards.add(guard);
    }

    /**
     * Closes an organization for good: it disappears from every view and its members can no longer sign in.
     * Refused while organizations hang below it, or while another area's guard says no.
     */
    public Organization close(Actor actor, OrgId id) {
        return store.inTransaction(() -> {
            Organization organization = kernel.access().visibleOrganization(actor, id);
            kernel.access().require(actor, Permission.ORGANIZATION_CLOSE, id, ErrorCode.ORGANIZATION_NOT_FOUND, id);
            if (organization.kind() == OrgKind.OPERATOR || store.organizations().children(id).stream()
                    .anyMatch(child -> child.closedAt() == null)) {
                throw LatchkeyException.of(ErrorCode.ORGANIZATION_HAS_CHILDREN, id);
            }
            closingGuards.forEach(guard -> guard.check(id));
            Organization closed = store.organizations().update(organization.closed(kernel.clock().instant()));
            kernel.journal().recordEvent(actor, ORGANIZATION_AGGREGATE, id, "CLOSE", organization.kind(),
                    organization.kind(), null);
            return closed;
        });
    }

    /** The owner registers its company as a seller of service packages. */
    public Organization registerSeller(Actor actor, OrgId companyId) {
        return store.inTransaction(() -> {
            Organization company = kernel.access().visibleOrganization(actor, companyId);
            kernel.access().require(actor, Permission.SELLER_MANAGE, companyId, ErrorCode.ORGANIZATION_NOT_FOUND,
                    companyId);
            if (company.kind() != OrgKind.COMPANY) {
                throw LatchkeyException.ofField(ErrorCode.ORGANIZATION_KIND_INVALID, "kind", "SELLER", company.kind());
            }
            if (company.isSeller()) {
                return company;
            }
            Organization seller = store.organizations().update(company.registeredAsSeller(kernel.clock().instant()));
            kernel.journal().recordEvent(actor, ORGANIZATION_AGGREGATE, companyId, "REGISTER_SELLER", company.kind(),
                    company.kind(), null);
            return seller;
        });
    }

    /** Replaces an organization's requisites: its own ADMIN, or an upstream one. */
    public Organization updateRequisites(Actor actor, OrgId id, Requisites typed) {
        return store.inTransaction(() -> {
            Organization organization = kernel.access().visibleOrganization(actor, id);
            kernel.access().require(actor, Permission.REQUISITES_EDIT, id, ErrorCode.ORGANIZATION_NOT_FOUND, id);
            return store.organizations().update(organization.withRequisites(requisites(organization.kind(), typed)));
        });
    }

    /** Adds a legal entity to a company. */
    public Firm addFirm(Actor actor, OrgId companyId, String name, String inn) {
        String firmName = name(name);
        String digits = Inn.parse("inn", inn).digits();
        return store.inTransaction(() -> {
            Organization company = editable(actor, companyId);
            if (company.kind() != OrgKind.COMPANY) {
                throw LatchkeyException.ofField(ErrorCode.ORGANIZATION_KIND_INVALID, "companyId", "FIRM", company.kind());
            }
            Firm firm = new Firm(new FirmId(kernel.ids().next()), company.id(), firmName, digits,
                    kernel.clock().instant(), 0);
            store.firms().insert(firm);
            return firm;
        });
    }

    /** Adds a site (a trade object, premises) to an organization. */
    public Site addSite(Actor actor, OrgId organizationId, String name, String address) {
        String siteName = name(name);
        String siteAddress = Checks.optional("address", address, 500);
        return store.inTransaction(() -> {
            Organization organization = editable(actor, organizationId);
            Site site = new Site(new SiteId(kernel.ids().next()), organization.id(), siteName, siteAddress,
                    kernel.clock().instant(), 0);
            store.sites().insert(site);
            return site;
        });
    }

    /** A company's firms. */
    public List<Firm> firms(Actor actor, OrgId companyId) {
        return store.inTransaction(() -> {
            kernel.access().require(actor, Permission.VIEW, companyId, ErrorCode.ORGANIZATION_NOT_FOUND, companyId);
            return store.firms().byCompany(companyId);
        });
    }

    /** An organization's sites. */
    public List<Site> sites(Actor actor, OrgId organizationId) {
        return store.inTransaction(() -> {
            kernel.access().require(actor, Permission.VIEW, organizationId, ErrorCode.ORGANIZATION_NOT_FOUND,
                    organizationId);
            return store.sites().byOrganization(organizationId);
        });
    }

    /**
     * A company registers itself: it hangs under the licensor (the default partner) until it connects to a
     * partner, with its firm and first site; the person registering it is invited as its OWNER and ADMIN.
     */
    public Organization registerCompany(CompanyRegistration registration) {
        return store.inTransaction(() -> {
            Organization licensor = store.organizations().findOperator()
                    .orElseThrow(() -> LatchkeyException.of(ErrorCode.ORGANIZATION_NOT_FOUND, "operator"));
            return company(Actor.system("self-registration"), licensor, licensor, registration);
        });
    }

    /**
     * A partner registers a company for a customer. The company is linked to the partner once its owner
     * confirms the invitation (until then it waits under the licensor, with a pending connection to the
     * partner).
     */
    public Organization createCompany(Actor actor, CompanyRegistration registration) {
        return store.inTransaction(() -> {
            Organization partner = kernel.access().visibleOrganization(actor,
                    Checks.required("organization", actor.organization()));
            kernel.access().require(actor, Permission.ORGANIZATION_CREATE, partner.id(),
                    ErrorCode.ORGANIZATION_NOT_FOUND, partner.id());
            if (partner.kind() != OrgKind.PARTNER) {
                throw LatchkeyException.ofField(ErrorCode.ORGANIZATION_KIND_INVALID, "kind", OrgKind.COMPANY,
                        partner.kind());
            }
            Organization company = company(actor, store.organizations().findOperator().orElseThrow(), partner,
                    registration);
            Connection offered = new Connection(new ConnectionId(kernel.ids().next()),
                    ConnectionKind.COMPANY_TO_PARTNER, company.id(), partner.id(), ConnectionState.PENDING,
                    kernel.clock().instant(), null, null, 0);
            store.connections().insert(offered);
            kernel.journal().created(actor, ConnectionLifecycle.AGGREGATE, offered.id(), offered.state(),
                    "registered by the partner");
            return company;
        });
    }

    /** A company under {@code parent}, taking its time zone and language from {@code defaults} unless given. */
    private Organization company(Actor actor, Organization parent, Organization defaults, CompanyRegistration r) {
        String firmName = name(r.firmName());
        String inn = Inn.parse("firmInn", r.firmInn()).digits();
        String siteName = Checks.maxLength("siteName", Checks.required("siteName", r.siteName()), 200);
        String siteAddress = Checks.optional("siteAddress", r.siteAddress(), 500);
        ZoneId zone = r.timezone() == null ? defaults.timezone() : Checks.timezone("timezone", r.timezone());
        Language language = r.language() == null ? defaults.language() : Language.parse("language", r.language());
        Instant now = kernel.clock().instant();
        Organization company = new Organization(new OrgId(kernel.ids().next()), OrgKind.COMPANY,
                name(r.companyName()), parent.id(), zone, language, new Requisites(inn, null, null, null), now, 0);
        store.organizations().insert(company);
        kernel.journal().created(actor, ORGANIZATION_AGGREGATE, company.id(), company.kind(), parent.id().toString());
        store.firms().insert(new Firm(new FirmId(kernel.ids().next()), company.id(), firmName, inn, now, 0));
        store.sites().insert(new Site(new SiteId(kernel.ids().next()), company.id(), siteName, siteAddress, now, 0));
        Member owner = insertMember(company, new MemberDraft(r.ownerEmail(), r.ownerFullName(), r.language(),
                Set.of(Role.OWNER, Role.ADMIN)));
        invite(owner, company);
        return company;
    }

    private Organization editable(Actor actor, OrgId id) {
        Organization organization = kernel.access().visibleOrganization(actor, Checks.required("organizationId", id));
        kernel.access().require(actor, Permission.REQUISITES_EDIT, id, ErrorCode.ORGANIZATION_NOT_FOUND, id);
        return organization;
    }

    /** Checked requisites: a partner needs a valid INN; everything else is optional. */
    private static Requisites requisites(OrgKind kind, Requisites typed) {
        Requisites raw = typed == null ? Requisites.NONE : typed;
        if (kind == OrgKind.PARTNER && (raw.inn() == null || raw.inn().isBlank())) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "inn", "inn");
        }
        String inn = raw.inn() == null || raw.inn().isBlank() ? null : Inn.parse("inn", raw.inn()).digits();
        String phone = raw.phone() == null || raw.phone().isBlank() ? null
                : PhoneNumber.parse("phone", raw.phone()).e164();
        String country = raw.country() == null || raw.country().isBlank() ? null
                : raw.country().strip().toUpperCase(java.util.Locale.ROOT);
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "country", "country", "ISO 3166 alpha-2");
        }
        return new Requisites(inn, Checks.optional("address", raw.address(), 500),
                Checks.optional("director", raw.director(), 200), phone, country);
    }

    /**
     * Invites a member to an organization the actor administers: the member is INVITED and gets an e-mail with a
     * link to confirm and set a password (good for {@link #INVITATION_TTL}).
     */
    public Member addMember(Actor actor, OrgId organizationId, MemberDraft draft) {
        return store.inTransaction(() -> {
            Organization organization = kernel.access().visibleOrganization(actor, organizationId);
            kernel.access().require(actor, Permission.MEMBER_MANAGE, organization.id(),
                    ErrorCode.ORGANIZATION_NOT_FOUND, organization.id());
            if (draft.roles() != null && draft.roles().contains(Role.OWNER)) {
                throw LatchkeyException.ofField(ErrorCode.OWNER_FIXED, "role");
            }
            Member member = insertMember(organization, draft);
            invite(member, organization);
            return member.withoutSecrets();
        });
    }

    /**
     * Invites a person who already has an account to work for an organization the actor administers (a seller
     * adding an installer, say): an e-mail with a link the person accepts once signed in. Roles are those the
     * actor may grant; service-manager roles only the owner grants.
     */
    public void inviteEmployee(Actor actor, OrgId organizationId, String email, Set<Role> roles) {
        String address = Checks.email("email", email);
        if (roles == null || roles.isEmpty()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "role", "role");
        }
        if (roles.contains(Role.OWNER)) {
            throw LatchkeyException.ofField(ErrorCode.OWNER_FIXED, "role");
        }
        store.inTransaction(() -> {
            Organization organization = kernel.access().visibleOrganization(actor, organizationId);
            kernel.access().require(actor, Permission.MEMBER_MANAGE, organization.id(),
                    ErrorCode.ORGANIZATION_NOT_FOUND, organization.id());
            if (roles.contains(Role.SERVICE_MANAGER) || roles.contains(Role.SENIOR_SERVICE_MANAGER)) {
                kernel.access().require(actor, Permission.SELLER_MANAGE, organization.id(),
                        ErrorCode.ORGANIZATION_NOT_FOUND, organization.id());
            }
            Member person = store.members().findByEmail(address).filter(m -> m.status() == MemberStatus.ACTIVE)
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.EMPLOYEE_ACCOUNT_REQUIRED, "email", "email"));
            List<String> claims = new java.util.ArrayList<>(List.of(person.id().toString(),
                    Integer.toString(person.stamp()), organization.id().toString()));
            roles.stream().map(Role::name).sorted().forEach(claims::add);
            send(person, EMPLOYMENT, INVITATION_TTL, Templates.EMPLOYEE_INVITED, "/join", claims,
                    Map.of("organization", organization.name()));
        });
    }

    /**
     * The invited person, signed in, accepts: from now on it works for the inviting organization, with the
     * offered roles (one organization at a time; its previous one must keep an active ADMIN).
     */
    public Member acceptEmployment(Actor actor, String token) {
        return store.inTransaction(() -> {
            Member person = tokenHolder(token, EMPLOYMENT);
            if (!actor.memberId().map(person.id()::equals).orElse(false)) {
                throw LatchkeyException.ofField(ErrorCode.TOKEN_INVALID, "token");
            }
            List<String> claims = SignedToken.open(token, EMPLOYMENT, kernel.keys()::verificationKey).orElseThrow()
                    .claims();
            Organization organization = store.organizations().find(OrgId.parse(claims.get(2)))
                    .filter(o -> o.closedAt() == null)
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.TOKEN_INVALID, "token"));
            Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
            claims.subList(3, claims.size()).forEach(r -> roles.add(Role.valueOf(r)));
            requireAnAdminLeft(person.withStatus(MemberStatus.DISABLED));
            Member employed = store.members().update(person.employedBy(organization.id(), roles));
            kernel.journal().recordEvent(actor, MemberLifecycle.AGGREGATE, person.id(), "EMPLOY", person.status(),
                    employed.status(), person.organization() + " -> " + organization.id());
            return employed.withoutSecrets();
        });
    }

    /** Sends an invited member a new invitation; the previous link stops working. */
    public Member reinvite(Actor actor, MemberId id) {
        return store.inTransaction(() -> {
            Member member = managed(actor, id, MemberEvent.REINVITE);
            Member restamped = store.members().update(member.restamped());
            invite(restamped, store.organizations().find(member.organization()).orElseThrow());
            return restamped.withoutSecrets();
        });
    }

    /** Changes a member's roles; an organization always keeps an active ADMIN. */
    public Member changeRoles(Actor actor, MemberId id, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "role", "role");
        }
        return store.inTransaction(() -> {
            Member member = visibleMember(actor, id);
            kernel.access().require(actor, Permission.MEMBER_MANAGE, member.organization(),
                    ErrorCode.MEMBER_NOT_FOUND, id);
            if (member.roles().contains(Role.OWNER) != roles.contains(Role.OWNER)) {
                throw LatchkeyException.ofField(ErrorCode.OWNER_FIXED, "role");
            }
            Set<Role> serviceRoles = Set.of(Role.SERVICE_MANAGER, Role.SENIOR_SERVICE_MANAGER);
            boolean touchesService = serviceRoles.stream().anyMatch(r -> member.roles().contains(r) != roles.contains(r));
            if (touchesService) {
                // Only the seller's owner creates service managers.
                kernel.access().require(actor, Permission.SELLER_MANAGE, member.organization(),
                        ErrorCode.MEMBER_NOT_FOUND, id);
            }
            Member changed = member.withRoles(roles);
            requireAnAdminLeft(changed);
            return store.members().update(changed).withoutSecrets();
        });
    }

    /** Switches a member's account off; it can no longer sign in. */
    public Member disable(Actor actor, MemberId id) {
        return store.inTransaction(() -> accountStep(actor, id, MemberEvent.DISABLE));
    }

    /** Switches a disabled member's account on again. */
    public Member enable(Actor actor, MemberId id) {
        return store.inTransaction(() -> accountStep(actor, id, MemberEvent.ENABLE));
    }

    /** Takes the table's step for {@code event}; an organization keeps an active ADMIN through it. */
    private Member accountStep(Actor actor, MemberId id, MemberEvent event) {
        Member member = managed(actor, id, event);
        var step = MemberLifecycle.TABLE.require(member.status(), event);
        Member next = member.withStatus(step.to());
        requireAnAdminLeft(next);
        Member stored = store.members().update(next);
        kernel.journal().record(actor, MemberLifecycle.AGGREGATE, id, step, null);
        return stored.withoutSecrets();
    }

    /**
     * Confirms an invitation with the link's token and sets the member's password; returns the member, now
     * ACTIVE. A link works once, until a newer invitation replaces it or it expires.
     */
    public Member confirm(String token, char[] password, char[] repeat) {
        Member invited = store.inTransaction(() -> tokenHolder(token, CONFIRM));
        String hash = hasher.hash(checkedPassword(invited.email(), password, repeat));
        return store.inTransaction(() -> {
            Member member = tokenHolder(token, CONFIRM);
            var step = MemberLifecycle.TABLE.find(member.status(), MemberEvent.CONFIRM)
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.TOKEN_USED, "token"));
            Member active = store.members().update(member.withStatus(step.to()).withPassword(hash));
            Actor confirming = Actor.member(member.id(), member.organization(), member.roles());
            kernel.journal().record(confirming, MemberLifecycle.AGGREGATE, member.id(), step, null);
            if (member.roles().contains(Role.OWNER)) {
                // The owner's confirmation is the company's consent to the partner that registered it.
                for (Connection offered : store.connections().involving(member.organization(),
                        ConnectionKind.COMPANY_TO_PARTNER, ConnectionState.PENDING)) {
                    if (offered.from().equals(member.organization())) {
                        approve(Actor.system("owner-confirmation"), offered);
                    }
                }
            }
            return active.withoutSecrets();
        });
    }

    /**
     * Signs a member in by e-mail and password. Failures say nothing about which part was wrong and are
     * rate-limited per e-mail and per source.
     */
    public Actor authenticate(String email, char[] password, String source) {
        String address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        String byEmail = "login/email:" + address;
        String bySource = "login/source:" + source;
        kernel.rateLimiter().check(byEmail);
        kernel.rateLimiter().check(bySource);
        Optional<Member> member = store.inTransaction(() -> store.members().findByEmail(address)
                .filter(m -> open(m.organization())));
        String hash = member.map(Member::passwordHash).orElse(null);
        boolean matches = password != null && hasher.verify(password, hash != null ? hash : decoy);
        boolean good = matches && hash != null && member.get().status() == MemberStatus.ACTIVE;
        if (!good) {
            kernel.rateLimiter().recordFailure(byEmail);
            kernel.rateLimiter().recordFailure(bySource);
            throw LatchkeyException.of(ErrorCode.CREDENTIALS_INVALID);
        }
        kernel.rateLimiter().reset(byEmail);
        return Actor.member(member.get().id(), member.get().organization(), member.get().roles());
    }

    /** A member changes its own password: the current one, then the new one twice. */
    public void changePassword(Actor actor, char[] oldPassword, char[] newPassword, char[] repeat) {
        MemberId id = actor.memberId().orElseThrow(
                () -> LatchkeyException.of(ErrorCode.PERMISSION_DENIED, "changing a password"));
        String key = "password-change/member:" + id;
        kernel.rateLimiter().check(key);
        Member member = store.inTransaction(() -> store.members().find(id)).orElseThrow(
                () -> LatchkeyException.of(ErrorCode.MEMBER_NOT_FOUND, id));
        if (oldPassword == null || member.passwordHash() == null || !hasher.verify(oldPassword, member.passwordHash())) {
            kernel.rateLimiter().recordFailure(key);
            throw LatchkeyException.ofField(ErrorCode.PASSWORD_WRONG, "oldPassword");
        }
        String hash = hasher.hash(checkedPassword(member.email(), newPassword, repeat));
        store.inTransaction(() -> store.members().update(store.members().find(id).orElseThrow().withPassword(hash)));
    }

    /**
     * Sends a password-reset link to an active member with this e-mail. Says nothing either way, so that it
     * cannot be used to find out who has an account; requests are rate-limited per address.
     */
    public void requestPasswordReset(String email) {
        String address = Checks.email("email", email);
        String key = "password-reset/email:" + address;
        kernel.rateLimiter().check(key);
        kernel.rateLimiter().recordFailure(key);
        store.inTransaction(() -> store.members().findByEmail(address)
                .filter(m -> m.status() == MemberStatus.ACTIVE)
                .ifPresent(m -> send(m, RESET, RESET_TTL, Templates.PASSWORD_RESET, "/reset-password",
                        List.of(m.id().toString(), Integer.toString(m.stamp())), Map.of())));
    }

    /** Sets a new password with a reset link's token; the link works once and for {@link #RESET_TTL}. */
    public Member resetPassword(String token, char[] password, char[] repeat) {
        Member holder = store.inTransaction(() -> tokenHolder(token, RESET));
        String hash = hasher.hash(checkedPassword(holder.email(), password, repeat));
        return store.inTransaction(() -> {
            Member member = tokenHolder(token, RESET);
            if (member.status() != MemberStatus.ACTIVE) {
                throw LatchkeyException.ofField(ErrorCode.TOKEN_USED, "token");
            }
            return store.members().update(member.withPassword(hash)).withoutSecrets();
        });
    }

    /** An organization the actor sees. */
    public Organization organization(Actor actor, OrgId id) {
        return store.inTransaction(() -> kernel.access().visibleOrganization(actor, id));
    }

    /** The organizations directly below one the actor sees. */
    public List<Organization> children(Actor actor, OrgId id) {
        return store.inTransaction(() -> {
            kernel.access().require(actor, Permission.VIEW, id, ErrorCode.ORGANIZATION_NOT_FOUND, id);
            return store.organizations().children(id);
        });
    }

    /** The members of an organization the actor sees. */
    public List<Member> members(Actor actor, OrgId id) {
        return store.inTransaction(() -> {
            kernel.access().require(actor, Permission.VIEW, id, ErrorCode.ORGANIZATION_NOT_FOUND, id);
            return store.members().byOrganization(id).stream().map(Member::withoutSecrets).toList();
        });
    }

    /** Partners whose id is {@code text} or whose name contains it: for choosing one (a device's partner, say). */
    public List<Organization> searchPartners(Actor actor, String text, int limit) {
        return store.inTransaction(() -> store.organizations().search(OrgKind.PARTNER, text,
                        Checks.pageSize(limit, 100)).stream()
                .filter(o -> kernel.access().sees(actor, o.id())).toList());
    }

    /** Attaches the e-mail a customer gave with a feedback message to the customer. */
    public Customer attachEmail(Actor customer, String email) {
        String checked = Checks.email("email", email);
        return store.inTransaction(() -> {
            if (customer.kind() != Actor.Kind.CUSTOMER) {
                throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, "attaching a customer's e-mail");
            }
            Customer found = store.customers().find(CustomerId.parse(customer.subject())).orElseThrow(
                    () -> LatchkeyException.of(ErrorCode.FIELD_MALFORMED, "customer", "unknown customer"));
            return store.customers().update(found.withEmail(checked));
        });
    }

    // --- connections ------------------------------------------------------------------------------------------

    /**
     * An organization the actor administers asks another for a connection: a company its (new) partner, a
     * seller a reseller. Once per pair while a request is pending or approved.
     */
    public Connection requestConnection(Actor actor, OrgId fromId, OrgId toId, ConnectionKind kind) {
        ConnectionKind checkedKind = Checks.required("kind", kind);
        return store.inTransaction(() -> {
            Organization from = kernel.access().visibleOrganization(actor, Checks.required("fromOrgId", fromId));
            kernel.access().require(actor, Permission.CONNECTION_REQUEST, from.id(), ErrorCode.ORGANIZATION_NOT_FOUND,
                    from.id());
            // The receiving side is picked from a public list of partners: it need not be in the actor's channel.
            // Only open partners are on the list; anything else is answered as if it did not exist.
            Organization to = store.organizations().find(Checks.required("toOrgId", toId))
                    .filter(o -> o.kind() == OrgKind.PARTNER && o.closedAt() == null)
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.ORGANIZATION_NOT_FOUND, "toOrgId", toId));
            if (checkedKind == ConnectionKind.SELLER_TO_RESELLER && !from.isSeller()) {
                throw LatchkeyException.ofField(ErrorCode.NOT_A_SELLER, "fromOrgId", from.id());
            }
            if (from.kind() != OrgKind.COMPANY || to.kind() != OrgKind.PARTNER) {
                throw LatchkeyException.ofField(ErrorCode.CONNECTION_KIND_INVALID, "kind", checkedKind,
                        OrgKind.COMPANY, OrgKind.PARTNER);
            }
            boolean exists = to.id().equals(from.parentId()) && checkedKind == ConnectionKind.COMPANY_TO_PARTNER
                    || store.connections().involving(from.id(), checkedKind, null).stream()
                    .anyMatch(c -> c.from().equals(from.id()) && c.to().equals(to.id())
                            && (c.state() == ConnectionState.PENDING || c.state() == ConnectionState.APPROVED));
            if (exists) {
                throw LatchkeyException.ofField(ErrorCode.CONNECTION_EXISTS, "toOrgId");
            }
            Connection connection = new Connection(new ConnectionId(kernel.ids().next()), checkedKind, from.id(),
                    to.id(), ConnectionState.PENDING, kernel.clock().instant(), null, null, 0);
            store.connections().insert(connection);
            kernel.journal().created(actor, ConnectionLifecycle.AGGREGATE, connection.id(), connection.state(),
                    checkedKind + " " + from.id() + " -> " + to.id());
            return connection;
        });
    }

    /**
     * The receiving organization approves. A company's partner connection is exclusive: the company moves under
     * the new partner (which from now on sees it, and the old one no longer does) and its previous one ends.
     */
    public Connection approveConnection(Actor actor, ConnectionId id) {
        return store.inTransaction(() -> {
            Connection connection = decide(actor, id, ConnectionEvent.APPROVE);
            moveIfExclusive(actor, connection);
            return connection;
        });
    }

    /** Approves on the receiver's behalf (an owner's confirmation, say), with the same consequences. */
    private void approve(Actor actor, Connection connection) {
        var step = ConnectionLifecycle.TABLE.require(connection.state(), ConnectionEvent.APPROVE);
        Connection approved = store.connections().update(connection.decided(step.to(), kernel.clock().instant(),
                actor.describe()));
        kernel.journal().record(actor, ConnectionLifecycle.AGGREGATE, connection.id(), step, null);
        moveIfExclusive(actor, approved);
    }

    /** A company's partner connection is exclusive: it moves under the new partner and the old one ends. */
    private void moveIfExclusive(Actor actor, Connection connection) {
        if (connection.kind() != ConnectionKind.COMPANY_TO_PARTNER) {
            return;
        }
        for (Connection previous : store.connections().involving(connection.from(),
                ConnectionKind.COMPANY_TO_PARTNER, ConnectionState.APPROVED)) {
            if (previous.from().equals(connection.from()) && !previous.id().equals(connection.id())) {
                var end = ConnectionLifecycle.TABLE.require(previous.state(), ConnectionEvent.END);
                store.connections().update(previous.decided(end.to(), kernel.clock().instant(), actor.describe()));
                kernel.journal().record(actor, ConnectionLifecycle.AGGREGATE, previous.id(), end,
                        "superseded by " + connection.id());
            }
        }
        Organization company = store.organizations().find(connection.from()).orElseThrow();
        store.organizations().update(company.withParent(connection.to()));
        kernel.journal().recordEvent(actor, ORGANIZATION_AGGREGATE, company.id(), "MOVE", company.kind(),
                company.kind(), company.parentId() + " -> " + connection.to());
    }

    /**
     * A seller invites a reseller that is not on the list yet, by e-mail: the mail says who invites and links
     * to the registration page. Once the reseller is a partner, the seller sends it a connection request.
     */
    public void inviteReseller(Actor actor, OrgId sellerId, String email, String language) {
        String to = Checks.email("email", email);
        Language lang = language == null ? null : Language.parse("language", language);
        store.inTransaction(() -> {
            Organization seller = kernel.access().visibleOrganization(actor, sellerId);
            kernel.access().require(actor, Permission.CONNECTION_REQUEST, seller.id(), ErrorCode.ORGANIZATION_NOT_FOUND,
                    seller.id());
            if (!seller.isSeller()) {
                throw LatchkeyException.ofField(ErrorCode.NOT_A_SELLER, "fromOrgId", seller.id());
            }
            String link = publicUrl.toString().replaceAll("/+$", "") + "/register?invitedBy="
                    + URLEncoder.encode(seller.id().toString(), StandardCharsets.UTF_8);
            kernel.outbox().enqueue("reseller.invited/" + seller.id() + "/" + to, new Notification(
                    Templates.RESELLER_INVITED, lang != null ? lang : seller.language(), to, "",
                    Map.of("seller", seller.name(), "link", link), List.of()));
        });
    }

    /**
     * The resellers a seller can pick from: the partners of a country (ISO 3166 alpha-2), by name. A public
     * list, like a directory: it shows names and requisites, nothing a partner holds.
     */
    public List<Organization> resellers(String country, int limit) {
        String code = Checks.required("country", country).toUpperCase(java.util.Locale.ROOT);
        return store.inTransaction(() -> store.organizations().search(OrgKind.PARTNER, "", 10_000).stream()
                .filter(o -> o.closedAt() == null && code.equals(o.requisites().country()))
                .limit(Checks.pageSize(limit, 1000)).toList());
    }

    /** The receiving organization declines. */
    public Connection rejectConnection(Actor actor, ConnectionId id) {
        return store.inTransaction(() -> decide(actor, id, ConnectionEvent.REJECT));
    }

    /** The requesting organization takes a pending request back. */
    public Connection withdrawConnection(Actor actor, ConnectionId id) {
        return store.inTransaction(() -> decide(actor, id, ConnectionEvent.WITHDRAW));
    }

    /** The connections an organization the actor sees sent or received, newest first. */
    public List<Connection> connections(Actor actor, OrgId organization, ConnectionKind kind, ConnectionState state) {
        return store.inTransaction(() -> {
            OrgId owner = organization != null ? organization : actor.organization();
            kernel.access().require(actor, Permission.VIEW, Checks.required("organization", owner),
                    ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            return store.connections().involving(owner, kind, state);
        });
    }

    /** Takes {@code event}: the receiver decides, the requester withdraws; each needs the table's permission. */
    private Connection decide(Actor actor, ConnectionId id, ConnectionEvent event) {
        Connection connection = store.connections().find(id)
                .filter(c -> kernel.access().sees(actor, c.from()) || kernel.access().sees(actor, c.to()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.CONNECTION_NOT_FOUND, id));
        var step = ConnectionLifecycle.TABLE.require(connection.state(), event);
        OrgId side = event == ConnectionEvent.WITHDRAW ? connection.from() : connection.to();
        kernel.access().requireOnVisible(actor, step.permission(), side);
        Connection decided = store.connections().update(connection.decided(step.to(), kernel.clock().instant(),
                actor.describe()));
        kernel.journal().record(actor, ConnectionLifecycle.AGGREGATE, id, step, null);
        return decided;
    }

    /**
     * The actor of a signed-in member (a session the host keeps): its organization and roles as stored now.
     * A member that was disabled since, or never confirmed, is refused.
     */
    public Actor actorFor(MemberId id) {
        return store.inTransaction(() -> {
            Member member = store.members().find(id).filter(m -> m.status() == MemberStatus.ACTIVE)
                    .filter(m -> open(m.organization()))
                    .orElseThrow(() -> LatchkeyException.of(ErrorCode.CREDENTIALS_INVALID));
            return Actor.member(member.id(), member.organization(), member.roles());
        });
    }

    private Member insertMember(Organization organization, MemberDraft draft) {
        String email = Checks.email("email", draft.email());
        String fullName = Checks.maxLength("fullName", Checks.required("fullName", draft.fullName()), 200);
        Language language = draft.language() == null ? organization.language()
                : Language.parse("language", draft.language());
        if (draft.roles() == null || draft.roles().isEmpty()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "role", "role");
        }
        Instant now = kernel.clock().instant();
        Member member = new Member(new MemberId(kernel.ids().next()), organization.id(), email, fullName, language,
                draft.roles(), MemberStatus.INVITED, null, 0, now, 0);
        store.members().insert(member);
        kernel.journal().created(Actor.system("party"), MemberLifecycle.AGGREGATE, member.id(), member.status(),
                organization.id().toString());
        return member;
    }

    private void invite(Member member, Organization organization) {
        send(member, CONFIRM, INVITATION_TTL, Templates.MEMBER_INVITED, "/confirm",
                List.of(member.id().toString(), Integer.toString(member.stamp())),
                Map.of("organization", organization.name()));
    }

    /** E-mails a member a link with a signed token: the member's id and current stamp first, then more. */
    private void send(Member member, String purpose, Duration ttl, String template, String path, List<String> claims,
                      Map<String, String> more) {
        Instant expires = kernel.clock().instant().plus(ttl);
        String token = new SignedToken(purpose, claims, expires).sign(kernel.keys().currentSigningKey());
        String link = publicUrl.toString().replaceAll("/+$", "") + path + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        Map<String, String> parameters = new HashMap<>(more);
        parameters.put("fullName", member.fullName());
        parameters.put("link", link);
        ZoneId zone = store.organizations().find(member.organization()).map(Organization::timezone).orElse(ZoneOffset.UTC);
        parameters.put("expiresAt", SHOWN.format(expires.atZone(zone)) + " (" + zone.getId() + ")");
        kernel.outbox().enqueue(purpose + "/" + member.id() + "/" + member.stamp() + "/" + claims.hashCode(),
                new Notification(template, member.language(), member.email(), member.fullName(), parameters,
                        List.of()));
    }

    /** The member a link's token was made for, if the token is good and not yet used or replaced. */
    private Member tokenHolder(String token, String purpose) {
        SignedToken opened = SignedToken.open(token, purpose, kernel.keys()::verificationKey)
                .filter(t -> t.claims().size() >= 2)
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.TOKEN_INVALID, "token"));
        if (opened.expiredAt(kernel.clock().instant())) {
            throw LatchkeyException.ofField(ErrorCode.TOKEN_EXPIRED, "token");
        }
        Member member;
        try {
            member = store.members().find(MemberId.parse(opened.claims().get(0)))
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.TOKEN_INVALID, "token"));
        } catch (IllegalArgumentException malformed) {
            throw LatchkeyException.ofField(ErrorCode.TOKEN_INVALID, "token");
        }
        if (!Integer.toString(member.stamp()).equals(opened.claims().get(1))) {
            throw LatchkeyException.ofField(ErrorCode.TOKEN_USED, "token");
        }
        return member;
    }

    /** Whether the organization exists and is not closed. */
    private boolean open(OrgId organization) {
        return store.organizations().find(organization).map(o -> o.closedAt() == null).orElse(false);
    }

    private Member visibleMember(Actor actor, MemberId id) {
        return store.members().find(id).filter(m -> kernel.access().sees(actor, m.organization()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.MEMBER_NOT_FOUND, id));
    }

    /** A member the actor may manage, with the step {@code event} takes from its status. */
    private Member managed(Actor actor, MemberId id, MemberEvent event) {
        Member member = visibleMember(actor, id);
        var step = MemberLifecycle.TABLE.require(member.status(), event);
        kernel.access().require(actor, step.permission(), member.organization(), ErrorCode.MEMBER_NOT_FOUND, id);
        return member;
    }

    /** Refuses a change that would leave the member's organization without an active ADMIN. */
    private void requireAnAdminLeft(Member changed) {
        boolean adminLeft = store.members().byOrganization(changed.organization()).stream()
                .map(m -> m.id().equals(changed.id()) ? changed : m)
                .anyMatch(m -> m.status() != MemberStatus.DISABLED && m.roles().contains(Role.ADMIN));
        if (!adminLeft) {
            throw LatchkeyException.of(ErrorCode.LAST_ADMIN);
        }
    }

    /** The new password, if it is strong enough and typed the same twice. */
    private static char[] checkedPassword(String email, char[] password, char[] repeat) {
        if (password == null || password.length < 10 || password.length > 128
                || new String(password).equalsIgnoreCase(email == null ? "" : email.strip())) {
            throw LatchkeyException.ofField(ErrorCode.PASSWORD_TOO_WEAK, "password");
        }
        if (!java.util.Arrays.equals(password, repeat)) {
            throw LatchkeyException.ofField(ErrorCode.PASSWORD_MISMATCH, "passwordRepeat");
        }
        return password;
    }

    private static String name(String value) {
        return Checks.maxLength("name", Checks.required("name", value), 200);
    }
}
