package io.latchkey.license;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.crypto.RandomSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CodeFormatTest {

    private static final String FIELD = "code";
    private static final Pattern NUMERIC = Pattern.compile("[0-9]{12}");
    private static final Pattern BASE32 = Pattern.compile("[0-9ABCDEFGHJKMNPQRSTVWXYZ]{12}");

    @Test
    void generatedCodesAreCanonicalAndReadBackUnchanged() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            for (CodeFormat format : CodeFormat.values()) {
                String code = format.generate(RandomSource.seeded(seed));
                assertTrue((format == CodeFormat.NUMERIC_12 ? NUMERIC : BASE32).matcher(code).matches(), code);
                assertEquals(Optional.of(code), format.normalize(code));
                assertEquals(Optional.of(code), format.normalize(format.display(code)));
                assertEquals(code, format.parse(FIELD, format.display(code)));
            }
        });
    }

    @Test
    void theSameRandomnessGivesTheSameCode() {
        for (CodeFormat format : CodeFormat.values()) {
            assertEquals(format.generate(RandomSource.seeded(9)), format.generate(RandomSource.seeded(9)));
        }
    }

    @Test
    void generatedCodesUseEverySymbolAtEveryRandomPositionAboutEquallyOften() {
        int codes = 4000;
        for (CodeFormat format : CodeFormat.values()) {
            String alphabet = format == CodeFormat.NUMERIC_12 ? "0123456789" : "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
            RandomSource random = RandomSource.seeded(11);
            int[][] counts = new int[CodeFormat.LENGTH][alphabet.length()];
            Set<String> distinct = new HashSet<>();
            for (int n = 0; n < codes; n++) {
                String code = format.generate(random);
                distinct.add(code);
                for (int i = 0; i < CodeFormat.LENGTH; i++) {
                    counts[i][alphabet.indexOf(code.charAt(i))]++;
                }
            }
            assertEquals(codes, distinct.size(), format + ": no code twice");
            double expected = (double) codes / alphabet.length();
            List<String> skewed = new ArrayList<>();
            for (int i = 0; i < CodeFormat.LENGTH; i++) {
                for (int v = 0; v < alphabet.length(); v++) {
                    // Far looser than chance allows (about 5 standard deviations): a bias such as
                    // byte % 10 without redrawing, or a symbol never drawn, still falls outside.
                    if (Math.abs(counts[i][v] - expected) > 5 * Math.sqrt(expected)) {
                        skewed.add("position " + i + " symbol " + alphabet.charAt(v) + ": " + counts[i][v]);
                    }
                }
            }
            assertEquals(List.of(), skewed, format + ": expected about " + expected + " each");
        }
    }

    @Test
    void generationDrawsAgainRatherThanFavourSmallDigits() {
        // Bytes 250..255 would make 0..5 more likely than 6..9 if taken modulo 10; they are redrawn.
        byte[] stream = {(byte) 250, (byte) 255, 7, (byte) 253, 3};
        int[] next = {0};
        RandomSource scripted = bytes -> {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = stream[next[0]++ % stream.length];
            }
        };
        String code = CodeFormat.NUMERIC_12.generate(scripted);
        assertTrue(code.startsWith("73"), code);
        assertEquals(Optional.of(code), CodeFormat.NUMERIC_12.normalize(code));
    }

    @Test
    void base32IsReadAsCrockfordSaysAnyCaseWithIlAndOForDigits() {
        qt().withExamples(300).forAll(longs().all(), integers().between(0, 5)).checkAssert((seed, style) -> {
            String code = CodeFormat.BASE32_12.generate(RandomSource.seeded(seed));
            String lenient = switch (style) {
                case 0 -> code.toLowerCase(java.util.Locale.ROOT);
                case 1 -> code.replace('1', 'I').replace('0', 'O');
                case 2 -> code.replace('1', 'l').replace('0', 'o');
                case 3 -> code.replace('1', 'L').toLowerCase(java.util.Locale.ROOT).replace('0', 'O');
                case 4 -> " " + CodeFormat.BASE32_12.display(code).toLowerCase(java.util.Locale.ROOT) + " ";
                default -> String.join(" ", code.split("(?<=\\G...)"));
            };
            assertEquals(Optional.of(code), CodeFormat.BASE32_12.normalize(lenient), lenient);
            assertEquals(code, CodeFormat.BASE32_12.parse(FIELD, lenient));
        });
    }

    @Test
    void dashesAndSpacesOfAnyKindAreIgnored() {
        for (CodeFormat format : CodeFormat.values()) {
            String code = format.generate(RandomSource.seeded(3));
            String a = code.substring(0, 4);
            String b = code.substring(4, 8);
            String c = code.substring(8);
            for (String typed : List.of(
                    a + "-" + b + "-" + c,
                    a + " " + b + " " + c,
                    " " + a + " - " + b + " - " + c + "\t",
                    a + "\u2013" + b + "\u2011" + c,             // en dash, non-breaking hyphen
                    a + "\u00A0" + b + "\u2009" + c,             // no-break space, thin space
                    "--" + a + b + c + "--",
                    String.join("-", code.split("")))) {
                assertEquals(Optional.of(code), format.normalize(typed), format + ": " + typed);
            }
        }
    }

    @Test
    void numericCodesTakeDigitsOnly() {
        // Twelve zeros are a valid code in both formats; only base32 reads O as 0.
        assertEquals(Optional.of("000000000000"), CodeFormat.BASE32_12.normalize("OOOO-OOOO-OOOO"));
        assertEquals(Optional.empty(), CodeFormat.NUMERIC_12.normalize("OOOO-OOOO-OOOO"));
        String code = CodeFormat.NUMERIC_12.generate(RandomSource.seeded(4));
        // Full-width and other scripts' digits are not keypad digits.
        assertEquals(Optional.empty(), CodeFormat.NUMERIC_12.normalize(toFullWidth(code)));
        assertEquals(Optional.empty(), CodeFormat.BASE32_12.normalize(toFullWidth(
                CodeFormat.BASE32_12.generate(RandomSource.seeded(4)))));
    }

    @Test
    void wrongLengthsAndForeignCharactersAreRefused() {
        for (CodeFormat format : CodeFormat.values()) {
            String code = format.generate(RandomSource.seeded(5));
            List<String> bad = new ArrayList<>(List.of(
                    "", "-", "    ",
                    code.substring(0, 11),
                    code + code.charAt(11),
                    code + "0",
                    "0" + code,
                    code.substring(0, 11) + "U",
                    code.substring(0, 11) + "*",
                    code.substring(0, 11) + "~",
                    code.substring(0, 6) + "_" + code.substring(6),
                    code.substring(0, 6) + "." + code.substring(6),
                    code.substring(0, 6) + "/" + code.substring(6),
                    code.substring(0, 11) + "\u0301" + code.charAt(11),   // a combining accent
                    code + code));
            bad.add(null);
            for (String typed : bad) {
                assertEquals(Optional.empty(), format.normalize(typed), format + ": " + typed);
            }
        }
        // Crockford leaves U out for fear of accidental obscenity; it is not read as V either.
        String data = "V" + CodeFormat.BASE32_12.generate(RandomSource.seeded(6)).substring(1, 11);
        String withV = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".chars().mapToObj(c -> data + (char) c)
                .filter(c -> CodeFormat.BASE32_12.normalize(c).isPresent()).findFirst().orElseThrow();
        for (char u : "Uu".toCharArray()) {
            assertEquals(Optional.empty(), CodeFormat.BASE32_12.normalize(u + withV.substring(1)));
        }
    }

    @Test
    void aMistypedCodeIsRefusedNamingTheFieldAndNotEchoed() {
        for (CodeFormat format : CodeFormat.values()) {
            String code = format.generate(RandomSource.seeded(7));
            char wrong = code.charAt(5) == '7' ? '8' : '7';
            String typo = code.substring(0, 5) + wrong + code.substring(6);
            for (String typed : List.of(typo, code.substring(1), code + "7", code.substring(0, 11) + "!")) {
                LatchkeyException e = refused(ErrorCode.LICENSE_CODE_INVALID, FIELD, () -> format.parse(FIELD, typed));
                assertFalse(e.getMessage().contains(code.substring(0, 4)), e.getMessage());
            }
        }
    }

    @Test
    void aMissingCodeIsRequired() {
        for (CodeFormat format : CodeFormat.values()) {
            refused(ErrorCode.FIELD_REQUIRED, FIELD, () -> format.parse(FIELD, null));
            refused(ErrorCode.FIELD_REQUIRED, FIELD, () -> format.parse(FIELD, ""));
            refused(ErrorCode.FIELD_REQUIRED, FIELD, () -> format.parse(FIELD, " \t "));
            refused(ErrorCode.FIELD_REQUIRED, FIELD, () -> format.parse(FIELD, "\u00A0 \u2009"));
            refused(ErrorCode.LICENSE_CODE_INVALID, FIELD, () -> format.parse(FIELD, "-"));
        }
    }

    @Test
    void arbitraryInputIsNeverAnException() {
        qt().withExamples(1000).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(typed -> {
            for (CodeFormat format : CodeFormat.values()) {
                Optional<String> code = format.normalize(typed);
                code.ifPresent(c -> assertEquals(Optional.of(c), format.normalize(c)));
            }
        });
    }

    @Test
    void displayGroupsInFours() {
        assertEquals("0000-0000-0000", CodeFormat.BASE32_12.display("000000000000"));
        for (CodeFormat format : CodeFormat.values()) {
            String code = format.generate(RandomSource.seeded(8));
            String shown = format.display(code);
            assertEquals(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8), shown);
            assertEquals(14, shown.length());
        }
    }

    @Test
    void maskedShowsTheLastFourOnly() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            for (CodeFormat format : CodeFormat.values()) {
                String code = format.generate(RandomSource.seeded(seed));
                String masked = format.masked(code);
                assertEquals("\u2022\u2022\u2022\u2022-\u2022\u2022\u2022\u2022-" + code.substring(8), masked);
                assertTrue(masked.matches("\u2022{4}-\u2022{4}-[0-9A-Z]{4}"), masked);
            }
        });
    }

    @Test
    void displayAndMaskedTakeOnlyCanonicalCodesAndNeverEchoThem() {
        for (CodeFormat format : CodeFormat.values()) {
            String code = format.generate(RandomSource.seeded(10));
            char wrong = code.charAt(0) == '1' ? '2' : '1';
            for (String notCanonical : List.of(format.display(code), code.toLowerCase(java.util.Locale.ROOT)
                            + (code.matches("[0-9]*") ? "0" : ""), wrong + code.substring(1), code.substring(1), "")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> format.display(notCanonical), notCanonical);
                assertFalse(e.getMessage().contains(code.substring(0, 4)), e.getMessage());
                assertThrows(IllegalArgumentException.class, () -> format.masked(notCanonical), notCanonical);
            }
            assertThrows(IllegalArgumentException.class, () -> format.display(null));
        }
    }

    private static String toFullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append((char) (c - 0x21 + 0xFF01)));
        return out.toString();
    }
}
