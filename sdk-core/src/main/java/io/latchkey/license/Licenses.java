package io.latchkey.license;

import io.latchkey.ErrorCode;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.store.Transactions;
import java.util.EnumSet;
import java.util.List;

/**
 * The licenses an organization holds, as a viewer may see them: codes in full only to their holder, and only
 * once revealed or sold; masked to the company they were assigned to; hidden from everyone else.
 *
 * <p>Thread-safe.
 */
public final class Licenses {

    private final Transactions transactions;
    private final LicenseRecords records;

    Licenses(Transactions transactions, LicenseRecords records) {
        this.transactions = transactions;
        this.records = records;
    }

    /** The licenses an organization the actor may view holds, by id, optionally in one state. */
    public List<LicenseView> licenses(Actor actor, OrgId holder, LicenseState state, LicenseId after, int limit) {
        return transactions.inTransaction(() -> {
            OrgId owner = holder != null ? holder : Checks.required("holderId", actor.organization());
            records.access.require(actor, Permission.VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            return records.store.licenses().heldBy(owner, state == null ? null : EnumSet.of(state), after,
                    Checks.pageSize(limit, LicenseRecords.MAX_LIST)).stream().map(l -> records.view(actor, l)).toList();
        });
    }
}
