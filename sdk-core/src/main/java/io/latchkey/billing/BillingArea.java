package io.latchkey.billing;

import io.latchkey.access.Access;
import io.latchkey.crypto.Ids;
import io.latchkey.lifecycle.Steps;
import io.latchkey.store.Transactions;
import java.time.Clock;

/**
 * The services of billing accounts, made once by {@link io.latchkey.Latchkey} from what they use. Hosts reach
 * them through {@code Latchkey}: the services have no public constructors.
 */
public final class BillingArea {

    private final BillingProfiles profiles;

    public BillingArea(Transactions transactions, BillingStore store, BillingGateway gateway, Steps steps,
                       Access access, Clock clock, Ids ids) {
        this.profiles = new BillingProfiles(transactions, store, gateway, steps, access, clock, ids);
    }

    public BillingProfiles profiles() {
        return profiles;
    }
}
