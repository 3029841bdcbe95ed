package io.latchkey.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every limit's budget, written out: a change to one is a change to this table. */
class LimitTest {

    private record Budget(Limit limit, int maxAttempts, Duration window, boolean backsOff) {
    }

    private static final List<Budget> EXPECTED = List.of(
            new Budget(Limit.SIGN_IN_SOURCE, 20, Duration.ofMinutes(15), true),
            new Budget(Limit.SIGN_IN_ACCOUNT, 100, Duration.ofHours(1), false),
            new Budget(Limit.PASSWORD_CHANGE, 10, Duration.ofMinutes(15), true),
            new Budget(Limit.STEP_UP, 10, Duration.ofMinutes(15), true),
            new Budget(Limit.PROVISIONING, 20, Duration.ofMinutes(15), true),
            new Budget(Limit.DEVICE_SIGN_IN, 10, Duration.ofMinutes(15), true),
            new Budget(Limit.DEVICE_SIGN_IN_DEVICE, 100, Duration.ofHours(1), false),
            new Budget(Limit.DEVICE_CLAIM, 10, Duration.ofMinutes(15), true),
            new Budget(Limit.DEVICE_CLAIM_PARTNER, 30, Duration.ofMinutes(15), false),
            new Budget(Limit.LICENSE_ACTIVATION, 10, Duration.ofMinutes(15), true),
            new Budget(Limit.LICENSE_GUESSES, 1000, Duration.ofHours(1), false),
            new Budget(Limit.MAIL_TO_ADDRESS, 5, Duration.ofHours(1), false),
            new Budget(Limit.MAIL_FROM_SOURCE, 20, Duration.ofHours(1), true),
            new Budget(Limit.PARTNER_APPLICATIONS, 50, Duration.ofHours(1), false),
            new Budget(Limit.RESELLER_INVITATION, 50, Duration.ofDays(1), false));

    @Test
    void everyLimitHasItsBudget() {
        assertEquals(EXPECTED.stream().map(Budget::limit).toList(), Arrays.asList(Limit.values()));
        for (Budget b : EXPECTED) {
            assertEquals(b, new Budget(b.limit(), b.limit().maxAttempts(), b.limit().window(), b.limit().backsOff()));
        }
    }

    @Test
    void backOffDoublesTheWindowSixTimesAtMost() {
        assertEquals(Duration.ofMinutes(15), Limit.DEVICE_SIGN_IN.window(0));
        assertEquals(Duration.ofMinutes(30), Limit.DEVICE_SIGN_IN.window(1));
        assertEquals(Duration.ofMinutes(960), Limit.DEVICE_SIGN_IN.window(6));
        assertEquals(Duration.ofMinutes(960), Limit.DEVICE_SIGN_IN.window(40));
        assertEquals(Duration.ofHours(1), Limit.MAIL_TO_ADDRESS.window(3));
    }

    @Test
    void countersAreRememberedForTheLongestWindow() {
        assertEquals(Duration.ofDays(1), Limit.longestWindow());
    }
}
