package io.latchkey.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.crypto.InMemoryKeyStore;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.Signatures;
import io.latchkey.crypto.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The signed list of released activations an offline device checks its activation file against. */
class RevocationListTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final String LICENSE = "01a207d9-2100-7d70-9c66-3cf4d73c4c0b";
    /** {@code printf 'pos:secret-serial' | sha256sum}. */
    private static final String SHA256_OF_SECRET_SERIAL = "e712e6b66422abdce252f6799d7d33c68efa036f9b89b6cb958ec4ed0f2d3a6d";

    private final InMemoryKeyStore keys = InMemoryKeyStore.generate(RandomSource.seeded(3));
    private final List<VerificationKey> published = keys.verificationKeys();

    private static Activation released(String fingerprint, Instant at) {
        return new Activation(new ActivationId(UUID.randomUUID()), LicenseId.parse(LICENSE), fingerprint,
                ActivationState.DEACTIVATED, at.minus(Duration.ofDays(1)), at, 1);
    }

    private ActivationFile file(String fingerprint, Instant issuedAt) {
        return ActivationFile.sign(keys.currentSigningKey(), LICENSE, fingerprint, "holder", issuedAt);
    }

    @Test
    void aReleasedActivationRevokesTheFilesIssuedUntilItsRelease() {
        Instant released = T0.plus(Duration.ofHours(1));
        RevocationList list = RevocationList.sign(keys.currentSigningKey(), List.of(released("pos-1", released)),
                T0.plus(Duration.ofHours(2)));

        RevocationList onDevice = RevocationList.verify(list.encoded(), published, T0.plus(Duration.ofHours(3)))
                .orElseThrow();
        assertEquals(list, onDevice);
        assertTrue(onDevice.revokes(file("pos-1", T0)));
        assertTrue(onDevice.revokes(file("pos-1", released)), "issued at the very release");
        assertFalse(onDevice.revokes(file("pos-1", released.plusSeconds(1))), "a later activation of the device");
        assertFalse(onDevice.revokes(file("pos-2", T0)), "another device");
        assertFalse(onDevice.revokes(ActivationFile.sign(keys.currentSigningKey(), UUID.randomUUID().toString(),
                "pos-1", "holder", T0)), "another license");
    }

    @Test
    void theListPublishesNoFingerprint() {
        RevocationList list = RevocationList.sign(keys.currentSigningKey(), List.of(released("pos:secret-serial", T0)),
                T0);
        String payload = new String(Base64.getUrlDecoder().decode(list.encoded().split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertFalse(payload.contains("secret-serial"), payload);
        assertEquals("v=1\nissuedAt=2026-11-27T10:00:00Z\nvalidUntil=2026-12-04T10:00:00Z\nrevoked=" + LICENSE + "/"
                + SHA256_OF_SECRET_SERIAL + "/2026-11-27T10:00:00Z\n", payload);
    }

    @Test
    void aListIsTrustedForSevenDays() {
        RevocationList list = RevocationList.sign(keys.currentSigningKey(), List.of(), T0);
        assertEquals(T0.plus(Duration.ofDays(7)), list.validUntil());
        assertTrue(RevocationList.verify(list.encoded(), published, T0.plus(Duration.ofDays(7)).minusSeconds(1))
                .isPresent());
        assertEquals(Optional.empty(), RevocationList.verify(list.encoded(), published, T0.plus(Duration.ofDays(7))));
        assertEquals(Optional.empty(), RevocationList.verify(list.encoded(), published, T0.minusSeconds(1)));
    }

    @Test
    void anAlteredListOrOneSignedForAnotherPurposeIsWorthNothing() {
        RevocationList list = RevocationList.sign(keys.currentSigningKey(), List.of(released("pos-1", T0)), T0);
        String payload = new String(Base64.getUrlDecoder().decode(list.encoded().split("\\.")[1]),
                StandardCharsets.UTF_8);
        // Dropping the entry that revokes a device's file is the attack: it must not verify.
        String emptied = payload.substring(0, payload.indexOf("revoked="));
        String[] parts = list.encoded().split("\\.");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(emptied.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(Optional.empty(), RevocationList.verify(altered, published, T0));
        assertEquals(Optional.empty(), RevocationList.verify(Signatures.signCompact(keys.currentSigningKey(),
                ActivationFile.DOMAIN, payload), published, T0));
        assertEquals(Optional.empty(), RevocationList.verify(list.encoded(),
                InMemoryKeyStore.generate(RandomSource.seeded(4)).verificationKeys(), T0));
        assertTrue(RevocationList.verify(Signatures.signCompact(keys.currentSigningKey(), RevocationList.DOMAIN,
                payload), published, T0).isPresent(), "the same text under revocations/ verifies");
        for (String bad : List.of(payload + "extra=1\n", payload.replace("v=1", "v=2"), payload.replace("\n", "\r\n"),
                payload + "revoked=x/y\n", "")) {
            assertEquals(Optional.empty(), RevocationList.verify(Signatures.signCompact(keys.currentSigningKey(),
                    RevocationList.DOMAIN, bad), published, T0), bad);
        }
    }
}
