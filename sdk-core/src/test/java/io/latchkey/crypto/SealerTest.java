package io.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.latchkey.testkit.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class SealerTest {

    private static final String CONTEXT = "credential/secret";
    private static final Gen<byte[]> BYTE_ARRAYS = byteArrays(0, 1024);

    private final InMemoryKeyStore keys = InMemoryKeyStore.generate(RandomSource.seeded(11));
    private final Sealer sealer = new Sealer(keys, RandomSource.seeded(12));

    @Test
    void subkeysAreHkdfSha256AsRfc5869Says() {
        // RFC 5869, test case 3: IKM 22 × 0x0b, no salt, no info; the first 32 bytes of the OKM.
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d",
                java.util.HexFormat.of().formatHex(Sealer.hkdf(ikm, "")));
    }

    @Test
    void sealingAndKeyedHashingUseTwoSubkeysNeitherOfThemTheKey() throws Exception {
        SecretKey key = keys.currentSecretKey();
        byte[] sealing = Sealer.subkey(key, Sealer.SEALING);
        byte[] hashing = Sealer.subkey(key, Sealer.HASHING);
        assertFalse(Arrays.equals(sealing, hashing));
        assertFalse(Arrays.equals(sealing, key.key()));
        assertFalse(Arrays.equals(hashing, key.key()));
        javax.crypto.Mac raw = javax.crypto.Mac.getInstance("HmacSHA256");
        raw.init(new javax.crypto.spec.SecretKeySpec(key.key(), "HmacSHA256"));
        raw.update(CONTEXT.getBytes(StandardCharsets.UTF_8));
        raw.update((byte) 0);
        String underTheKeyItself = java.util.HexFormat.of().formatHex(raw.doFinal(bytes("code")));
        assertNotEquals(underTheKeyItself, sealer.keyedHashes("code", CONTEXT).get(0));
    }

    @Test
    void sealedBytesOpenToThePlaintext() {
        qt().withExamples(300).forAll(BYTE_ARRAYS, strings().basicLatinAlphabet().ofLengthBetween(0, 40))
                .check((plain, context) -> Arrays.equals(plain, sealer.open(sealer.seal(plain, context), context)));
    }

    @Test
    void anotherContextDoesNotOpen() {
        byte[] sealed = sealer.seal(bytes("s3cret-device-password"), CONTEXT);
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed, "device/password"));
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed, ""));
    }

    @Test
    void anyTamperedByteDoesNotOpen() {
        byte[] sealed = sealer.seal(bytes("s3cret-device-password"), CONTEXT);
        qt().withExamples(500).forAll(integers().between(0, sealed.length - 1), integers().between(1, 255))
                .check((position, mask) -> {
                    byte[] tampered = sealed.clone();
                    tampered[position] ^= (byte) (int) mask;
                    try {
                        sealer.open(tampered, CONTEXT);
                        return false;
                    } catch (IllegalStateException expected) {
                        return true;
                    }
                });
    }

    @Test
    void truncatedOrForeignValuesDoNotOpen() {
        byte[] sealed = sealer.seal(bytes("s3cret"), CONTEXT);
        for (byte[] broken : new byte[][] {null, {}, {1}, {2, 0}, Arrays.copyOf(sealed, sealed.length - 1),
                Arrays.copyOf(sealed, 20)}) {
            assertThrows(IllegalStateException.class, () -> sealer.open(broken, CONTEXT));
        }
        Sealer stranger = new Sealer(InMemoryKeyStore.generate(RandomSource.seeded(99)), RandomSource.seeded(98));
        assertThrows(IllegalStateException.class, () -> stranger.open(sealed, CONTEXT));
    }

    @Test
    void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        byte[] old = sealer.seal(bytes("before"), CONTEXT);
        String oldKeyId = keys.currentSecretKey().keyId();

        keys.rotate();

        byte[] fresh = sealer.seal(bytes("after"), CONTEXT);
        assertNotEquals(oldKeyId, keys.currentSecretKey().keyId());
        assertEquals(oldKeyId, keyIdOf(old));
        assertEquals(keys.currentSecretKey().keyId(), keyIdOf(fresh));
        assertArrayEquals(bytes("before"), sealer.open(old, CONTEXT));
        assertArrayEquals(bytes("after"), sealer.open(fresh, CONTEXT));
    }

    /** The key id the sealed format names: {@code 0x01, keyIdLength, keyId, ...}. */
    private static String keyIdOf(byte[] sealed) {
        return new String(sealed, 2, sealed[1] & 0xFF, StandardCharsets.US_ASCII);
    }

    @Test
    void twoSealsOfTheSamePlaintextDiffer() {
        byte[] plain = bytes("same plaintext");
        byte[] first = sealer.seal(plain, CONTEXT);
        byte[] second = sealer.seal(plain, CONTEXT);
        assertFalse(Arrays.equals(first, second), "each seal draws a fresh nonce");
        assertArrayEquals(sealer.open(first, CONTEXT), sealer.open(second, CONTEXT));
    }

    @Test
    void sealedBytesDoNotContainThePlaintext() {
        qt().withExamples(200).forAll(byteArrays(8, 1024)).check(plain ->
                Bytes.indexOf(sealer.seal(plain, CONTEXT), plain) < 0);
        byte[] text = bytes("https://example.test/p?token=abcdefghijklmnop");
        assertEquals(-1, Bytes.indexOf(sealer.seal(text, CONTEXT), text));
        assertEquals(-1, Bytes.indexOf(sealer.seal(text, CONTEXT), bytes("token=")));
    }

    private static Gen<byte[]> byteArrays(int minLength, int maxLength) {
        return Generate.byteArrays(integers().between(minLength, maxLength),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
