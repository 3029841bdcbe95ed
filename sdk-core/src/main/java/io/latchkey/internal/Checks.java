package io.latchkey.internal;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Input checks shared by every area. Each failure is a {@link LatchkeyException} naming the field.
 * Not API: the package may change without notice.
 */
public final class Checks {

    /** The longest e-mail address (RFC 5321). */
    public static final int MAX_EMAIL = 254;

    /** The most rows one page of a list holds. */
    public static final int MAX_PAGE = 1000;

    /**
     * The earliest and latest times the SDK takes, to the microsecond: every store holds them (a database
     * timestamp ends with year 9999 at best), and a time outside them is a typing error, not a date.
     */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** Deliberately plain: one {@code @}, a dot in the domain, no spaces; RFC 5321 lengths. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private Checks() {
    }

    /**
     * The value, trimmed; refused if null or blank, or if it holds a control character: a name with a line break
     * would end up in a mail header, a log line or a CSV cell.
     */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, field, field);
        }
        return singleLine(field, value.strip());
    }

    /** The value, trimmed; refused if null, blank, not one line, or longer than {@code max}. */
    public static String required(String field, String value, int max) {
        return maxLength(field, required(field, value), max);
    }

    /** The value itself; refused if null. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, field, field);
        }
        return value;
    }

    /** The value, trimmed, or null if null or blank; refused if longer than {@code max} or not one line. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return maxLength(field, singleLine(field, value.strip()), max);
    }

    /**
     * Free text of several lines (a description, a reason), trimmed, with line breaks as {@code \n}, or null if
     * null or blank; refused if longer than {@code max} or if it holds any other control character.
     */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replace("\r\n", "\n");
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, field, field, "no control characters");
        }
        return maxLength(field, text, max);
    }

    private static String singleLine(String field, String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, field, field, "one line, no control characters");
        }
        return value;
    }

    /** The value, refused if longer than {@code max} characters. */
    public static String maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_TOO_LONG, field, field, max);
        }
        return value;
    }

    /** A required time between {@link #EARLIEST} and {@link #LATEST}, cut to the microsecond stores keep. */
    public static Instant instant(String field, Instant value) {
        return optionalInstant(field, required(field, value));
    }

    /** A time between {@link #EARLIEST} and {@link #LATEST}, cut to the microsecond, or null if null. */
    public static Instant optionalInstant(String field, Instant value) {
        if (value == null) {
            return null;
        }
        Instant time = value.truncatedTo(ChronoUnit.MICROS);
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, field, field, "a time from " + EARLIEST
                    + " to " + LATEST);
        }
        return time;
    }

    /** A required month within the years {@link #EARLIEST} and {@link #LATEST} fall in. */
    public static YearMonth month(String field, YearMonth value) {
        YearMonth month = required(field, value);
        if (month.getYear() < 1900 || month.getYear() > 9999) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, field, field, "a month from 1900 to 9999");
        }
        return month;
    }

    /** A required e-mail address, trimmed and lower-cased. */
    public static String email(String field, String value) {
        String email = required(field, value).toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw LatchkeyException.ofField(ErrorCode.EMAIL_INVALID, field, value);
        }
        return email;
    }

    /**
     * A required IANA time zone id (such as {@code Europe/Moscow}, or {@code UTC}); offsets typed as such
     * ({@code +03:00}, {@code UTC+3}) and abbreviations ({@code MSK}) are refused.
     */
    public static ZoneId timezone(String field, String value) {
        String id = required(field, value);
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw LatchkeyException.ofField(ErrorCode.TIMEZONE_UNKNOWN, field, value);
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw LatchkeyException.ofField(ErrorCode.TIMEZONE_UNKNOWN, field, value);
        }
    }

    /** A page size between 1 and {@code max}: callers ask for what they like, the SDK caps it. */
    public static int pageSize(int limit) {
        return pageSize(limit, MAX_PAGE);
    }

    public static int pageSize(int limit, int max) {
        return Math.max(1, Math.min(limit, max));
    }
}
