package io.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    private static final String DOMAIN = "activation/";
    private static final String PAYLOAD = "v1|license|42|2026-12-31";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final InMemoryKeyStore keys = InMemoryKeyStore.generate(RandomSource.seeded(1));
    private final Function<String, Optional<VerificationKey>> lookup = keys::verificationKey;

    @Test
    void rawSignatureVerifies() {
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        byte[] signature = Signatures.sign(keys.currentSigningKey(), DOMAIN, payload);

        assertEquals(64, signature.length);
        assertTrue(Signatures.verify(keys.currentSigningKey().verificationKey(), DOMAIN, payload, signature));
    }

    @Test
    void compactFormRoundTripsAnyText() {
        // Code points below the surrogates only: a lone surrogate has no UTF-8 form to round-trip.
        qt().withExamples(300).forAll(strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 200))
                .check(text -> Signatures.openCompact(Signatures.signCompact(keys.currentSigningKey(), DOMAIN, text),
                        DOMAIN, lookup).equals(Optional.of(text)));
    }

    @Test
    void compactFormNamesTheKeyId() {
        String compact = Signatures.signCompact(keys.currentSigningKey(), DOMAIN, PAYLOAD);
        assertTrue(compact.startsWith(keys.currentSigningKey().keyId() + "."), compact);
    }

    @Test
    void aSignatureForAnotherDomainFails() {
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        byte[] signature = Signatures.sign(keys.currentSigningKey(), DOMAIN, payload);
        String compact = Signatures.signCompact(keys.currentSigningKey(), DOMAIN, PAYLOAD);

        assertFalse(Signatures.verify(keys.currentSigningKey().verificationKey(), "provision/", payload, signature));
        assertEquals(Optional.empty(), Signatures.openCompact(compact, "provision/", lookup));
        // The domain is a prefix of the message, so moving characters between domain and payload must not help.
        assertEquals(Optional.empty(), Signatures.openCompact(
                Signatures.signCompact(keys.currentSigningKey(), "a/", "b/c"), "a/b/", lookup));
    }

    @Test
    void aDomainMustEndWithASlash() {
        assertThrows(IllegalArgumentException.class,
                () -> Signatures.signCompact(keys.currentSigningKey(), "activation", PAYLOAD));
        assertThrows(IllegalArgumentException.class,
                () -> Signatures.signCompact(keys.currentSigningKey(), "/", PAYLOAD));
    }

    @Test
    void anySingleFlippedBitOfPayloadOrSignatureFails() {
        String[] parts = Signatures.signCompact(keys.currentSigningKey(), DOMAIN, PAYLOAD).split("\\.");
        byte[] payload = B64D.decode(parts[1]);
        byte[] signature = B64D.decode(parts[2]);
        int payloadBits = payload.length * 8;
        int allBits = payloadBits + signature.length * 8;

        qt().withExamples(allBits * 2).forAll(integers().between(0, allBits - 1)).check(bit -> {
            byte[] p = payload.clone();
            byte[] s = signature.clone();
            if (bit < payloadBits) {
                flip(p, bit);
            } else {
                flip(s, bit - payloadBits);
            }
            String tampered = parts[0] + "." + B64.encodeToString(p) + "." + B64.encodeToString(s);
            return Signatures.openCompact(tampered, DOMAIN, lookup).isEmpty()
                    && !Signatures.verify(keys.currentSigningKey().verificationKey(), DOMAIN, p, s);
        });
    }

    @Test
    void anySingleFlippedBitOfTheCompactStringFails() {
        String compact = Signatures.signCompact(keys.currentSigningKey(), DOMAIN, PAYLOAD);
        int payloadStart = compact.indexOf('.') + 1;
        List<String> stillValid = new ArrayList<>();
        for (int i = payloadStart; i < compact.length(); i++) {
            for (int bit = 0; bit < 7; bit++) {
                char[] chars = compact.toCharArray();
                chars[i] ^= (char) (1 << bit);
                String tampered = new String(chars);
                if (Signatures.openCompact(tampered, DOMAIN, lookup).isPresent()) {
                    stillValid.add(tampered);
                }
            }
        }
        assertAll(
                () -> assertEquals(List.of(), stillValid, "altered strings that still open"),
                () -> assertEquals(Optional.empty(), Signatures.openCompact(compact + "==", DOMAIN, lookup),
                        "padded signature"));
    }

    private static void flip(byte[] bytes, int bit) {
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    }

    @Test
    void anUnknownKeyIdFails() {
        String compact = Signatures.signCompact(keys.currentSigningKey(), DOMAIN, PAYLOAD);
        String otherId = "other" + compact.substring(compact.indexOf('.'));

        assertEquals(Optional.empty(), Signatures.openCompact(otherId, DOMAIN, lookup));
        // A key that exists elsewhere but is not in this store does not help either.
        InMemoryKeyStore stranger = InMemoryKeyStore.generate(RandomSource.seeded(2));
        assertEquals(Optional.empty(), Signatures.openCompact(
                Signatures.signCompact(stranger.currentSigningKey(), DOMAIN, PAYLOAD), DOMAIN, lookup));
    }

    @Test
    void aKeyWithTheRightIdButAnotherPublicKeyFails() {
        String compact = Signatures.signCompact(keys.currentSigningKey(), DOMAIN, PAYLOAD);
        VerificationKey impostor = SigningKey.generate(keys.currentSigningKey().keyId(), RandomSource.seeded(3))
                .verificationKey();
        assertEquals(Optional.empty(), Signatures.openCompact(compact, DOMAIN, id -> Optional.of(impostor)));
    }

    @Test
    void malformedCompactStringsAreEmptyNotExceptions() {
        String good = Signatures.signCompact(keys.currentSigningKey(), DOMAIN, PAYLOAD);
        String[] parts = good.split("\\.");
        List<String> malformed = new ArrayList<>(List.of(
                "", ".", "..", "...", "a.b", "a.b.c.d", "a.b.c",
                parts[0] + ".!!!." + parts[2],
                parts[0] + "." + parts[1] + ".$$$",
                parts[0] + "." + parts[1] + ".A",                  // a lone base64 character is not a byte
                parts[0] + "." + parts[1] + ".AAAA",               // a signature of the wrong length
                parts[0] + "." + parts[1] + "." + B64.encodeToString(new byte[64]),
                parts[0] + "." + parts[1],
                good + ".",
                "." + good,
                parts[0] + ".." + parts[2]));
        malformed.add(null);
        for (String compact : malformed) {
            assertEquals(Optional.empty(), Signatures.openCompact(compact, DOMAIN, lookup), () -> "for " + compact);
        }
    }

    @Test
    void arbitraryStringsNeverThrow() {
        String keyId = keys.currentSigningKey().keyId();
        qt().withExamples(500).forAll(strings().allPossible().ofLengthBetween(0, 120))
                .check(s -> Signatures.openCompact(s, DOMAIN, lookup).isEmpty()
                        && Signatures.openCompact(keyId + "." + s, DOMAIN, lookup).isEmpty());
    }

    @Test
    void afterRotationOldSignaturesStillVerifyAndNewOnesUseTheNewKey() {
        String oldId = keys.currentSigningKey().keyId();
        String old = Signatures.signCompact(keys.currentSigningKey(), DOMAIN, PAYLOAD);

        keys.rotate();

        String newId = keys.currentSigningKey().keyId();
        String fresh = Signatures.signCompact(keys.currentSigningKey(), DOMAIN, PAYLOAD);
        assertNotEquals(oldId, newId);
        assertTrue(fresh.startsWith(newId + "."), fresh);
        assertTrue(keys.verificationKey(oldId).isPresent());
        assertEquals(newId, keys.verificationKeys().get(0).keyId(), "the current key comes first");
        assertEquals(Optional.of(PAYLOAD), Signatures.openCompact(old, DOMAIN, lookup));
        assertEquals(Optional.of(PAYLOAD), Signatures.openCompact(fresh, DOMAIN, lookup));
    }

    @Test
    void ed25519IsDeterministic() {
        SigningKey key = keys.currentSigningKey();
        assertEquals(Signatures.signCompact(key, DOMAIN, PAYLOAD), Signatures.signCompact(key, DOMAIN, PAYLOAD));
        // A key restored from its seed signs identically.
        SigningKey restored = SigningKey.fromSeed(key.keyId(), key.seed());
        assertEquals(Signatures.signCompact(key, DOMAIN, PAYLOAD), Signatures.signCompact(restored, DOMAIN, PAYLOAD));
        assertArrayEquals(key.verificationKey().publicKey(), restored.verificationKey().publicKey());
    }

    @Test
    void aMalformedDomainIsAProgrammingErrorOnBothSides() {
        String compact = Signatures.signCompact(keys.currentSigningKey(), DOMAIN, PAYLOAD);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Signatures.openCompact(compact, "activation", keys::verificationKey));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Signatures.signCompact(keys.currentSigningKey(), "", PAYLOAD));
    }
}
