package io.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's master key: where it comes from, who may read its file, and what it wraps. */
class MasterKeyTest {

    private final RandomSource random = RandomSource.seeded(3);

    @Test
    void aKeyFileIsCreatedOnFirstStartForItsOwnerOnlyAndReadOnTheNext(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data").resolve("master.key");

        MasterKey first = MasterKey.fromFile(file, random);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).strip()).length);
        MasterKey again = MasterKey.fromFile(file, RandomSource.seeded(4));
        assertEquals(first.id(), again.id());
        byte[] wrapped = first.wrap(bytes("seed"), "latchkey/key/SIGNING/1/sig-1", random);
        assertArrayEquals(bytes("seed"), again.unwrap(wrapped, "latchkey/key/SIGNING/1/sig-1"));
    }

    @Test
    void aKeyFileOthersMayReadIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("master.key");
        MasterKey.fromFile(file, random);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> MasterKey.fromFile(file, random));

        assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
    }

    @Test
    void aFileOrVariableWithoutAKeyIsRefusedByName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("master.key");
        Files.writeString(file, "c2hvcnQ=\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertTrue(assertThrows(IllegalStateException.class, () -> MasterKey.fromFile(file, random)).getMessage()
                .contains(file.toString()));

        String unset = "LATCHKEY_TEST_MASTER_KEY_THAT_IS_NOT_SET";
        assertTrue(assertThrows(IllegalStateException.class, () -> MasterKey.fromEnvironment(unset)).getMessage()
                .contains(unset));
        assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> MasterKey.of(new byte[16]));
    }

    @Test
    void aWrappedKeyOpensOnlyForItsContextAndUnderItsMasterKey() {
        MasterKey master = MasterKey.fromBase64(Base64.getEncoder().encodeToString(random.bytes(32)));
        byte[] wrapped = master.wrap(bytes("secret"), "latchkey/key/SEALING/1/sec-1", random);

        assertThrows(IllegalStateException.class, () -> master.unwrap(wrapped, "latchkey/key/SEALING/1/sec-2"));
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> MasterKey.generate(random).unwrap(wrapped, "latchkey/key/SEALING/1/sec-1"));
        assertTrue(other.getMessage().contains(master.id()), other.getMessage());
        assertTrue(master.id().matches("master-[0-9a-f]{16}"), master.id());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
