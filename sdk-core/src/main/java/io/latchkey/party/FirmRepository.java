package io.latchkey.party;

import io.latchkey.access.OrgId;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for firms. An INN is unique within a company: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
public interface FirmRepository {

    void insert(Firm firm);

    Optional<Firm> find(FirmId id);

    /** A company's firms, by name. */
    List<Firm> byCompany(OrgId company);
}
