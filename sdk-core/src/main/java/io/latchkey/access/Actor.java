package io.latchkey.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who acts: the first argument of every command. Only the SDK makes actors that hold anything: a member's from
 * its sign-in or session ({@code accounts().authenticate}, {@code accounts().actorFor}), a device's from its
 * printed password, a customer's from the app, the kernel's own for its jobs. A host makes only
 * {@linkplain #anonymous anonymous} actors, which hold no permission. The SDK then checks every actor's roles
 * and tenancy itself ({@link Access}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Actor {

    /** The longest source kept. */
    public static final int MAX_SOURCE = 64;

    /** The kinds of actor. */
    public enum Kind {
        /** A signed-in member of an organization. */
        MEMBER,
        /** The SDK's own jobs (the scheduler, bootstrap): holds only the permissions granted to the kernel. */
        SYSTEM,
        /** An unauthenticated caller (a phone exchanging a link): holds no permission. */
        ANONYMOUS,
        /** A device that proved who it is (its serial and printed password): acts on itself only. */
        DEVICE,
        /** An end customer signed in to an app (a device's owner): acts on what is theirs only. */
        CUSTOMER
    }

    private final Kind kind;
    private final String subject;
    private final OrgId organization;
    private final Set<Role> roles;

    /** Reached only by the SDK itself ({@code io.latchkey.internal.Actors}). */
    private Actor(Kind kind, String subject, OrgId organization, Set<Role> roles) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if ((kind == Kind.MEMBER) != (organization != null)) {
            throw new IllegalArgumentException("a member, and only a member, acts for an organization");
        }
        this.organization = organization;
    }

    /** An unauthenticated caller, named by its source (such as an IP address) for rate limiting. */
    public static Actor anonymous(String source) {
        return new Actor(Kind.ANONYMOUS, source(source), null, Set.of());
    }

    /**
     * A caller's source as the host gave it (an address, a forwarded-for list), made fit to be a key and a
     * journal line: control characters dropped, at most {@value #MAX_SOURCE} characters, {@code unknown} if none.
     * A source is not the caller's to choose the length of.
     */
    public static String source(String raw) {
        String kept = raw == null ? "" : raw.strip().codePoints().filter(c -> !Character.isISOControl(c))
                .limit(MAX_SOURCE).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return kept.isBlank() ? "unknown" : kept;
    }

    public Kind kind() {
        return kind;
    }

    /** Who exactly: the member id, the job name, the serial, the customer id, or the caller's source. */
    public String subject() {
        return subject;
    }

    /** The member's organization; null for every other kind. */
    public OrgId organization() {
        return organization;
    }

    /** The member's roles; empty for every other kind. */
    public Set<Role> roles() {
        return roles;
    }

    public Optional<MemberId> memberId() {
        return kind == Kind.MEMBER ? Optional.of(MemberId.parse(subject)) : Optional.empty();
    }

    public boolean isSystem() {
        return kind == Kind.SYSTEM;
    }

    /** How the journal names this actor: {@code member:<id>}, {@code system:<job>}, {@code anonymous:<source>}. */
    public String describe() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + subject;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actor a && kind == a.kind && subject.equals(a.subject)
                && Objects.equals(organization, a.organization) && roles.equals(a.roles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, subject, organization, roles);
    }

    @Override
    public String toString() {
        return "Actor[" + describe() + (organization == null ? "" : " of " + organization + " " + roles) + "]";
    }
}
