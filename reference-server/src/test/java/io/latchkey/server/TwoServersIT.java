package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two server processes' worth of servers on one PostgreSQL, as the README runs them: what one node does the
 * other sees, a session and an Idempotency-Key hold on both, both sign with the same keys, and a source that
 * guesses on one is limited on the other.
 */
class TwoServersIT {

    @Test
    void twoNodesShareDataSessionsKeysRepliesAndLimits() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> shared = Map.of("LATCHKEY_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "LATCHKEY_DB_USER", "postgres", "LATCHKEY_DB_PASSWORD", "postgres",
                    "LATCHKEY_MASTER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
            try (TestServer a = TestServer.start(shared); TestServer b = TestServer.start(shared)) {
                String admin = a.admin();
                assertEquals(TestServer.ADMIN, b.get("/api/v1/me", admin).expect(200).json().path("email").asText(),
                        "a session made on one node works on the other");

                String operator = a.get("/api/v1/me", admin).expect(200).json().path("organizationId").asText();
                Map<String, String> key = Map.of("Idempotency-Key", "invite-1");
                Map<String, Object> invite = Map.of("email", "twice@test.latchkey.local", "fullName", "Only Once",
                        "role", "MANAGER");
                String first = a.send("POST", "/api/v1/orgs/" + operator + "/members", admin, invite, key)
                        .expect(201).json().path("id").asText();
                TestServer.Response again = b.send("POST", "/api/v1/orgs/" + operator + "/members", admin, invite,
                        key).expect(201);
                assertEquals(first, again.json().path("id").asText(), "the repeat on the other node replays");
                assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElseThrow());

                a.post("/api/v1/licenses/mint", admin, Map.of("count", 1)).expect(201);
                assertEquals(1, b.get("/api/v1/licenses", admin).expect(200).json().path("items").size());
                assertEquals(a.get("/api/v1/keys", null).json(), b.get("/api/v1/keys", null).json(),
                        "both nodes sign with the keys kept in the database");

                int refusedOnA = 0;
                while (a.post("/api/v1/auth/login", null, Map.of("email", "guess@test.latchkey.local",
                        "password", "guess " + refusedOnA)).status() == 401) {
                    refusedOnA++;
                    assertTrue(refusedOnA < 50, "guessing meets a limit");
                }
                b.post("/api/v1/auth/login", null, Map.of("email", "guess@test.latchkey.local", "password", "again"))
                        .refused(429, "TOO_MANY_ATTEMPTS");
            }
        }
    }
}
