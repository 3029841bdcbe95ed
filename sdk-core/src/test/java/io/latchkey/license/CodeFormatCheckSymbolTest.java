package io.latchkey.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.latchkey.crypto.RandomSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The check symbol catches every single wrong symbol and every swap of two different neighbours, in both formats.
 *
 * <p>The proof is in two parts. The exhaustive tests show that each format's table is a Latin square (each row
 * and column a permutation) with a zero diagonal and is totally anti-symmetric, over every state and symbol.
 * From that, for every code: a wrong symbol at position i gives a different state after i (column
 * permutation), and different states stay different through every later symbol (row permutation), so the final
 * state is not 0; a swap of different neighbours x, y at i gives {@code (s∘x)∘y ≠ (s∘y)∘x}, which again stays
 * different. The property tests then check the guarantee directly on many codes, through the public API.
 */
class CodeFormatCheckSymbolTest {

    private static final String DIGITS = "0123456789";
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Test
    void eachTableIsALatinSquareWithAZeroDiagonal() {
        for (CodeFormat format : CodeFormat.values()) {
            int n = format.symbols();
            for (int a = 0; a < n; a++) {
                boolean[] inRow = new boolean[n];
                boolean[] inColumn = new boolean[n];
                for (int b = 0; b < n; b++) {
                    inRow[format.step(a, b)] = true;
                    inColumn[format.step(b, a)] = true;
                }
                for (int v = 0; v < n; v++) {
                    assertTrue(inRow[v] && inColumn[v], format + ": row or column " + a + " misses " + v);
                }
                assertEquals(0, format.step(a, a), format + ": diagonal at " + a);
            }
        }
    }

    @Test
    void eachTableIsTotallyAntiSymmetric() {
        for (CodeFormat format : CodeFormat.values()) {
            int n = format.symbols();
            List<String> violations = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                for (int x = 0; x < n; x++) {
                    for (int y = 0; y < n; y++) {
                        if (x != y && format.step(format.step(s, x), y) == format.step(format.step(s, y), x)) {
                            violations.add(s + "," + x + "," + y);
                        }
                    }
                }
            }
            assertEquals(List.of(), violations, format + ": states where swapping two symbols goes unnoticed");
        }
    }

    @Test
    void theDecimalTableIsDammsPublishedOne() {
        // Damm's worked example: 572 leaves state 4, so 5724 is valid.
        assertEquals(4, state(CodeFormat.NUMERIC_12, DIGITS, "572"));
        assertEquals(0, state(CodeFormat.NUMERIC_12, DIGITS, "5724"));
    }

    @Test
    void theBase32TableIsDammsConstructionOverGf32() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            String code = CodeFormat.BASE32_12.generate(RandomSource.seeded(seed));
            int state = 0;
            for (char c : code.substring(0, 11).toCharArray()) {
                state = timesT(state ^ CROCKFORD.indexOf(c));
            }
            assertEquals(CROCKFORD.charAt(state), code.charAt(11), code);
        });
    }

    @Test
    void codesMintedOnceStayValid() {
        // Codes live for years on cards and in firmware: a changed alphabet or table would make them all typos.
        for (String code : List.of("000000000000", "123456789018", "000000000013", "999999999999")) {
            assertEquals(Optional.of(code), CodeFormat.NUMERIC_12.normalize(code));
        }
        for (String code : List.of("000000000000", "ABCDEFGHJKMC", "0123456789AM", "ZZZZZZZZZZZK")) {
            assertEquals(Optional.of(code), CodeFormat.BASE32_12.normalize(code));
        }
    }

    @Test
    void exactlyOneCheckSymbolCompletesAnyElevenSymbols() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            for (CodeFormat format : CodeFormat.values()) {
                String alphabet = alphabet(format);
                String prefix = format.generate(RandomSource.seeded(seed)).substring(0, 11);
                long completions = alphabet.chars().filter(c -> format.normalize(prefix + (char) c).isPresent())
                        .count();
                assertEquals(1, completions, format + " " + prefix);
            }
        });
    }

    @Test
    void everySingleWrongSymbolAtEveryPositionIsCaught() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            for (CodeFormat format : CodeFormat.values()) {
                String alphabet = alphabet(format);
                String code = format.generate(RandomSource.seeded(seed));
                for (int i = 0; i < code.length(); i++) {
                    for (char wrong : alphabet.toCharArray()) {
                        if (wrong != code.charAt(i)) {
                            String typo = code.substring(0, i) + wrong + code.substring(i + 1);
                            assertEquals(Optional.empty(), format.normalize(typo), format + " position " + i);
                        }
                    }
                }
            }
        });
    }

    @Test
    void everySwapOfTwoDifferentNeighboursIsCaught() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            for (CodeFormat format : CodeFormat.values()) {
                String code = format.generate(RandomSource.seeded(seed));
                for (int i = 0; i + 1 < code.length(); i++) {
                    if (code.charAt(i) != code.charAt(i + 1)) {
                        String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i)
                                + code.substring(i + 2);
                        assertEquals(Optional.empty(), format.normalize(swapped), format + " at " + i);
                    }
                }
            }
        });
    }

    @Test
    void everySwapIsCaughtEvenWhereAllSymbolsMeet() {
        // Random codes rarely hold a given pair side by side; here every ordered pair of different symbols is
        // placed at every position of codes made valid by their check symbol.
        for (CodeFormat format : CodeFormat.values()) {
            String alphabet = alphabet(format);
            List<String> missed = new ArrayList<>();
            for (char x : alphabet.toCharArray()) {
                for (char y : alphabet.toCharArray()) {
                    for (int i = 0; x != y && i + 1 < CodeFormat.LENGTH; i++) {
                        char[] code = filler(alphabet, x, y);
                        code[i] = x;
                        code[i + 1] = y;
                        String valid = completeOrPlace(format, alphabet, code, i);
                        String swapped = valid.substring(0, i) + y + x + valid.substring(i + 2);
                        if (format.normalize(swapped).isPresent()) {
                            missed.add(valid + "->" + swapped);
                        }
                    }
                }
            }
            assertEquals(List.of(), missed, format.toString());
        }
    }

    @Test
    void luhnWouldMissSwapping09And90WhichDammCatches() {
        // Luhn doubles every second digit from the right: 0 doubles to 0 and 9 to 18, whose digits sum to 9,
        // so "09" and "90" add the same to its sum. This is why NUMERIC_12 uses Damm.
        String data = "1234509678";   // 10 digits; "09" at index 4
        String swappedData = "1234590678";
        assertEquals(luhnCheck(data), luhnCheck(swappedData), "Luhn gives both the same check digit");

        String code = withDammCheck("0" + data);
        String swapped = "0" + swappedData + code.charAt(11);
        assertTrue(CodeFormat.NUMERIC_12.normalize(code).isPresent());
        assertFalse(CodeFormat.NUMERIC_12.normalize(swapped).isPresent(), "Damm refuses the swap");
    }

    /** A code of symbols other than x and y where possible, so the pair under test is the only one. */
    private static char[] filler(String alphabet, char x, char y) {
        char other = alphabet.chars().filter(c -> c != x && c != y).mapToObj(c -> (char) c).findFirst().orElseThrow();
        char[] code = new char[CodeFormat.LENGTH];
        Arrays.fill(code, other);
        return code;
    }

    /**
     * The code made valid: its last symbol set to the one check symbol that completes it; when the pair itself
     * sits on the check position, the symbol before the pair is chosen instead.
     */
    private static String completeOrPlace(CodeFormat format, String alphabet, char[] code, int pairAt) {
        int free = pairAt + 1 == CodeFormat.LENGTH - 1 ? pairAt - 1 : CodeFormat.LENGTH - 1;
        for (char c : alphabet.toCharArray()) {
            code[free] = c;
            if (format.normalize(new String(code)).isPresent()) {
                return new String(code);
            }
        }
        throw new AssertionError("no symbol at " + free + " completes " + new String(code));
    }

    private static String withDammCheck(String elevenDigits) {
        return elevenDigits + DIGITS.charAt(state(CodeFormat.NUMERIC_12, DIGITS, elevenDigits));
    }

    private static int state(CodeFormat format, String alphabet, String symbols) {
        int state = 0;
        for (char c : symbols.toCharArray()) {
            state = format.step(state, alphabet.indexOf(c));
        }
        return state;
    }

    /** Multiplication by t in GF(2)[t]/(t⁵ + t² + 1), written out apart from the code under test. */
    private static int timesT(int v) {
        int shifted = v << 1;
        return shifted >= 32 ? shifted ^ 0b100101 : shifted;
    }

    private static int luhnCheck(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            // The check digit will sit to the right, so the rightmost data digit is the first one doubled.
            if (i % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    private static String alphabet(CodeFormat format) {
        String alphabet = format == CodeFormat.NUMERIC_12 ? DIGITS : CROCKFORD;
        assertEquals(alphabet.length(), format.symbols());
        return alphabet;
    }
}
