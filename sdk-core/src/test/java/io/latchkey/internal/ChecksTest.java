package io.latchkey.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ChecksTest {

    // --- times -----------------------------------------------------------------------------------------------

    @Test
    void takesTimesFrom1900To9999CutToTheMicrosecond() {
        Instant earliest = Instant.parse("1900-01-01T00:00:00Z");
        assertEquals(earliest, Checks.instant("at", earliest));
        assertEquals(Instant.parse("9999-12-31T23:59:59.999999Z"),
                Checks.instant("at", Instant.parse("9999-12-31T23:59:59.999999999Z")));
        assertEquals(Instant.parse("2026-11-27T10:00:00.123456Z"),
                Checks.instant("at", Instant.parse("2026-11-27T10:00:00.123456789Z")));
        assertNull(Checks.optionalInstant("from", null));
        assertRefused(ErrorCode.FIELD_REQUIRED, "at", () -> Checks.instant("at", null));
        assertRefused(ErrorCode.FIELD_MALFORMED, "at", () -> Checks.instant("at",
                Instant.parse("1899-12-31T23:59:59.999999Z")));
        assertRefused(ErrorCode.FIELD_MALFORMED, "to", () -> Checks.optionalInstant("to",
                Instant.parse("+10000-01-01T00:00:00Z")));
        assertEquals(YearMonth.of(9999, 12), Checks.month("month", YearMonth.of(9999, 12)));
        assertRefused(ErrorCode.FIELD_MALFORMED, "month", () -> Checks.month("month", YearMonth.of(1899, 12)));
    }

    // --- e-mail ----------------------------------------------------------------------------------------------

    @Test
    void acceptsNormalAddressesAndLowerCasesThem() {
        assertEquals("anna.petrova@example.com", Checks.email("email", "Anna.Petrova@Example.COM"));
        assertEquals("a+tag@mail.example.co.uk", Checks.email("email", "  a+tag@mail.example.co.uk "));
        assertEquals("o'neil_1@xn--80ak6aa92e.com", Checks.email("email", "o'neil_1@xn--80ak6aa92e.com"));
        assertEquals("x@a-b.io", Checks.email("email", "x@a-b.io"));
    }

    @Test
    void refusesMalformedAddresses() {
        for (String bad : new String[] {"a@b", "no-at", "a b@c.de", "a@@b.de", "@example.com", "a@-b.de",
                "a@b-.de", "a@b..de", "a@.b.de", "a@b.de.", "a@b_c.de", "a@b.de@c.de"}) {
            assertRefused(ErrorCode.EMAIL_INVALID, "email", () -> Checks.email("email", bad));
        }
    }

    @Test
    void refusesOverLongAddresses() {
        String label = "d".repeat(61);
        String domain = label + "." + label + "." + label + ".abc";    // 189 characters
        String longest = "l".repeat(64) + "@" + domain;                  // 254: the RFC 5321 limit
        assertEquals(254, longest.length());
        assertEquals(longest, Checks.email("email", longest));

        assertRefused(ErrorCode.EMAIL_INVALID, "email", () -> Checks.email("email", longest.replace(".abc", ".abcd")));
        assertRefused(ErrorCode.EMAIL_INVALID, "email", () -> Checks.email("email", "l".repeat(65) + "@example.com"));
        assertRefused(ErrorCode.EMAIL_INVALID, "email",
                () -> Checks.email("email", "a@" + "d".repeat(64) + ".com"));
    }

    @Test
    void aBlankAddressIsRequired() {
        assertRefused(ErrorCode.FIELD_REQUIRED, "email", () -> Checks.email("email", null));
        assertRefused(ErrorCode.FIELD_REQUIRED, "email", () -> Checks.email("email", " "));
    }

    // --- time zone ---------------------------------------------------------------------------------------------

    @Test
    void acceptsIanaRegionZones() {
        assertEquals(ZoneId.of("Europe/Moscow"), Checks.timezone("timezone", "Europe/Moscow"));
        assertEquals(ZoneId.of("Europe/Warsaw"), Checks.timezone("timezone", " Europe/Warsaw "));
    }

    @Test
    void refusesUnknownZonesAndFixedOffsets() {
        for (String bad : new String[] {"Mars/Base", "+03:00", "UTC+3", "GMT+03:00", "europe/moscow", "MSK"}) {
            assertRefused(ErrorCode.TIMEZONE_UNKNOWN, "timezone", () -> Checks.timezone("timezone", bad));
        }
        assertRefused(ErrorCode.FIELD_REQUIRED, "timezone", () -> Checks.timezone("timezone", ""));
    }

    // --- required, optional, maxLength ----------------------------------------------------------------------------

    @Test
    void requiredTrimsAndRefusesBlank() {
        assertEquals("Acme", Checks.required("name", "  Acme\t"));
        for (String blank : new String[] {null, "", "  ", "\t\n"}) {
            LatchkeyException e = assertRefused(ErrorCode.FIELD_REQUIRED, "name", () -> Checks.required("name", blank));
            assertEquals("name is required", e.getMessage());
        }
    }

    @Test
    void requiredObjectRefusesOnlyNull() {
        Integer size = 3;
        assertEquals(size, Checks.required("size", size));
        assertRefused(ErrorCode.FIELD_REQUIRED, "size", () -> Checks.required("size", (Object) null));
    }

    @Test
    void optionalGivesNullForBlankAndTrimsTheRest() {
        assertNull(Checks.optional("note", null, 10));
        assertNull(Checks.optional("note", "   ", 10));
        assertEquals("hello", Checks.optional("note", "  hello  ", 5), "the length counts after trimming");
        LatchkeyException e = assertRefused(ErrorCode.FIELD_TOO_LONG, "note", () -> Checks.optional("note", "hello!",
                5));
        assertEquals("note is longer than 5 characters", e.getMessage());
    }

    @Test
    void oneLineFieldsRefuseEveryControlCharacter() {
        for (String bad : new String[] {"Anna\r\nBcc: all@example.test", "Anna\nPetrova", "Anna\tPetrova",
                "Anna\u0000", "Anna\u001b[31m", "Anna\u0085"}) {
            assertRefused(ErrorCode.FIELD_MALFORMED, "fullName", () -> Checks.required("fullName", bad));
            assertRefused(ErrorCode.FIELD_MALFORMED, "director", () -> Checks.optional("director", bad, 200));
        }
        assertEquals("Анна Петрова-Łukasiewicz", Checks.required("fullName", " Анна Петрова-Łukasiewicz "));
    }

    @Test
    void freeTextKeepsLineBreaksAndTabsOnly() {
        assertEquals("first line\nsecond\tline", Checks.text("reason", " first line\r\nsecond\tline ", 100));
        assertNull(Checks.text("reason", " \n ", 100));
        assertRefused(ErrorCode.FIELD_MALFORMED, "reason", () -> Checks.text("reason", "bell\u0007", 100));
        assertRefused(ErrorCode.FIELD_MALFORMED, "reason", () -> Checks.text("reason", "lone\rreturn", 100));
        assertRefused(ErrorCode.FIELD_TOO_LONG, "reason", () -> Checks.text("reason", "a\nb", 2));
    }

    @Test
    void maxLengthAllowsTheLimitAndRefusesOneMore() {
        assertEquals("abc", Checks.maxLength("code", "abc", 3));
        assertNull(Checks.maxLength("code", null, 3));
        assertRefused(ErrorCode.FIELD_TOO_LONG, "code", () -> Checks.maxLength("code", "abcd", 3));
    }

    private static LatchkeyException assertRefused(ErrorCode code, String field, Executable check) {
        LatchkeyException e = assertThrows(LatchkeyException.class, check);
        assertEquals(code, e.code());
        assertEquals(ErrorCategory.INVALID, e.category());
        assertEquals(Optional.of(field), e.field());
        return e;
    }
}
