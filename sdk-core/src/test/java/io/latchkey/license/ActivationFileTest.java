package io.latchkey.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.latchkey.crypto.InMemoryKeyStore;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.Signatures;
import io.latchkey.crypto.SigningKey;
import io.latchkey.crypto.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivationFileTest {

    private static final String LICENSE = "01937a2e-5f00-7c3a-8d1e-4b2f9a6c0e11";
    private static final String FINGERPRINT = "pos:SN-4471-A;mac=00:1B:44:11:3A:B7";
    private static final String HOLDER = "01937a2e-4e00-7000-8000-000000000042";
    private static final Instant ISSUED = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemoryKeyStore keys = InMemoryKeyStore.generate(RandomSource.seeded(21));

    private ActivationFile signed() {
        return ActivationFile.sign(keys.currentSigningKey(), LICENSE, FINGERPRINT, HOLDER, ISSUED);
    }

    @Test
    void aSignedFileVerifiesOfflineWithThePublicKeysAlone() {
        ActivationFile file = signed();
        List<VerificationKey> published = keys.verificationKeys();

        assertEquals(Optional.of(file), ActivationFile.verify(file.encoded(), published));
        assertEquals(Optional.of(file), ActivationFile.verify(file.encoded(), published, FINGERPRINT, ISSUED));
        assertEquals(LICENSE, file.licenseId());
        assertEquals(FINGERPRINT, file.fingerprint());
        assertEquals(HOLDER, file.holder());
        assertEquals(ISSUED, file.issuedAt());
        assertEquals(keys.currentSigningKey().keyId(), file.keyId());
        assertTrue(file.encoded().startsWith(file.keyId() + "."), file.encoded());
    }

    @Test
    void anyTextWithoutControlCharactersRoundTrips() {
        qt().withExamples(100)
                .forAll(printable(), printable(), printable(), longs().between(0, 4_102_444_800_000L))
                .checkAssert((license, fingerprint, holder, millis) -> {
                    Instant at = Instant.ofEpochMilli(millis).plusNanos(millis % 1000);
                    ActivationFile file = ActivationFile.sign(keys.currentSigningKey(), license, fingerprint, holder,
                            at);
                    assertEquals(Optional.of(file), ActivationFile.verify(file.encoded(), keys.verificationKeys(),
                            fingerprint, file.issuedAt()));
                });
    }

    @Test
    void theSameActivationAlwaysSignsToTheSameFile() {
        assertEquals(signed(), signed());
    }

    @Test
    void aSignatureMadeForAnotherPurposeIsWorthNothing() {
        String payload = payloadOf(signed().encoded());
        SigningKey key = keys.currentSigningKey();

        assertTrue(ActivationFile.verify(Signatures.signCompact(key, ActivationFile.DOMAIN, payload),
                keys.verificationKeys()).isPresent(), "the same text under activation/ verifies");
        for (String domain : List.of("credential/", "provision/", "activation-test/", "Activation/")) {
            String elsewhere = Signatures.signCompact(key, domain, payload);
            assertEquals(Optional.empty(), ActivationFile.verify(elsewhere, keys.verificationKeys()), domain);
        }
    }

    @Test
    void anySingleFlippedBitOfTheEncodedFileFails() {
        // Every bit of every character, the key id and the dots included: exhaustive, not sampled.
        String encoded = signed().encoded();
        List<VerificationKey> published = keys.verificationKeys();
        List<String> stillValid = new ArrayList<>();
        for (int i = 0; i < encoded.length(); i++) {
            for (int bit = 0; bit < 16; bit++) {
                char[] chars = encoded.toCharArray();
                chars[i] ^= (char) (1 << bit);
                String tampered = new String(chars);
                if (ActivationFile.verify(tampered, published).isPresent()) {
                    stillValid.add(i + ":" + bit);
                }
            }
        }
        assertEquals(List.of(), stillValid, "character:bit flips that still verify");
        assertEquals(Optional.empty(), ActivationFile.verify(encoded + "=", published), "padded signature");
        assertEquals(Optional.empty(), ActivationFile.verify(encoded + ".", published));
        assertEquals(Optional.empty(), ActivationFile.verify(encoded.substring(0, encoded.length() - 1), published));
    }

    @Test
    void anUnknownKeyFails() {
        String encoded = signed().encoded();
        InMemoryKeyStore stranger = InMemoryKeyStore.generate(RandomSource.seeded(22));

        assertEquals(Optional.empty(), ActivationFile.verify(encoded, stranger.verificationKeys()));
        assertEquals(Optional.empty(), ActivationFile.verify(encoded, List.of()));
        String renamed = "other" + encoded.substring(encoded.indexOf('.'));
        assertEquals(Optional.empty(), ActivationFile.verify(renamed, keys.verificationKeys()));
        // A key published under the right id but with another public key does not help.
        VerificationKey impostor = SigningKey.generate(keys.currentSigningKey().keyId(), RandomSource.seeded(23))
                .verificationKey();
        assertEquals(Optional.empty(), ActivationFile.verify(encoded, List.of(impostor)));
        // A file signed by a stranger's key is refused by the licensor's keys.
        String forged = ActivationFile.sign(stranger.currentSigningKey(), LICENSE, FINGERPRINT, HOLDER, ISSUED)
                .encoded();
        assertEquals(Optional.empty(), ActivationFile.verify(forged, keys.verificationKeys(), FINGERPRINT, ISSUED));
    }

    @Test
    void aFileForAnotherDeviceFails() {
        String encoded = signed().encoded();
        for (String other : List.of("pos:SN-4471-B;mac=00:1B:44:11:3A:B7",
                FINGERPRINT.toLowerCase(java.util.Locale.ROOT),
                FINGERPRINT + " ", " " + FINGERPRINT, "", "pos")) {
            assertEquals(Optional.empty(), ActivationFile.verify(encoded, keys.verificationKeys(), other, ISSUED), other);
        }
    }

    @Test
    void filesSignedBeforeARotationStillVerifyWithTheOldKeyListed() {
        ActivationFile old = signed();
        VerificationKey oldKey = keys.currentSigningKey().verificationKey();

        keys.rotate();
        ActivationFile fresh = ActivationFile.sign(keys.currentSigningKey(), LICENSE, FINGERPRINT, HOLDER,
                ISSUED.plusSeconds(60));

        assertFalse(old.keyId().equals(fresh.keyId()));
        assertEquals(2, keys.verificationKeys().size());
        assertEquals(Optional.of(old), ActivationFile.verify(old.encoded(), keys.verificationKeys(), FINGERPRINT, old.issuedAt()));
        assertEquals(Optional.of(fresh), ActivationFile.verify(fresh.encoded(), keys.verificationKeys(), FINGERPRINT,
                fresh.issuedAt()));
        // A device that knows only the new key cannot check the old file, and the reverse.
        List<VerificationKey> newOnly = List.of(keys.currentSigningKey().verificationKey());
        assertEquals(Optional.empty(), ActivationFile.verify(old.encoded(), newOnly));
        assertEquals(Optional.of(old), ActivationFile.verify(old.encoded(), List.of(oldKey)));
        assertEquals(Optional.empty(), ActivationFile.verify(fresh.encoded(), List.of(oldKey)));
    }

    @Test
    void onlyTheExactTextSignMakesIsAccepted() {
        SigningKey key = keys.currentSigningKey();
        String good = payloadOf(signed().encoded());
        List<String> payloads = List.of(
                good.replace("v=2\n", "v=1\n"),
                good.replace("v=2\n", ""),
                good + "extra=1\n",
                good + "fingerprint=pos:other\n",                          // a repeated line, last wins in a map
                good.substring(0, good.length() - 1),                      // no final line break
                good.replace("\n", "\r\n"),
                good.replace("issuedAt=2026-11-23T10:00:00Z", "issuedAt=2026-11-23T10:00:00.000Z"),
                good.replace("issuedAt=2026-11-23T10:00:00Z", "issuedAt=2026-11-23T13:00:00+03:00"),
                good.replace("issuedAt=2026-11-23T10:00:00Z", "issuedAt=yesterday"),
                good.replace("holder=" + HOLDER + "\n", ""),
                good.replace("holder=" + HOLDER, "holder="),
                good.replace("holder=" + HOLDER, "holder= "),
                "v=2\nfingerprint=" + FINGERPRINT + "\nlicense=" + LICENSE + "\nholder=" + HOLDER
                        + "\nissuedAt=2026-11-23T10:00:00Z\nvalidUntil=2026-12-23T10:00:00Z\n", // reordered
                good.replace("validUntil=2026-12-23T10:00:00Z", "validUntil=2027-12-23T10:00:00Z"),
                good.replace("validUntil=2026-12-23T10:00:00Z\n", ""),
                "",
                "v=1");
        for (String payload : payloads) {
            String encoded = Signatures.signCompact(key, ActivationFile.DOMAIN, payload);
            assertEquals(Optional.empty(), ActivationFile.verify(encoded, keys.verificationKeys()), payload);
        }
    }

    @Test
    void arbitraryStringsAreEmptyNotExceptions() {
        String keyId = keys.currentSigningKey().keyId();
        assertEquals(Optional.empty(), ActivationFile.verify(null, keys.verificationKeys()));
        qt().withExamples(500).forAll(strings().allPossible().ofLengthBetween(0, 150))
                .check(s -> ActivationFile.verify(s, keys.verificationKeys()).isEmpty()
                        && ActivationFile.verify(keyId + "." + s, keys.verificationKeys(), FINGERPRINT, ISSUED).isEmpty());
    }

    @Test
    void valuesThatCouldForgeALineAreRefusedBeforeSigning() {
        SigningKey key = keys.currentSigningKey();
        for (String bad : List.of("", " ", "pos\nholder=evil", "pos\r", "pos\u0000", "pos\u0085", "\uD800",
                "x".repeat(ActivationFile.MAX_TEXT + 1))) {
            assertThrows(IllegalArgumentException.class,
                    () -> ActivationFile.sign(key, LICENSE, bad, HOLDER, ISSUED), bad);
            assertThrows(IllegalArgumentException.class,
                    () -> ActivationFile.sign(key, bad, FINGERPRINT, HOLDER, ISSUED), bad);
            assertThrows(IllegalArgumentException.class,
                    () -> ActivationFile.sign(key, LICENSE, FINGERPRINT, bad, ISSUED), bad);
        }
        assertThrows(NullPointerException.class, () -> ActivationFile.sign(key, LICENSE, null, HOLDER, ISSUED));
        assertThrows(NullPointerException.class, () -> ActivationFile.sign(key, LICENSE, FINGERPRINT, HOLDER, null));
        // Longest allowed, and characters a line format might trip on, are fine.
        String longest = "x".repeat(ActivationFile.MAX_TEXT);
        ActivationFile file = ActivationFile.sign(key, longest, "a=b=c|d.e", "холдинг 😀", ISSUED);
        assertEquals(Optional.of(file), ActivationFile.verify(file.encoded(), keys.verificationKeys(), "a=b=c|d.e",
                ISSUED));
    }

    @Test
    void theRecordKeepsItsKeyIdAndEncodedFormTogether() {
        ActivationFile file = signed();
        assertThrows(IllegalArgumentException.class, () -> new ActivationFile(LICENSE, FINGERPRINT, HOLDER, ISSUED,
                file.validUntil(), "other", file.encoded()));
    }

    /** Text with no control characters and no lone surrogates: what a device or the service may send. */
    private static org.quicktheories.core.Gen<String> printable() {
        return strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(1, 40)
                .assuming(s -> !s.isBlank() && s.chars().noneMatch(Character::isISOControl));
    }

    private static String payloadOf(String encoded) {
        return new String(Base64.getUrlDecoder().decode(encoded.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void aFileIsGoodForThirtyDaysFromItsIssue() {
        ActivationFile file = signed();
        List<VerificationKey> published = keys.verificationKeys();
        assertEquals(Instant.parse("2026-12-23T10:00:00Z"), file.validUntil());
        assertTrue(payloadOf(file.encoded()).endsWith(
                "issuedAt=2026-11-23T10:00:00Z\nvalidUntil=2026-12-23T10:00:00Z\n"));
        assertEquals(Optional.of(file), ActivationFile.verify(file.encoded(), published, FINGERPRINT,
                Instant.parse("2026-12-23T09:59:59Z")));
        assertEquals(Optional.empty(), ActivationFile.verify(file.encoded(), published, FINGERPRINT,
                Instant.parse("2026-12-23T10:00:00Z")), "expired: renew it online");
        assertEquals(Optional.empty(), ActivationFile.verify(file.encoded(), published, FINGERPRINT,
                Instant.parse("2026-11-23T09:59:59Z")), "not issued yet: the device's clock is wrong");
    }
}
