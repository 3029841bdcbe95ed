package io.latchkey.subscription;

import io.latchkey.access.Permission;
import io.latchkey.lifecycle.TransitionTable;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** The subscription lifecycle as data, and the month end it runs to. */
public final class SubscriptionLifecycle {

    /** Journal name of subscriptions. */
    public static final String AGGREGATE = "subscription";

    /** ACTIVE ⇄ EXPIRES_SOON → ENDED at the month's end; either → ENDED at once by a stop. */
    public static final TransitionTable<SubscriptionState, SubscriptionEvent> TABLE =
            TransitionTable.builder(AGGREGATE, SubscriptionState.class, SubscriptionEvent.class)
                    .on(SubscriptionState.ACTIVE, SubscriptionEvent.DEACTIVATE, SubscriptionState.EXPIRES_SOON,
                            Permission.SUBSCRIPTION_MANAGE)
                    .on(SubscriptionState.EXPIRES_SOON, SubscriptionEvent.RESUME, SubscriptionState.ACTIVE,
                            Permission.SUBSCRIPTION_MANAGE)
                    .on(SubscriptionState.ACTIVE, SubscriptionEvent.STOP, SubscriptionState.ENDED,
                            Permission.SUBSCRIPTION_MANAGE)
                    .on(SubscriptionState.EXPIRES_SOON, SubscriptionEvent.STOP, SubscriptionState.ENDED,
                            Permission.SUBSCRIPTION_MANAGE)
                    .timed(SubscriptionState.EXPIRES_SOON, SubscriptionEvent.END, SubscriptionState.ENDED)
                    .build();

    private SubscriptionLifecycle() {
    }

    /**
     * The start of the month after the one {@code now} falls in, in {@code zone}: 00:00 local time on the 1st
     * (or the first instant of that day, should a time-zone change skip midnight).
     */
    public static Instant nextMonthStart(Instant now, ZoneId zone) {
        YearMonth month = YearMonth.from(now.atZone(zone));
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant of {@code month} in {@code zone}. */
    public static Instant monthStart(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
