package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.server.TestServer.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credential pools over HTTP (API.md, "Credential pools"): a partner orders capacity from its dealer (the
 * operator), keeps clients, issues labels whose e-mailed link the phone exchanges once for the signed document,
 * re-sends and revokes them; other partners see none of it, and only the roles of the permission table act.
 * Every test makes partners of its own on one shared server.
 */
class CredentialPoolApiTest {

    private static final String PASSWORD = "pool-password-2026";
    private static final String DOMAIN = "@pool.test.latchkey.local";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final AtomicInteger SEQ = new AtomicInteger();

    private static TestServer server;
    private static String operator;

    /** A confirmed partner with its first administrator and a MANAGER, both signed in. */
    record Partner(String id, String admin, String manager, String tag) {
    }

    @BeforeAll
    static void start() {
        server = TestServer.start();
        operator = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- pool orders --------------------------------------------------------------------------------------------

    @Test
    void aManagersOrderWaitsInTheDealersInboxUntilCompletedAndIsDecidedOnce() {
        Partner partner = partner("order");
        JsonNode order = server.post("/api/v1/pool-orders", partner.manager(), Map.of("size", 3,
                "term", "ONE_YEAR")).expect(201).json();
        String id = order.path("id").asText();
        assertEquals("NEW", order.path("status").asText());
        assertEquals(3, order.path("size").asInt());
        assertEquals("ONE_YEAR", order.path("term").asText());
        assertEquals(partner.id(), order.path("partner").asText());
        assertTrue(order.path("number").asLong() > 0, order.toString());
        assertTrue(order.path("createdAt").asText().endsWith("Z"), order.toString());
        assertTrue(order.path("validUntil").asText().endsWith("T23:59:59Z"), order.toString());
        assertTrue(order.path("completedAt").isNull(), order.toString());

        assertTrue(ids(server.get("/api/v1/pool-orders", partner.manager()).expect(200).json()).contains(id));
        JsonNode waiting = find(server.get("/api/v1/pool-orders?scope=inbox", operator).expect(200).json(), id);
        assertEquals("NEW", waiting.path("status").asText());
        assertEquals(partner.id(), waiting.path("partner").asText());
        assertEquals(3, waiting.path("size").asInt());
        assertEquals(0, server.get("/api/v1/pool", partner.manager()).expect(200).json().path("free").asInt());

        JsonNode completed = server.post("/api/v1/pool-orders/" + id + "/complete", operator, null).expect(200)
                .json();
        assertEquals("COMPLETED", completed.path("status").asText());
        assertTrue(completed.path("completedAt").asText().endsWith("Z"), completed.toString());
        assertFalse(ids(server.get("/api/v1/pool-orders?scope=inbox", operator).expect(200).json()).contains(id));

        server.post("/api/v1/pool-orders/" + id + "/reject", operator, null).refused(409, "TRANSITION_NOT_ALLOWED");
        server.post("/api/v1/pool-orders/" + id + "/complete", operator, null).refused(409,
                "TRANSITION_NOT_ALLOWED");

        JsonNode pool = server.get("/api/v1/pool", partner.manager()).expect(200).json();
        assertEquals(3, pool.path("free").asInt(), "free = the completed order's size: " + pool);
        assertEquals(0, pool.path("issued").asInt());
        assertEquals(0, pool.path("active").asInt());
        assertEquals(order.path("validUntil").asText(), pool.path("capacityExpiresAt").asText());
    }

    @Test
    void aRejectedOrderMintsNothing() {
        Partner partner = partner("reject");
        String id = server.post("/api/v1/pool-orders", partner.manager(), Map.of("size", 2, "term", "UNLIMITED"))
                .expect(201).json().path("id").asText();
        assertEquals("REJECTED", server.post("/api/v1/pool-orders/" + id + "/reject", operator,
                Map.of("reason", "no contract yet")).expect(200).json().path("status").asText());
        server.post("/api/v1/pool-orders/" + id + "/complete", operator, null).refused(409,
                "TRANSITION_NOT_ALLOWED");
        assertEquals(0, server.get("/api/v1/pool", partner.manager()).expect(200).json().path("free").asInt());
    }

    // ---- clients ------------------------------------------------------------------------------------------------

    @Test
    void aClientIsCreatedWithEveryRequiredFieldAndChangedFieldByField() {
        Partner partner = partner("client");
        String email = "a." + partner.tag() + DOMAIN;
        JsonNode client = server.post("/api/v1/clients", partner.manager(), clientBody(email, "Анна Клиентова"))
                .expect(201).json();
        String id = client.path("id").asText();
        assertFalse(id.isBlank());
        assertEquals(email, client.path("email").asText());
        assertEquals("Анна Клиентова", client.path("fullName").asText());
        assertEquals("Europe/Moscow", client.path("timezone").asText());
        assertEquals("ru", client.path("language").asText());
        assertEquals("квартира 12", client.path("description").asText());

        Map<String, Object> nameless = clientBody("b." + partner.tag() + DOMAIN, null);
        nameless.remove("fullName");
        assertEquals("fullName", server.post("/api/v1/clients", partner.manager(), nameless)
                .refused(422, "FIELD_REQUIRED").field());
        server.post("/api/v1/clients", partner.manager(), clientBody(email, "Двойник")).refused(409,
                "CLIENT_EMAIL_TAKEN");

        JsonNode changed = server.patch("/api/v1/clients/" + id, partner.manager(), Map.of("fullName",
                "Анна Новая", "timezone", "Asia/Yekaterinburg")).expect(200).json();
        assertEquals("Анна Новая", changed.path("fullName").asText());
        assertEquals("Asia/Yekaterinburg", changed.path("timezone").asText());
        assertEquals(email, changed.path("email").asText(), "a field left out keeps its value");
        assertEquals("ru", changed.path("language").asText());
    }

    @Test
    void clientsArePagedByTheirCursorToTheLastPage() {
        Partner partner = partner("paged");
        List<String> emails = List.of("c1." + partner.tag() + DOMAIN, "c2." + partner.tag() + DOMAIN,
                "c3." + partner.tag() + DOMAIN);
        for (String email : List.of(emails.get(2), emails.get(0), emails.get(1))) {
            server.post("/api/v1/clients", partner.manager(), clientBody(email, "Client " + email)).expect(201);
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = server.get("/api/v1/clients?limit=1" + (cursor == null ? "" : "&cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), partner.manager()).expect(200).json();
            assertTrue(page.path("items").size() <= 1, page.toString());
            page.path("items").forEach(item -> seen.add(item.path("email").asText()));
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode() ? null
                    : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(emails, seen);
    }

    // ---- issuing and provisioning -------------------------------------------------------------------------------

    @Test
    void anIssuedLabelIsNewAndItsEMailedLinkProvisionsThePhoneOnce() {
        Partner partner = partner("issue");
        completedOrder(partner, 2);
        JsonNode client = client(partner, "d");
        String clientId = client.path("id").asText();

        JsonNode issued = server.post("/api/v1/credentials", partner.manager(), Map.of("clientId", clientId,
                "validFrom", at(Duration.ofHours(-1)), "validTo", at(Duration.ofDays(30)),
                "description", "главный вход")).expect(201).json();
        String label = issued.path("label").asText();
        assertTrue(label.matches("[0-9A-F]{16}"), label);
        assertEquals("NEW", issued.path("status").asText());
        assertEquals(clientId, issued.path("client").path("id").asText());
        assertEquals(client.path("fullName").asText(), issued.path("client").path("fullName").asText());
        assertEquals(client.path("email").asText(), issued.path("client").path("email").asText());
        assertTrue(issued.path("downloadedAt").isNull(), issued.toString());
        JsonNode pool = server.get("/api/v1/pool", partner.manager()).expect(200).json();
        assertEquals(1, pool.path("free").asInt());
        assertEquals(1, pool.path("issued").asInt());

        String email = client.path("email").asText();
        String token = server.token(email);
        assertTrue(mailsTo(email).stream().anyMatch(text -> text.contains("/provision?token=")),
                "the client is e-mailed the provisioning link");

        JsonNode document = server.post("/api/v1/provision", null, Map.of("token", token)).expect(200).json();
        assertEquals(label, document.path("label").asText());
        assertFalse(document.path("encoded").asText().isBlank(), document.toString());
        assertFalse(document.path("keyId").asText().isBlank(), document.toString());
        server.post("/api/v1/provision", null, Map.of("token", token)).refused(410, "PROVISIONING_TOKEN_USED");

        JsonNode listed = find(server.get("/api/v1/credentials", partner.manager()).expect(200).json(),
                issued.path("id").asText());
        assertTrue(listed.path("downloadedAt").asText().endsWith("Z"), listed.toString());
    }

    @Test
    void labelsAreListedByTheirStateNow() {
        Partner partner = partner("states");
        completedOrder(partner, 2);
        String clientId = client(partner, "e").path("id").asText();
        String active = issue(partner, clientId).path("label").asText();
        String fresh = issue(partner, clientId).path("label").asText();
        server.post("/api/v1/provision", null, Map.of("token", server.token("e." + partner.tag() + DOMAIN)))
                .expect(200);
        // Whichever of the two links the phone used, that label alone is ACTIVATED: downloaded, window started.
        List<String> downloaded = labels(server.get("/api/v1/credentials?status=ACTIVATED", partner.manager())
                .expect(200).json());
        assertEquals(1, downloaded.size(), downloaded.toString());
        String activated = downloaded.get(0);
        String other = activated.equals(active) ? fresh : active;

        assertEquals(List.of(other), labels(server.get("/api/v1/credentials?status=NEW", partner.manager())
                .expect(200).json()));
        server.post("/api/v1/credentials/" + other + "/revoke", partner.manager(), null).expect(200);
        assertEquals(List.of(other), labels(server.get("/api/v1/credentials?status=DEACTIVATED", partner.manager())
                .expect(200).json()));
        assertEquals(List.of(), labels(server.get("/api/v1/credentials?status=NEW", partner.manager()).expect(200)
                .json()));
        assertEquals(List.of(activated), labels(server.get("/api/v1/credentials?status=ACTIVATED",
                partner.manager()).expect(200).json()));
        server.get("/api/v1/credentials?status=LOST", partner.manager()).refused(422, "VALUE_NOT_IN_LIST");
    }

    @Test
    void theQrCodeOfALabelIsAPng() {
        Partner partner = partner("qr");
        completedOrder(partner, 1);
        String label = issue(partner, client(partner, "f").path("id").asText()).path("label").asText();

        Response png = server.get("/api/v1/credentials/" + label + "/qr.png", partner.manager()).expect(200);
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertTrue(png.bytes().length > PNG_SIGNATURE.length);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png.bytes(), PNG_SIGNATURE.length));
        server.get("/api/v1/credentials/" + label + "/qr.png", null).refused(401, "UNAUTHENTICATED");
    }

    @Test
    void aResentLinkReplacesTheOldOne() {
        Partner partner = partner("resend");
        completedOrder(partner, 1);
        String email = "g." + partner.tag() + DOMAIN;
        String label = issue(partner, client(partner, "g").path("id").asText()).path("label").asText();
        String old = server.token(email);

        Response resent = server.post("/api/v1/credentials/" + label + "/resend", partner.manager(), null)
                .expect(202);
        assertEquals(0, resent.bytes().length);
        String fresh = server.token(email);
        assertNotEquals(old, fresh, "a new link is e-mailed");

        server.post("/api/v1/provision", null, Map.of("token", old)).refused(410, "PROVISIONING_TOKEN_USED");
        assertEquals(label, server.post("/api/v1/provision", null, Map.of("token", fresh)).expect(200).json()
                .path("label").asText());
    }

    @Test
    void aRevokedLabelIsDeactivatedOnceAndItsLinkStopsWorking() {
        Partner partner = partner("revoke");
        completedOrder(partner, 1);
        String email = "h." + partner.tag() + DOMAIN;
        String label = issue(partner, client(partner, "h").path("id").asText()).path("label").asText();
        String token = server.token(email);

        JsonNode revoked = server.post("/api/v1/credentials/" + label + "/revoke", partner.manager(), null)
                .expect(200).json();
        assertEquals("DEACTIVATED", revoked.path("status").asText());
        assertEquals(label, revoked.path("label").asText());
        server.post("/api/v1/credentials/" + label + "/revoke", partner.manager(), null).refused(409,
                "TRANSITION_NOT_ALLOWED");
        server.post("/api/v1/provision", null, Map.of("token", token)).refused(410, "PROVISIONING_TOKEN_USED");

        JsonNode pool = server.get("/api/v1/pool", partner.manager()).expect(200).json();
        assertEquals(0, pool.path("issued").asInt(), pool.toString());
        // Back in the pool after the cool-down (none by default), or waiting it out: either way not issued.
        assertEquals(1, pool.path("free").asInt() + pool.path("deactivated").asInt(), pool.toString());
        assertEquals("DEACTIVATED", find(server.get("/api/v1/credentials", partner.manager()).expect(200).json(),
                label, "label").path("status").asText());
    }

    @Test
    void anEmptyPoolIssuesNothing() {
        Partner partner = partner("empty");
        String clientId = client(partner, "i").path("id").asText();
        Map<String, Object> request = Map.of("clientId", clientId, "validFrom", at(Duration.ofHours(-1)),
                "validTo", at(Duration.ofDays(10)));
        server.post("/api/v1/credentials", partner.manager(), request).refused(409, "CREDENTIAL_POOL_EMPTY");

        completedOrder(partner, 1);
        server.post("/api/v1/credentials", partner.manager(), request).expect(201);
        server.post("/api/v1/credentials", partner.manager(), request).refused(409, "CREDENTIAL_POOL_EMPTY");
        assertEquals(1, labels(server.get("/api/v1/credentials", partner.manager()).expect(200).json()).size());
    }

    // ---- tenancy and permissions --------------------------------------------------------------------------------

    @Test
    void anotherPartnerNeitherSeesNorTouchesAPartnersLabelsAndClients() {
        Partner a = partner("owna");
        Partner b = partner("ownb");
        completedOrder(a, 1);
        JsonNode client = client(a, "j");
        String clientId = client.path("id").asText();
        String label = issue(a, clientId).path("label").asText();

        assertEquals(List.of(), labels(server.get("/api/v1/credentials", b.manager()).expect(200).json()));
        server.post("/api/v1/credentials/" + label + "/revoke", b.manager(), null).refused(404,
                "CREDENTIAL_NOT_FOUND");
        server.post("/api/v1/credentials/" + label + "/resend", b.manager(), null).refused(404,
                "CREDENTIAL_NOT_FOUND");
        server.get("/api/v1/credentials/" + label + "/qr.png", b.manager()).refused(404, "CREDENTIAL_NOT_FOUND");
        server.get("/api/v1/credentials?clientId=" + clientId, b.manager()).expect(200);
        assertEquals(List.of(), labels(server.get("/api/v1/credentials?clientId=" + clientId, b.manager())
                .expect(200).json()));

        assertEquals(List.of(), server.get("/api/v1/clients", b.manager()).expect(200).json().path("items")
                .findValuesAsText("id"));
        server.patch("/api/v1/clients/" + clientId, b.manager(), Map.of("fullName", "Hijacked")).refused(404,
                "CLIENT_NOT_FOUND");
        server.post("/api/v1/credentials", b.manager(), Map.of("clientId", clientId,
                "validFrom", at(Duration.ofHours(-1)), "validTo", at(Duration.ofDays(10)))).refused(404,
                "CLIENT_NOT_FOUND");

        JsonNode mine = find(server.get("/api/v1/credentials", a.manager()).expect(200).json(), label, "label");
        assertEquals("NEW", mine.path("status").asText());
        assertEquals(client.path("fullName").asText(), mine.path("client").path("fullName").asText());
    }

    @Test
    void onlyTheDealerDecidesAPartnersOrderNotThePartnersOwnAdminOrManager() {
        Partner partner = partner("decide");
        String id = server.post("/api/v1/pool-orders", partner.admin(), Map.of("size", 1, "term", "UNLIMITED"))
                .expect(201).json().path("id").asText();
        server.post("/api/v1/pool-orders/" + id + "/complete", partner.admin(), null).refused(403,
                "PERMISSION_DENIED");
        server.post("/api/v1/pool-orders/" + id + "/complete", partner.manager(), null).refused(403,
                "PERMISSION_DENIED");
        server.post("/api/v1/pool-orders/" + id + "/reject", partner.manager(), null).refused(403,
                "PERMISSION_DENIED");
        assertEquals(0, server.get("/api/v1/pool", partner.manager()).expect(200).json().path("free").asInt());

        assertEquals("COMPLETED", server.post("/api/v1/pool-orders/" + id + "/complete", operator, null)
                .expect(200).json().path("status").asText());
        assertEquals(1, server.get("/api/v1/pool", partner.manager()).expect(200).json().path("free").asInt());
    }

    @Test
    void anEngineerOfAPartnerNeitherOrdersNorKeepsClients() {
        Partner partner = partner("eng");
        String email = "engineer." + partner.tag() + DOMAIN;
        server.post("/api/v1/orgs/" + partner.id() + "/members", partner.admin(), Map.of("email", email,
                "fullName", "Инженер", "role", "ENGINEER")).expect(201);
        String engineer = server.confirmed(email, PASSWORD);

        server.post("/api/v1/pool-orders", engineer, Map.of("size", 1, "term", "UNLIMITED")).refused(403,
                "PERMISSION_DENIED");
        server.post("/api/v1/clients", engineer, clientBody("k." + partner.tag() + DOMAIN, "Клиент"))
                .refused(403, "PERMISSION_DENIED");
        assertEquals(List.of(), ids(server.get("/api/v1/pool-orders", partner.manager()).expect(200).json()));
    }

    @Test
    void theOperatorMayRevokeAPartnersLabel() {
        Partner partner = partner("oprev");
        completedOrder(partner, 1);
        String label = issue(partner, client(partner, "l").path("id").asText()).path("label").asText();
        assertEquals("DEACTIVATED", server.post("/api/v1/credentials/" + label + "/revoke", operator,
                Map.of("reason", "phone lost")).expect(200).json().path("status").asText());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A partner the operator made, its administrator confirmed, and a MANAGER it invited, confirmed. */
    private static Partner partner(String tag) {
        String name = tag + SEQ.incrementAndGet();
        String adminEmail = name + ".admin" + DOMAIN;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "PARTNER");
        body.put("name", "Pool Partner " + name);
        body.put("country", "RU");
        body.put("taxId", "7707083893");
        body.put("timezone", "Europe/Moscow");
        body.put("language", "ru");
        body.put("admin", Map.of("email", adminEmail, "fullName", "Администратор " + name));
        String id = server.post("/api/v1/orgs", operator, body).expect(201).json().path("id").asText();
        String admin = server.confirmed(adminEmail, PASSWORD);
        String managerEmail = name + ".manager" + DOMAIN;
        server.post("/api/v1/orgs/" + id + "/members", admin, Map.of("email", managerEmail,
                "fullName", "Менеджер " + name, "role", "MANAGER")).expect(201);
        return new Partner(id, admin, server.confirmed(managerEmail, PASSWORD), name);
    }

    /** The partner's manager orders {@code size} unlimited credentials and the operator completes the order. */
    private static void completedOrder(Partner partner, int size) {
        String id = server.post("/api/v1/pool-orders", partner.manager(), Map.of("size", size, "term", "UNLIMITED"))
                .expect(201).json().path("id").asText();
        server.post("/api/v1/pool-orders/" + id + "/complete", operator, null).expect(200);
    }

    private static Map<String, Object> clientBody(String email, String fullName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("fullName", fullName);
        body.put("timezone", "Europe/Moscow");
        body.put("language", "ru");
        body.put("description", "квартира 12");
        return body;
    }

    /** A client of the partner, {@code prefix.<partner tag>@…}. */
    private static JsonNode client(Partner partner, String prefix) {
        return server.post("/api/v1/clients", partner.manager(), clientBody(prefix + "." + partner.tag() + DOMAIN,
                "Клиент " + prefix)).expect(201).json();
    }

    /** Issues a label to the client, valid from an hour ago for thirty days. */
    private static JsonNode issue(Partner partner, String clientId) {
        return server.post("/api/v1/credentials", partner.manager(), Map.of("clientId", clientId,
                "validFrom", at(Duration.ofHours(-1)), "validTo", at(Duration.ofDays(30)))).expect(201).json();
    }

    /** Now plus {@code offset}, as ISO-8601 with an offset. */
    private static String at(Duration offset) {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("id");
    }

    private static List<String> labels(JsonNode page) {
        List<String> labels = new ArrayList<>();
        page.path("items").forEach(item -> labels.add(item.path("label").asText()));
        return labels;
    }

    private static JsonNode find(JsonNode page, String id) {
        return find(page, id, "id");
    }

    private static JsonNode find(JsonNode page, String value, String field) {
        for (JsonNode item : page.path("items")) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + page);
    }

    /** The texts of the e-mails to {@code address} so far (after delivering what waits). */
    private static List<String> mailsTo(String address) {
        server.deliverMail();
        return server.mails().stream().map(TestServer::text).filter(t -> t.contains(address)).toList();
    }
}
