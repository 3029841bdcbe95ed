package io.latchkey.keys;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.SecretKey;
import io.latchkey.crypto.SigningKey;
import io.latchkey.crypto.VerificationKey;
import io.latchkey.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link KeyStore} kept in the deployment's {@link Store}, each key wrapped under the host's
 * {@link MasterKey}: keys survive a restart, and every node on one database signs, seals and finds codes with
 * the same ones. The first start makes the first keys. {@link #rotate()} adds a generation whose keys become
 * current; older ones keep verifying, opening and finding what they made.
 *
 * <p>A node learns of keys another node made when it meets an id of a newer generation than it knows (at most
 * once a second, so made-up ids cannot make it read the store on every request), and in any case within
 * {@link #REFRESH}. Thread-safe.
 */
public final class StoredKeyStore implements KeyStore {

    /** How long a node trusts the keys it loaded before it reads them again. */
    public static final Duration REFRESH = Duration.ofMinutes(1);
    private static final Duration MISS_INTERVAL = Duration.ofSeconds(1);
    private static final Pattern GENERATION = Pattern.compile("^(?:sig|sec)-(\\d{1,9})-");

    private final Store store;
    private final MasterKey master;
    private final RandomSource random;
    private final Clock clock;
    private volatile Loaded loaded;

    /** The keys as last read: each kind newest first, and when they were read. */
    private record Loaded(List<SigningKey> signing, List<SecretKey> sealing, int generation, Instant at) {
    }

    private StoredKeyStore(Store store, MasterKey master, RandomSource random, Clock clock) {
        this.store = store;
        this.master = master;
        this.random = random;
        this.clock = clock;
    }

    /**
     * The keys in {@code store}, made on the first start.
     *
     * @throws IllegalStateException if the stored keys were wrapped under another master key
     */
    public static StoredKeyStore open(Store store, MasterKey master, RandomSource random, Clock clock) {
        StoredKeyStore keys = new StoredKeyStore(store, master, random, clock);
        if (keys.reload().generation() == 0) {
            keys.addGeneration(1);
        }
        return keys;
    }

    /**
     * Makes a new generation of keys current. What older keys signed still verifies, what they sealed still
     * opens, codes hashed under them are still found; other nodes take the new keys up within
     * {@link #REFRESH}.
     */
    public void rotate() {
        addGeneration(reload().generation() + 1);
    }

    @Override
    public SigningKey currentSigningKey() {
        return fresh().signing().get(0);
    }

    @Override
    public List<VerificationKey> verificationKeys() {
        return fresh().signing().stream().map(SigningKey::verificationKey).toList();
    }

    @Override
    public Optional<VerificationKey> verificationKey(String keyId) {
        return find(keyId, l -> l.signing().stream().filter(k -> k.keyId().equals(keyId)).findFirst()
                .map(SigningKey::verificationKey));
    }

    @Override
    public SecretKey currentSecretKey() {
        return fresh().sealing().get(0);
    }

    @Override
    public Optional<SecretKey> secretKey(String keyId) {
        return find(keyId, l -> l.sealing().stream().filter(k -> k.keyId().equals(keyId)).findFirst());
    }

    @Override
    public List<SecretKey> secretKeys() {
        return fresh().sealing();
    }

    private <K> Optional<K> find(String keyId, Function<Loaded, Optional<K>> lookup) {
        Loaded now = fresh();
        Optional<K> found = lookup.apply(now);
        if (found.isPresent()) {
            return found;
        }
        Matcher m = GENERATION.matcher(keyId);
        boolean newer = m.find() && Integer.parseInt(m.group(1)) > now.generation();
        boolean mayRead = !clock.instant().isBefore(now.at().plus(MISS_INTERVAL));
        return newer && mayRead ? lookup.apply(reload()) : Optional.empty();
    }

    private Loaded fresh() {
        Loaded current = loaded;
        return clock.instant().isBefore(current.at().plus(REFRESH)) ? current : reload();
    }

    private Loaded reload() {
        List<StoredKey> stored = store.inTransaction(() -> store.port(KeyRepository.class).all());
        List<SigningKey> signing = stored.stream().filter(k -> k.kind() == StoredKey.Kind.SIGNING)
                .map(k -> SigningKey.fromSeed(k.keyId(), master.unwrap(k.wrapped(), k.context()))).toList();
        List<SecretKey> sealing = stored.stream().filter(k -> k.kind() == StoredKey.Kind.SEALING)
                .map(k -> new SecretKey(k.keyId(), master.unwrap(k.wrapped(), k.context()))).toList();
        int generation = stored.stream().mapToInt(StoredKey::generation).max().orElse(0);
        Loaded next = new Loaded(signing, sealing, generation, clock.instant());
        loaded = next;
        return next;
    }

    /** Stores keys of {@code generation}; if another node stored that generation first, its keys stand. */
    private void addGeneration(int generation) {
        String suffix = Long.toHexString(random.nextLong() & 0xFFFF_FFFFL);
        SigningKey signing = SigningKey.generate("sig-" + generation + "-" + suffix, random);
        SecretKey sealing = SecretKey.generate("sec-" + generation + "-" + suffix, random);
        Instant now = clock.instant();
        try {
            store.inTransaction(() -> {
                KeyRepository keys = store.port(KeyRepository.class);
                keys.insert(wrapped(signing.keyId(), StoredKey.Kind.SIGNING, generation, signing.seed(), now));
                keys.insert(wrapped(sealing.keyId(), StoredKey.Kind.SEALING, generation, sealing.key(), now));
            });
        } catch (LatchkeyException e) {
            if (e.code() != ErrorCode.DUPLICATE) {
                throw e;
            }
        }
        reload();
    }

    private StoredKey wrapped(String keyId, StoredKey.Kind kind, int generation, byte[] material, Instant at) {
        byte[] wrapped = master.wrap(material, StoredKey.context(keyId, kind, generation), random);
        return new StoredKey(keyId, kind, generation, wrapped, at);
    }
}
