package io.latchkey.party;

import io.latchkey.access.Role;
import io.latchkey.notify.Language;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who works for an organization, with roles there.
 *
 * @param id           its id
 * @param organization the organization it belongs to
 * @param email        login and address for notifications; lower case, unique across the deployment
 * @param fullName     display name
 * @param language     the language of its e-mails
 * @param roles        what it may do; never empty
 * @param createdAt    when it was added
 * @param version      optimistic version
 */
public record Member(MemberId id, OrgId organization, String email, String fullName, Language language,
                     Set<Role> roles, Instant createdAt, long version) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(createdAt, "createdAt");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a member has at least one role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasAnyRole(Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    /** The same member with another version; for stores. */
    public Member withVersion(long version) {
        return new Member(id, organization, email, fullName, language, roles, createdAt, version);
    }
}
