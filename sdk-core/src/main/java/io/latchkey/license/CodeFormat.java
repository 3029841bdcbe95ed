package io.latchkey.license;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.crypto.RandomSource;
import io.latchkey.internal.Checks;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The formats a license code can be minted in. Every code is 12 symbols, 11 random and a check symbol last,
 * shown grouped as {@code ABCD-EFGH-JKMN}. The check symbol catches every single mistyped symbol and every swap
 * of two neighbouring symbols, so typing mistakes are refused before any lookup.
 *
 * <p>Both formats use Damm's check: a quasigroup table {@code q} that is totally anti-symmetric
 * ({@code q[q[s][x]][y] == q[q[s][y]][x]} only when {@code x == y}) with a zero diagonal. The state starts at 0
 * and passes through each symbol ({@code s = q[s][symbol]}); the check symbol is the state after the 11 random
 * symbols, and a code is valid when the state after all 12 is 0. Because each row and each column of the table
 * is a permutation, a different symbol anywhere gives a different state from there on; because the table is
 * totally anti-symmetric, so does a swap of two different neighbours (the check symbol included).
 *
 * <p>The canonical form of a code is its 12 symbols in upper case, without separators; that is what
 * {@link #generate}, {@link #normalize} and {@link #parse} return and what {@link #display} and {@link #masked}
 * take. Codes are secrets until revealed: no method here puts a code into an exception message.
 *
 * <p>Constants are immutable and thread-safe; no method accepts or returns null except where stated.
 */
public enum CodeFormat {

    /** 11 random decimal digits and a Damm check digit, for POS keypads (about 36.5 bits). */
    NUMERIC_12("0123456789", "", damm10()),

    /**
     * 11 random Crockford base32 symbols (55 bits) and a check symbol from the same alphabet. Read leniently as
     * Crockford describes: any case, {@code I} and {@code L} as {@code 1}, {@code O} as {@code 0}.
     */
    BASE32_12("0123456789ABCDEFGHJKMNPQRSTVWXYZ", "I1L1O0", gf32Table());

    /** Symbols in a code, the check symbol included. */
    public static final int LENGTH = 12;

    private static final int GROUP = 4;
    private static final char BULLET = '\u2022';

    private final String alphabet;
    /** Symbol value by ASCII character, -1 where the character is not a symbol. */
    private final int[] values = new int[128];
    private final int[][] table;
    /** Random bytes at or above this are redrawn, so that {@code byte % size} is uniform. */
    private final int unbiasedBelow;

    CodeFormat(String alphabet, String aliases, int[][] table) {
        this.alphabet = alphabet;
        this.table = table;
        this.unbiasedBelow = 256 - 256 % alphabet.length();
        Arrays.fill(values, -1);
        for (int v = 0; v < alphabet.length(); v++) {
            accept(alphabet.charAt(v), v);
        }
        for (int i = 0; i < aliases.length(); i += 2) {
            accept(aliases.charAt(i), alphabet.indexOf(aliases.charAt(i + 1)));
        }
    }

    private void accept(char c, int value) {
        values[Character.toUpperCase(c)] = value;
        values[Character.toLowerCase(c)] = value;
    }

    /** A new random code in canonical form. */
    public String generate(RandomSource random) {
        Objects.requireNonNull(random, "random");
        char[] code = new char[LENGTH];
        int state = 0;
        byte[] pool = new byte[0];
        int next = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int b;
            do {
                if (next == pool.length) {
                    pool = random.bytes(16);
                    next = 0;
                }
                b = pool[next++] & 0xFF;
            } while (b >= unbiasedBelow);
            int value = b % alphabet.length();
            code[i] = alphabet.charAt(value);
            state = table[state][value];
        }
        code[LENGTH - 1] = alphabet.charAt(state);
        return new String(code);
    }

    /**
     * The canonical form of a code as typed, if it is 12 symbols of this format with a correct check symbol;
     * empty otherwise (null included). Dashes and spaces anywhere are ignored.
     */
    public Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        char[] code = new char[LENGTH];
        int length = 0;
        int state = 0;
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (isSeparator(c)) {
                continue;
            }
            int value = c < values.length ? values[c] : -1;
            if (value < 0 || length == LENGTH) {
                return Optional.empty();
            }
            code[length++] = alphabet.charAt(value);
            state = table[state][value];
        }
        return length == LENGTH && state == 0 ? Optional.of(new String(code)) : Optional.empty();
    }

    /**
     * The canonical form of a code typed into the request field {@code field}; this is the check to make before
     * looking a code up.
     *
     * @throws LatchkeyException {@link ErrorCode#FIELD_REQUIRED} if {@code typed} is null or only spaces,
     *                           {@link ErrorCode#LICENSE_CODE_INVALID} naming {@code field} if it is mistyped
     */
    public String parse(String field, String typed) {
        Checks.required(field, typed);
        if (typed.chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            // Only spaces the JDK does not count as blank, such as no-break spaces: still nothing typed.
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, field, field);
        }
        return normalize(typed).orElseThrow(() -> LatchkeyException.ofField(ErrorCode.LICENSE_CODE_INVALID, field));
    }

    /**
     * The code grouped for people, {@code ABCD-EFGH-JKMN}.
     *
     * @throws IllegalArgumentException if {@code canonical} is not a valid code in canonical form
     */
    public String display(String canonical) {
        String code = requireCanonical(canonical);
        return code.substring(0, GROUP) + "-" + code.substring(GROUP, 2 * GROUP) + "-" + code.substring(2 * GROUP);
    }

    /**
     * The code as a company sees a license it holds, {@code ••••-••••-JKMN}: the last group, enough to tell
     * licenses apart and to read one back over the phone. The eight hidden symbols leave at least 10⁷
     * candidates even with the check, too many to guess.
     *
     * @throws IllegalArgumentException if {@code canonical} is not a valid code in canonical form
     */
    public String masked(String canonical) {
        String code = requireCanonical(canonical);
        String hidden = String.valueOf(BULLET).repeat(GROUP);
        return hidden + "-" + hidden + "-" + code.substring(LENGTH - GROUP);
    }

    /** How many symbols this format has; for the tests that prove the check over every symbol. */
    int symbols() {
        return alphabet.length();
    }

    /** The check's table: the state after {@code state} reads the symbol of value {@code value}. */
    int step(int state, int value) {
        return table[state][value];
    }

    private String requireCanonical(String canonical) {
        if (canonical == null || !normalize(canonical).filter(canonical::equals).isPresent()) {
            // The value is not in the message: it may be a real code.
            throw new IllegalArgumentException("not a canonical " + name() + " code");
        }
        return canonical;
    }

    /** What people type or copy between groups: hyphens and other dashes, and any kind of space. */
    private static boolean isSeparator(char c) {
        return Character.getType(c) == Character.DASH_PUNCTUATION || Character.isWhitespace(c)
                || Character.isSpaceChar(c);
    }

    /** Damm's published table of order 10 (H. M. Damm, 2004), as in most implementations. */
    private static int[][] damm10() {
        return new int[][] {
                {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
                {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
                {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
                {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
                {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
                {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
                {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
                {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
                {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
                {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};
    }

    /**
     * Damm's construction of order 32: {@code x∘y = α·(x ⊕ y)} in GF(2⁵) = GF(2)[t]/(t⁵ + t² + 1), α = t.
     * It is a quasigroup because multiplying by α ≠ 0 is a bijection; its diagonal is 0; and
     * {@code (s∘x)∘y = α²s ⊕ α²x ⊕ αy} equals {@code (s∘y)∘x} only if {@code α(α+1)(x ⊕ y) = 0}, that is
     * {@code x = y}, since α ∉ {0, 1}. The check symbol then stays in the 32 plain symbols, unlike Crockford's
     * mod-37 check with its {@code *~$=U}, which a keypad or a printed card handles badly.
     */
    private static int[][] gf32Table() {
        int[][] table = new int[32][32];
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                int v = (x ^ y) << 1;
                table[x][y] = (v & 0x20) != 0 ? v ^ 0x25 : v;
            }
        }
        return table;
    }
}
