package io.latchkey.lanbilling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.billing.AccessState;
import io.latchkey.billing.GatewayResult;
import io.latchkey.time.MutableClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the adapter makes of LANBilling's faults, lost sessions, outages and answers that make no sense. */
class LanBillingFaultsTest {

    private LanBillingEmulator billing;
    private LanBillingGateway gateway;

    @BeforeEach
    void start() throws IOException {
        billing = new LanBillingEmulator();
        gateway = LanBillingGatewayContractTest.gateway(billing, MutableClock.at("2026-11-23T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        gateway.close();
        billing.close();
    }

    private String subscriber(String key) {
        return assertInstanceOf(GatewayResult.Succeeded.class, gateway.upsertSubscriber(key, "Иванов", "+7912",
                null)).id();
    }

    @Test
    void anExpiredSessionLogsInOnceAgainAndTheCallGoesThrough() {
        subscriber("k1");
        assertEquals(1, billing.calls("Login"));
        billing.expireSessions();
        subscriber("k2");
        assertEquals(2, billing.calls("Login"), "one login more, no more");
        assertEquals(3, billing.calls("insupdAccount"), "the call refused for its session, then once more");
    }

    @Test
    void aWrongPasswordIsRefusedAsNotAuthorized() {
        LanBillingGateway wrong = LanBillingGateway.builder().endpoint(billing.endpoint()).login("latchkey", "guess")
                .intercomService(7, 0).build();
        LanBillingException refused = assertThrows(LanBillingException.class, () -> wrong.accounts(null, 10));
        assertEquals(LanBillingException.Kind.NOT_AUTHORIZED, refused.kind());
        assertInstanceOf(GatewayResult.Unknown.class, wrong.upsertSubscriber("k", "x", "y", null));
    }

    @Test
    void aPeriodLockDeclinesAWriteWithTheBillingsWords() {
        String uid = subscriber("k1");
        billing.lockPeriod();
        GatewayResult.Declined declined = assertInstanceOf(GatewayResult.Declined.class,
                gateway.openAgreement("k2", uid, "Д-1"));
        assertTrue(declined.reason().contains("There is period lock"), declined.reason());
        assertInstanceOf(GatewayResult.Declined.class, gateway.setAccessState("k3", "1", AccessState.DISABLED));
    }

    @Test
    void anOutageIsUnknownForAWriteAndAnErrorForARead() {
        subscriber("k0");
        billing.failNext(2);
        assertInstanceOf(GatewayResult.Unknown.class, gateway.upsertSubscriber("k1", "Иванов", "+7912", null));
        LanBillingException down = assertThrows(LanBillingException.class, () -> gateway.accounts(null, 10));
        assertEquals(LanBillingException.Kind.UNREACHABLE, down.kind());
        assertInstanceOf(GatewayResult.Succeeded.class, gateway.upsertSubscriber("k1", "Иванов", "+7912", null),
                "retried with the same key once the billing is back");
    }

    @Test
    void anAnswerThatIsNotSoapIsAClearErrorNeverASkip() {
        subscriber("k0");
        billing.garbleNext();
        LanBillingException garbled = assertThrows(LanBillingException.class, () -> gateway.accounts(null, 10));
        assertEquals(LanBillingException.Kind.MALFORMED, garbled.kind());
        billing.garbleNext();
        assertInstanceOf(GatewayResult.Unknown.class, gateway.upsertSubscriber("k1", "Иванов", "+7912", null),
                "a write whose answer cannot be read may have happened");
    }

    @Test
    void anInstallationWithoutAnOperationIsNamedAtTheCheck() {
        LanBillingGateway.checkOperations(billing.wsdlAddress(), Duration.ofSeconds(2));
        billing.unpublish("blkVgroup");
        billing.unpublish("getUsboxServices");
        LanBillingException missing = assertThrows(LanBillingException.class,
                () -> LanBillingGateway.checkOperations(billing.wsdlAddress(), Duration.ofSeconds(2)));
        assertEquals(LanBillingException.Kind.MISSING_OPERATION, missing.kind());
        assertTrue(missing.getMessage().endsWith("does not publish blkVgroup, getUsboxServices"),
                missing.getMessage());
    }
}
