package io.latchkey.access;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.util.Objects;

/**
 * Applies the {@link Permission} table with tenancy. A member is refused NOT_FOUND for a thing held outside its
 * channel (revealing nothing) and FORBIDDEN for one inside it without the role or the right {@link Scope};
 * devices and customers act on what is theirs only; the kernel holds only what the table grants it; anonymous
 * callers hold nothing. Call it inside the command's transaction.
 *
 * <p>Thread-safe; stateless over the {@link Channel}.
 */
public final class Access {

    /** The channel is shallow (operator, dealers, partners, companies); a deeper chain means a cycle. */
    private static final int MAX_DEPTH = 32;

    private final Channel channel;

    public Access(Channel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /**
     * Refuses unless {@code actor} holds {@code permission} over a thing held by {@code holder}.
     *
     * @param notFound the code to refuse with when the thing is outside the actor's view
     * @param thing    the id to name in that refusal
     */
    public void require(Actor actor, Permission permission, Holder holder, ErrorCode notFound, Object thing) {
        switch (verdict(actor, permission, holder)) {
            case GRANTED -> { }
            case DENIED -> throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, permission.name());
            case HIDDEN -> throw LatchkeyException.of(notFound, thing);
        }
    }

    /** {@link #require} over a thing an organization holds. */
    public void require(Actor actor, Permission permission, OrgId holder, ErrorCode notFound, Object thing) {
        require(actor, permission, Holder.of(holder), notFound, thing);
    }

    /**
     * Like {@link #require}, for a thing the actor has been shown already (through another side of it: the
     * reseller of a subscription, the partner of a device): lacking the permission is then FORBIDDEN, since
     * NOT_FOUND would deny what the actor can see.
     */
    public void requireOnVisible(Actor actor, Permission permission, Holder holder) {
        if (verdict(actor, permission, holder) != Verdict.GRANTED) {
            throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, permission.name());
        }
    }

    /** A permission of {@link Scope#OPERATOR}: the operator's own members act, whatever the thing. */
    public void requireOperator(Actor actor, Permission permission) {
        if (permission.scope() != Scope.OPERATOR) {
            throw new IllegalArgumentException(permission + " is not the operator's alone");
        }
        requireOnVisible(actor, permission, Holder.NOBODY);
    }

    /** Whether the actor holds the permission over a thing held by {@code holder}. */
    public boolean allows(Actor actor, Permission permission, Holder holder) {
        return verdict(actor, permission, holder) == Verdict.GRANTED;
    }

    private enum Verdict { GRANTED, DENIED, HIDDEN }

    private Verdict verdict(Actor actor, Permission permission, Holder holder) {
        return switch (actor.kind()) {
            case SYSTEM -> permission.grants(Bearer.KERNEL) ? Verdict.GRANTED : Verdict.DENIED;
            case ANONYMOUS -> Verdict.DENIED;
            case DEVICE -> !permission.grants(Bearer.ITSELF) ? Verdict.DENIED
                    : actor.subject().equals(holder.device()) ? Verdict.GRANTED : Verdict.HIDDEN;
            case CUSTOMER -> !permission.grants(Bearer.ITS_CUSTOMER) ? Verdict.DENIED
                    : holder.customer() != null && actor.subject().equals(holder.customer().toString())
                    ? Verdict.GRANTED : Verdict.HIDDEN;
            case MEMBER -> member(actor, permission, holder);
        };
    }

    private Verdict member(Actor actor, Permission permission, Holder holder) {
        if (permission.roles().isEmpty()) {
            return Verdict.DENIED;
        }
        boolean roled = actor.roles().stream().anyMatch(permission.roles()::contains);
        if (permission.scope() == Scope.OPERATOR) {
            boolean operator = channel.operatorId().map(actor.organization()::equals).orElse(false);
            return roled && operator ? Verdict.GRANTED : Verdict.DENIED;
        }
        if (!sees(actor, holder.organization())) {
            return Verdict.HIDDEN;
        }
        boolean scoped = switch (permission.scope()) {
            case OWN -> actor.organization().equals(holder.organization());
            case CHANNEL -> true;
            case OWN_OR_OPERATOR -> actor.organization().equals(holder.organization())
                    || !channel.isCompany(holder.organization())
                    && channel.operatorId().map(actor.organization()::equals).orElse(false);
            case PARENT -> channel.parentOf(holder.organization()).map(actor.organization()::equals).orElse(false);
            case OPERATOR -> false;
        };
        return scoped && roled ? Verdict.GRANTED : Verdict.DENIED;
    }

    /** Whether {@code holder} is the actor's organization or lies below it. Only members see organizations. */
    public boolean sees(Actor actor, OrgId holder) {
        if (actor.organization() == null || holder == null) {
            return false;
        }
        OrgId current = holder;
        for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
            if (current.equals(actor.organization())) {
                return true;
            }
            current = channel.parentOf(current).orElse(null);
        }
        return false;
    }
}
