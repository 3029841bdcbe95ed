package io.latchkey.lanbilling;

import io.latchkey.billing.BillingGateway;
import io.latchkey.billing.BillingGatewayContractTest;
import io.latchkey.time.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The billing gateway's contract, passed by the LANBilling adapter against the emulator. */
class LanBillingGatewayContractTest extends BillingGatewayContractTest {

    private LanBillingEmulator billing;
    private LanBillingGateway gateway;
    private MutableClock clock;

    @BeforeEach
    void start() throws IOException {
        billing = new LanBillingEmulator();
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        gateway = gateway(billing, clock);
    }

    static LanBillingGateway gateway(LanBillingEmulator billing, MutableClock clock) {
        return LanBillingGateway.builder().endpoint(billing.endpoint()).login("latchkey", "secret")
                .zone(ZoneId.of("Europe/Moscow")).intercomService(7, 0).clock(clock)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        gateway.close();
        billing.close();
    }

    @Override
    protected BillingGateway gateway() {
        return gateway;
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }

    @Override
    protected void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    protected String agentId() {
        return "1";
    }

    @Override
    protected String tariffId() {
        return "7";
    }
}
