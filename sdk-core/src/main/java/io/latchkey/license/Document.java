package io.latchkey.license;

import io.latchkey.access.OrgId;
import io.latchkey.party.FirmId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A posted document: the only way licenses come into being or move. Immutable once posted.
 *
 * @param id              its id
 * @param number          its number, counting up across the deployment
 * @param type            what it does
 * @param seller          who gives the licenses (the licensor, for a mint)
 * @param buyer           who receives them: a partner or company; null for a mint, a reveal or an unregistered buyer
 * @param buyerFirm       the buyer company's firm a sale to a company names; null otherwise
 * @param buyerRequisites the buyer's requisites as the document keeps them: typed for an unregistered buyer,
 *                        copied from the firm for a company; null otherwise
 * @param author          who posted it ({@link io.latchkey.access.Actor#describe()})
 * @param postedAt        when
 * @param licenses        the licenses it moves
 */
public record Document(DocumentId id, long number, DocumentType type, OrgId seller, OrgId buyer,
                       FirmId buyerFirm, BuyerRequisites buyerRequisites, String author, Instant postedAt,
                       List<LicenseId> licenses) {

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(postedAt, "postedAt");
        licenses = List.copyOf(licenses);
    }
}
