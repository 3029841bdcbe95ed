package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.server.TestServer.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, readiness, metrics, request ids and the answers to requests that name nothing or are too big. */
class OperationsTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("LATCHKEY_MAX_BODY_BYTES", "10000"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthAndReadinessAnswerUp() {
        assertEquals("UP", server.get("/health", null).expect(200).json().path("status").asText());
        assertEquals("UP", server.get("/health/ready", null).expect(200).json().path("status").asText());
    }

    @Test
    void metricsArePrometheusTextWithRequestsPoolOutboxAndBackgroundWork() {
        server.get("/api/v1/me", server.admin()).expect(200);
        Response metrics = server.get("/metrics", null).expect(200);
        assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        String text = new String(metrics.bytes(), StandardCharsets.UTF_8);
        for (String metric : new String[] {
            "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/me\",status=\"200\"",
            "hikaricp_connections_active", "jvm_memory_used_bytes", "latchkey_outbox_messages{status=\"PENDING\"}",
            "latchkey_outbox_messages{status=\"FAILED\"}", "latchkey_due_work_lag_seconds",
            "latchkey_due_work_seconds"}) {
            assertTrue(text.contains(metric), () -> metric + " missing from /metrics");
        }
        assertFalse(text.contains("route=\"/api/v1/orgs/0"), "routes are templates, never ids");
    }

    @Test
    void everyAnswerCarriesARequestIdAndASaneOneIsKept() {
        Response given = server.send("GET", "/health", null, null, Map.of("X-Request-Id", "trace-42"));
        assertEquals("trace-42", given.headers().firstValue("X-Request-Id").orElseThrow());
        Response insane = server.send("GET", "/health", null, null, Map.of("X-Request-Id", "a b\tc"));
        assertTrue(insane.headers().firstValue("X-Request-Id").orElseThrow().matches("[0-9a-f]{16}"));
    }

    @Test
    void aPathThatNamesNothingIs404WithACode() {
        server.get("/api/v1/nothing-here", null).refused(404, "ROUTE_NOT_FOUND");
        server.get("/api/v1/orgs/not-an-id", server.admin()).refused(404, "ORGANIZATION_NOT_FOUND");
    }

    @Test
    void aBodyOverTheLimitIs413AndChangesNothing() {
        String big = "{\"email\":\"" + "a".repeat(20_000) + "@x.test\"}";
        server.post("/api/v1/auth/password-reset", null, big).refused(413, "BODY_TOO_LARGE");
    }

    @Test
    void unexpectedFailuresNeverShowInternals() {
        Response malformed = server.post("/api/v1/auth/login", null, "{\"email\":").refused(400,
                "REQUEST_MALFORMED");
        String body = new String(malformed.bytes(), StandardCharsets.UTF_8);
        assertFalse(body.contains("jackson") || body.contains("Exception") || body.contains("io.latchkey"), body);
    }
}
