package io.latchkey.party;

import io.latchkey.access.OrgId;
import io.latchkey.notify.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * An organization of the channel. The operator is the root; every other organization has a parent, and an
 * organization sees itself and what lies below it.
 *
 * @param id        its id
 * @param kind      operator, partner or company
 * @param name      display name
 * @param parentId  the organization above it; null only for the operator
 * @param timezone  where its dates are cut (month ends, order days); IANA
 * @param language  the language of its screens and e-mails
 * @param requisites its INN, address, director and phone; {@link Requisites#NONE} if none were given
 * @param sellerSince when its owner registered it as a seller (companies); null if not a seller
 * @param approvedAt when it joined the channel: when it was created, or for a partner that applied, when the
 *                   operator approved it; null while the application waits
 * @param activatedAt when it started working: when it was made, or for a partner, when its first administrator
 *                   confirmed its account; null while it waits for that
 * @param closedAt  when it was closed for good; null while open
 * @param agreement the user agreement its registration accepted; null if it was not registered as a company
 * @param createdAt when it was created
 * @param version   optimistic version, bumped by the store on every update
 */
public record Organization(OrgId id, OrgKind kind, String name, OrgId parentId, ZoneId timezone,
                           Language language, Requisites requisites, Instant sellerSince, Instant approvedAt,
                           Instant activatedAt, Instant closedAt, Agreement agreement, Instant createdAt,
                           long version) {

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(language, "language");
        requisites = requisites == null ? Requisites.NONE : requisites;
        Objects.requireNonNull(createdAt, "createdAt");
        if ((kind == OrgKind.OPERATOR) != (parentId == null)) {
            throw new IllegalArgumentException("the operator, and only the operator, has no parent");
        }
    }

    /** An open organization with requisites, not a seller, in the channel since it was created. */
    public Organization(OrgId id, OrgKind kind, String name, OrgId parentId, ZoneId timezone, Language language,
                        Requisites requisites, Instant createdAt, long version) {
        this(id, kind, name, parentId, timezone, language, requisites, null, createdAt, createdAt, null, null,
                createdAt, version);
    }

    /** An open organization without requisites. */
    public Organization(OrgId id, OrgKind kind, String name, OrgId parentId, ZoneId timezone, Language language,
                        Instant createdAt, long version) {
        this(id, kind, name, parentId, timezone, language, Requisites.NONE, createdAt, version);
    }

    /** Its lifecycle state: APPLIED until approved, PENDING until activated, then OPEN; CLOSED once closed. */
    public OrganizationState state() {
        return closedAt != null ? OrganizationState.CLOSED
                : approvedAt == null ? OrganizationState.APPLIED
                : activatedAt == null ? OrganizationState.PENDING : OrganizationState.OPEN;
    }

    /** Whether it works in the channel: approved and not closed. */
    public boolean isOpen() {
        return state() == OrganizationState.OPEN;
    }

    public Optional<OrgId> parent() {
        return Optional.ofNullable(parentId);
    }

    /** The same organization with another version; for stores. */
    public Organization withVersion(long version) {
        return new Organization(id, kind, name, parentId, timezone, language, requisites, sellerSince, approvedAt,
                activatedAt, closedAt, agreement, createdAt, version);
    }

    Organization withParent(OrgId newParent) {
        return new Organization(id, kind, name, newParent, timezone, language, requisites, sellerSince, approvedAt,
                activatedAt, closedAt, agreement, createdAt, version);
    }

    Organization withRequisites(Requisites newRequisites) {
        return new Organization(id, kind, name, parentId, timezone, language, newRequisites, sellerSince,
                approvedAt, activatedAt, closedAt, agreement, createdAt, version);
    }

    /** The same organization with the user agreement its registration accepted. */
    Organization withAgreement(Agreement accepted) {
        return new Organization(id, kind, name, parentId, timezone, language, requisites, sellerSince, approvedAt,
                activatedAt, closedAt, accepted, createdAt, version);
    }

    /** Whether its owner registered it as a seller. */
    public boolean isSeller() {
        return sellerSince != null;
    }

    Organization registeredAsSeller(Instant at) {
        return new Organization(id, kind, name, parentId, timezone, language, requisites, at, approvedAt, activatedAt,
                closedAt, agreement, createdAt, version);
    }

    Organization closed(Instant at) {
        return new Organization(id, kind, name, parentId, timezone, language, requisites, sellerSince, approvedAt,
                activatedAt, at, agreement, createdAt, version);
    }

    /** A partner that applied, as it waits for the operator's answer. */
    static Organization applied(OrgId id, String name, OrgId operator, ZoneId timezone, Language language,
                                Requisites requisites, Instant at) {
        return new Organization(id, OrgKind.PARTNER, name, operator, timezone, language, requisites, null, null, null,
                null, null, at, 0);
    }

    /** Approved by the operator, it waits for its first administrator (PENDING). */
    Organization approved(Instant at) {
        return new Organization(id, kind, name, parentId, timezone, language, requisites, sellerSince, at, null,
                closedAt, agreement, createdAt, version);
    }

    /** Its first administrator confirmed: it works from now on. */
    Organization activated(Instant at) {
        return new Organization(id, kind, name, parentId, timezone, language, requisites, sellerSince, approvedAt,
                at, closedAt, agreement, createdAt, version);
    }
}
