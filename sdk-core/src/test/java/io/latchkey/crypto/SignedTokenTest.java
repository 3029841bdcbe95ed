package io.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedTokenTest {

    private final InMemoryKeyStore keys = InMemoryKeyStore.generate(RandomSource.seeded(5));
    private final SignedToken token = new SignedToken("confirm", List.of("member-1", "3"),
            Instant.parse("2026-11-24T10:00:00.750Z"));

    @Test
    void aTokenOpensForItsPurposeWithItsClaimsAndSecondPrecisionExpiry() {
        String text = token.sign(keys.currentSigningKey());
        SignedToken opened = SignedToken.open(text, "confirm", keys::verificationKey).orElseThrow();
        assertEquals(List.of("member-1", "3"), opened.claims());
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), opened.expiresAt());
        assertEquals(text, opened.sign(keys.currentSigningKey()), "the same statement signs to the same string");
    }

    @Test
    void aTokenForOnePurposeIsWorthNothingForAnother() {
        String text = token.sign(keys.currentSigningKey());
        assertEquals(Optional.empty(), SignedToken.open(text, "password-reset", keys::verificationKey));
        assertEquals(Optional.empty(), SignedToken.open(text, "provision", keys::verificationKey));
    }

    @Test
    void expiryIsTheCallersCheckAgainstItsClock() {
        assertFalse(token.expiredAt(Instant.parse("2026-11-24T09:59:59Z")));
        assertTrue(token.expiredAt(Instant.parse("2026-11-24T10:00:00Z")));
    }

    @Test
    void anyChangedCharacterMakesItWorthless() {
        String text = token.sign(keys.currentSigningKey());
        int start = text.indexOf('.') + 1;
        qt().forAll(integers().between(start, text.length() - 1)).checkAssert(i -> {
            char c = text.charAt(i);
            String changed = text.substring(0, i) + (c == 'A' ? 'B' : 'A') + text.substring(i + 1);
            if (!changed.equals(text)) {
                assertEquals(Optional.empty(), SignedToken.open(changed, "confirm", keys::verificationKey));
            }
        });
    }

    @Test
    void malformedPurposesAndClaimsAreProgrammingErrors() {
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> new SignedToken("Confirm", List.of(), at));
        assertThrows(IllegalArgumentException.class, () -> new SignedToken("confirm/", List.of(), at));
        assertThrows(IllegalArgumentException.class, () -> new SignedToken("confirm", List.of("a|b"), at));
        SignedToken empty = new SignedToken("confirm", List.of(), at);
        assertEquals(empty, SignedToken.open(empty.sign(keys.currentSigningKey()), "confirm", keys::verificationKey)
                .orElseThrow());
    }
}
