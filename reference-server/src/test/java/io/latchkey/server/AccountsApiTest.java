package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.server.TestServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in, sessions, profile and passwords over HTTP; the error shape and status of each refusal. */
class AccountsApiTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTokenSignsInUntilLogoutAndNeverWithoutOne() {
        Response login = server.post("/api/v1/auth/login", null, Map.of("email", TestServer.ADMIN,
                "password", TestServer.PASSWORD)).expect(200);
        String token = login.json().path("token").asText();
        assertTrue(token.startsWith("lk_"));
        assertTrue(login.json().path("expiresAt").asText().endsWith("Z"));
        assertEquals(TestServer.ADMIN, login.json().path("member").path("email").asText());
        assertFalse(login.json().path("member").has("passwordHash"));

        Response me = server.get("/api/v1/me", token).expect(200);
        assertEquals("[\"ADMIN\"]", me.json().path("roles").toString());
        server.get("/api/v1/me", null).refused(401, "UNAUTHENTICATED");
        server.get("/api/v1/me", "lk_not-a-token").refused(401, "SESSION_INVALID");
        server.send("GET", "/api/v1/me", null, null, Map.of("Authorization", "Basic eDp5")).refused(401,
                "UNAUTHENTICATED");

        server.post("/api/v1/auth/logout", token, null).expect(204);
        server.get("/api/v1/me", token).refused(401, "SESSION_INVALID");
    }

    @Test
    void aWrongPasswordIsRefusedAlikeAndRateLimitedWithRetryAfter() {
        // A server of its own: the guessing below locks its source (this test's address) out for a while.
        try (TestServer server = TestServer.start()) {
            guess(server);
        }
    }

    private static void guess(TestServer server) {
        Response wrong = server.post("/api/v1/auth/login", null, Map.of("email", TestServer.ADMIN,
                "password", "not the password")).refused(401, "CREDENTIALS_INVALID");
        Response unknown = server.post("/api/v1/auth/login", null, Map.of("email", "nobody@test.latchkey.local",
                "password", "not the password")).refused(401, "CREDENTIALS_INVALID");
        assertEquals(wrong.json().path("error").path("message"), unknown.json().path("error").path("message"));
        Response limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            Response r = server.post("/api/v1/auth/login", null, Map.of("email", "guess@test.latchkey.local",
                    "password", "guess " + i));
            if (r.status() == 429) {
                limited = r;
            }
        }
        assertTrue(limited != null, "guessing meets 429");
        assertEquals("TOO_MANY_ATTEMPTS", limited.code());
        assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) > 0);
    }

    @Test
    void aProfileChangesAndANewPasswordEndsEverySession() {
        String admin = server.admin();
        String email = "profile@test.latchkey.local";
        String operatorId = server.get("/api/v1/me", admin).expect(200).json().path("organizationId").asText();
        server.post("/api/v1/orgs/" + operatorId + "/members", admin, Map.of("email", email,
                "fullName", "Profile Person", "role", "MANAGER")).expect(201);
        String token = server.confirmed(email, "first-password-2026");
        String other = server.login(email, "first-password-2026");

        Response changed = server.patch("/api/v1/me", token, Map.of("fullName", "Новое Имя", "language", "pl"))
                .expect(200);
        assertEquals("Новое Имя", changed.json().path("fullName").asText());
        assertEquals("pl", changed.json().path("language").asText());
        server.patch("/api/v1/me", token, Map.of("language", "de")).refused(422, "LANGUAGE_UNSUPPORTED");

        server.post("/api/v1/auth/password", token, Map.of("oldPassword", "wrong-password",
                "newPassword", "second-password-2026", "newPasswordRepeat", "second-password-2026"))
                .refused(422, "PASSWORD_WRONG");
        server.post("/api/v1/auth/password", token, Map.of("oldPassword", "first-password-2026",
                "newPassword", "second-password-2026", "newPasswordRepeat", "second-password-2026")).expect(204);
        server.get("/api/v1/me", token).refused(401, "SESSION_INVALID");
        server.get("/api/v1/me", other).refused(401, "SESSION_INVALID");
        assertNotEquals(token, server.login(email, "second-password-2026"));
    }

    @Test
    void aPasswordIsResetByTheLinkOnceAndTheAnswerSaysNothingAboutTheAddress() {
        server.post("/api/v1/auth/password-reset", null, Map.of("email", "nobody@test.latchkey.local")).expect(202);
        server.post("/api/v1/auth/password-reset", null, Map.of("email", "not an address"))
                .refused(422, "EMAIL_INVALID");
        server.post("/api/v1/auth/password-reset/confirm", null, Map.of("token", "forged", "password",
                "whatever-password-1")).refused(422, "TOKEN_INVALID");
    }
}
