package io.latchkey.billing;

import java.util.List;

/**
 * What one run of the sync did.
 *
 * @param pass     the pass it worked on
 * @param accounts how many billing accounts it read
 * @param changes  how many profiles and addresses it changed (each change journaled)
 * @param refused  the billing accounts it could not take, with why (a login or address longer than a profile
 *                 keeps, a control character in one): they link to no profile until the billing corrects them
 */
public record SyncReport(long pass, int accounts, int changes, List<String> refused) {

    public SyncReport {
        refused = List.copyOf(refused);
    }
}
