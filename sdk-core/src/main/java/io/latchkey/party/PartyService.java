package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Permission;
import io.latchkey.access.Role;
import io.latchkey.internal.Checks;
import io.latchkey.internal.Kernel;
import io.latchkey.notify.Language;
import io.latchkey.store.Store;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The commands of the channel: the operator at the root, organizations below it, and their members.
 * Every command takes the acting {@link Actor} first and checks permission and tenancy.
 *
 * <p>Thread-safe.
 */
public final class PartyService {

    /** The journal name of organizations. */
    public static final String ORGANIZATION_AGGREGATE = "organization";

    private final Kernel kernel;
    private final Store store;

    public PartyService(Kernel kernel) {
        this.kernel = kernel;
        this.store = kernel.store();
    }

    /**
     * What is typed to create an organization, as received; checked by the service.
     *
     * @param kind     PARTNER or COMPANY (the operator comes from {@link #bootstrap})
     * @param name     required, up to 200 characters
     * @param parentId where it hangs in the channel; null: under the actor's own organization
     * @param timezone IANA id; null: the parent's
     * @param language ru, en or pl; null: the parent's
     */
    public record OrganizationDraft(OrgKind kind, String name, OrgId parentId, String timezone, String language) {
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
     * Creates the operator and its first administrator, once: later calls return the existing operator and
     * change nothing. The host calls it at start-up.
     */
    public Organization bootstrap(String operatorName, MemberDraft admin, String timezone) {
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
            insertMember(operator, new MemberDraft(admin.email(), admin.fullName(), admin.language(), Set.of(Role.ADMIN)));
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
                    parent.id(), zone, language, kernel.clock().instant(), 0);
            store.organizations().insert(organization);
            kernel.journal().created(actor, ORGANIZATION_AGGREGATE, organization.id(), kind, parent.id().toString());
            return organization;
        });
    }

    /** Adds a member to an organization the actor administers. */
    public Member addMember(Actor actor, OrgId organizationId, MemberDraft draft) {
        return store.inTransaction(() -> {
            Organization organization = kernel.access().visibleOrganization(actor, organizationId);
            kernel.access().require(actor, Permission.MEMBER_MANAGE, organization.id(),
                    ErrorCode.ORGANIZATION_NOT_FOUND, organization.id());
            return insertMember(organization, draft);
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
            return store.members().byOrganization(id);
        });
    }

    /** Partners whose id is {@code text} or whose name contains it: for choosing one (a device's partner, say). */
    public List<Organization> searchPartners(Actor actor, String text, int limit) {
        return store.inTransaction(() -> store.organizations().search(OrgKind.PARTNER, text,
                        Math.max(1, Math.min(limit, 100))).stream()
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

    /** The actor of an authenticated member: its organization and roles as stored now. */
    public Actor actorFor(MemberId id) {
        return store.inTransaction(() -> {
            Member member = store.members().find(id)
                    .orElseThrow(() -> LatchkeyException.of(ErrorCode.MEMBER_NOT_FOUND, id));
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
                draft.roles(), now, 0);
        store.members().insert(member);
        return member;
    }

    private static String name(String value) {
        return Checks.maxLength("name", Checks.required("name", value), 200);
    }
}
