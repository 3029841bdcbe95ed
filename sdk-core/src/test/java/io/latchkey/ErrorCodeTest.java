package io.latchkey;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("%([sd])");

    @Test
    void numbersAreUnique() {
        Map<Integer, List<ErrorCode>> byNumber = Arrays.stream(ErrorCode.values())
                .collect(Collectors.groupingBy(ErrorCode::number));
        List<String> duplicates = byNumber.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        assertTrue(duplicates.isEmpty(), "duplicate error numbers: " + duplicates);
    }

    @Test
    void numbersAreGroupedByArea() {
        for (ErrorCode code : ErrorCode.values()) {
            int group = code.number() / 1000;
            assertTrue(group >= 1 && group <= 7, code + " has number " + code.number() + " outside 1xxx-7xxx");
        }
        // Declared in number order, so each area's codes form one block.
        ErrorCode[] codes = ErrorCode.values();
        for (int i = 1; i < codes.length; i++) {
            assertTrue(codes[i - 1].number() < codes[i].number(), codes[i] + " is declared out of number order");
        }
        assertAll(
                () -> assertGroup(1, ErrorCode.FIELD_REQUIRED, ErrorCode.FIELD_TOO_LONG, ErrorCode.FIELD_MALFORMED,
                        ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.TRANSITION_NOT_ALLOWED,
                        ErrorCode.IDEMPOTENCY_KEY_REUSED, ErrorCode.DUPLICATE),
                () -> assertGroup(2, ErrorCode.PERMISSION_DENIED, ErrorCode.ORGANIZATION_NOT_FOUND,
                        ErrorCode.MEMBER_NOT_FOUND, ErrorCode.EMAIL_INVALID, ErrorCode.TOO_MANY_ATTEMPTS),
                () -> assertGroup(3, codesNamed("POOL_", "CLIENT_", "CREDENTIAL_", "PROVISIONING_")),
                () -> assertGroup(7, codesNamed("BILLING_")));
    }

    private static ErrorCode[] codesNamed(String... prefixes) {
        return Arrays.stream(ErrorCode.values())
                .filter(c -> Arrays.stream(prefixes).anyMatch(p -> c.name().startsWith(p)))
                .toArray(ErrorCode[]::new);
    }

    private static void assertGroup(int thousands, ErrorCode... codes) {
        assertTrue(codes.length > 0);
        for (ErrorCode code : codes) {
            assertEquals(thousands, code.number() / 1000, code + " is in the wrong group");
        }
    }

    @Test
    void everyTemplateFormatsWithItsPlaceholders() {
        for (ErrorCode code : ErrorCode.values()) {
            Object[] args = argsFor(code.template());
            // No other format specifiers (%n, %%, %x...) hide in a template.
            long percents = code.template().chars().filter(c -> c == '%').count();
            assertEquals(args.length, percents, code + " has a format specifier other than %s/%d");

            String message = assertDoesNotThrow(() -> code.format(args), code::name);
            assertFalse(message.contains("%"), code + " left a placeholder: " + message);
            for (Object arg : args) {
                assertTrue(message.contains(arg.toString()), code + " dropped an argument: " + message);
            }
            assertEquals(message, LatchkeyException.of(code, args).getMessage());
        }
    }

    /** One argument per placeholder: a string for %s, an integer for %d. */
    private static Object[] argsFor(String template) {
        List<Object> args = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            args.add(m.group(1).equals("d") ? (Object) (1000 + args.size()) : "arg" + args.size());
        }
        return args.toArray();
    }

    @Test
    void everyCodeHasACategoryAndATemplate() {
        for (ErrorCode code : ErrorCode.values()) {
            assertNotNull(code.category(), code::name);
            assertFalse(code.template() == null || code.template().isBlank(), code::name);
        }
    }

    @Test
    void ofCarriesCodeAndCategoryButNoFieldOrRetry() {
        LatchkeyException e = LatchkeyException.of(ErrorCode.CLIENT_NOT_FOUND, "c-1");
        assertAll(
                () -> assertEquals(ErrorCode.CLIENT_NOT_FOUND, e.code()),
                () -> assertEquals(ErrorCategory.NOT_FOUND, e.category()),
                () -> assertEquals(Optional.empty(), e.field()),
                () -> assertEquals(Optional.empty(), e.retryAfter()),
                () -> assertEquals("client c-1 not found", e.getMessage()));
    }

    @Test
    void ofFieldCarriesTheField() {
        LatchkeyException e = LatchkeyException.ofField(ErrorCode.FIELD_TOO_LONG, "name", "name", 80);
        assertAll(
                () -> assertEquals(ErrorCode.FIELD_TOO_LONG, e.code()),
                () -> assertEquals(ErrorCategory.INVALID, e.category()),
                () -> assertEquals(Optional.of("name"), e.field()),
                () -> assertEquals(Optional.empty(), e.retryAfter()),
                () -> assertEquals("name is longer than 80 characters", e.getMessage()));
    }

    @Test
    void rateLimitedCarriesRetryAfter() {
        LatchkeyException e = LatchkeyException.rateLimited(ErrorCode.TOO_MANY_ATTEMPTS, Duration.ofSeconds(42));
        assertAll(
                () -> assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, e.code()),
                () -> assertEquals(ErrorCategory.RATE_LIMITED, e.category()),
                () -> assertEquals(Optional.empty(), e.field()),
                () -> assertEquals(Optional.of(Duration.ofSeconds(42)), e.retryAfter()));
    }
}
