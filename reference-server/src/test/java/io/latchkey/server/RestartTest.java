package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.crypto.VerificationKey;
import io.latchkey.license.ActivationFile;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stop and a start on the same data directory lose nothing: data, keys (a license activated before still
 * verifies), e-mails not yet sent, and sessions not yet expired.
 */
class RestartTest {

    /** Background work every hour: an e-mail written before the stop is still waiting at the restart. */
    private static final Map<String, String> SLOW = Map.of("LATCHKEY_DUE_WORK_SECONDS", "3600");

    @Test
    void dataKeysUnsentMailAndSessionsSurviveARestart() {
        TestServer first = TestServer.start(SLOW);
        String admin = first.admin();
        String operator = first.get("/api/v1/me", admin).expect(200).json().path("organizationId").asText();
        first.post("/api/v1/licenses/mint", admin, Map.of("count", 3)).expect(201);
        first.post("/api/v1/documents", admin, Map.of("type", "REVEAL_TO_SELF", "count", 1)).expect(201);
        JsonNode revealed = first.get("/api/v1/licenses?state=REVEALED", admin).expect(200).json()
                .path("items").get(0);
        String code = revealed.path("code").asText();
        String file = first.post("/api/v1/activations", null, Map.of("code", code, "fingerprint", "POS-1"))
                .expect(201).json().path("encoded").asText();
        first.post("/api/v1/orgs/" + operator + "/members", admin, Map.of("email", "later@test.latchkey.local",
                "fullName", "Invited Before The Stop", "role", "MANAGER")).expect(201);
        assertTrue(first.mails().isEmpty(), "nothing was sent before the stop");
        first.close();

        TestServer second = TestServer.restart(first.dir, SLOW);
        try {
            assertEquals(operator, second.get("/api/v1/me", admin).expect(200).json().path("organizationId")
                    .asText(), "the session outlives the restart");
            List<VerificationKey> keys = new ArrayList<>();
            for (JsonNode key : second.get("/api/v1/keys", null).expect(200).json().path("keys")) {
                keys.add(new VerificationKey(key.path("keyId").asText(),
                        Base64.getUrlDecoder().decode(key.path("publicKey").asText())));
            }
            assertTrue(ActivationFile.verify(file, keys).isPresent(), "a file signed before still verifies");
            second.post("/api/v1/activations", null, Map.of("code", code, "fingerprint", "POS-2"))
                    .refused(409, "LICENSE_ALREADY_ACTIVATED");
            second.post("/api/v1/activations/renew", null, Map.of("code", code, "fingerprint", "POS-1")).expect(200);
            String token = second.token("later@test.latchkey.local");
            assertTrue(!token.isEmpty(), "the invitation written before the stop is sent after the start");
            second.confirmed("later@test.latchkey.local", "invited-password-2026");
        } finally {
            second.close();
        }
    }
}
