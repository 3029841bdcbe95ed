package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Access;
import io.latchkey.access.Actor;
import io.latchkey.access.Holder;
import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.access.Role;
import io.latchkey.crypto.Ids;
import io.latchkey.internal.Checks;
import io.latchkey.lifecycle.Aggregate;
import io.latchkey.lifecycle.Steps;
import io.latchkey.notify.Language;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * The party area's records as its services share them: the store, the kernel step bound to organizations,
 * members and connections, and the lookups every service needs (what an actor sees, a new member).
 */
final class PartyRecords {

    final PartyStore store;
    final Steps steps;
    final Access access;
    final Clock clock;
    final Ids ids;
    final Aggregate<Organization, OrganizationState, OrganizationEvent> organizations;
    final Aggregate<Member, MemberStatus, MemberEvent> members;
    final Aggregate<Connection, ConnectionState, ConnectionEvent> connections;

    PartyRecords(PartyStore store, Steps steps, Access access, Clock clock, Ids ids) {
        this.store = store;
        this.steps = steps;
        this.access = access;
        this.clock = clock;
        this.ids = ids;
        this.organizations = new Aggregate<>(OrganizationLifecycle.TABLE, Organization::state, Organization::id,
                o -> Holder.of(o.id()), store.organizations()::insert, store.organizations()::update);
        this.members = new Aggregate<>(MemberLifecycle.TABLE, Member::status, Member::id,
                m -> Holder.of(m.organization()), store.members()::insert, store.members()::update);
        // A connection request is decided by its receiver and withdrawn by its sender: Steps checks over the side.
        this.connections = new Aggregate<>(ConnectionLifecycle.TABLE, Connection::state, Connection::id,
                c -> Holder.of(c.to()), store.connections()::insert, store.connections()::update);
    }

    /** The organization if it is open and in the actor's channel; NOT_FOUND otherwise. */
    Organization visibleOrganization(Actor actor, OrgId id) {
        return store.organizations().find(Checks.required("organizationId", id))
                .filter(o -> o.closedAt() == null && access.sees(actor, o.id()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.ORGANIZATION_NOT_FOUND, id));
    }

    /**
     * What may be done to a partner that waits for its first administrator: set it up (its first member is the
     * operator's to add), or close it.
     */
    private static final Set<Permission> WHILE_PENDING = EnumSet.of(Permission.VIEW, Permission.PARTNER_CREATE,
            Permission.MEMBER_MANAGE, Permission.REQUISITES_EDIT, Permission.ORGANIZATION_CLOSE);

    /**
     * The organization on which the actor holds {@code permission}; NOT_FOUND outside its channel. Only viewing
     * is allowed on a partner that applied, until it is approved; a pending one is only set up (its people, its
     * requisites) or closed.
     */
    Organization organization(Actor actor, OrgId id, Permission permission) {
        Organization organization = visibleOrganization(actor, id);
        access.require(actor, permission, organization.id(), ErrorCode.ORGANIZATION_NOT_FOUND, id);
        boolean allowed = organization.isOpen() || permission == Permission.VIEW
                || organization.state() == OrganizationState.PENDING && WHILE_PENDING.contains(permission);
        if (!allowed) {
            throw LatchkeyException.of(ErrorCode.ORGANIZATION_NOT_APPROVED, id);
        }
        return organization;
    }

    /** Whether the organization exists and works in the channel: approved, not closed. */
    boolean open(OrgId organization) {
        return store.organizations().find(organization).map(Organization::isOpen).orElse(false);
    }

    Member visibleMember(Actor actor, MemberId id) {
        return store.members().find(id).filter(m -> access.sees(actor, m.organization()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.MEMBER_NOT_FOUND, id));
    }

    /** A new INVITED member of {@code organization}, journaled as made by {@code actor}. */
    Member insertMember(Actor actor, Organization organization, Members.MemberDraft draft) {
        String email = Checks.email("email", draft.email());
        String fullName = fullName(draft.fullName());
        Language language = draft.language() == null ? organization.language()
                : Language.parse("language", draft.language());
        Set<Role> roles = roles(draft.roles());
        Member member = new Member(new MemberId(ids.next()), organization.id(), email, fullName, language, null,
                roles, MemberStatus.INVITED, null, 0, clock.instant(), 0);
        return steps.create(actor, members, member, organization.id().toString());
    }

    /** A person's full name: required, one line, up to 200 characters. */
    static String fullName(String value) {
        return name("fullName", value);
    }

    /** Refuses a change that would leave the member's organization without an active ADMIN. */
    void requireAnAdminLeft(Member changed) {
        boolean adminLeft = store.members().byOrganization(changed.organization()).stream()
                .map(m -> m.id().equals(changed.id()) ? changed : m)
                .anyMatch(m -> m.status() != MemberStatus.DISABLED && m.roles().contains(Role.ADMIN));
        if (!adminLeft) {
            throw LatchkeyException.of(ErrorCode.LAST_ADMIN);
        }
    }

    /** The roles given: at least one. */
    static Set<Role> roles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "role", "role");
        }
        return roles;
    }

    static String name(String value) {
        return name("name", value);
    }

    /** A name typed into {@code field}: required, one line, up to 200 characters. */
    static String name(String field, String value) {
        return Checks.required(field, value, 200);
    }
}
