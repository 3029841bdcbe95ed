package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.server.TestServer.Party;
import io.latchkey.server.TestServer.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Devices over HTTP: registered by the operator, moved along their line by engineers with their own password,
 * set to any status by the operator's administrator, claimed by a partner with the printed password, reporting
 * with HTTP Basic, registered by their owner from the app; and the operator's billing views.
 */
class DeviceApiTest {

    private static final String PASSWORD = TestServer.MEMBER_PASSWORD;
    private static final String ENGINEER_PASSWORD = "engineer-password-2026";
    private static final String DEVICE_PASSWORD = "pump-2026";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private static TestServer server;
    private static String admin;
    private static String engineer;
    private static String engineerId;


    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin();
        String operator = server.get("/api/v1/me", admin).expect(200).json().path("organizationId").asText();
        server.post("/api/v1/orgs/" + operator + "/members", admin, Map.of("email", "engineer@test.latchkey.local",
                "fullName", "Erik Engineer", "role", "ENGINEER")).expect(201);
        engineer = server.confirmed("engineer@test.latchkey.local", ENGINEER_PASSWORD);
        engineerId = server.get("/api/v1/me", engineer).expect(200).json().path("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOperatorRegistersASerialOnceAndTheCardNeverShowsThePassword() {
        String serial = serial("NEW");
        Response created = server.post("/api/v1/devices", admin, Map.of("serial", serial.toLowerCase(), "model",
                "Aerotherm 9", "password", DEVICE_PASSWORD)).expect(201);
        assertEquals("CREATED", created.json().path("status").asText());
        assertEquals(serial, created.json().path("serial").asText());
        assertEquals("Aerotherm 9", created.json().path("model").asText());
        assertNoPassword(created);
        assertNoPassword(server.get("/api/v1/devices/" + serial, admin).expect(200));

        server.post("/api/v1/devices", admin, Map.of("serial", serial, "model", "Aerotherm 12", "password",
                "another-pump")).refused(409, "DEVICE_SERIAL_TAKEN");
        Party partner = partner("Factory");
        server.post("/api/v1/devices", partner.token(), Map.of("serial", serial("PARTNER"), "model", "Aerotherm 9",
                "password", DEVICE_PASSWORD)).refused(403, "PERMISSION_DENIED");
    }

    @Test
    void anEngineerMovesADeviceAlongTheLineOnlyWithTheEngineersOwnPassword() {
        String serial = device("LINE");
        server.post("/api/v1/devices/" + serial + "/advance", engineer, Map.of("password", DEVICE_PASSWORD))
                .refused(403, "STEP_UP_FAILED");
        assertEquals("CREATED", card(serial, admin).path("status").asText());

        JsonNode produced = advance(serial);
        assertEquals("PRODUCED", produced.path("status").asText());
        JsonNode stage = produced.path("stages").get(0);
        assertEquals("PRODUCTION_DATE", stage.path("field").asText(), produced.toString());
        assertEquals("member:" + engineerId, stage.path("setBy").asText());
        assertEquals("RELEASED", advance(serial).path("status").asText());
        assertEquals("SHIPPED", advance(serial).path("status").asText());
        assertTrue(card(serial, admin).path("dataRequest").isNull());
        // Operation needs to know where the device stands: the card asks for it.
        JsonNode operating = advance(serial);
        assertEquals("IN_OPERATION", operating.path("status").asText());
        assertEquals("IN_OPERATION", operating.path("dataRequest").path("status").asText(), operating.toString());
        assertEquals("[\"country\",\"region\",\"objectType\"]",
                operating.path("dataRequest").path("fields").toString());
        assertEquals("IN_OPERATION", card(serial, admin).path("status").asText());
    }

    @Test
    void onlyTheOperatorsAdministratorSetsAnyStatusWithAReason() {
        String serial = device("SET");
        server.put("/api/v1/devices/" + serial + "/status", engineer, Map.of("status", "IN_SERVICE", "reason",
                "skipping ahead")).refused(403, "PERMISSION_DENIED");
        assertEquals("CREATED", card(serial, admin).path("status").asText());

        Response missing = server.put("/api/v1/devices/" + serial + "/status", admin, Map.of("status",
                "IN_SERVICE")).refused(422, "FIELD_REQUIRED");
        assertEquals("reason", missing.field());
        assertEquals("IN_SERVICE", server.put("/api/v1/devices/" + serial + "/status", admin, Map.of("status",
                "IN_SERVICE", "reason", "compressor noise")).expect(200).json().path("status").asText());
        // Any move: back along the line too.
        assertEquals("PRODUCED", server.put("/api/v1/devices/" + serial + "/status", admin, Map.of("status",
                "PRODUCED", "reason", "back to the factory")).expect(200).json().path("status").asText());
    }

    @Test
    void aPartnerClaimsADeviceWithItsPrintedPasswordAndItBecomesInvisibleToOtherPartners() {
        String serial = device("CLAIM");
        Party partner = partner("Claimer");
        Party other = partner("Latecomer");
        server.post("/api/v1/devices/claim", partner.token(), Map.of("serial", serial, "partnerId", partner.id(),
                "devicePassword", "not-the-pump")).refused(403, "DEVICE_PASSWORD_WRONG");
        JsonNode claimed = server.post("/api/v1/devices/claim", partner.token(), Map.of("serial", serial,
                "partnerId", partner.id(), "devicePassword", DEVICE_PASSWORD)).expect(200).json();
        assertEquals(partner.id(), claimed.path("responsiblePartnerId").asText());
        server.post("/api/v1/devices/claim", other.token(), Map.of("serial", serial, "partnerId", other.id(),
                "devicePassword", DEVICE_PASSWORD)).refused(409, "DEVICE_ALREADY_CLAIMED");

        JsonNode details = server.patch("/api/v1/devices/" + serial, partner.token(), Map.of("country", "RU",
                "region", "Московская область", "objectType", "PRIVATE_HOUSE", "owner", "Sergey Volkov",
                "note", "boiler room in the basement")).expect(200).json();
        assertEquals("RU", details.path("country").asText());
        assertEquals("Московская область", details.path("region").asText());
        assertEquals("PRIVATE_HOUSE", details.path("objectType").asText());
        assertEquals("Sergey Volkov", details.path("owner").asText());
        assertEquals("boiler room in the basement", details.path("note").asText());
        assertEquals("Europe/Moscow", details.path("timezone").asText());
        assertEquals(0, details.path("missingFields").size(), details.toString());
        assertEquals(partner.id(), card(serial, partner.token()).path("responsiblePartnerId").asText());

        server.get("/api/v1/devices/" + serial, other.token()).refused(404, "DEVICE_NOT_FOUND");
        server.patch("/api/v1/devices/" + serial, other.token(), Map.of("note", "mine now"))
                .refused(404, "DEVICE_NOT_FOUND");
        assertEquals(List.of(), serials(server.get("/api/v1/devices?q=" + serial, other.token())));
    }

    @Test
    void aDeviceReportsWithItsSerialAndPrintedPasswordAndGoesOnline() {
        String serial = device("EVENTS");
        advance(serial);
        advance(serial);
        JsonNode before = card(serial, admin);
        assertFalse(before.path("online").asBoolean());
        assertTrue(before.path("lastConnectAt").isNull());

        server.send("POST", "/api/v1/devices/" + serial + "/events", null, Map.of("type", "CONNECT", "at",
                Instant.now().toString()), basic(serial, DEVICE_PASSWORD)).expect(202);
        JsonNode connected = card(serial, admin);
        assertTrue(connected.path("online").asBoolean(), connected.toString());
        assertFalse(connected.path("lastConnectAt").isNull(), connected.toString());
        // The first connection after the release puts it into operation.
        assertEquals("IN_OPERATION", connected.path("status").asText());

        // Last data is when the server received it, whatever the device's clock says.
        Instant sent = Instant.now();
        server.send("POST", "/api/v1/devices/" + serial + "/events", null, Map.of("type", "DATA", "at",
                sent.minus(Duration.ofHours(3)).toString()), basic(serial, DEVICE_PASSWORD)).expect(202);
        Instant lastData = Instant.parse(card(serial, admin).path("lastDataAt").asText());
        assertFalse(lastData.isBefore(sent.minusSeconds(5)), "lastDataAt " + lastData + " is the receipt time");

        server.send("POST", "/api/v1/devices/" + serial + "/events", null, Map.of("type", "DATA", "at",
                Instant.now().toString()), Map.of()).refused(401, "UNAUTHENTICATED");
    }

    @Test
    void aDeviceWithTheWrongPrintedPasswordIsNotSignedIn() {
        String serial = device("INTRUDER");
        server.send("POST", "/api/v1/devices/" + serial + "/events", null, Map.of("type", "CONNECT", "at",
                Instant.now().toString()), basic(serial, "not-the-pump")).expect(401);
        assertFalse(card(serial, admin).path("online").asBoolean());
    }

    /**
     * API.md lets an operator token report too; the SDK's rule is that only a device reports what it does (a
     * member could otherwise make a pump look online), and the server keeps the SDK's rule.
     */
    @Test
    void onlyTheDeviceItselfReportsNotEvenTheOperator() {
        String serial = device("RELAY");
        server.post("/api/v1/devices/" + serial + "/events", admin, Map.of("type", "CONNECT", "at",
                Instant.now().toString())).refused(403, "PERMISSION_DENIED");
        assertFalse(card(serial, admin).path("online").asBoolean());
    }

    @Test
    void theOwnerRegistersFromTheAppAndOnlyTheOwnerSeesItsNickname() {
        String serial = device("OWNER");
        Party partner = partner("Installer");
        server.post("/api/v1/devices/claim", partner.token(), Map.of("serial", serial, "partnerId", partner.id(),
                "devicePassword", DEVICE_PASSWORD)).expect(200);
        Map<String, String> registration = Map.of("phone", "+7 916 555-01-" + (10 + SEQ.incrementAndGet()),
                "sim", "89701234567890123456", "country", "RU", "region", "Московская область", "nickname",
                "Dacha");
        server.post("/api/v1/devices/" + serial + "/owner", null, registration).refused(401, "UNAUTHENTICATED");

        JsonNode registered = server.send("POST", "/api/v1/devices/" + serial + "/owner", null, registration,
                basic(serial, DEVICE_PASSWORD)).expect(200).json();
        assertEquals("Dacha", registered.path("device").path("nickname").asText());
        String owner = registered.path("session").path("token").asText();
        assertFalse(owner.isEmpty(), registered.toString());

        JsonNode renamed = server.put("/api/v1/devices/" + serial + "/nickname", owner, Map.of("nickname",
                "Country house")).expect(200).json();
        assertEquals("Country house", renamed.path("nickname").asText());
        assertEquals("Country house", card(serial, owner).path("nickname").asText());
        assertTrue(card(serial, partner.token()).path("nickname").isNull());
        assertTrue(card(serial, admin).path("nickname").isNull());
        server.put("/api/v1/devices/" + serial + "/nickname", partner.token(), Map.of("nickname", "Partner's"))
                .refused(403, "PERMISSION_DENIED");
    }

    @Test
    void devicesAreFoundBySerialAndStatus() {
        String prefix = "FIND" + SEQ.incrementAndGet();
        String first = device(prefix + "-A");
        String second = device(prefix + "-B");
        device(prefix + "-C");
        advance(second);

        assertEquals(3, serials(server.get("/api/v1/devices?q=" + prefix, admin)).size());
        assertEquals(List.of(second), serials(server.get("/api/v1/devices?q=" + prefix + "&status=PRODUCED",
                admin)));
        assertEquals(2, serials(server.get("/api/v1/devices?q=" + prefix + "&status=CREATED", admin)).size());
        assertEquals(List.of(first), serials(server.get("/api/v1/devices?q=" + first.toLowerCase(), admin)));
    }

    @Test
    void theOperatorSeesBillingProfilesAndSyncStatusAndAPartnerSeesNeither() {
        JsonNode profiles = server.get("/api/v1/profiles", admin).expect(200).json();
        assertTrue(profiles.path("items").isArray(), profiles.toString());
        assertTrue(profiles.has("nextCursor"), profiles.toString());
        JsonNode status = server.get("/api/v1/billing/status", admin).expect(200).json();
        assertTrue(status.path("pass").isIntegralNumber(), status.toString());
        assertTrue(status.path("midPass").isBoolean(), status.toString());
        assertTrue(status.has("lastCompletedAt"), status.toString());

        Party partner = partner("Billing");
        server.get("/api/v1/profiles", partner.token()).refused(403, "PERMISSION_DENIED");
        server.get("/api/v1/billing/status", partner.token()).refused(403, "PERMISSION_DENIED");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A new serial for this test run. */
    private static String serial(String name) {
        return "HP-" + name + "-" + SEQ.incrementAndGet();
    }

    /** A device the operator registers (CREATED), with the printed password {@link #DEVICE_PASSWORD}. */
    private static String device(String name) {
        String serial = serial(name);
        server.post("/api/v1/devices", admin, Map.of("serial", serial, "model", "Aerotherm 9", "password",
                DEVICE_PASSWORD)).expect(201);
        return serial;
    }

    /** The engineer's "next status", confirmed with the engineer's own password; answers the card. */
    private static JsonNode advance(String serial) {
        return server.post("/api/v1/devices/" + serial + "/advance", engineer, Map.of("password", ENGINEER_PASSWORD))
                .expect(200).json();
    }

    private static JsonNode card(String serial, String token) {
        return server.get("/api/v1/devices/" + serial, token).expect(200).json();
    }

    private static List<String> serials(Response page) {
        return StreamSupport.stream(page.expect(200).json().path("items").spliterator(), false)
                .map(d -> d.path("serial").asText()).toList();
    }

    private static Map<String, String> basic(String serial, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((serial + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertNoPassword(Response card) {
        String text = new String(card.bytes(), StandardCharsets.UTF_8);
        assertFalse(card.json().has("password") || card.json().has("passwordHash"), text);
        assertFalse(text.contains(DEVICE_PASSWORD) || text.contains("argon2"), text);
    }

    private static Party partner(String name) {
        return server.partner(admin, name);
    }
}
