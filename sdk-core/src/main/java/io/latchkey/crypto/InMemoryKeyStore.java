package io.latchkey.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link KeyStore} kept in memory: keys are generated at creation and on {@link #rotate()}, and lost when
 * the process ends. Right for tests and for hosts that load their keys themselves and pass them to
 * {@link #of(SigningKey, SecretKey)}.
 *
 * <p>Thread-safe.
 */
public final class InMemoryKeyStore implements KeyStore {

    private final RandomSource random;
    private final List<SigningKey> signingKeys = new ArrayList<>();
    private final List<SecretKey> secretKeys = new ArrayList<>();
    /** Whether the keys were made here (and so die with the process), not handed in by the host. */
    private final boolean generated;

    private InMemoryKeyStore(RandomSource random, boolean generated) {
        this.random = random;
        this.generated = generated;
    }

    /** A store with one freshly generated key of each kind. */
    public static InMemoryKeyStore generate(RandomSource random) {
        InMemoryKeyStore store = new InMemoryKeyStore(random, true);
        store.rotate();
        return store;
    }

    /** A store holding the given keys; {@link #rotate()} then generates with strong randomness. */
    public static InMemoryKeyStore of(SigningKey signingKey, SecretKey secretKey) {
        InMemoryKeyStore store = new InMemoryKeyStore(RandomSource.secure(), false);
        store.signingKeys.add(signingKey);
        store.secretKeys.add(secretKey);
        return store;
    }

    /** Makes new current keys; the previous ones stay valid for verification and opening. */
    public synchronized void rotate() {
        int generation = signingKeys.size() + 1;
        String suffix = Long.toHexString(random.nextLong() & 0xFFFF_FFFFL);
        signingKeys.add(0, SigningKey.generate("sig-" + generation + "-" + suffix, random));
        secretKeys.add(0, SecretKey.generate("sec-" + generation + "-" + suffix, random));
    }

    @Override
    public boolean survivesRestart() {
        return !generated;
    }

    @Override
    public synchronized SigningKey currentSigningKey() {
        return signingKeys.get(0);
    }

    @Override
    public synchronized List<VerificationKey> verificationKeys() {
        return signingKeys.stream().map(SigningKey::verificationKey).toList();
    }

    @Override
    public synchronized SecretKey currentSecretKey() {
        return secretKeys.get(0);
    }

    @Override
    public synchronized List<SecretKey> secretKeys() {
        return List.copyOf(secretKeys);
    }

    @Override
    public synchronized Optional<SecretKey> secretKey(String keyId) {
        return secretKeys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }
}
