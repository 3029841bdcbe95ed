package io.latchkey.credential;

import java.time.Instant;

/**
 * A request to issue a credential, as received; checked by the service.
 *
 * @param clientId    required: a client of the issuing partner
 * @param validFrom   required: start of the window
 * @param validTo     required: end of the window, after {@code validFrom}, in the future, within capacity
 * @param description optional, up to 1000 characters
 */
public record IssueRequest(ClientId clientId, Instant validFrom, Instant validTo, String description) {
}
