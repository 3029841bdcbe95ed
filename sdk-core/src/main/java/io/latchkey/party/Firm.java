package io.latchkey.party;

import io.latchkey.access.OrgId;
import java.time.Instant;
import java.util.Objects;

/**
 * A legal entity of a company (a company may trade through several).
 *
 * @param id        its id
 * @param company   the company
 * @param name      its legal name
 * @param inn       its taxpayer number (digits of a valid {@link Inn}); unique within the company
 * @param address   its legal address, or null
 * @param director  its director (or owner, for a natural person), or null
 * @param createdAt when it was added
 * @param version   optimistic version
 */
public record Firm(FirmId id, OrgId company, String name, String inn, String address, String director,
                   Instant createdAt, long version) {
    public Firm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inn, "inn");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same firm with another version; for stores. */
    public Firm withVersion(long newVersion) {
        return new Firm(id, company, name, inn, address, director, createdAt, newVersion);
    }

    /** The same firm with new requisites. */
    Firm withRequisites(String newName, String newInn, String newAddress, String newDirector) {
        return new Firm(id, company, newName, newInn, newAddress, newDirector, createdAt, version);
    }
}
