package io.latchkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules over sdk-core's main sources, read as text (no extra dependency). */
class ArchitectureTest {

    /** Surefire runs with the module directory as working directory. */
    private static final Path MAIN = Path.of("src/main/java");

    private static final List<String> ALLOWED_IMPORTS = List.of(
            "java.", "javax.", "org.bouncycastle.", "com.google.zxing.", "io.latchkey.");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;",
            Pattern.MULTILINE);
    private static final Pattern IMPL_TYPE = Pattern.compile(
            "\\b(?:class|interface|record|enum)\\s+(\\w*Impl)\\b");
    /** Time and randomness are injected; only RandomSource may reach for the platform's. */
    private static final List<String> FORBIDDEN_CALLS = List.of(
            "Instant.now(", "UUID.randomUUID(", "System.currentTimeMillis(", "new SecureRandom(");
    private static final Path RANDOM_SOURCE = Path.of("io/latchkey/crypto/RandomSource.java");

    private static Map<Path, String> sources;

    @BeforeAll
    static void readSources() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the sdk-core module directory; no " + MAIN.toAbsolutePath());
        sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.put(MAIN.relativize(f), read(f)));
        }
        assertTrue(sources.size() > 20, "found only " + sources.size() + " sources");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void importsStayInsideTheJdkBouncyCastleZxingAndTheSdk() {
        List<String> violations = new ArrayList<>();
        sources.forEach((file, text) -> {
            Matcher m = IMPORT.matcher(withoutComments(text));
            while (m.find()) {
                String imported = m.group(1);
                if (ALLOWED_IMPORTS.stream().noneMatch(imported::startsWith)) {
                    violations.add(file + ": " + imported);
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    /**
     * The business areas sit side by side on the kernel: an area never imports another area (what they share
     * belongs in the kernel). The kernel may name an area only where it gathers ports ({@code store}) or wires
     * services ({@code io.latchkey}).
     */
    @Test
    void areasDoNotReachIntoEachOther() {
        List<String> areas = List.of("credential", "license", "subscription", "device", "billing");
        List<String> violations = new ArrayList<>();
        sources.forEach((file, text) -> {
            String own = file.getNameCount() > 3 ? file.getName(2).toString() : "";
            boolean gathersAreas = own.equals("store") || file.getNameCount() == 3;
            Matcher m = IMPORT.matcher(withoutComments(text));
            while (m.find()) {
                String imported = m.group(1);
                for (String area : areas) {
                    boolean intoArea = imported.startsWith("io.latchkey." + area + ".");
                    if (intoArea && !own.equals(area) && (areas.contains(own) || !gathersAreas)) {
                        violations.add(file + ": " + imported);
                    }
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void onlyTheInternalPackageHasImplClasses() {
        List<String> violations = new ArrayList<>();
        sources.forEach((file, text) -> {
            if (file.startsWith(Path.of("io/latchkey/internal"))) {
                return;
            }
            Matcher m = IMPL_TYPE.matcher(withoutComments(text));
            while (m.find()) {
                violations.add(file + ": " + m.group(1));
            }
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        TreeSet<Path> packages = new TreeSet<>();
        sources.keySet().forEach(file -> packages.add(file.getParent()));
        List<Path> missing = packages.stream()
                .filter(dir -> !sources.containsKey(dir.resolve("package-info.java"))).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void timeAndRandomnessAreInjected() {
        List<String> violations = new ArrayList<>();
        sources.forEach((file, text) -> {
            if (!file.equals(RANDOM_SOURCE)) {
                forbiddenCalls(text).forEach(call -> violations.add(file + ": " + call + ")"));
            }
        });
        assertEquals(List.of(), violations);
    }

    /** The forbidden calls in {@code source}, outside comments, however spaced. */
    static List<String> forbiddenCalls(String source) {
        String code = withoutComments(source).replaceAll("\\s+", "");
        return FORBIDDEN_CALLS.stream().filter(call -> code.contains(call.replaceAll("\\s+", ""))).toList();
    }

    @Test
    void theScannersSeeWhatTheyLookFor() {
        // Guards the patterns above against silently matching nothing.
        assertTrue(IMPORT.matcher("import static io.latchkey.ErrorCategory.CONFLICT;").find());
        assertTrue(IMPORT.matcher("import com.fasterxml.jackson.databind.ObjectMapper;").find());
        assertTrue(IMPL_TYPE.matcher("final class CredentialServiceImpl implements").find());
        assertEquals(List.of("Instant.now("), forbiddenCalls("x = java.time.Instant.now(); // UUID.randomUUID()"));
        assertEquals(List.of("new SecureRandom("), forbiddenCalls("r = new  SecureRandom ( );"));
        assertEquals(List.of(), forbiddenCalls("/** never {@code Instant.now()} */ Instant t = clock.instant();"));
        assertEquals("a   b \"/* kept */\"", withoutComments("a /* gone */ b \"/* kept */\""));
    }

    /** The source without comments (string literals kept), so that Javadoc may talk about forbidden things. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(source, i);
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index just past the string, text block or char literal that starts at {@code start}. */
    private static int endOfLiteral(String source, int start) {
        if (source.startsWith("\"\"\"", start)) {
            int end = source.indexOf("\"\"\"", start + 3);
            return end < 0 ? source.length() : end + 3;
        }
        char quote = source.charAt(start);
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, source.length());
    }
}
