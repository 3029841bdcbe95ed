package io.latchkey.credential;

import io.latchkey.access.OrgId;
import io.latchkey.notify.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Someone a partner issues credentials to.
 *
 * @param id          its id
 * @param partner     the partner it belongs to
 * @param email       where credentials are sent; lower case, unique per partner
 * @param fullName    display name; required of new and edited clients (empty only on rows from before)
 * @param timezone    the client's IANA time zone: e-mails show windows in it
 * @param language    the language of the client's e-mails
 * @param description free text (may be null)
 * @param createdAt   when it was created
 * @param version     optimistic version
 */
public record Client(ClientId id, OrgId partner, String email, String fullName, ZoneId timezone, Language language,
                     String description, Instant createdAt, long version) {

    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(email, "email");
        fullName = fullName == null ? "" : fullName;
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same client with another version; for stores. */
    public Client withVersion(long version) {
        return new Client(id, partner, email, fullName, timezone, language, description, createdAt, version);
    }
}
