package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.billing.AccessState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server configured with LATCHKEY_LANBILLING_* syncs from LANBilling (its emulator, over SOAP): profiles appear
 * with their addresses' features, a blocked account keeps only the door key, and the status tells the pass.
 */
class BillingSyncTest {

    @Test
    void aBlockedAccountKeepsOnlyTheDoorKeyAfterTheNextSync() {
        try (LanBillingSync billing = new LanBillingSync()) {
            String five = billing.apartment("ivanov", "ул. Ленина, д. 1, кв. 5");
            billing.apartment("ivanov", "ул. Ленина, д. 1, кв. 6");
            try (TestServer server = TestServer.start(billing.settings())) {
                String admin = server.admin();
                JsonNode report = server.post("/api/v1/billing/sync", admin, null).expect(202).json();
                assertEquals(2, report.path("accounts").asInt());
                JsonNode profile = server.get("/api/v1/profiles/ivanov", admin).expect(200).json();
                assertEquals(List.of("[\"DOOR_KEY\",\"HANDSET_CALLS\",\"VIDEO_ARCHIVE\"]",
                        "[\"DOOR_KEY\",\"HANDSET_CALLS\",\"VIDEO_ARCHIVE\"]"), features(profile));

                billing.block(five, AccessState.BLOCKED_BALANCE);
                server.post("/api/v1/billing/sync", admin, null).expect(202);
                assertEquals(List.of("[\"DOOR_KEY\"]", "[\"DOOR_KEY\",\"HANDSET_CALLS\",\"VIDEO_ARCHIVE\"]"),
                        features(server.get("/api/v1/profiles/ivanov", admin).expect(200).json()));
                JsonNode status = server.get("/api/v1/billing/status", admin).expect(200).json();
                // The passes asked for here, and the server's own first one at start.
                assertTrue(status.path("pass").asLong() >= 3, status.toString());
                assertEquals(false, status.path("midPass").asBoolean());
            }
        }
    }

    /** Each address's features, in account order. */
    private static List<String> features(JsonNode profile) {
        List<String> all = new ArrayList<>();
        profile.path("addresses").forEach(a -> all.add(a.path("features").toString()));
        return all;
    }
}
