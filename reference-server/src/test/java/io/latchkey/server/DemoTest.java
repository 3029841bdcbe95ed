package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LATCHKEY_DEMO=true fills every area, and each demo login sees its part of the world through the API. */
class DemoTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("LATCHKEY_DEMO", "true"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String as(String login) {
        return server.login(login + "@demo.latchkey.local", Demo.PASSWORD);
    }

    private static JsonNode items(String path, String token) {
        return server.get(path, token).expect(200).json().path("items");
    }

    @Test
    void theOperatorSeesPartnersAnOrderToDecideHeatPumpsInSeveralStatusesAndTheCatalog() {
        String admin = server.admin();
        assertEquals(2, items("/api/v1/orgs?kind=PARTNER", admin).size());
        assertEquals(1, items("/api/v1/pool-orders?scope=inbox", admin).size(), "Beta's order waits");
        Set<String> statuses = new HashSet<>();
        items("/api/v1/devices", admin).forEach(d -> statuses.add(d.path("status").asText()));
        assertEquals(Set.of("CREATED", "RELEASED", "IN_OPERATION", "IN_SERVICE"), statuses);
        assertEquals(1, items("/api/v1/packages", admin).size());
    }

    @Test
    void aPartnerManagerSeesItsPoolClientsAndLabels() {
        String manager = as("alfa.manager");
        assertEquals(2, items("/api/v1/clients", manager).size());
        JsonNode labels = items("/api/v1/credentials", manager);
        assertEquals(2, labels.size());
        Set<String> statuses = new HashSet<>();
        labels.forEach(l -> statuses.add(l.path("status").asText()));
        assertEquals(Set.of("ACTIVATED", "DEACTIVATED"), statuses);
        assertEquals(9, server.get("/api/v1/pool", manager).expect(200).json().path("free").asInt());
    }

    @Test
    void licensesDocumentsAndAClaimedOnlinePumpAreThere() {
        String admin = as("alfa.admin");
        assertTrue(items("/api/v1/documents", admin).size() >= 4, "a sale to it and its own four kinds");
        JsonNode pump = server.get("/api/v1/devices/HP-2026-0003", admin).expect(200).json();
        assertEquals("IN_OPERATION", pump.path("status").asText());
        assertTrue(pump.path("online").asBoolean());
        assertTrue(pump.path("nickname").isNull(), "the owner's nickname is the owner's");
    }

    @Test
    void theSellerSeesItsHubsInEachTileAndTheResellersStatement() {
        String owner = as("gamma.owner");
        JsonNode sites = items("/api/v1/sites", owner);
        assertEquals(1, sites.size());
        Set<String> tiles = new HashSet<>();
        items("/api/v1/sites/" + sites.get(0).path("id").asText() + "/hubs", owner)
                .forEach(h -> tiles.add(h.path("tile").asText()));
        assertEquals(Set.of("ACTIVATION_REQUIRED", "ACTIVE", "EXPIRES_SOON"), tiles);
        assertEquals(2, items("/api/v1/subscriptions", owner).size());
    }
}
