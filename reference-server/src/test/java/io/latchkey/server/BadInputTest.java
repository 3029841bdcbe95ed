package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;

import io.latchkey.server.TestServer.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Random and mutated bodies against every write endpoint: never a 500, and a refused request changes nothing
 * (the journal and the outbox are the same after it).
 */
class BadInputTest {

    /** Writes that end the caller's own session when they succeed; the test signs in as the operator's admin. */
    private static final Set<String> SESSION_ENDING = Set.of("/api/v1/auth/logout", "/api/v1/auth/password");

    private static TestServer server;
    private static String admin;
    private static List<Api.Route> writes;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin();
        writes = server.server.api().routes().stream().filter(Api.Route::writes)
                .filter(r -> !SESSION_ENDING.contains(r.path())).toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final List<String> VALUES = List.of("null", "true", "0", "-1", "1e309", "99999999999999999999",
            "\"\"", "\" \"", "\"x\"", "[]", "{}", "[1,2]", "\"" + "a".repeat(5000) + "\"", "\"\\u0000\\u0007\"",
            "\"line\\r\\nBcc: x@y\"", "\"<script>alert(1)</script>\"", "\"2026-13-45T99:00:00Z\"", "\"RU\"",
            "\"" + UUID.randomUUID() + "\"", "\"not-an-id\"", "{\"email\":1}", "\"ADMIN\"", "\"PARTNER\"");

    private static final List<String> FIELDS = List.of("email", "password", "name", "kind", "size", "term", "count",
            "type", "serial", "token", "code", "fingerprint", "clientId", "validFrom", "validTo", "status", "role",
            "admin", "hubId", "fields", "at", "month", "unknownField", "licenseIds", "partnerId", "nickname");

    /** A body: random bytes, a broken document, or an object of random fields and values. */
    private static Gen<byte[]> bodies() {
        Gen<byte[]> bytes = SourceDSL.lists().of(SourceDSL.integers().between(0, 255)).ofSizeBetween(0, 40)
                .map(list -> {
                    byte[] b = new byte[list.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = (byte) (int) list.get(i);
                    }
                    return b;
                });
        Gen<byte[]> objects = SourceDSL.lists().of(SourceDSL.integers().between(0, FIELDS.size() - 1)
                        .zip(SourceDSL.integers().between(0, VALUES.size() - 1), (f, v) -> "\"" + FIELDS.get(f)
                                + "\":" + VALUES.get(v))).ofSizeBetween(0, 6)
                .map(pairs -> ("{" + String.join(",", pairs) + "}").getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> broken = SourceDSL.integers().between(0, 5).map(i -> switch (i) {
            case 0 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 1 -> "{\"email\":".getBytes(StandardCharsets.UTF_8);
            case 2 -> "[{}]".getBytes(StandardCharsets.UTF_8);
            case 3 -> "{\"a\":1}{\"b\":2}".getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"name\":\"" + "я".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> "{}".repeat(40).getBytes(StandardCharsets.UTF_8);
        });
        return objects.mix(bytes, 30).mix(broken, 20);
    }

    private static final List<String> TEXTS = List.of("\"x\"", "\"a@b.test\"", "\"2026-11-27T10:00:00Z\"",
            "\"" + UUID.randomUUID() + "\"", "\"ru\"", "\"Europe/Moscow\"", "\"" + "ж".repeat(3000) + "\"",
            "\"a\\u0000b\"", "\"\\r\\n\"", "\"\"", "1", "true", "null", "[]", "{}");

    /**
     * A body shaped like the route's own: each field of its record present or missing, with a plausible value, a
     * value of another type, an oversized or control-character text, or an unknown field beside them.
     */
    private static byte[] shaped(Class<?> type, int seed) {
        java.util.Iterator<Integer> dice = new java.util.Random(seed).ints(64, 0, 1_000_000).iterator();
        return render(type, dice, 0).getBytes(StandardCharsets.UTF_8);
    }

    private static String render(Class<?> type, java.util.Iterator<Integer> dice, int depth) {
        StringBuilder out = new StringBuilder("{");
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            int roll = next(dice);
            if (roll % 5 == 0) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(c.getName()).append("\":").append(value(c.getType(), dice, depth));
        }
        if (next(dice) % 4 == 0) {
            out.append(out.length() > 1 ? "," : "").append("\"unexpected\":1");
        }
        return out.append('}').toString();
    }

    private static String value(Class<?> type, java.util.Iterator<Integer> dice, int depth) {
        int roll = next(dice);
        if (roll % 3 == 0) {
            return TEXTS.get(roll % TEXTS.size());
        }
        if (type.isEnum()) {
            Object[] names = type.getEnumConstants();
            return roll % 7 == 0 ? "\"NOT_A_NAME\"" : "\"" + names[roll % names.length] + "\"";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return List.of("0", "-1", "1", "10", "1000000000", "2.5").get(roll % 6);
        }
        if (type == Boolean.class || type == boolean.class) {
            return roll % 2 == 0 ? "true" : "false";
        }
        if (type.isRecord() && depth < 3) {
            return render(type, dice, depth + 1);
        }
        if (List.class.isAssignableFrom(type)) {
            return "[\"" + UUID.randomUUID() + "\"]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "{\"FIRMWARE\":\"1.0\",\"NOPE\":\"x\"}";
        }
        return TEXTS.get(roll % TEXTS.size());
    }

    private static int next(java.util.Iterator<Integer> dice) {
        return dice.hasNext() ? dice.next() : 0;
    }

    @Test
    void everyWriteEndpointAnswersBadInputWithARefusalAndChangesNothing() {
        qt().withExamples(600).withShrinkCycles(20).forAll(SourceDSL.integers().between(0, writes.size() - 1),
                SourceDSL.integers().between(0, 1_000_000), bodies(), SourceDSL.booleans().all())
                .checkAssert((index, seed, random, signedIn) -> {
                    Api.Route route = writes.get(index);
                    // Half the bodies are shaped like the route's own, half are anything at all.
                    byte[] body = route.body() != null && seed % 2 == 0
                            ? shaped(route.body(), seed) : random;
                    String path = route.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    long before = count();
                    Response r = server.send(route.method().name(), path, signedIn ? admin : null, body, Map.of());
                    assertNotEquals(500, r.status(), () -> route.method() + " " + route.path() + " "
                            + new String(r.bytes(), StandardCharsets.UTF_8));
                    if (r.status() >= 400) {
                        assertEquals(before, count(), () -> "a refusal changed something: " + route.path() + " "
                                + new String(body, StandardCharsets.UTF_8));
                        assertNotEquals(null, r.code(), "every refusal has a code");
                    }
                });
    }

    /** Journal entries and e-mails: what every change leaves behind. */
    private static long count() {
        try (Connection c = server.server.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM journal_entry) "
                     + "+ (SELECT COUNT(*) FROM outbox_message)")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
