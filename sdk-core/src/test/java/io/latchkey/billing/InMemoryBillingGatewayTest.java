package io.latchkey.billing;

import io.latchkey.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/** The billing gateway's contract, passed by the billing in memory. */
class InMemoryBillingGatewayTest extends BillingGatewayContractTest {

    private MutableClock clock;
    private InMemoryBillingGateway gateway;

    @BeforeEach
    void makeGateway() {
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        gateway = new InMemoryBillingGateway(clock);
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
}
