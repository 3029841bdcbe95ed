package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.access.Role;
import io.latchkey.internal.Checks;
import io.latchkey.lifecycle.Steps.Step;
import io.latchkey.limits.Limit;
import io.latchkey.limits.RateLimiter;
import io.latchkey.notify.Language;
import io.latchkey.notify.Templates;
import io.latchkey.store.Transactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The people of an organization: members invited by its administrators, people with an account who are
 * offered work (a seller's installer, say), their roles, and switching accounts off and on. An organization
 * always keeps an active ADMIN; a company's OWNER is fixed when it is made; service roles are the owner's to
 * grant.
 *
 * <p>Thread-safe.
 */
public final class Members {

    /** How long an invitation link stays good. */
    public static final Duration INVITATION_TTL = Duration.ofDays(7);

    private static final Set<Role> SERVICE_ROLES = EnumSet.of(Role.SERVICE_MANAGER, Role.SENIOR_SERVICE_MANAGER);

    private final Transactions transactions;
    private final PartyRecords records;
    private final MemberLinks links;
    private final RateLimiter rateLimiter;

    Members(Transactions transactions, PartyRecords records, MemberLinks links, RateLimiter rateLimiter) {
        this.transactions = transactions;
        this.records = records;
        this.links = links;
        this.rateLimiter = rateLimiter;
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
     * Invites a member to an organization the actor administers: the member is INVITED and gets an e-mail with a
     * link to confirm and set a password (good for {@link #INVITATION_TTL}). The first member of an organization
     * is its creator's to add (the operator's for a partner, the partner's for a company); after that, its own
     * administrators add them (and the operator, for a partner).
     */
    public Member addMember(Actor actor, OrgId organizationId, MemberDraft draft) {
        return transactions.inTransaction(() -> {
            Organization organization = records.visibleOrganization(actor, organizationId);
            boolean first = records.store.members().byOrganization(organization.id()).isEmpty();
            Permission permission = !first ? Permission.MEMBER_MANAGE
                    : organization.kind() == OrgKind.COMPANY ? Permission.COMPANY_CREATE : Permission.PARTNER_CREATE;
            records.organization(actor, organizationId, permission);
            requireGrantable(actor, organization, draft.roles() == null ? Set.of() : draft.roles());
            Member member = records.insertMember(actor, organization, draft);
            invite(links, member, organization);
            return member.withoutSecrets();
        });
    }

    /** Roles a member may be given: never OWNER (the owner is fixed); service roles by the owner alone. */
    private void requireGrantable(Actor actor, Organization organization, Set<Role> roles) {
        if (roles.contains(Role.OWNER)) {
            throw LatchkeyException.ofField(ErrorCode.OWNER_FIXED, "role");
        }
        if (roles.stream().anyMatch(SERVICE_ROLES::contains)) {
            records.access.require(actor, Permission.SELLER_MANAGE, organization.id(),
                    ErrorCode.ORGANIZATION_NOT_FOUND, organization.id());
        }
    }

    /**
     * Invites a person who already has an account to work for an organization the actor administers (a seller
     * adding an installer, say): an e-mail with a link the person accepts once signed in. Roles are those the
     * actor may grant; service-manager roles only the owner grants. The answer does not tell whether the address
     * has an account: one without gets an e-mail asking the person to register first.
     */
    public void inviteEmployee(Actor actor, OrgId organizationId, String email, Set<Role> roles) {
        String address = Checks.email("email", email);
        PartyRecords.roles(roles);
        transactions.inTransaction(() -> {
            Organization organization = records.organization(actor, organizationId, Permission.MEMBER_MANAGE);
            requireGrantable(actor, organization, roles);
            Optional<Member> account = records.store.members().findByEmail(address);
            if (account.isEmpty()) {
                links.notice(address, "", organization.language(), Templates.EMPLOYEE_NEEDS_ACCOUNT, "/register",
                        Map.of("organization", organization.name()));
                return;
            }
            Member person = account.get();
            if (person.status() != MemberStatus.ACTIVE) {
                // Not yet confirmed, or switched off: such an account takes up no work, and the inviter is not told.
                return;
            }
            List<String> claims = new ArrayList<>(List.of(organization.id().toString()));
            roles.stream().map(Role::name).sorted().forEach(claims::add);
            links.send(person, MemberLinks.EMPLOYMENT, INVITATION_TTL, Templates.EMPLOYEE_INVITED, "/join", claims,
                    Map.of("organization", organization.name()));
        });
    }

    /**
     * The invited person, signed in, accepts: from now on it works for the inviting organization, with the
     * offered roles (one organization at a time; its previous one must keep an active ADMIN).
     */
    public Member acceptEmployment(Actor actor, String token) {
        return transactions.inTransaction(() -> {
            MemberLinks.Opened offer = links.open(token, MemberLinks.EMPLOYMENT);
            Member person = offer.member();
            if (!actor.memberId().map(person.id()::equals).orElse(false) || offer.claims().isEmpty()) {
                throw LatchkeyException.ofField(ErrorCode.TOKEN_INVALID, "token");
            }
            Organization organization = records.store.organizations().find(OrgId.parse(offer.claims().get(0)))
                    .filter(Organization::isOpen)
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.TOKEN_INVALID, "token"));
            Set<Role> roles = EnumSet.noneOf(Role.class);
            offer.claims().subList(1, offer.claims().size()).forEach(r -> roles.add(Role.valueOf(r)));
            var employ = records.steps.checkSecret(actor, records.members, person, MemberEvent.EMPLOY);
            if (person.roles().contains(Role.OWNER)) {
                // An owner stays with its company: leaving would leave it without one.
                throw LatchkeyException.of(ErrorCode.OWNER_FIXED);
            }
            records.requireAnAdminLeft(person.withStatus(MemberStatus.DISABLED));
            return employ.take((m, to) -> m.employedBy(organization.id(), roles),
                    person.organization() + " -> " + organization.id()).withoutSecrets();
        });
    }

    /** Sends an invited member a new invitation; the previous link stops working. */
    public Member reinvite(Actor actor, MemberId id) {
        return transactions.inTransaction(() -> {
            Member member = records.visibleMember(actor, id);
            Member restamped = records.steps.take(actor, records.members, member, MemberEvent.REINVITE,
                    (m, to) -> m.restamped(), null);
            invite(links, restamped, records.store.organizations().find(member.organization()).orElseThrow());
            return restamped.withoutSecrets();
        });
    }

    /**
     * Corrects the address of a member whose invitation went to a mistyped one (its organization's
     * administrators, or the operator's for a partner's people). The invitation goes to the new address; the old
     * link stops working.
     */
    public Member correctEmail(Actor actor, MemberId id, String email) {
        String address = Checks.email("email", email);
        return transactions.inTransaction(() -> {
            Member member = records.visibleMember(actor, id);
            Member corrected = records.steps.take(actor, records.members, member, MemberEvent.CORRECT_EMAIL,
                    (m, to) -> m.withEmail(address), member.email() + " -> " + address);
            invite(links, corrected, records.store.organizations().find(member.organization()).orElseThrow());
            return corrected.withoutSecrets();
        });
    }

    /**
     * What a member's details change to: a null leaves a detail as it is, a blank phone removes the phone.
     *
     * @param fullName up to 200 characters
     * @param language ru, en or pl
     * @param phone    a phone number, kept as E.164
     */
    public record MemberDetails(String fullName, String language, String phone) {
    }

    /**
     * Changes a member's name, language or phone: the member itself, signed in and active, or an administrator of
     * its organization (the operator's for a partner's people). The journal names the details changed.
     */
    public Member updateDetails(Actor actor, MemberId id, MemberDetails details) {
        MemberDetails typed = Checks.required("details", details);
        String fullName = typed.fullName() == null ? null : PartyRecords.fullName(typed.fullName());
        Language language = typed.language() == null ? null : Language.parse("language", typed.language());
        String phone = typed.phone() == null || typed.phone().isBlank() ? null
                : PhoneNumber.parse("phone", typed.phone()).e164();
        return transactions.inTransaction(() -> {
            Member member = records.visibleMember(actor, id);
            Member changed = member.withDetails(fullName != null ? fullName : member.fullName(),
                    language != null ? language : member.language(),
                    typed.phone() == null ? member.phone() : phone);
            List<String> names = new ArrayList<>();
            if (!changed.fullName().equals(member.fullName())) {
                names.add("fullName");
            }
            if (changed.language() != member.language()) {
                names.add("language");
            }
            if (!Objects.equals(changed.phone(), member.phone())) {
                names.add("phone");
            }
            return editing(actor, member).take((m, to) -> changed, String.join(", ", names)).withoutSecrets();
        });
    }

    /** The step that changes a member's details, as the member itself or as an administrator. */
    private Step<Member, MemberStatus> editing(Actor actor, Member member) {
        return actor.memberId().filter(member.id()::equals).isPresent()
                ? records.steps.checkSecret(actor, records.members, member, MemberEvent.EDIT_OWN_DETAILS)
                : records.steps.check(actor, records.members, member, MemberEvent.EDIT_DETAILS);
    }

    /**
     * Asks to change an active member's address: the member itself, or an administrator (the licensor's for a
     * partner's people, who corrects a mistyped address). The new address is sent a link that confirms it
     * (good for {@link #INVITATION_TTL}, {@code accounts().confirmEmail}); until then the member signs in with
     * the old one, which is told. An invited member's address is corrected at once ({@link #correctEmail}).
     * Each change mails an address the caller chose: changes are limited per acting member
     * ({@link Limit#MAIL_FROM_SOURCE}) and per address ({@link Limit#MAIL_TO_ADDRESS}).
     */
    public void changeEmail(Actor actor, MemberId id, String email) {
        String address = Checks.email("email", email);
        rateLimiter.spending(Limit.MAIL_FROM_SOURCE, actor.subject(), () -> rateLimiter.spending(
                Limit.MAIL_TO_ADDRESS, address, () -> changingEmail(actor, id, address)));
    }

    private void changingEmail(Actor actor, MemberId id, String address) {
        transactions.inTransaction(() -> {
            Member member = records.visibleMember(actor, id);
            if (member.status() == MemberStatus.INVITED) {
                // Not confirmed yet: the invitation itself goes to the corrected address.
                correctEmail(actor, id, address);
                return;
            }
            editing(actor, member);
            records.members.table().require(member.status(), MemberEvent.CONFIRM_EMAIL);
            if (member.email().equals(address)) {
                return;
            }
            Organization organization = records.store.organizations().find(member.organization()).orElseThrow();
            links.send(member, address, MemberLinks.EMAIL_CHANGE, INVITATION_TTL, Templates.MEMBER_EMAIL_CHANGE,
                    "/confirm-email", List.of(address), Map.of("organization", organization.name(), "email",
                            address));
            links.notice(member.email(), member.fullName(), member.language(), Templates.MEMBER_EMAIL_CHANGING,
                    "/profile", Map.of("fullName", member.fullName(), "email", address));
        });
    }

    /** Changes a member's roles; an organization always keeps an active ADMIN. */
    public Member changeRoles(Actor actor, MemberId id, Set<Role> roles) {
        PartyRecords.roles(roles);
        return transactions.inTransaction(() -> {
            Member member = records.visibleMember(actor, id);
            var change = records.steps.check(actor, records.members, member, MemberEvent.CHANGE_ROLES);
            if (member.roles().contains(Role.OWNER) != roles.contains(Role.OWNER)
                    || member.roles().contains(Role.OWNER) && !roles.contains(Role.ADMIN)) {
                // The owner stays the owner, and an ADMIN: it alone grants the service roles.
                throw LatchkeyException.ofField(ErrorCode.OWNER_FIXED, "role");
            }
            if (SERVICE_ROLES.stream().anyMatch(r -> member.roles().contains(r) != roles.contains(r))) {
                // Only the seller's owner creates service managers.
                records.access.require(actor, Permission.SELLER_MANAGE, member.organization(),
                        ErrorCode.MEMBER_NOT_FOUND, id);
            }
            records.requireAnAdminLeft(member.withRoles(roles));
            return change.take((m, to) -> m.withRoles(roles), String.join(",", roles.stream().map(Role::name)
                    .sorted().toList())).withoutSecrets();
        });
    }

    /** Switches a member's account off; it can no longer sign in. */
    public Member disable(Actor actor, MemberId id) {
        return transactions.inTransaction(() -> switchAccount(actor, id, MemberEvent.DISABLE));
    }

    /** Switches a disabled member's account on again. */
    public Member enable(Actor actor, MemberId id) {
        return transactions.inTransaction(() -> switchAccount(actor, id, MemberEvent.ENABLE));
    }

    /** The signed-in member's own record (its profile), without secrets. */
    public Member self(Actor actor) {
        MemberId id = actor.memberId().orElseThrow(() -> LatchkeyException.of(ErrorCode.MEMBER_NOT_FOUND, "self"));
        return transactions.inTransaction(() -> records.store.members().find(id)).map(Member::withoutSecrets)
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.MEMBER_NOT_FOUND, id));
    }

    /**
     * A page of the members of an organization the actor may view, in the order they were added: those
     * after {@code after} (from the first when it is null), at most {@code limit} (up to 1,000).
     */
    public List<Member> members(Actor actor, OrgId id, MemberId after, int limit) {
        return transactions.inTransaction(() -> {
            records.organization(actor, id, Permission.VIEW);
            return records.store.members().byOrganization(id, after, Checks.pageSize(limit)).stream()
                    .map(Member::withoutSecrets).toList();
        });
    }

    private Member switchAccount(Actor actor, MemberId id, MemberEvent event) {
        Member member = records.visibleMember(actor, id);
        var step = records.steps.check(actor, records.members, member, event);
        if (member.roles().contains(Role.OWNER)) {
            throw LatchkeyException.of(ErrorCode.OWNER_FIXED);
        }
        records.requireAnAdminLeft(member.withStatus(step.to()));
        return step.take(Member::withStatus, null).withoutSecrets();
    }

    /** E-mails a new member the link to confirm its account and set a password. */
    static void invite(MemberLinks links, Member member, Organization organization) {
        links.send(member, MemberLinks.CONFIRM, INVITATION_TTL, Templates.MEMBER_INVITED, "/confirm", List.of(),
                Map.of("organization", organization.name()));
    }
}
