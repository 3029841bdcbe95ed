package io.latchkey.access;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.party.OrgId;
import io.latchkey.party.Organization;
import io.latchkey.party.OrganizationRepository;
import java.util.Optional;

/**
 * Applies the {@link Permission} table with tenancy: a thing owned by an organization outside the actor's
 * channel is refused as NOT_FOUND (revealing nothing); one inside it, but without the role or the right
 * {@link Scope}, as FORBIDDEN. Call it inside the command's transaction.
 *
 * <p>Thread-safe; stateless over the repository.
 */
public final class Access {

    /** The channel is shallow (operator, dealers, partners, companies); a deeper chain means a cycle. */
    private static final int MAX_DEPTH = 32;

    private final OrganizationRepository organizations;

    public Access(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    /**
     * Refuses unless {@code actor} holds {@code permission} over a thing owned by {@code owner}.
     *
     * @param notFound the code to refuse with when the thing is outside the actor's channel
     * @param thing    the id to name in that refusal
     */
    public void require(Actor actor, Permission permission, OrgId owner, ErrorCode notFound, Object thing) {
        if (actor.isSystem()) {
            return;
        }
        if (!sees(actor, owner)) {
            throw LatchkeyException.of(notFound, thing);
        }
        boolean scoped = switch (permission.scope()) {
            case OWN -> owner.equals(actor.organization());
            case CHANNEL -> true;
            case UPSTREAM -> !owner.equals(actor.organization());
        };
        if (!scoped || actor.roles().stream().noneMatch(permission.roles()::contains)) {
            throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, permission.name());
        }
    }

    /**
     * Like {@link #require}, for a thing the actor has already been shown through another side of it (the
     * reseller of a subscription, the partner of a device): lacking the standing over {@code owner} is then
     * FORBIDDEN, since NOT_FOUND would deny what the actor can see.
     */
    public void requireOnVisible(Actor actor, Permission permission, OrgId owner) {
        if (actor.isSystem()) {
            return;
        }
        if (!sees(actor, owner)) {
            throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, permission.name());
        }
        require(actor, permission, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
    }

    /** Whether {@code owner} is the actor's organization or lies below it. The system sees everything. */
    public boolean sees(Actor actor, OrgId owner) {
        if (actor.isSystem()) {
            return true;
        }
        if (actor.organization() == null || owner == null) {
            return false;
        }
        OrgId current = owner;
        for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
            if (current.equals(actor.organization())) {
                return true;
            }
            current = organizations.find(current).flatMap(Organization::parent).orElse(null);
        }
        return false;
    }

    /** The organization if it is open and the actor sees it; NOT_FOUND otherwise. */
    public Organization visibleOrganization(Actor actor, OrgId id) {
        Optional<Organization> found = organizations.find(id).filter(o -> o.closedAt() == null);
        if (found.isEmpty() || !sees(actor, id)) {
            throw LatchkeyException.of(ErrorCode.ORGANIZATION_NOT_FOUND, id);
        }
        return found.get();
    }
}
