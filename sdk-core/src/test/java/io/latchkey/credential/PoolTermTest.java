package io.latchkey.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When ordered capacity ends: the end of the order's UTC day, one or two years on (seed 000). */
class PoolTermTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private static String validUntilInMoscow(String createdInMoscow, PoolTerm term) {
        Instant created = LocalDateTime.parse(createdInMoscow, SHOWN).atZone(MOSCOW).toInstant();
        return SHOWN.format(term.validUntil(created).orElseThrow().atZone(MOSCOW));
    }

    @Test
    void theSeedsOrdersEndWhereThePortalShowedThem() {
        assertEquals("15/05/2022 02:59", validUntilInMoscow("14/05/2021 13:44", PoolTerm.ONE_YEAR), "order 52");
        assertEquals("09/09/2022 02:59", validUntilInMoscow("08/09/2021 14:46", PoolTerm.ONE_YEAR), "order 70");
    }

    @Test
    void theDayIsTheUtcDayNotTheLocalOne() {
        // 01:30 in Moscow on 1 March is still 28 February in UTC.
        assertEquals("01/03/2023 02:59", validUntilInMoscow("01/03/2022 01:30", PoolTerm.ONE_YEAR));
        assertEquals("29/02/2024 02:59", validUntilInMoscow("01/03/2022 01:30", PoolTerm.TWO_YEARS),
                "28 Feb 2022 UTC plus two years is 28 Feb 2024, 23:59:59 UTC");
    }

    @Test
    void aLeapDayOrderEndsOnThe28th() {
        assertEquals(Instant.parse("2025-02-28T23:59:59Z"),
                PoolTerm.ONE_YEAR.validUntil(Instant.parse("2024-02-29T12:00:00Z")).orElseThrow());
        assertEquals(Optional.empty(), PoolTerm.UNLIMITED.validUntil(Instant.parse("2024-02-29T12:00:00Z")));
    }

    @Test
    void capacityAlwaysEndsAtTheLastSecondOfAUtcDayYearsLater() {
        qt().forAll(longs().between(0, 4_102_444_800L)).checkAssert(seconds -> {
            Instant created = Instant.ofEpochSecond(seconds);
            for (PoolTerm term : new PoolTerm[] {PoolTerm.ONE_YEAR, PoolTerm.TWO_YEARS}) {
                Instant end = term.validUntil(created).orElseThrow();
                LocalDateTime utc = LocalDateTime.ofInstant(end, ZoneOffset.UTC);
                assertEquals(LocalTime.of(23, 59, 59), utc.toLocalTime());
                int years = term == PoolTerm.ONE_YEAR ? 1 : 2;
                assertEquals(created.atOffset(ZoneOffset.UTC).toLocalDate().plusYears(years), utc.toLocalDate());
            }
        });
    }
}
