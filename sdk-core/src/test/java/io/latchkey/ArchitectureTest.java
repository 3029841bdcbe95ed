package io.latchkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** A type named by its package in code: {@code io.latchkey.party.Member}, in an import or inline. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.latchkey(?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*)");
    private static final String ENTRY_POINT = "io.latchkey.Latchkey";
    /** The entry point and its builder: one node of the package graph. */
    private static final Set<Path> ENTRY_FILES = Set.of(Path.of("io/latchkey/Latchkey.java"),
            Path.of("io/latchkey/LatchkeyBuilder.java"));

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

    /**
     * The packages form no cycle, so that each can be understood (and changed) with only what lies below it. The
     * entry point {@code Latchkey} counts as its own node: it wires every area and nothing depends on it.
     */
    @Test
    void noPackageCycle() {
        Map<String, Set<String>> graph = packageGraph();
        List<List<String>> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
                cycles.add(new ArrayList<>(new TreeSet<>(component)));
            }
        }
        assertEquals(List.of(), cycles);
    }

    /** The storage boundary knows no area: each area owns its port, so adding one changes nothing in store. */
    @Test
    void theStoreKnowsNoArea() {
        assertEquals(Set.of("io.latchkey"), packageGraph().get("io.latchkey.store"));
    }

    /**
     * A record that carries a secret (a password hash, a code, sealed or wrapped bytes, key material) writes its
     * own {@code toString}, so that logging one never shows the secret.
     */
    @Test
    void recordsCarryingSecretsWriteTheirOwnToString() {
        Pattern record = Pattern.compile("\\brecord\\s+(\\w+)\\s*\\(([^)]*)\\)");
        Pattern component = Pattern.compile("(byte\\[]|char\\[]|String|Optional<String>)\\s+(\\w+)");
        Set<String> secrets = Set.of("passwordHash", "password", "sealedCode", "codeHash", "sealedPayload", "wrapped",
                "seed", "secret", "token");
        List<String> violations = new ArrayList<>();
        List<String> found = new ArrayList<>();
        sources.forEach((file, text) -> {
            String code = withoutComments(text);
            Matcher m = record.matcher(code);
            while (m.find()) {
                Matcher c = component.matcher(m.group(2));
                boolean secret = false;
                while (c.find()) {
                    // Bytes named key are key material (an idempotency key is a name). A license's code is its
                    // secret; elsewhere a code is a name (an alarm's, a package's).
                    String name = c.group(2);
                    secret |= secrets.contains(name) || name.equals("key") && c.group(1).equals("byte[]")
                            || name.equals("code") && file.startsWith(Path.of("io/latchkey/license"));
                }
                if (secret) {
                    found.add(m.group(1));
                    if (!code.contains("public String toString()")) {
                        violations.add(file + ": " + m.group(1));
                    }
                }
            }
        });
        assertEquals(List.of(), violations);
        assertTrue(found.containsAll(List.of("Device", "Member", "License", "LicenseView", "OutboxMessage",
                "SecretKey", "StoredKey")), "the scan finds what it should: " + found);
    }

    /** Nothing inside the SDK reaches back to its entry point. */
    @Test
    void onlyHostsUseTheEntryPoint() {
        assertTrue(packageGraph().values().stream().noneMatch(uses -> uses.contains(ENTRY_POINT)));
    }

    /** Journal lines are written only by the kernel step: no area makes them itself. */
    @Test
    void onlyTheLifecyclePackageWritesTheJournal() {
        List<String> writers = new ArrayList<>();
        sources.forEach((file, text) -> {
            String code = withoutComments(text);
            // Appending needs an entry, and only the lifecycle package makes one.
            if (!file.startsWith(Path.of("io/latchkey/lifecycle")) && code.replaceAll("\\s+",
                    "").contains("newJournalEntry(")) {
                writers.add(file.toString());
            }
        });
        assertEquals(List.of(), writers);
    }

    /** Which SDK package uses which (imports and qualified names in code), the entry point as its own node. */
    static Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        sources.forEach((file, text) -> {
            String from = ENTRY_FILES.contains(file) ? ENTRY_POINT
                    : file.getParent().toString().replace('/', '.');
            Set<String> uses = graph.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher m = QUALIFIED.matcher(withoutComments(text));
            while (m.find()) {
                String used = m.group(1).equals("io.latchkey") && m.group(2).startsWith("Latchkey")
                        && !m.group(2).equals("LatchkeyException") ? ENTRY_POINT
                        : m.group(1);
                if (!used.equals(from)) {
                    uses.add(used);
                }
            }
        });
        return graph;
    }

    /** Tarjan's strongly connected components of {@code graph}. */
    static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new HashSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
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
        Matcher qualified = QUALIFIED.matcher("import io.latchkey.party.Member; x = io.latchkey.Latchkey.builder();");
        assertTrue(qualified.find());
        assertEquals("io.latchkey.party", qualified.group(1));
        assertTrue(qualified.find());
        assertEquals("io.latchkey", qualified.group(1));
        Map<String, Set<String>> cyclic = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d",
                Set.of("a"));
        assertTrue(stronglyConnected(cyclic).contains(Set.of("a", "b", "c")));
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
