package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.server.TestServer.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint that needs a session answers 401 without one, or with one that ended, before anything else. */
class SignInRequiredTest {

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
    void everySessionEndpointRefusesNoTokenAnEndedOneAndAnotherScheme() {
        String ended = server.admin();
        server.post("/api/v1/auth/logout", ended, null).expect(204);
        List<Api.Route> guarded = server.server.api().routes().stream()
                .filter(r -> r.auth() == Api.Auth.SESSION).toList();
        assertTrue(guarded.size() > 50, "most of the API needs a session: " + guarded.size());
        for (Api.Route route : guarded) {
            String path = route.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            String method = route.method().name();
            String what = method + " " + route.path();
            Response none = server.send(method, path, null, "{}", Map.of());
            assertEquals(401, none.status(), what);
            assertEquals("UNAUTHENTICATED", none.code(), what);
            Response old = server.send(method, path, ended, "{}", Map.of());
            assertEquals("SESSION_INVALID", old.code(), what);
            Response basic = server.send(method, path, null, "{}", Map.of("Authorization", "Basic YTpi"));
            assertEquals("UNAUTHENTICATED", basic.code(), what);
        }
    }

    @Test
    void openEndpointsNeedNoSession() {
        for (String path : List.of("/health", "/health/ready", "/openapi.json", "/api/v1/keys",
                "/api/v1/revocations")) {
            server.get(path, null).expect(200);
        }
    }
}
