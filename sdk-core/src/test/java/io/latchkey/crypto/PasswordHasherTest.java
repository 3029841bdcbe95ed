package io.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PasswordHasherTest {

    /** Light enough for hundreds of hashes per test; the format and the logic do not depend on the cost. */
    private final PasswordHasher light = PasswordHasher.argon2id(RandomSource.seeded(21), 256, 1, 1);

    private static final Pattern PHC_SHAPE = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=256,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");

    /** What people type: ASCII, Russian and Polish letters, and a character outside the BMP (a surrogate pair). */
    private static final Gen<String> PASSWORDS = lists()
            .of(Generate.pick(List.of(
                    "a", "Z", "7", " ", "!", "$", "\\", "~",
                    "ж", "Ж", "ё", "Ё", "щ", "ы", "я",
                    "ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż", "Ł", "Ż",
                    "\uD83D\uDD11")))
            .ofSizeBetween(0, 24)
            .map(parts -> String.join("", parts));

    @Test
    void aPasswordLongerThanTheCapIsNeitherHashedNorVerified() {
        char[] longest = "a".repeat(PasswordHasher.MAX_LENGTH).toCharArray();
        String phc = light.hash(longest);
        assertTrue(light.verify(longest, phc));
        char[] tooLong = "a".repeat(PasswordHasher.MAX_LENGTH + 1).toCharArray();
        assertThrows(IllegalArgumentException.class, () -> light.hash(tooLong));
        assertFalse(light.verify(tooLong, phc));
    }

    @Test
    void aHashVerifiesItsPassword() {
        String phc = light.hash(chars("correct horse battery staple"));
        assertTrue(light.verify(chars("correct horse battery staple"), phc));
    }

    @Test
    void anotherPasswordDoesNotVerify() {
        String phc = light.hash(chars("correct horse battery staple"));
        assertFalse(light.verify(chars("correct horse battery stapler"), phc));
        assertFalse(light.verify(chars("Correct horse battery staple"), phc));
        assertFalse(light.verify(chars(""), phc));
    }

    @Test
    void twoHashesOfOnePasswordDifferButBothVerify() {
        String first = light.hash(chars("пароль"));
        String second = light.hash(chars("пароль"));
        assertNotEquals(first, second, "each hash draws a fresh salt");
        assertNotEquals(first.split("\\$")[4], second.split("\\$")[4]);
        assertTrue(light.verify(chars("пароль"), first));
        assertTrue(light.verify(chars("пароль"), second));
    }

    @Test
    void theHashHasThePhcShapeAndNoPartOfThePassword() {
        String password = "Zażółć gęślą jaźń, съешь же ещё";
        String phc = light.hash(chars(password));

        assertTrue(PHC_SHAPE.matcher(phc).matches(), phc);
        for (int i = 0; i + 4 <= password.length(); i++) {
            String part = password.substring(i, i + 4);
            assertFalse(phc.contains(part), () -> "the hash contains '" + part + "'");
        }
    }

    @Test
    void theDefaultsAreOwaspsWithA16ByteSaltAndA32ByteHash() {
        PasswordHasher defaults = PasswordHasher.argon2id(RandomSource.seeded(22));
        String phc = defaults.hash(chars("correct horse battery staple"));

        assertTrue(Pattern.matches(
                "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}", phc), phc);
        assertTrue(defaults.verify(chars("correct horse battery staple"), phc));
        assertFalse(defaults.needsRehash(phc));
    }

    @Test
    void aHashMadeWithOtherParametersStillVerifies() {
        PasswordHasher older = PasswordHasher.argon2id(RandomSource.seeded(23), 128, 2, 2);
        String phc = older.hash(chars("s3cret"));

        assertTrue(phc.startsWith("$argon2id$v=19$m=128,t=2,p=2$"), phc);
        assertTrue(light.verify(chars("s3cret"), phc));
        assertFalse(light.verify(chars("s3cret!"), phc));
    }

    /**
     * Strings made by the reference implementation (P-H-C/phc-winner-argon2, {@code src/test.c}, the Argon2id
     * version 0x13 cases with m=256), for password {@code "password"} and the 8-byte salt {@code "somesalt"}.
     */
    @Test
    void stringsFromTheReferenceImplementationVerify() {
        String p1 = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
        String p2 = "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc";

        for (String reference : List.of(p1, p2)) {
            assertTrue(light.verify(chars("password"), reference), reference);
            assertFalse(light.verify(chars("passwore"), reference), reference);
            assertTrue(light.needsRehash(reference), "other parameters and an 8-byte salt");
        }
    }

    /**
     * RFC 9106 section 5.3 (Argon2id with a secret and associated data, which PHC strings do not carry) checks
     * the Bouncy Castle generator itself with the same settings {@link PasswordHasher} gives it.
     */
    @Test
    void bouncyCastleReproducesTheRfc9106Argon2idVector() {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32)
                .withIterations(3)
                .withParallelism(4)
                .withSalt(filled(16, 0x02))
                .withSecret(filled(8, 0x03))
                .withAdditional(filled(12, 0x04))
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] tag = new byte[32];
        generator.generateBytes(filled(32, 0x01), tag);

        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659",
                HexFormat.of().formatHex(tag));
    }

    @Test
    void needsRehashWhenTheParametersDiffer() {
        String current = light.hash(chars("s3cret"));
        assertFalse(light.needsRehash(current));

        assertTrue(light.needsRehash(hashedWith(512, 1, 1)));
        assertTrue(light.needsRehash(hashedWith(256, 2, 1)));
        assertTrue(light.needsRehash(hashedWith(256, 1, 2)));
        assertFalse(light.needsRehash(hashedWith(256, 1, 1)), "the salt is not a parameter");
        assertTrue(light.needsRehash("not a hash"));
        assertTrue(light.needsRehash(null));
    }

    @Test
    void malformedStringsAndOtherAlgorithmsDoNotVerify() {
        String good = light.hash(chars("s3cret"));
        String salt = good.split("\\$")[4];
        String hash = good.split("\\$")[5];
        String params = "$argon2id$v=19$m=256,t=1,p=1$";
        assertTrue(light.verify(chars("s3cret"), params + salt + "$" + hash), "the parts below are sound");

        List<String> broken = List.of(
                "",
                "$",
                "s3cret",
                good.replace("$argon2id$", "$argon2i$"),
                good.replace("$argon2id$", "$argon2d$"),
                good.replace("$argon2id$", "$2b$"),
                good.replace("$v=19$", "$v=16$"),
                good.replace("$v=19$", "$"),
                good.substring(0, good.length() - 1),
                good.substring(0, good.length() - 2),
                good.substring(0, good.lastIndexOf('$')),
                good.substring(0, good.lastIndexOf('$') + 1),
                good + "$",
                good + "\n",
                " " + good,
                params + salt + "$" + hash.substring(0, 20) + "*" + hash.substring(21),
                params + salt + "$" + hash + "=",
                params + "$" + hash,
                params + salt + "$$" + hash,
                params.replace("m=256", "m=0") + salt + "$" + hash,
                params.replace("m=256", "m=0256") + salt + "$" + hash,
                params.replace("m=256", "m=-256") + salt + "$" + hash,
                params.replace("m=256", "m=4") + salt + "$" + hash,
                params.replace("m=256", "m=99999999999") + salt + "$" + hash,
                params.replace("m=256", "m=2097152") + salt + "$" + hash,
                params.replace("t=1", "t=0") + salt + "$" + hash,
                params.replace("t=1", "t=101") + salt + "$" + hash,
                params.replace("p=1", "p=0") + salt + "$" + hash,
                params.replace("p=1", "p=65") + salt + "$" + hash,
                params.replace("m=256,t=1,p=1", "t=1,m=256,p=1") + salt + "$" + hash,
                params.replace("p=1", "p=1,keyid=abc") + salt + "$" + hash,
                params + "c29tZQ" + "$" + hash,
                params + salt + "$" + hash.substring(0, 20),
                params + salt + "$" + hash + "A".repeat(300));
        for (String phc : broken) {
            assertFalse(light.verify(chars("s3cret"), phc), phc);
        }
        assertFalse(light.verify(chars("s3cret"), null));
    }

    @Test
    void onlyTheCanonicalBase64SpellingVerifies() {
        String good = light.hash(chars("s3cret"));
        String[] parts = good.split("\\$");
        String params = "$argon2id$v=19$m=256,t=1,p=1$";
        // The last character of 16 or 32 bytes in base64 has unused low bits; the JDK decoder ignores them.
        String oddSalt = withLowBitSet(parts[4]);
        String oddHash = withLowBitSet(parts[5]);
        assertArrayEquals(Base64.getDecoder().decode(parts[4]), Base64.getDecoder().decode(oddSalt));
        assertArrayEquals(Base64.getDecoder().decode(parts[5]), Base64.getDecoder().decode(oddHash));

        assertTrue(light.verify(chars("s3cret"), params + parts[4] + "$" + parts[5]));
        assertFalse(light.verify(chars("s3cret"), params + oddSalt + "$" + parts[5]));
        assertFalse(light.verify(chars("s3cret"), params + parts[4] + "$" + oddHash));
    }

    private static String withLowBitSet(String base64) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int last = alphabet.indexOf(base64.charAt(base64.length() - 1));
        return base64.substring(0, base64.length() - 1) + alphabet.charAt(last | 1);
    }

    @Test
    void anyPasswordVerifiesAndAnyOtherDoesNot() {
        qt().withExamples(100).forAll(PASSWORDS, PASSWORDS).check((password, other) -> {
            String phc = light.hash(chars(password));
            return PHC_SHAPE.matcher(phc).matches()
                    && light.verify(chars(password), phc)
                    && light.verify(chars(other), phc) == password.equals(other);
        });
    }

    @Test
    void passwordsAreHashedAsTheirUtf8Bytes() {
        String password = "Żółw и ёж \uD83D\uDD11";
        String[] parts = light.hash(chars(password)).split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[4]);

        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(256).withIterations(1).withParallelism(1)
                .withSalt(salt)
                .build());
        byte[] expected = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), expected);

        assertEquals(Base64.getEncoder().withoutPadding().encodeToString(expected), parts[5]);
    }

    @Test
    void aLoneSurrogateIsRefusedWithoutShowingThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> light.hash(chars("hunter2\uD83D")));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(light.verify(chars("hunter2\uD83D"), light.hash(chars("hunter2"))));
    }

    @Test
    void oneHasherServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                char[] password = chars("пароль-" + i);
                results.add(pool.submit(() -> light.verify(password.clone(), light.hash(password))
                        && !light.verify(chars("другой"), light.hash(password))));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHasherNamesItsParametersButNoSecret() {
        assertEquals("PasswordHasher[argon2id m=256,t=1,p=1]", light.toString());
    }

    @Test
    void parametersOutOfRangeAreRefused() {
        RandomSource random = RandomSource.seeded(25);
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.argon2id(random, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.argon2id(random, 7, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.argon2id(random, 15, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.argon2id(random, (1 << 20) + 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.argon2id(random, 256, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.argon2id(random, 256, 101, 1));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.argon2id(random, 256, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.argon2id(random, 1024, 1, 65));
        assertThrows(NullPointerException.class, () -> PasswordHasher.argon2id(null));
        assertEquals("PasswordHasher[argon2id m=16,t=1,p=2]", PasswordHasher.argon2id(random, 16, 1, 2).toString());
    }

    private static String hashedWith(int memoryKiB, int iterations, int parallelism) {
        return PasswordHasher.argon2id(RandomSource.seeded(26), memoryKiB, iterations, parallelism)
                .hash(chars("s3cret"));
    }

    private static char[] chars(String s) {
        return s.toCharArray();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
