package io.latchkey.lanbilling;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.billing.AccessState;
import io.latchkey.billing.Feature;
import io.latchkey.billing.GatewayResult;
import io.latchkey.billing.ProfileView;
import io.latchkey.billing.SyncReport;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The billing sync of sdk-core reading LANBilling through the adapter: seed 001 end to end, and its faults. */
class LanBillingSyncTest {

    private LanBillingEmulator billing;
    private LanBillingGateway gateway;
    private Fixture fx;
    private Latchkey sdk;
    private int keys;

    @BeforeEach
    void start() throws IOException {
        billing = new LanBillingEmulator();
        fx = new Fixture(InMemoryStore.create());
        gateway = LanBillingGatewayContractTest.gateway(billing, fx.clock);
        sdk = Latchkey.builder().store(fx.store).clock(fx.clock).masterKey(Fixture.MASTER_KEY)
                .passwordHasher(fx.hasher).billingGateway(gateway).build();
    }

    @AfterEach
    void stop() {
        gateway.close();
        billing.close();
    }

    private String id(GatewayResult result) {
        return assertInstanceOf(GatewayResult.Succeeded.class, result).id();
    }

    /** The seed's steps: subscriber, agreement, account with agent and tariff, login, periodic service. */
    private String apartment(String login, String address) {
        String uid = id(gateway.upsertSubscriber("k" + ++keys, "Иванов И. И.", "+79123456789", null));
        String agreement = id(gateway.openAgreement("k" + ++keys, uid, "Д-" + keys));
        String vgid = id(gateway.createAccount("k" + ++keys, agreement, "1", "7", address));
        id(gateway.setExtraField("k" + ++keys, vgid, "isvyaz_login", login));
        id(gateway.startService("k" + ++keys, vgid, fx.clock.instant()));
        return vgid;
    }

    @Test
    void seed001EndToEnd() {
        String five = apartment("ivanov", "кв. 5");
        String six = apartment("ivanov", "кв. 6");
        sdk.syncBilling();
        assertEquals(EnumSet.allOf(Feature.class), sdk.billingProfiles().features("ivanov", "кв. 6"));
        id(gateway.setAccessState("k" + ++keys, five, AccessState.BLOCKED_BALANCE));
        sdk.syncBilling();
        assertEquals(Set.of(Feature.DOOR_KEY), sdk.billingProfiles().features("ivanov", "кв. 5"));
        id(gateway.setAccessState("k" + ++keys, five, AccessState.DISABLED));
        id(gateway.setAccessState("k" + ++keys, six, AccessState.DISABLED));
        sdk.syncBilling();
        List<ProfileView> profiles = sdk.billingProfiles().profiles(fx.operatorAdmin, null, 10);
        assertEquals("REMOVED", profiles.get(0).profile().state().name(), "the user went with the last address");
    }

    @Test
    void aFailureOrALostSessionMidSyncLosesNothingAndAppliesNothingTwice() {
        for (int i = 0; i < 130; i++) {
            apartment("user" + (i % 50), "дом 2, кв. " + i);
        }
        // The first page (getVgroups, then two calls per account) goes through; the second getVgroups fails.
        billing.failAfter(1 + 2 * 100);
        refused(ErrorCode.BILLING_UNAVAILABLE, sdk::syncBilling);
        billing.recover();
        billing.expireSessions();
        SyncReport resumed = sdk.syncBilling();
        assertEquals(List.of(1L, 30), List.of(resumed.pass(), resumed.accounts()), "from the second page on");
        List<ProfileView> profiles = sdk.billingProfiles().profiles(fx.operatorAdmin, null, 100);
        assertEquals(50, profiles.size());
        assertEquals(130, profiles.stream().mapToInt(p -> p.addresses().size()).sum());
        assertEquals(0, sdk.syncBilling().changes(), "a second pass finds nothing to change");
        fx.clock.advance(Duration.ofMinutes(1));
    }
}
