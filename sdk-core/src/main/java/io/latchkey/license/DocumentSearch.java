package io.latchkey.license;

import io.latchkey.access.OrgId;
import java.time.Instant;

/**
 * Criteria of a document search; null criteria match everything.
 *
 * @param party  an organization that is the seller or the buyer
 * @param seller the seller
 * @param buyer  the buyer
 * @param author who posted it
 * @param from   posted at or after
 * @param to     posted before
 * @param type   one type
 * @param before the last number of the previous page (exclusive)
 * @param limit  the page size
 */
public record DocumentSearch(OrgId party, OrgId seller, OrgId buyer, String author, Instant from, Instant to,
                             DocumentType type, Long before, int limit) {
}
