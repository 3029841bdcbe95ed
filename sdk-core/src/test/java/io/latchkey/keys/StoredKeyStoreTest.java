package io.latchkey.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.Latchkey;
import io.latchkey.crypto.InMemoryKeyStore;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.Sealer;
import io.latchkey.crypto.Signatures;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;
import io.latchkey.time.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Keys kept in the store under the master key: a second node (or a restart) on the same store uses the same keys,
 * rotation keeps what older keys made readable, and a wrong master key is refused by name.
 */
class StoredKeyStoreTest {

    private static final String DOMAIN = "keys-test/";
    private static final String CONTEXT = "test/secret";

    private final InMemoryStore store = InMemoryStore.create();
    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private final RandomSource random = RandomSource.seeded(5);
    private final MasterKey master = MasterKey.generate(RandomSource.seeded(6));

    private StoredKeyStore node() {
        return StoredKeyStore.open(store, master, random, clock);
    }

    private List<StoredKey> rows() {
        return store.inTransaction(() -> store.port(KeyRepository.class).all());
    }

    @Test
    void theFirstStartMakesOneKeyOfEachKindAndTheNextStartFindsThem() {
        StoredKeyStore first = node();
        assertEquals(List.of("SIGNING/1", "SEALING/1"),
                rows().stream().map(k -> k.kind() + "/" + k.generation()).sorted(Collections.reverseOrder()).toList());

        StoredKeyStore restarted = node();

        assertEquals(2, rows().size(), "no new keys on the second start");
        assertEquals(first.currentSigningKey().keyId(), restarted.currentSigningKey().keyId());
        assertEquals(first.currentSecretKey(), restarted.currentSecretKey());
        String signed = Signatures.signCompact(first.currentSigningKey(), DOMAIN, "hello");
        assertEquals(Optional.of("hello"), Signatures.openCompact(signed, DOMAIN, restarted::verificationKey));
        byte[] sealed = new Sealer(first, random).seal(bytes("code"), CONTEXT);
        assertArrayEquals(bytes("code"), new Sealer(restarted, random).open(sealed, CONTEXT));
        assertEquals(new Sealer(first, random).keyedHashes("code", CONTEXT),
                new Sealer(restarted, random).keyedHashes("code", CONTEXT));
    }

    @Test
    void theStoreHoldsTheKeysOnlyWrapped() {
        StoredKeyStore keys = node();
        byte[] seed = keys.currentSigningKey().seed();
        byte[] secret = keys.currentSecretKey().key();
        for (StoredKey row : rows()) {
            byte[] material = row.kind() == StoredKey.Kind.SIGNING ? seed : secret;
            assertFalse(contains(row.wrapped(), material), row + " holds its key in clear");
            assertFalse(row.toString().contains(java.util.HexFormat.of().formatHex(row.wrapped())));
        }
        assertEquals("MasterKey[" + master.id() + "]", master.toString());
    }

    @Test
    void aRotationMakesNewKeysCurrentAndOldOnesStillVerifyOpenAndFind() {
        StoredKeyStore keys = node();
        String oldSigned = Signatures.signCompact(keys.currentSigningKey(), DOMAIN, "before");
        byte[] oldSealed = new Sealer(keys, random).seal(bytes("before"), CONTEXT);
        String oldHash = new Sealer(keys, random).keyedHashes("code", CONTEXT).get(0);
        String oldSigning = keys.currentSigningKey().keyId();

        keys.rotate();

        assertTrue(keys.currentSigningKey().keyId().startsWith("sig-2-"), keys.currentSigningKey().keyId());
        assertTrue(keys.currentSecretKey().keyId().startsWith("sec-2-"), keys.currentSecretKey().keyId());
        assertEquals(List.of(keys.currentSigningKey().keyId(), oldSigning),
                keys.verificationKeys().stream().map(k -> k.keyId()).toList());
        assertEquals(Optional.of("before"), Signatures.openCompact(oldSigned, DOMAIN, keys::verificationKey));
        assertArrayEquals(bytes("before"), new Sealer(keys, random).open(oldSealed, CONTEXT));
        List<String> hashes = new Sealer(keys, random).keyedHashes("code", CONTEXT);
        assertEquals(2, hashes.size());
        assertEquals(oldHash, hashes.get(1), "a code hashed under the old key is still found");
        assertNotEquals(oldHash, hashes.get(0), "new codes are hashed under the new key");
    }

    @Test
    void aNodeTakesUpAnotherNodesRotationWhenItMeetsANewerKeyOrWithinTheRefreshTime() {
        StoredKeyStore a = node();
        StoredKeyStore b = node();
        a.rotate();
        String signed = Signatures.signCompact(a.currentSigningKey(), DOMAIN, "rotated");

        assertEquals(Optional.empty(), Signatures.openCompact(signed, DOMAIN, b::verificationKey),
                "within a second of its last read, b does not read again");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of("rotated"), Signatures.openCompact(signed, DOMAIN, b::verificationKey));
        byte[] sealed = new Sealer(a, random).seal(bytes("rotated"), CONTEXT);
        assertArrayEquals(bytes("rotated"), new Sealer(b, random).open(sealed, CONTEXT));

        a.rotate();
        assertNotEquals(a.currentSecretKey(), b.currentSecretKey(), "b still seals with what it loaded");
        clock.advance(StoredKeyStore.REFRESH);
        assertEquals(a.currentSecretKey(), b.currentSecretKey());
        assertEquals(3, b.secretKeys().size());
    }

    @Test
    void ofTwoNodesMakingTheSameGenerationAtOnceOneWinsAndBothUseItsKeys() {
        StoredKeyStore a = node();
        Facade lagging = new Facade();
        StoredKeyStore b = StoredKeyStore.open(lagging, master, random, clock);
        a.rotate();
        // b's next read misses a's rotation, as if it had read just before a stored it.
        lagging.keys = real -> new KeyRepository() {
            @Override
            public void insert(StoredKey key) {
                real.insert(key);
            }

            @Override
            public List<StoredKey> all() {
                lagging.keys = same -> same;
                return real.all().stream().filter(k -> k.generation() == 1).toList();
            }
        };

        b.rotate();

        assertEquals(4, rows().size(), "b's generation 2 lost to a's");
        assertEquals(a.currentSigningKey().keyId(), b.currentSigningKey().keyId());
        assertEquals(a.currentSecretKey(), b.currentSecretKey());
    }

    @Test
    void storedKeysDoNotOpenUnderAnotherMasterKey() {
        node();
        MasterKey other = MasterKey.generate(RandomSource.seeded(7));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> StoredKeyStore.open(store, other, random, clock));

        assertTrue(refused.getMessage().contains(master.id()) && refused.getMessage().contains(other.id()),
                refused.getMessage());
    }

    @Test
    void aWrappedKeyMovedToAnotherRowDoesNotOpen() {
        node();
        StoredKey signing = rows().stream().filter(k -> k.kind() == StoredKey.Kind.SIGNING).findFirst()
                .orElseThrow();
        InMemoryStore forged = InMemoryStore.create();
        forged.inTransaction(() -> {
            forged.port(KeyRepository.class).insert(signing);
            forged.port(KeyRepository.class).insert(new StoredKey("sec-1-forged", StoredKey.Kind.SEALING, 1,
                    signing.wrapped(), signing.createdAt()));
        });

        assertThrows(IllegalStateException.class, () -> StoredKeyStore.open(forged, master, random, clock));
    }

    @Test
    void aDurableStoreIsRefusedKeysThatDieWithTheProcessUnlessTheHostSaysSo() {
        Facade durable = new Facade();
        durable.durable = true;
        assertThrows(IllegalStateException.class, () -> Latchkey.builder().store(durable).build());
        assertThrows(IllegalStateException.class, () -> Latchkey.builder().store(durable)
                .keys(InMemoryKeyStore.generate(random)).build());
        assertThrows(IllegalStateException.class, () -> Latchkey.builder().store(durable)
                .keys(InMemoryKeyStore.generate(random)).masterKey(master).build());

        assertTrue(Latchkey.builder().store(durable).ephemeralKeys().build().keys() instanceof InMemoryKeyStore);
        var hostKept = InMemoryKeyStore.of(io.latchkey.crypto.SigningKey.generate("host-sig", random),
                io.latchkey.crypto.SecretKey.generate("host-sec", random));
        assertEquals(hostKept, Latchkey.builder().store(durable).keys(hostKept).build().keys());
        assertTrue(Latchkey.builder().store(durable).masterKey(master).build().keys() instanceof StoredKeyStore);
    }

    /** The test's store, as another node or a database would show it. */
    private final class Facade implements Store {
        boolean durable;
        UnaryOperator<KeyRepository> keys = real -> real;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return store.inTransaction(work);
        }

        @Override
        public boolean insideTransaction() {
            return store.insideTransaction();
        }

        @Override
        public <P> P port(Class<P> port) {
            P real = store.port(port);
            return port == KeyRepository.class ? port.cast(keys.apply((KeyRepository) real)) : real;
        }

        @Override
        public boolean durable() {
            return durable;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
