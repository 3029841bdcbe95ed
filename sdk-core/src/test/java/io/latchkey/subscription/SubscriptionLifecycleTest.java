package io.latchkey.subscription;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.store.InMemoryStore;
import io.latchkey.subscription.Subscriptions.ActivationRequest;
import io.latchkey.testkit.ExpectedTable;
import io.latchkey.testkit.ExpectedTables;
import io.latchkey.testkit.Fixture;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The subscription table pair by pair, and month ends in sellers' time zones. */
class SubscriptionLifecycleTest {

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (SubscriptionState state : SubscriptionState.values()) {
            for (SubscriptionEvent event : SubscriptionEvent.values()) {
                pairs.add(Arguments.of(state, event));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("pairs")
    void everyPairBehavesAsTheTableSays(SubscriptionState state, SubscriptionEvent event) {
        Fixture fx = new Fixture(InMemoryStore.create());
        Latchkey sdk = fx.latchkey;
        sdk.catalog().createPackage(fx.operatorAdmin, new PackageDraft("PRO", "Pro", 100L, "PLN", false));
        Sellers s = new Sellers(fx, "Europe/Warsaw");
        Subscription sub = sdk.subscriptions().activate(s.installer, new ActivationRequest(s.hub("HUB-1").id(), null,
                null));
        switch (state) {
            case ACTIVE -> { }
            case EXPIRES_SOON -> sdk.subscriptions().deactivate(s.installer, sub.id());
            case ENDED -> sdk.subscriptions().stop(s.installer, sub.id());
        }
        Runnable take = () -> {
            switch (event) {
                case DEACTIVATE -> sdk.subscriptions().deactivate(s.installer, sub.id());
                case RESUME -> sdk.subscriptions().resume(s.installer, sub.id());
                case STOP -> sdk.subscriptions().stop(s.installer, sub.id());
                case END -> {
                    fx.clock.set(Instant.parse("2026-12-01T00:00:00Z"));
                    fx.runDueWork();
                }
            }
        };
        Optional<ExpectedTable.Row<SubscriptionState,
                SubscriptionEvent>> legal = ExpectedTables.SUBSCRIPTION.find(state, event);
        if (legal.isPresent() || event == SubscriptionEvent.END) {
            take.run();
            SubscriptionState expected = legal.map(ExpectedTable.Row::to).orElse(state);
            assertEquals(expected, stored(fx, sub).state());
        } else {
            refused(ErrorCode.TRANSITION_NOT_ALLOWED, take::run);
            assertEquals(state, stored(fx, sub).state());
        }
    }

    private static Subscription stored(Fixture fx, Subscription sub) {
        return fx.store.inTransaction(() -> fx.subscriptionStore().subscriptions().find(sub.id()).orElseThrow());
    }

    @ParameterizedTest(name = "{0} at {1} ends at {2}")
    @CsvSource({
            // Warsaw: the month of the spring DST change; the last day of a winter month; a year end.
            "Europe/Warsaw, 2026-03-29T10:00:00Z, 2026-03-31T22:00:00Z",
            "Europe/Warsaw, 2026-11-30T22:59:59Z, 2026-11-30T23:00:00Z",
            "Europe/Warsaw, 2026-12-31T22:59:59Z, 2026-12-31T23:00:00Z",
            "Europe/Warsaw, 2026-12-31T23:00:00Z, 2027-01-31T23:00:00Z",
            "Europe/Warsaw, 2026-10-25T12:00:00Z, 2026-10-31T23:00:00Z",
            // Moscow: UTC+3 all year.
            "Europe/Moscow, 2026-11-30T20:59:59Z, 2026-11-30T21:00:00Z",
            "Europe/Moscow, 2026-11-30T21:00:00Z, 2026-12-31T21:00:00Z",
            // Yekaterinburg: UTC+5; the local month ends five hours before UTC's.
            "Asia/Yekaterinburg, 2026-02-28T18:59:59Z, 2026-02-28T19:00:00Z",
            "Asia/Yekaterinburg, 2026-02-28T19:00:00Z, 2026-03-31T19:00:00Z",
            // Sao Paulo: UTC-3; the local month ends three hours after UTC's.
            "America/Sao_Paulo, 2026-12-01T02:59:59Z, 2026-12-01T03:00:00Z",
            "America/Sao_Paulo, 2026-12-01T03:00:00Z, 2027-01-01T03:00:00Z",
            // Sao Paulo kept summer time (UTC-2) until 2019: in November 2018 the month ended at 02:00 UTC.
            "America/Sao_Paulo, 2018-11-10T12:00:00Z, 2018-12-01T02:00:00Z"
    })
    void deactivationEndsAtTheNextMonthStartInTheSellersZone(String zone, String now, String ends) {
        assertEquals(Instant.parse(ends), SubscriptionLifecycle.nextMonthStart(Instant.parse(now), ZoneId.of(zone)));
    }
}
