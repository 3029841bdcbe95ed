package io.latchkey.billing;

import java.util.Objects;

/**
 * An account of the billing (LANBilling's "учётная запись", a vgroup) as a {@link BillingGateway} reports it:
 * one apartment's line, the platform login its extra field names, and what the billing allows it.
 *
 * @param accountId     the billing's id of the account
 * @param login         the platform login in its extra field ({@code isvyaz_login}); null or blank: not linked
 * @param address       the apartment's address as the billing keeps it
 * @param state         what the billing allows it now
 * @param serviceActive whether an intercom periodic service of it runs now
 */
public record BillingAccount(String accountId, String login, String address, AccessState state,
                             boolean serviceActive) {

    public BillingAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        login = login == null || login.isBlank() ? null : login.strip();
    }
}
