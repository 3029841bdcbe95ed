package io.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link KeyStore} port: the current keys sign and seal, their ids find them, and after
 * a rotation what the old keys made still verifies and opens. Implementations extend this class.
 */
public abstract class KeyStoreContractTest {

    /** A key store of the implementation under test, with keys in it. */
    protected abstract KeyStore keyStore();

    /** Rotates the store's keys. */
    protected abstract void rotate(KeyStore keys);

    @Test
    public void theCurrentKeysAreFoundByTheirIds() {
        KeyStore keys = keyStore();
        SigningKey signing = keys.currentSigningKey();
        assertEquals(signing.verificationKey(), keys.verificationKeys().get(0), "the current key comes first");
        assertEquals(Optional.of(signing.verificationKey()), keys.verificationKey(signing.keyId()));
        assertEquals(Optional.of(keys.currentSecretKey()), keys.secretKey(keys.currentSecretKey().keyId()));
        assertEquals(Optional.empty(), keys.verificationKey("no-such-key"));
        assertEquals(Optional.empty(), keys.secretKey("no-such-key"));
        assertEquals(keys.currentSecretKey(), keys.secretKeys().get(0), "the current sealing key comes first");
    }

    @Test
    public void whatOldKeysMadeStillVerifiesAndOpensAfterARotation() {
        KeyStore keys = keyStore();
        RandomSource random = RandomSource.seeded(9);
        String signed = Signatures.signCompact(keys.currentSigningKey(), "test/", "payload");
        byte[] sealed = new Sealer(keys, random).seal("secret".getBytes(StandardCharsets.UTF_8), "test");
        String oldId = keys.currentSigningKey().keyId();

        rotate(keys);
        assertNotEquals(oldId, keys.currentSigningKey().keyId());
        assertEquals(Optional.of("payload"), Signatures.openCompact(signed, "test/", keys::verificationKey));
        assertEquals("secret", new String(new Sealer(keys, random).open(sealed, "test"), StandardCharsets.UTF_8));
        assertTrue(keys.verificationKeys().size() >= 2);
        assertTrue(keys.secretKeys().size() >= 2, "retired sealing keys stay listed for keyed-hash lookups");
    }
}
