package io.latchkey.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The key the host keeps outside the database to protect the SDK's own keys there: an environment variable,
 * or a file that only the service's user can read, created on first start. It wraps each stored key with
 * AES-256-GCM, bound to the key's id, so a wrapped key moved to another row does not open. Its id is a
 * fingerprint: a key store refuses, by name, keys wrapped under another master key.
 *
 * <p>Immutable; {@link #toString()} shows the fingerprint only.
 */
public final class MasterKey {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a master key is 32 bytes (44 characters of base64)");
        }
        this.key = new SecretKey("master-" + fingerprint(bytes), bytes);
    }

    /** A master key from its 32 bytes. */
    public static MasterKey of(byte[] bytes) {
        return new MasterKey(bytes.clone());
    }

    /** A master key from base64 text, such as {@code openssl rand -base64 32} prints. */
    public static MasterKey fromBase64(String text) {
        try {
            return new MasterKey(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a master key is 32 bytes of base64; " + e.getMessage(), e);
        }
    }

    /** A new random master key. */
    public static MasterKey generate(RandomSource random) {
        return new MasterKey(random.bytes(32));
    }

    /**
     * The master key in environment variable {@code variable} (base64).
     *
     * @throws IllegalStateException if it is not set or not a master key
     */
    public static MasterKey fromEnvironment(String variable) {
        String value = Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalStateException("environment variable " + variable
                        + " is not set: put a master key there (openssl rand -base64 32)"));
        try {
            return fromBase64(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + variable + ": " + e.getMessage(), e);
        }
    }

    /**
     * The master key in {@code file} (base64). On first start, when the file does not exist, a new key is
     * written there, readable and writable by the owner only; a file that others may read or write is refused.
     *
     * @throws IllegalStateException if the file is open to others or holds no master key
     */
    public static MasterKey fromFile(Path file, RandomSource random) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean posix = Files.getFileAttributeView(file.toAbsolutePath().getParent(),
                    PosixFileAttributeView.class) != null;
            if (Files.notExists(file)) {
                create(file, random, posix);
            }
            if (posix && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                throw new IllegalStateException("master key file " + file + " is open to others ("
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + "): chmod 600 it");
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read master key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("master key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file, RandomSource random, boolean posix) throws IOException {
        byte[] bytes = random.bytes(32);
        try {
            // Created with its permissions at once: there is no moment when others could read it.
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) {
            // Another node on this machine made it first: theirs is the key.
        }
    }

    /** The fingerprint that names this key: the first 8 bytes of its SHA-256, in hex. */
    public String id() {
        return key.keyId();
    }

    /** Wraps a key's material for {@code context} (the key's id and kind). */
    public byte[] wrap(byte[] material, String context, RandomSource random) {
        return Sealer.seal(key, random, material, context);
    }

    /**
     * Opens what {@link #wrap} made for the same context.
     *
     * @throws IllegalStateException if it was wrapped under another master key, for another context, or altered
     */
    public byte[] unwrap(byte[] wrapped, String context) {
        return Sealer.open(id -> {
            if (!id.equals(key.keyId())) {
                throw new IllegalStateException("the stored keys are wrapped under " + id + ", not under this "
                        + key.keyId() + ": is the master key the one this database was started with?");
            }
            return Optional.of(key);
        }, wrapped, context);
    }

    private static String fingerprint(byte[] bytes) {
        return Digests.sha256Hex(bytes).substring(0, 16);
    }

    @Override
    public String toString() {
        return "MasterKey[" + key.keyId() + "]";
    }
}
