package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.internal.Checks;
import java.util.Objects;

/**
 * A Russian taxpayer number (ИНН): 10 digits for an organization, the last a check digit; or 12 digits for an
 * individual (a sole trader among them), the last two check digits. Only the form and the check digits are
 * checked, not whether the tax service issued the number.
 *
 * <p>Each check digit is the weighted sum of the digits before it, modulo 11, then modulo 10. That last step
 * maps remainders 10 and 0 both to 0, so the rule, as the tax service defines it, misses the rare mistake that
 * moves a sum between those two remainders; every other single wrong digit is caught.
 *
 * <p>{@link #parse} takes the number as typed; the constructor takes the digits only. Never null inside;
 * immutable and thread-safe.
 *
 * @param digits the 10 or 12 digits
 */
public record Inn(String digits) {

    private static final int[] ORGANIZATION = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INDIVIDUAL_11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INDIVIDUAL_12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    /**
     * @throws IllegalArgumentException if {@code digits} are not 10 or 12 ASCII digits with correct check digits
     */
    public Inn {
        Objects.requireNonNull(digits, "digits");
        if (!valid(digits)) {
            // The number is not in the message: an individual's INN is personal data.
            throw new IllegalArgumentException("not a valid INN");
        }
    }

    /**
     * The INN typed into the request field {@code field}. Surrounding and inner spaces (any Unicode space) are
     * dropped; nothing else is forgiven.
     *
     * @throws LatchkeyException {@link ErrorCode#FIELD_REQUIRED} if {@code text} is null or only spaces,
     *                           {@link ErrorCode#INN_INVALID} naming {@code field} if it has the wrong length,
     *                           anything but digits, or wrong check digits
     */
    public static Inn parse(String field, String text) {
        String typed = Checks.required(field, text);
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                digits.append(c);
            }
        }
        if (digits.length() == 0) {
            // Only spaces the JDK does not count as blank, such as no-break spaces: still nothing typed.
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, field, field);
        }
        if (!valid(digits.toString())) {
            // The message names the field, not the number: refusals end up in logs.
            throw LatchkeyException.ofField(ErrorCode.INN_INVALID, field, field);
        }
        return new Inn(digits.toString());
    }

    /** Whether this is an organization's number (10 digits) rather than an individual's (12). */
    public boolean isOrganization() {
        return digits.length() == 10;
    }

    /** The digits, which {@link #parse} takes back unchanged. */
    @Override
    public String toString() {
        return digits;
    }

    private static boolean valid(String digits) {
        if (digits.length() != 10 && digits.length() != 12) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        if (digits.length() == 10) {
            return checkDigit(digits, ORGANIZATION) == digits.charAt(9) - '0';
        }
        return checkDigit(digits, INDIVIDUAL_11) == digits.charAt(10) - '0'
                && checkDigit(digits, INDIVIDUAL_12) == digits.charAt(11) - '0';
    }

    /** The check digit over the first {@code weights.length} digits. */
    private static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return sum % 11 % 10;
    }
}
