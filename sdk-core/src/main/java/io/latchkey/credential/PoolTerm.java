package io.latchkey.credential;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** How long the credentials of a pool order may be issued for. */
public enum PoolTerm {
    /** No end. */
    UNLIMITED(0),
    /** Until the end of the order day, one year on. */
    ONE_YEAR(1),
    /** Until the end of the order day, two years on. */
    TWO_YEARS(2);

    private final int years;

    PoolTerm(int years) {
        this.years = years;
    }

    /**
     * When capacity ordered at {@code orderedAt} ends: the last second of the same calendar day (UTC) one or
     * two years later. An order of 14/05/2021 13:44 Moscow time is valid until 14/05/2022 23:59:59 UTC, which
     * Moscow shows as 15/05/2022 02:59. Ordered on 29 February, it ends on 28 February.
     */
    public Optional<Instant> validUntil(Instant orderedAt) {
        if (years == 0) {
            return Optional.empty();
        }
        return Optional.of(orderedAt.atOffset(ZoneOffset.UTC).toLocalDate().plusYears(years)
                .atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC));
    }
}
