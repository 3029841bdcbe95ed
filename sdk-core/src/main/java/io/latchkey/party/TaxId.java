package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.internal.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A taxpayer number checked by its country's rule (the seed: "Ajax operuje w wielu krajach"): Russia's INN
 * ({@link Inn}), Poland's NIP (10 digits, the last a weighted check digit modulo 11), Ukraine's EDRPOU (8 digits,
 * a check digit modulo 11 with the weights the code's range names); elsewhere a free number of letters, digits
 * and separators, up to {@value #MAX_FREE} characters. Only form and check digits are checked, never whether a
 * tax service issued the number. Spaces and dashes typed between digits are dropped for the three checked
 * countries, and a NIP may be typed with its {@code PL} prefix.
 */
public final class TaxId {

    /** The longest free tax id, in countries without a checked rule. */
    public static final int MAX_FREE = 32;

    private static final int[] NIP_WEIGHTS = {6, 5, 7, 2, 3, 4, 5, 6, 7};
    private static final int[] EDRPOU_LOW = {1, 2, 3, 4, 5, 6, 7};
    private static final int[] EDRPOU_MIDDLE = {7, 1, 2, 3, 4, 5, 6};
    private static final Pattern FREE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ./-]*");

    private TaxId() {
    }

    /**
     * The tax id typed into {@code field}, normalized, by the rule of {@code country} (ISO 3166 alpha-2; null
     * counts as Russia, where the seeds' first systems work).
     *
     * @throws LatchkeyException {@link ErrorCode#FIELD_REQUIRED} if nothing is typed, {@link ErrorCode#INN_INVALID}
     *                           for a wrong Russian INN, {@link ErrorCode#TAX_ID_INVALID} for any other wrong id
     */
    public static String parse(String field, String country, String text) {
        String code = country == null ? "RU" : country.toUpperCase(Locale.ROOT);
        return switch (code) {
            case "RU" -> Inn.parse(field, text).digits();
            case "PL" -> checked(field, code, digits(field, text, "PL"), 10, TaxId::validNip);
            case "UA" -> checked(field, code, digits(field, text, "UA"), 8, TaxId::validEdrpou);
            default -> {
                String typed = Checks.required(field, text, MAX_FREE);
                if (!FREE.matcher(typed).matches()) {
                    throw LatchkeyException.ofField(ErrorCode.TAX_ID_INVALID, field, field, code);
                }
                yield typed.toUpperCase(Locale.ROOT);
            }
        };
    }

    /** The id, or null when nothing is typed. */
    public static String optional(String field, String country, String text) {
        return text == null || text.isBlank() ? null : parse(field, country, text);
    }

    private static String digits(String field, String text, String prefix) {
        String typed = Checks.required(field, text).toUpperCase(Locale.ROOT);
        if (typed.startsWith(prefix)) {
            typed = typed.substring(prefix.length());
        }
        return typed.replaceAll("[\\s\\p{Z}-]", "");
    }

    private static String checked(String field, String country, String digits, int length,
                                  java.util.function.Predicate<String> valid) {
        if (digits.length() != length || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || !valid.test(digits)) {
            throw LatchkeyException.ofField(ErrorCode.TAX_ID_INVALID, field, field, country);
        }
        return digits;
    }

    private static boolean validNip(String d) {
        int sum = weighted(d, NIP_WEIGHTS) % 11;
        return sum != 10 && sum == d.charAt(9) - '0';
    }

    private static boolean validEdrpou(String d) {
        long value = Long.parseLong(d);
        int[] weights = value < 30_000_000L || value > 60_000_000L ? EDRPOU_LOW : EDRPOU_MIDDLE;
        int check = weighted(d, weights) % 11;
        if (check == 10) {
            int[] next = new int[weights.length];
            for (int i = 0; i < weights.length; i++) {
                next[i] = weights[i] + 2;
            }
            check = weighted(d, next) % 11 % 10;
        }
        return check == d.charAt(7) - '0';
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
