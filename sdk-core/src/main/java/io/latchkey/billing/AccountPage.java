package io.latchkey.billing;

import java.util.List;

/**
 * A page of a full pass over the billing's accounts, in the order of their ids.
 *
 * @param accounts the accounts of this page
 * @param next     where the next page starts (pass it back to {@link BillingGateway#accounts}); null after the last
 */
public record AccountPage(List<BillingAccount> accounts, String next) {

    public AccountPage {
        accounts = List.copyOf(accounts);
    }
}
