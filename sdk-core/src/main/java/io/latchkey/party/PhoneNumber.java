package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.internal.Checks;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +}, then 8 to 15 digits, the first not 0 (such as {@code +79123456789}).
 * Only the form is checked, not whether the country code or the number exists.
 *
 * <p>{@link #parse} takes the number as typed in a mobile app; the constructor takes the E.164 form only.
 * Never null inside; immutable and thread-safe.
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    /**
     * @throws IllegalArgumentException if {@code e164} is not in E.164 form
     */
    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 phone number: " + e164);
        }
    }

    /**
     * Normalizes a number as typed. Spaces, dashes, dots and parentheses are dropped; a leading {@code 00}
     * becomes {@code +}. Without either, only Russian and Kazakh forms are taken, where the country is
     * unambiguous: 11 digits starting with 8 (the national trunk prefix) or with 7 (the country code) become
     * {@code +7} and the last ten digits. Any other number without a country code is refused, since its
     * country cannot be guessed.
     *
     * @throws LatchkeyException {@link ErrorCode#FIELD_REQUIRED} if {@code text} is null or blank,
     *                           {@link ErrorCode#PHONE_INVALID} naming {@code field} otherwise if it is not a
     *                           valid number
     */
    public static PhoneNumber parse(String field, String text) {
        String typed = Checks.required(field, text);
        StringBuilder kept = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9' || c == '+' && kept.length() == 0) {
                kept.append(c);
            } else if (!isSeparator(c)) {
                throw invalid(field, text);
            }
        }
        String number = kept.toString();
        String international;
        if (number.startsWith("+")) {
            international = number;
        } else if (number.startsWith("00")) {
            international = "+" + number.substring(2);
        } else if (number.length() == 11 && (number.charAt(0) == '8' || number.charAt(0) == '7')) {
            international = "+7" + number.substring(1);
        } else {
            throw invalid(field, text);
        }
        if (!E164.matcher(international).matches()) {
            throw invalid(field, text);
        }
        return new PhoneNumber(international);
    }

    /**
     * What people type between digit groups. Any Unicode space counts, because phone keyboards and copied
     * numbers bring no-break and thin spaces that {@link Character#isWhitespace} does not know.
     */
    private static boolean isSeparator(char c) {
        return c == '-' || c == '.' || c == '(' || c == ')' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static LatchkeyException invalid(String field, String text) {
        // The message names the field, not the number: refusals end up in logs, phone numbers must not.
        return LatchkeyException.ofField(ErrorCode.PHONE_INVALID, field, field);
    }

    /** The E.164 form, which {@link #parse} takes back unchanged. */
    @Override
    public String toString() {
        return e164;
    }
}
