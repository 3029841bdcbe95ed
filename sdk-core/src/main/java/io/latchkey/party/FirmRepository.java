package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.OrgId;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.util.List;

/**
 * Storage port for firms. An INN is unique within a company: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
public interface FirmRepository extends VersionedRows<FirmId, Firm> {

    /** An INN is one firm's within a company. */
    UniqueKey<Firm> INN = new UniqueKey<>("firm_inn_unique", f -> f.company() + "/" + f.inn(),
            f -> LatchkeyException.of(ErrorCode.DUPLICATE, "firm with INN " + f.inn()));

    /**
     * A page of a company's firms, in id order: those after {@code after} (from the first when it is null), at most
     * {@code limit}.
     */
    List<Firm> byCompany(OrgId company, FirmId after, int limit);

    /** How many firms a company has. */
    int count(OrgId company);
}
