package io.latchkey.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (RFC 9106, version 0x13) in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}, salt and hash in standard base64
 * without padding, so that the strings verify in other Argon2 libraries and theirs verify here.
 *
 * <p>{@link #argon2id(RandomSource)} uses OWASP's recommended m=19456 KiB, t=2, p=1 with a 16-byte salt and
 * a 32-byte hash. {@link #verify} reads the parameters from the string, so hashes made with other
 * parameters keep verifying; {@link #needsRehash} says when to replace one after a successful login.
 *
 * <p>Passwords are {@code char[]} so callers can wipe them; their UTF-8 bytes are wiped here after use, and no
 * password ever appears in an exception message. Immutable and thread-safe (given a thread-safe
 * {@link RandomSource}, as that interface requires).
 */
public final class PasswordHasher {

    /** OWASP Password Storage Cheat Sheet, Argon2id, first configuration. */
    private static final int DEFAULT_MEMORY_KIB = 19_456;
    private static final int DEFAULT_ITERATIONS = 2;
    private static final int DEFAULT_PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /*
     * Upper bounds for both new hashers and stored strings: verify() allocates the memory a string names, so
     * a corrupt or planted string must not be able to demand gigabytes or hours of work.
     */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_PARALLELISM = 64;
    /** The reference implementation's salt minimum; a hash under 16 bytes is too easy to match by chance. */
    private static final int MIN_SALT_BYTES = 8;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_SALT_OR_HASH_BYTES = 64;
    /** Far above any string within the bounds; longer input is refused before the pattern runs. */
    private static final int MAX_PHC_LENGTH = 256;

    /** Exactly one spelling: decimal numbers without leading zeros, parameters in PHC order, no extras. */
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
                    + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final RandomSource random;
    private final Cost cost;

    private PasswordHasher(RandomSource random, Cost cost) {
        this.random = Objects.requireNonNull(random, "random");
        this.cost = cost;
    }

    /** The longest password hashed or verified; the SDK's own forms allow 128. */
    public static final int MAX_LENGTH = 1024;

    /** A hasher with OWASP's parameters (m=19456 KiB, t=2, p=1), drawing salts from {@code random}. */
    public static PasswordHasher argon2id(RandomSource random) {
        return argon2id(random, DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /**
     * A hasher with its own cost, for tests and for tuning to a server's hardware.
     *
     * @param memoryKiB   memory in KiB, at least {@code 8 * parallelism} (Argon2's minimum) and at most 1 GiB
     * @param iterations  passes over the memory, 1 to 100
     * @param parallelism lanes, 1 to 64
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static PasswordHasher argon2id(RandomSource random, int memoryKiB, int iterations, int parallelism) {
        Objects.requireNonNull(random, "random");
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be between 1 and " + MAX_PARALLELISM);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "memoryKiB must be between 8 * parallelism and " + MAX_MEMORY_KIB);
        }
        return new PasswordHasher(random, new Cost(memoryKiB, iterations, parallelism, SALT_BYTES, HASH_BYTES));
    }

    /**
     * The PHC string of {@code password} under a fresh random salt; two calls give different strings.
     *
     * @throws IllegalArgumentException if the password is not well-formed UTF-16 (a lone surrogate)
     */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        if (password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a password is at most " + MAX_LENGTH + " characters");
        }
        byte[] salt = random.bytes(cost.saltBytes());
        byte[] hash = derive(password, salt, cost);
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} is the one {@code phc} was made from, under the parameters the string names.
     * False, never an exception, if {@code phc} is null, malformed, another algorithm or version, or beyond
     * this class's bounds (memory over 1 GiB, more than 100 iterations or 64 lanes, salt under 8 or hash under
     * 16 bytes), and if the password is not well-formed UTF-16 or longer than {@link #MAX_LENGTH}.
     */
    public boolean verify(char[] password, String phc) {
        Objects.requireNonNull(password, "password");
        if (password.length > MAX_LENGTH) {
            // Refused before any work: a megabyte typed into a sign-in form costs nothing but this check.
            return false;
        }
        Optional<Stored> stored = Stored.parse(phc);
        if (stored.isEmpty()) {
            return false;
        }
        byte[] actual;
        try {
            actual = derive(password, stored.get().salt(), stored.get().cost());
        } catch (IllegalArgumentException notUtf16) {
            return false;
        }
        return MessageDigest.isEqual(actual, stored.get().hash());
    }

    /**
     * Whether {@code phc} was made with other parameters (memory, iterations, lanes, salt or hash length)
     * than this hasher's, or is not a string this hasher can verify at all. After a successful
     * {@link #verify}, a true answer means: hash the password again and store the new string.
     */
    public boolean needsRehash(String phc) {
        return Stored.parse(phc).map(stored -> !stored.cost().equals(cost)).orElse(true);
    }

    /**
     * The password, just verified against {@code phc}, hashed again under today's parameters if {@code phc} was
     * made under others ({@link #needsRehash}); empty if it needs nothing.
     */
    public Optional<String> rehashed(char[] password, String phc) {
        return needsRehash(phc) ? Optional.of(hash(password)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "PasswordHasher[argon2id m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p="
                + cost.parallelism() + "]";
    }

    private static byte[] derive(char[] password, byte[] salt, Cost cost) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[cost.hashBytes()];
        byte[] utf8 = utf8(password);
        try {
            // The byte[] overload: the char[] one converts through Bouncy Castle and leaves that copy unwiped.
            generator.generateBytes(utf8, hash);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
        return hash;
    }

    /**
     * The UTF-8 bytes of {@code password}, without passing through a {@code String}. UTF-8 needs at most three
     * bytes per UTF-16 unit, so one buffer of that size is never outgrown; {@code CharsetEncoder.encode} would
     * grow its buffer and leave the discarded copies unwiped.
     */
    private static byte[] utf8(char[] password) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] buffer = new byte[Math.multiplyExact(password.length, 3)];
        ByteBuffer out = ByteBuffer.wrap(buffer);
        try {
            CoderResult result = encoder.encode(CharBuffer.wrap(password), out, true);
            if (result.isUnderflow()) {
                result = encoder.flush(out);
            }
            if (!result.isUnderflow()) {
                // Deliberately without the password or the position of the bad character.
                throw new IllegalArgumentException("the password is not well-formed UTF-16");
            }
            return Arrays.copyOf(buffer, out.position());
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    /** What a hash costs and how long its parts are; two hashes with equal costs need no rehash. */
    private record Cost(int memoryKiB, int iterations, int parallelism, int saltBytes, int hashBytes) {
    }

    /** A parsed PHC string within this class's bounds. */
    private record Stored(Cost cost, byte[] salt, byte[] hash) {

        static Optional<Stored> parse(String phc) {
            if (phc == null || phc.length() > MAX_PHC_LENGTH) {
                return Optional.empty();
            }
            Matcher m = PHC.matcher(phc);
            if (!m.matches()) {
                return Optional.empty();
            }
            long memoryKiB = Long.parseLong(m.group(1));
            long iterations = Long.parseLong(m.group(2));
            long parallelism = Long.parseLong(m.group(3));
            Optional<byte[]> salt = Encoding.canonicalBase64(m.group(4), B64, B64D);
            Optional<byte[]> hash = Encoding.canonicalBase64(m.group(5), B64, B64D);
            if (parallelism > MAX_PARALLELISM || iterations > MAX_ITERATIONS
                    || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB
                    || salt.isEmpty() || salt.get().length < MIN_SALT_BYTES
                    || salt.get().length > MAX_SALT_OR_HASH_BYTES
                    || hash.isEmpty() || hash.get().length < MIN_HASH_BYTES
                    || hash.get().length > MAX_SALT_OR_HASH_BYTES) {
                return Optional.empty();
            }
            Cost cost = new Cost((int) memoryKiB, (int) iterations, (int) parallelism, salt.get().length,
                    hash.get().length);
            return Optional.of(new Stored(cost, salt.get(), hash.get()));
        }
    }
}
