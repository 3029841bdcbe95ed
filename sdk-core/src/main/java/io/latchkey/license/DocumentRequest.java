package io.latchkey.license;

import io.latchkey.access.OrgId;
import io.latchkey.party.FirmId;
import java.util.List;

/**
 * A document to post, as received; checked by the service.
 *
 * @param type        required; not MINT (see {@link Documents#mint})
 * @param buyerOrgId  the buyer, for a sale to a partner or a company
 * @param buyerFirmId the buyer company's firm, for a sale to a company (may be left out when it has one)
 * @param buyer       the typed requisites, for a sale to an unregistered buyer
 * @param count       how many of the seller's licenses to move (the oldest first), when no ids are given
 * @param licenseIds  exactly which licenses to move
 */
public record DocumentRequest(DocumentType type, OrgId buyerOrgId, FirmId buyerFirmId, BuyerRequisites buyer,
                              Integer count, List<LicenseId> licenseIds) {
}
