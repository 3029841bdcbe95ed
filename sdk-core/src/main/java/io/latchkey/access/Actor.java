package io.latchkey.access;

import io.latchkey.party.CustomerId;
import io.latchkey.party.MemberId;
import io.latchkey.party.OrgId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who acts: the first argument of every command. A host builds it once it has authenticated the caller,
 * best with {@link io.latchkey.party.PartyService#actorFor(MemberId)}; the SDK then checks the actor's roles
 * and tenancy itself.
 *
 * @param kind         a member, the system (scheduler, bootstrap), a device, a customer, or an anonymous caller
 * @param subject      who exactly: the member id, the job name, the serial, the customer id, or the caller's
 *                     source (IP) for rate limits
 * @param organization the member's organization; null for the system and anonymous callers
 * @param roles        the member's roles; empty for others
 */
public record Actor(Kind kind, String subject, OrgId organization, Set<Role> roles) {

    /** The kinds of actor. */
    public enum Kind {
        /** A signed-in member of an organization. */
        MEMBER,
        /** The SDK itself: timed transitions, bootstrap. Passes every permission check. */
        SYSTEM,
        /** An unauthenticated caller (a phone exchanging a link): holds no permission. */
        ANONYMOUS,
        /** A device that proved who it is (its serial and printed password): reports its own events only. */
        DEVICE,
        /** An end customer signed in to an app (a device's owner): sees what is theirs. */
        CUSTOMER
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if ((kind == Kind.MEMBER) != (organization != null)) {
            throw new IllegalArgumentException("a member, and only a member, acts for an organization");
        }
    }

    /** A member of {@code organization} with {@code roles}. */
    public static Actor member(MemberId member, OrgId organization, Set<Role> roles) {
        return new Actor(Kind.MEMBER, member.toString(), organization, roles);
    }

    /** The SDK's own jobs. */
    public static Actor system(String job) {
        return new Actor(Kind.SYSTEM, job, null, Set.of());
    }

    /** An unauthenticated caller, named by its source (such as an IP address) for rate limiting. */
    public static Actor anonymous(String source) {
        return new Actor(Kind.ANONYMOUS, source == null || source.isBlank() ? "unknown" : source, null, Set.of());
    }

    /** A device that the host authenticated, named by its serial. */
    public static Actor device(String serial) {
        return new Actor(Kind.DEVICE, serial, null, Set.of());
    }

    /** An end customer the host authenticated, named by its id. */
    public static Actor customer(CustomerId customer) {
        return new Actor(Kind.CUSTOMER, customer.toString(), null, Set.of());
    }

    public Optional<MemberId> memberId() {
        return kind == Kind.MEMBER ? Optional.of(MemberId.parse(subject)) : Optional.empty();
    }

    public boolean isSystem() {
        return kind == Kind.SYSTEM;
    }

    /** How the journal names this actor: {@code member:<id>}, {@code system:<job>}, {@code anonymous:<source>}. */
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + subject;
    }
}
