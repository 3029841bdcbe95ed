package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.server.TestServer.Party;
import io.latchkey.server.TestServer.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Service packages over HTTP: the operator's catalog, a company registered as a seller and connected to a
 * reseller, hubs at its sites with tiles that follow their subscriptions, the guard on closing a seller with
 * live services, and the reseller's monthly statement as JSON and CSV.
 */
class ServiceApiTest {

    private static final String PASSWORD = TestServer.MEMBER_PASSWORD;
    /** The sellers' zone: their months are cut there. */
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final AtomicInteger SEQ = new AtomicInteger();

    private static TestServer server;
    private static String admin;

    /** An organization and a signed-in administrator (a company's: its owner). */

    /** A seller connected to its reseller, with a site and a package that needs the SIM. */
    private record Seller(Party company, Party reseller, String siteId, String packageId, String packageCode) {
    }

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void onlyTheOperatorAddsPackagesToTheCatalog() {
        Party partner = partner("Catalog");
        String code = "PKG-CATALOG-" + SEQ.incrementAndGet();
        JsonNode made = server.post("/api/v1/packages", admin, Map.of("code", code, "name", "Monitoring",
                "monthlyPrice", 1900, "currency", "PLN", "requiresSim", true)).expect(201).json();
        assertEquals(code, made.path("code").asText());
        assertEquals(1900, made.path("monthlyPrice").asLong());
        assertEquals("PLN", made.path("currency").asText());
        assertTrue(made.path("requiresSim").asBoolean());

        server.post("/api/v1/packages", partner.token(), Map.of("code", code + "-P", "name", "Partner's own",
                "monthlyPrice", 100, "currency", "PLN", "requiresSim", false)).refused(403, "PERMISSION_DENIED");
        List<String> catalog = items(server.get("/api/v1/packages", partner.token()).expect(200)).stream()
                .map(p -> p.path("code").asText()).toList();
        assertTrue(catalog.contains(code), catalog.toString());
        assertFalse(catalog.contains(code + "-P"), catalog.toString());
    }

    @Test
    void aCompanyOwnerRegistersASellerThatAsksAResellerOnceAndTheResellerApproves() {
        Party reseller = partner("Reseller");
        Party company = company("Asking Shop");
        Map<String, String> request = Map.of("fromOrgId", company.id(), "toOrgId", reseller.id(),
                "kind", "SELLER_TO_RESELLER");
        server.post("/api/v1/connections", company.token(), request).refused(422, "NOT_A_SELLER");

        JsonNode seller = server.post("/api/v1/orgs/" + company.id() + "/seller", company.token(), sellerDetails())
                .expect(200).json();
        assertEquals(company.id(), seller.path("id").asText());
        assertFalse(seller.path("sellerSince").isNull(), seller.toString());

        JsonNode pending = server.post("/api/v1/connections", company.token(), request).expect(201).json();
        assertEquals("PENDING", pending.path("state").asText());
        assertEquals("SELLER_TO_RESELLER", pending.path("kind").asText());
        server.post("/api/v1/connections", company.token(), request).refused(409, "CONNECTION_EXISTS");

        JsonNode approved = server.post("/api/v1/connections/" + pending.path("id").asText() + "/approve",
                reseller.token(), null).expect(200).json();
        assertEquals("APPROVED", approved.path("state").asText());
    }

    @Test
    void aHubTileFollowsItsSubscriptionAndAPackageThatNeedsTheSimRefusesAHubWithoutOne() {
        Seller seller = seller("Tiles");
        String owner = seller.company().token();
        JsonNode withSim = server.post("/api/v1/sites/" + seller.siteId() + "/hubs", owner, Map.of("serial",
                "HUB-SIM-" + SEQ.incrementAndGet(), "simInstalled", true)).expect(201).json();
        JsonNode withoutSim = server.post("/api/v1/sites/" + seller.siteId() + "/hubs", owner, Map.of("serial",
                "HUB-NOSIM-" + SEQ.incrementAndGet(), "simInstalled", false)).expect(201).json();
        assertTrue(withSim.path("simInstalled").asBoolean());
        assertFalse(withoutSim.path("simInstalled").asBoolean());
        String hub = withSim.path("id").asText();
        assertEquals("ACTIVATION_REQUIRED", tile(seller, hub).path("tile").asText());
        assertEquals("ACTIVATION_REQUIRED", tile(seller, withoutSim.path("id").asText()).path("tile").asText());

        server.post("/api/v1/subscriptions", owner, Map.of("hubId", withoutSim.path("id").asText(), "packageId",
                seller.packageId(), "resellerId", seller.reseller().id())).refused(422, "SIM_REQUIRED");

        JsonNode subscription = server.post("/api/v1/subscriptions", owner, Map.of("hubId", hub, "packageId",
                seller.packageId(), "resellerId", seller.reseller().id())).expect(201).json();
        assertEquals("ACTIVE", subscription.path("state").asText());
        String id = subscription.path("id").asText();
        JsonNode active = tile(seller, hub);
        assertEquals("ACTIVE", active.path("tile").asText());
        assertEquals(id, active.path("subscription").path("id").asText());
        assertEquals(seller.packageId(), active.path("subscription").path("packageId").asText());
        assertEquals(seller.reseller().id(), active.path("subscription").path("resellerId").asText());
        assertEquals("ACTIVATION_REQUIRED", tile(seller, withoutSim.path("id").asText()).path("tile").asText());

        JsonNode expiring = server.post("/api/v1/subscriptions/" + id + "/deactivate", owner, null).expect(200)
                .json();
        assertEquals("EXPIRES_SOON", expiring.path("state").asText());
        // It runs to the end of the month in the seller's zone.
        Instant nextMonth = YearMonth.now(MOSCOW).plusMonths(1).atDay(1).atStartOfDay(MOSCOW).toInstant();
        assertEquals(nextMonth, Instant.parse(expiring.path("endsAt").asText()));
        assertEquals("EXPIRES_SOON", tile(seller, hub).path("tile").asText());

        JsonNode resumed = server.post("/api/v1/subscriptions/" + id + "/resume", owner, null).expect(200).json();
        assertEquals("ACTIVE", resumed.path("state").asText());
        assertTrue(resumed.path("endsAt").isNull(), resumed.toString());
        assertEquals("ACTIVE", tile(seller, hub).path("tile").asText());

        JsonNode stopped = server.post("/api/v1/subscriptions/" + id + "/stop", owner, null).expect(200).json();
        assertEquals("ENDED", stopped.path("state").asText());
        assertFalse(stopped.path("endedAt").isNull(), stopped.toString());
        JsonNode ended = tile(seller, hub);
        assertEquals("ACTIVATION_REQUIRED", ended.path("tile").asText());
        assertTrue(ended.path("subscription").isNull(), ended.toString());
    }

    @Test
    void aSellerWithAnActiveSubscriptionIsNotClosedUntilItIsStopped() {
        Seller seller = seller("Closing");
        String subscription = subscribed(seller, "HUB-CLOSE-" + SEQ.incrementAndGet());

        server.delete("/api/v1/orgs/" + seller.company().id(), seller.company().token())
                .refused(409, "ACTIVE_SUBSCRIPTIONS");
        server.get("/api/v1/orgs/" + seller.company().id(), seller.company().token()).expect(200);

        server.post("/api/v1/subscriptions/" + subscription + "/stop", seller.company().token(), null).expect(200);
        server.delete("/api/v1/orgs/" + seller.company().id(), seller.company().token()).expect(204);
    }

    @Test
    void aResellersStatementListsTheMonthsSubscriptionsAsJsonAndCsv() {
        Seller seller = seller("Statement");
        String serial = "HUB-STATEMENT-" + SEQ.incrementAndGet();
        String subscription = subscribed(seller, serial);
        String reseller = seller.reseller().token();
        LocalDate today = LocalDate.now(MOSCOW);
        YearMonth month = YearMonth.from(today);
        String path = "/api/v1/statements?resellerId=" + seller.reseller().id() + "&month=" + month;

        List<JsonNode> lines = items(server.get(path, reseller).expect(200));
        assertEquals(1, lines.size());
        JsonNode line = lines.get(0);
        assertEquals(subscription, line.path("subscriptionId").asText());
        assertEquals(serial, line.path("hubSerial").asText());
        assertEquals(seller.packageCode(), line.path("packageCode").asText());
        assertEquals(seller.company().id(), line.path("sellerId").asText());
        assertEquals(seller.reseller().id(), line.path("resellerId").asText());
        assertEquals("ACTIVE", line.path("state").asText());
        assertEquals(month.lengthOfMonth(), line.path("daysInMonth").asInt());
        assertEquals(month.lengthOfMonth() - today.getDayOfMonth() + 1, line.path("daysActive").asInt());

        Response csv = server.get(path + "&format=csv", reseller).expect(200);
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
                csv.headers().toString());
        String[] rows = new String(csv.bytes(), StandardCharsets.UTF_8).split("\r\n");
        assertEquals(2, rows.length, String.join("|", rows));
        assertEquals("subscriptionId,hubSerial,packageCode,sellerId,resellerId,state,startedAt,endsAt,endedAt,"
                + "daysActive,daysInMonth", rows[0]);
        assertTrue(rows[1].startsWith(subscription + "," + serial + "," + seller.packageCode() + ","), rows[1]);

        // Nothing was billable the month before it started.
        assertEquals(0, items(server.get("/api/v1/statements?resellerId=" + seller.reseller().id() + "&month="
                + month.minusMonths(1), reseller).expect(200)).size());
        Response bad = server.get("/api/v1/statements?resellerId=" + seller.reseller().id() + "&month=2026-13",
                reseller).refused(422, "FIELD_MALFORMED");
        assertEquals("month", bad.field());
        // Another partner reads no reseller's statement but its own.
        server.get(path, partner("Outsider").token()).refused(404, "ORGANIZATION_NOT_FOUND");
    }

    // --- the channel, over HTTP --------------------------------------------------------------------------------

    private static Party partner(String name) {
        return server.partner(admin, name);
    }

    /** A company that registers itself (Moscow time), whose owner confirms and signs in. */
    private static Party company(String name) {
        String email = "owner" + SEQ.incrementAndGet() + "@test.latchkey.local";
        server.post("/api/v1/register", null, Map.of(
                "account", Map.of("email", email, "fullName", name + " Owner", "language", "en"),
                "company", Map.of("name", name, "country", "RU", "timezone", "Europe/Moscow"),
                "firm", Map.of("name", "Firm " + name, "taxId", "7707083893", "address", "Tverskaya 1"),
                "site", Map.of("name", name + " Office"),
                "agreement", Map.of("version", "2026-1", "accepted", true))).expect(202);
        String token = server.confirmed(email, PASSWORD);
        return new Party(server.get("/api/v1/me", token).expect(200).json().path("organizationId").asText(), token);
    }

    private static Map<String, String> sellerDetails() {
        return Map.of("legalName", "OOO Seller", "country", "RU", "taxId", "7707083893", "address", "Arbat 10",
                "email", "sales@test.latchkey.local", "phone", "+7 495 123-45-67");
    }

    /**
     * A company registered as a seller by its owner, connected to a reseller that approved it, with a new site;
     * and a new package that needs the SIM.
     */
    private static Seller seller(String name) {
        Party reseller = partner(name + " Reseller");
        Party company = company(name + " Seller");
        server.post("/api/v1/orgs/" + company.id() + "/seller", company.token(), sellerDetails()).expect(200);
        String request = server.post("/api/v1/connections", company.token(), Map.of("fromOrgId", company.id(),
                "toOrgId", reseller.id(), "kind", "SELLER_TO_RESELLER")).expect(201).json().path("id").asText();
        server.post("/api/v1/connections/" + request + "/approve", reseller.token(), null).expect(200);
        String site = server.post("/api/v1/sites", company.token(), Map.of("name", name + " Warehouse"))
                .expect(201).json().path("id").asText();
        String code = "PKG-" + SEQ.incrementAndGet();
        String pkg = server.post("/api/v1/packages", admin, Map.of("code", code, "name", "Monitoring with SIM",
                "monthlyPrice", 1900, "currency", "RUB", "requiresSim", true)).expect(201).json().path("id").asText();
        return new Seller(company, reseller, site, pkg, code);
    }

    /** A hub with a SIM at the seller's site, with an active subscription; answers the subscription's id. */
    private static String subscribed(Seller seller, String serial) {
        String hub = server.post("/api/v1/sites/" + seller.siteId() + "/hubs", seller.company().token(),
                Map.of("serial", serial, "simInstalled", true)).expect(201).json().path("id").asText();
        return server.post("/api/v1/subscriptions", seller.company().token(), Map.of("hubId", hub, "packageId",
                seller.packageId(), "resellerId", seller.reseller().id())).expect(201).json().path("id").asText();
    }

    /** The hub's item in its site's list. */
    private static JsonNode tile(Seller seller, String hub) {
        return items(server.get("/api/v1/sites/" + seller.siteId() + "/hubs", seller.company().token()).expect(200))
                .stream().filter(h -> h.path("id").asText().equals(hub)).findFirst()
                .orElseThrow(() -> new AssertionError("hub " + hub + " is not listed at its site"));
    }

    private static List<JsonNode> items(Response page) {
        return StreamSupport.stream(page.json().path("items").spliterator(), false).toList();
    }
}
