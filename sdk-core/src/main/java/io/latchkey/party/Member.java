package io.latchkey.party;

import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
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
 * @param phone        a contact phone (E.164), or null
 * @param roles        what it may do; never empty
 * @param status       invited, active or disabled
 * @param passwordHash Argon2id hash (PHC string) of its password; null until it confirms its invitation, and
 *                     null in every member the services return ({@link #withoutSecrets()})
 * @param stamp        moves on whenever its password, address or invitation changes, so older links stop working
 * @param createdAt    when it was added
 * @param version      optimistic version
 */
public record Member(MemberId id, OrgId organization, String email, String fullName, Language language, String phone,
                     Set<Role> roles, MemberStatus status, String passwordHash, int stamp, Instant createdAt,
                     long version) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(status, "status");
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
    public Member withVersion(long newVersion) {
        return new Member(id, organization, email, fullName, language, phone, roles, status, passwordHash, stamp,
                createdAt, newVersion);
    }

    /** Never shows the password hash. */
    @Override
    public String toString() {
        return "Member[" + id + ", " + email + ", " + roles + ", " + status + "]";
    }

    /** The same member without its password hash: what leaves the SDK. */
    public Member withoutSecrets() {
        return withPasswordHash(null, stamp);
    }

    Member withRoles(Set<Role> newRoles) {
        return new Member(id, organization, email, fullName, language, phone, newRoles, status, passwordHash, stamp,
                createdAt, version);
    }

    /** The member working for another organization now, with new roles and a new stamp. */
    Member employedBy(OrgId newOrganization, Set<Role> newRoles) {
        return new Member(id, newOrganization, email, fullName, language, phone, newRoles, status, passwordHash,
                stamp + 1, createdAt, version);
    }

    Member withStatus(MemberStatus newStatus) {
        return new Member(id, organization, email, fullName, language, phone, roles, newStatus, passwordHash, stamp,
                createdAt, version);
    }

    /** A new password, and a new stamp: links made before stop working. */
    Member withPassword(String newHash) {
        return withPasswordHash(newHash, stamp + 1);
    }

    private Member withPasswordHash(String newHash, int newStamp) {
        return new Member(id, organization, email, fullName, language, phone, roles, status, newHash, newStamp,
                createdAt, version);
    }

    /** A new address, and a new stamp: links to the old one stop working. */
    Member withEmail(String newEmail) {
        return new Member(id, organization, newEmail, fullName, language, phone, roles, status, passwordHash,
                stamp + 1, createdAt, version);
    }

    /** New details: name, language and phone. */
    Member withDetails(String newFullName, Language newLanguage, String newPhone) {
        return new Member(id, organization, email, newFullName, newLanguage, newPhone, roles, status, passwordHash,
                stamp, createdAt, version);
    }

    /** A new stamp alone (a new invitation). */
    Member restamped() {
        return withPasswordHash(passwordHash, stamp + 1);
    }
}
