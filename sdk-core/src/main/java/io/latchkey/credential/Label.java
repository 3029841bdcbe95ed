package io.latchkey.credential;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.crypto.RandomSource;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The public name of a credential ("mobile label"): 64 random bits shown as 16 upper-case hex digits, such
 * as {@code A45EFD1553FB806C}. Unique per operator.
 */
public record Label(long value) {

    /** A new random label. */
    public static Label random(RandomSource random) {
        return new Label(random.nextLong());
    }

    /**
     * Parses 16 hex digits, either case.
     *
     * @throws LatchkeyException {@link ErrorCode#FIELD_MALFORMED} naming {@code field}
     */
    public static Label parse(String field, String text) {
        if (text == null || text.length() != 16 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, field, field, "16 hex digits expected");
        }
        return new Label(HexFormat.fromHexDigitsToLong(text.toUpperCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().toHexDigits(value);
    }
}
