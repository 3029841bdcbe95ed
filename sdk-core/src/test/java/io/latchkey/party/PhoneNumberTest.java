package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PhoneNumberTest {

    private static final String FIELD = "ownerPhone";

    @Test
    void typedFormsBecomeE164() {
        Map<String, String> examples = Map.ofEntries(
                Map.entry("+7 (912) 345-67-89", "+79123456789"),
                Map.entry("8 912 345 67 89", "+79123456789"),
                Map.entry("8 (912) 345-67-89", "+79123456789"),
                Map.entry("79123456789", "+79123456789"),
                Map.entry("+79123456789", "+79123456789"),
                Map.entry(" +7 912 345.67.89 ", "+79123456789"),
                Map.entry("+7\u00A0912\u00A0345\u00A067\u00A089", "+79123456789"),
                Map.entry("8 (7172) 55-44-33", "+77172554433"),
                Map.entry("0048 601 234 567", "+48601234567"),
                Map.entry("+48 601-234-567", "+48601234567"),
                Map.entry("(+48) 601 234 567", "+48601234567"),
                Map.entry("+1 (202) 555-0143", "+12025550143"),
                Map.entry("+12345678", "+12345678"),
                Map.entry("+123456789012345", "+123456789012345"));
        examples.forEach((typed, e164) -> assertEquals(e164, PhoneNumber.parse(FIELD, typed).e164(), typed));
    }

    @Test
    void toStringIsTheE164Form() {
        assertEquals("+79123456789", PhoneNumber.parse(FIELD, "8 912 345 67 89").toString());
        assertEquals(new PhoneNumber("+48601234567"), PhoneNumber.parse(FIELD, "0048 601 234 567"));
    }

    @Test
    void numbersThatAreNotValidAreRefusedNamingTheField() {
        for (String bad : List.of(
                "601234567",           // no country code, and not a Russian or Kazakh form
                "9123456789",          // ten national digits: the country cannot be guessed
                "89123456789 0",       // 12 digits after an 8
                "+0123",
                "+0123456789",
                "00 0123456789",
                "+7912abc4567",
                "+7 912 345 67 89 доб. 12",
                "tel:+79123456789",
                "12",
                "+1234567",            // 7 digits
                "+1234567890123456",   // 16 digits
                "00 1234567890123456",
                "+",
                "++79123456789",
                "7+9123456789",
                "+7 912 345 67 89 +",
                "+7/912/3456789",
                "+７９１２３４５６７８９")) {   // full-width digits
            LatchkeyException e = refused(ErrorCode.PHONE_INVALID, FIELD, () -> PhoneNumber.parse(FIELD, bad));
            assertTrue(bad.length() < 4 || !e.getMessage().contains(bad.strip()),
                    "no number in logs: " + e.getMessage());
        }
    }

    @Test
    void aMissingNumberIsRequired() {
        refused(ErrorCode.FIELD_REQUIRED, FIELD, () -> PhoneNumber.parse(FIELD, null));
        refused(ErrorCode.FIELD_REQUIRED, FIELD, () -> PhoneNumber.parse(FIELD, ""));
        refused(ErrorCode.FIELD_REQUIRED, FIELD, () -> PhoneNumber.parse(FIELD, "   "));
    }

    @Test
    void theConstructorTakesOnlyTheE164Form() {
        assertEquals("+79123456789", new PhoneNumber("+79123456789").e164());
        for (String bad : List.of("79123456789", "+0123456789", "+7 912 345 67 89", "+7912345678901234", "+1234567",
                "", "+7912345678９")) {
            assertThrows(IllegalArgumentException.class, () -> new PhoneNumber(bad), bad);
        }
        assertThrows(NullPointerException.class, () -> new PhoneNumber(null));
    }

    @Test
    void parsingIsIdempotentOverTypedForms() {
        qt().withExamples(500).forAll(e164Digits(), integers().between(0, 3), separatedBy())
                .check((digits, prefix, separators) -> {
                    String typed = typed(digits, prefix, separators);
                    PhoneNumber parsed = PhoneNumber.parse(FIELD, typed);
                    return parsed.e164().equals("+" + digits)
                            && PhoneNumber.parse(FIELD, parsed.toString()).equals(parsed);
                });
    }

    @Test
    void russianNationalFormsMatchTheInternationalOnes() {
        qt().forAll(lists().of(Generate.range(0, 9)).ofSize(10)).check(ten -> {
            String national = ten.stream().map(String::valueOf).reduce("", String::concat);
            PhoneNumber expected = new PhoneNumber("+7" + national);
            return PhoneNumber.parse(FIELD, "8" + national).equals(expected)
                    && PhoneNumber.parse(FIELD, "7" + national).equals(expected)
                    && PhoneNumber.parse(FIELD, "8 (" + national.substring(0, 3) + ") " + national.substring(3))
                            .equals(expected);
        });
    }

    /** The digits of a valid E.164 number: 8 to 15 of them, the first not 0. */
    private static Gen<String> e164Digits() {
        return Generate.range(1, 9).zip(lists().of(Generate.range(0, 9)).ofSizeBetween(7, 14),
                (first, rest) -> first + rest.stream().map(String::valueOf).reduce("", String::concat));
    }

    /** One separator (possibly none) after each digit. */
    private static Gen<List<String>> separatedBy() {
        return lists().of(Generate.pick(List.of("", "", "", " ", "-", ".", "(", ")", "\u00A0"))).ofSize(15);
    }

    /** The number as someone might type it: with {@code +}, {@code 00} or {@code + } before it, separated. */
    private static String typed(String digits, int prefix, List<String> separators) {
        StringBuilder typed = new StringBuilder(switch (prefix) {
            case 0 -> "+";
            case 1 -> "00";
            case 2 -> "+ ";
            default -> " (+";
        });
        for (int i = 0; i < digits.length(); i++) {
            typed.append(digits.charAt(i)).append(separators.get(i));
        }
        return typed.toString();
    }
}
