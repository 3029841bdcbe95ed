package io.latchkey.lifecycle;

import io.latchkey.billing.BillingLifecycle;
import io.latchkey.credential.CredentialLifecycle;
import io.latchkey.device.DeviceLifecycle;
import io.latchkey.license.LicenseLifecycle;
import io.latchkey.party.ConnectionLifecycle;
import io.latchkey.party.MemberLifecycle;
import io.latchkey.party.OrganizationLifecycle;
import io.latchkey.subscription.SubscriptionLifecycle;
import io.latchkey.testkit.ExpectedTables;
import org.junit.jupiter.api.Test;

/**
 * Every production table equals the one written out by hand in {@link ExpectedTables}: a row added, removed,
 * retargeted or given another permission fails here, whatever the walks happen to try.
 */
class LifecycleTablesTest {

    @Test
    void credentials() {
        ExpectedTables.CREDENTIAL.assertIsTheTableOf(CredentialLifecycle.CREDENTIAL);
    }

    @Test
    void poolOrders() {
        ExpectedTables.POOL_ORDER.assertIsTheTableOf(CredentialLifecycle.POOL_ORDER);
    }

    @Test
    void organizations() {
        ExpectedTables.ORGANIZATION.assertIsTheTableOf(OrganizationLifecycle.TABLE);
    }

    @Test
    void members() {
        ExpectedTables.MEMBER.assertIsTheTableOf(MemberLifecycle.TABLE);
    }

    @Test
    void connections() {
        ExpectedTables.CONNECTION.assertIsTheTableOf(ConnectionLifecycle.TABLE);
    }

    @Test
    void licenses() {
        ExpectedTables.LICENSE.assertIsTheTableOf(LicenseLifecycle.HOLDING);
    }

    @Test
    void activations() {
        ExpectedTables.ACTIVATION.assertIsTheTableOf(LicenseLifecycle.ACTIVATION);
    }

    @Test
    void subscriptions() {
        ExpectedTables.SUBSCRIPTION.assertIsTheTableOf(SubscriptionLifecycle.TABLE);
    }

    @Test
    void devices() {
        ExpectedTables.DEVICE.assertIsTheTableOf(DeviceLifecycle.TABLE);
    }

    @Test
    void billingProfilesAndAddresses() {
        ExpectedTables.BILLING_PROFILE.assertIsTheTableOf(BillingLifecycle.PROFILE);
        ExpectedTables.BILLING_ADDRESS.assertIsTheTableOf(BillingLifecycle.ADDRESS);
    }
}
