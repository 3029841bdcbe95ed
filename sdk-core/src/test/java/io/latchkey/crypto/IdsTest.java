package io.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.latchkey.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    /** The largest Unix millisecond count that fits the 48-bit field. */
    private static final long MAX_MILLIS = (1L << 48) - 1;

    /** UUIDv7 keeps the Unix milliseconds in the top 48 bits. */
    private static long timestampOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    @Test
    void idsAreVersion7WithTheIetfVariantAndTheClockMillis() {
        qt().forAll(longs().between(0, MAX_MILLIS), longs().all()).check((millis, seed) -> {
            UUID id = new Ids(MutableClock.at(Instant.ofEpochMilli(millis)), RandomSource.seeded(seed)).next();
            return id.version() == 7 && id.variant() == 2 && timestampOf(id) == millis;
        });
    }

    @Test
    void idsFromALaterInstantSortAfterEarlierOnes() {
        // java.util.UUID.compareTo compares the two halves as signed longs, which is not RFC 9562 byte order
        // (it breaks once the top timestamp bit is set); so compare the unsigned 48-bit timestamps themselves.
        qt().forAll(longs().between(0, MAX_MILLIS - 1), longs().between(1, 1_000_000)).check((earlier, gap) -> {
            long later = Math.min(MAX_MILLIS, earlier + gap);
            MutableClock clock = MutableClock.at(Instant.ofEpochMilli(earlier));
            Ids ids = new Ids(clock, RandomSource.seeded(earlier));
            UUID first = ids.next();
            clock.set(Instant.ofEpochMilli(later));
            UUID second = ids.next();
            return Long.compareUnsigned(timestampOf(first), timestampOf(second)) < 0;
        });
    }

    @Test
    void idsAlongAMovingClockAreOrdered() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        Ids ids = new Ids(clock, RandomSource.seeded(5));
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            made.add(ids.next());
            clock.advance(Duration.ofMillis(1));
        }
        for (int i = 1; i < made.size(); i++) {
            assertTrue(timestampOf(made.get(i - 1)) < timestampOf(made.get(i)));
            // Today's timestamps leave the sign bit clear, so UUID.compareTo agrees here.
            assertTrue(made.get(i - 1).compareTo(made.get(i)) < 0);
        }
    }

    @Test
    void tenThousandIdsAtOneInstantAreUnique() {
        Ids ids = new Ids(MutableClock.at("2026-11-23T10:00:00Z"), RandomSource.seeded(6));
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(ids.next()), "duplicate after " + i + " ids");
        }
    }

    @Test
    void theSameSeedAndClockGiveTheSameIds() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        Ids a = new Ids(clock, RandomSource.seeded(7));
        Ids b = new Ids(clock, RandomSource.seeded(7));
        for (int i = 0; i < 100; i++) {
            assertEquals(a.next(), b.next());
        }
    }

    @Test
    void idsWithinOneMillisecondStillIncrease() {
        Ids ids = new Ids(io.latchkey.time.MutableClock.at("2026-11-23T10:00:00Z"), RandomSource.seeded(3));
        java.util.UUID previous = ids.next();
        for (int i = 0; i < 10_000; i++) {
            java.util.UUID next = ids.next();
            org.junit.jupiter.api.Assertions.assertTrue(next.compareTo(previous) > 0, next + " after " + previous);
            org.junit.jupiter.api.Assertions.assertEquals(7, next.version());
            previous = next;
        }
    }
}
