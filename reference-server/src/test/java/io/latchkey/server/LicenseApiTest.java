package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.crypto.VerificationKey;
import io.latchkey.license.ActivationFile;
import io.latchkey.license.RevocationList;
import io.latchkey.server.TestServer.Party;
import io.latchkey.server.TestServer.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Licenses over HTTP: the licensor mints and sells down the channel by documents, codes are shown in full only
 * to their holder (a company's partner sees the last four), documents are found, printed and sent, and a POS
 * device activates, renews and releases a license with files that verify offline against the published keys.
 */
class LicenseApiTest {

    private static final String PASSWORD = TestServer.MEMBER_PASSWORD;
    private static final String CODE = "\\d{4}-\\d{4}-\\d{4}";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private static TestServer server;
    private static String admin;


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
    void theLicensorMintsAndSellsSealedLicensesToAPartnerWhoSeesCodesOnlyOnceRevealed() {
        Party partner = partner("Mint");
        Response minted = server.post("/api/v1/licenses/mint", admin, Map.of("count", 3)).expect(201);
        assertEquals(3, minted.json().path("minted").asInt());
        server.post("/api/v1/licenses/mint", partner.token(), Map.of("count", 1)).refused(403, "PERMISSION_DENIED");

        JsonNode sale = server.post("/api/v1/documents", admin, Map.of("type", "SALE_TO_PARTNER",
                "buyerOrgId", partner.id(), "count", 3)).expect(201).json();
        assertEquals("SALE_TO_PARTNER", sale.path("type").asText());
        assertEquals(partner.id(), sale.path("buyerOrgId").asText());
        assertEquals(3, sale.path("licenseIds").size());

        List<JsonNode> sealed = items(server.get("/api/v1/licenses", partner.token()).expect(200));
        assertEquals(3, sealed.size());
        for (JsonNode license : sealed) {
            assertEquals("SEALED", license.path("state").asText());
            assertEquals(partner.id(), license.path("holderId").asText());
            assertTrue(license.path("code").isNull(), "a sealed code is shown to no one: " + license);
        }

        JsonNode reveal = server.post("/api/v1/documents", partner.token(), Map.of("type", "REVEAL_TO_SELF",
                "count", 2)).expect(201).json();
        assertEquals("REVEAL_TO_SELF", reveal.path("type").asText());
        List<JsonNode> revealed = items(server.get("/api/v1/licenses?state=REVEALED", partner.token()).expect(200));
        assertEquals(2, revealed.size());
        for (JsonNode license : revealed) {
            assertTrue(license.path("code").asText().matches(CODE), "in full to its holder: " + license);
        }
        List<JsonNode> stillSealed = items(server.get("/api/v1/licenses?state=SEALED", partner.token()).expect(200));
        assertEquals(1, stillSealed.size());
        assertTrue(stillSealed.get(0).path("code").isNull());
        // The licensor that sold them sees none of the partner's codes.
        for (JsonNode license : items(server.get("/api/v1/licenses?holderId=" + partner.id(), admin).expect(200))) {
            assertTrue(license.path("code").isNull(), "a partner's code is its own: " + license);
        }
    }

    @Test
    void aRepeatedSaleWithTheSameIdempotencyKeyMovesTheLicensesOnce() {
        Party partner = partner("Repeat");
        server.post("/api/v1/licenses/mint", admin, Map.of("count", 4)).expect(201);
        Map<String, Object> sale = Map.of("type", "SALE_TO_PARTNER", "buyerOrgId", partner.id(), "count", 2);
        Map<String, String> key = Map.of("Idempotency-Key", "sale-repeat-" + partner.id());
        Response first = server.send("POST", "/api/v1/documents", admin, sale, key).expect(201);
        Response again = server.send("POST", "/api/v1/documents", admin, sale, key).expect(201);
        assertEquals(first.json().path("id").asText(), again.json().path("id").asText());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(2, items(server.get("/api/v1/licenses", partner.token()).expect(200)).size());
        // Without the key it is another sale.
        server.post("/api/v1/documents", admin, sale).expect(201);
        assertEquals(4, items(server.get("/api/v1/licenses", partner.token()).expect(200)).size());
    }

    @Test
    void licensesAreListedPageByPage() {
        Party partner = stocked("Pages", 3);
        Response page = server.get("/api/v1/licenses?limit=2", partner.token()).expect(200);
        assertEquals(2, items(page).size());
        String cursor = page.json().path("nextCursor").asText(null);
        assertTrue(cursor != null, page.json().toString());
        Response rest = server.get("/api/v1/licenses?limit=2&cursor=" + cursor, partner.token()).expect(200);
        assertEquals(1, items(rest).size());
        assertTrue(rest.json().path("nextCursor").isNull(), rest.json().toString());
        List<String> all = new ArrayList<>();
        items(page).forEach(l -> all.add(l.path("id").asText()));
        items(rest).forEach(l -> all.add(l.path("id").asText()));
        assertEquals(3, all.stream().distinct().count());
    }

    @Test
    void aCompanySeesTheCodesItBoughtInFullAndItsPartnerOnlyTheLastFour() {
        Party partner = stocked("Masks", 2);
        JsonNode revealed = revealed(partner, 1).get(0);
        String code = revealed.path("code").asText();
        String licenseId = revealed.path("id").asText();
        Party company = company("Masks Shop", partner);
        JsonNode firm = items(server.get("/api/v1/firms?companyId=" + company.id(), partner.token()).expect(200))
                .get(0);

        JsonNode sale = server.post("/api/v1/documents", partner.token(), Map.of("type", "SALE_TO_COMPANY",
                "buyerOrgId", company.id(), "buyerFirmId", firm.path("id").asText(), "licenseIds",
                List.of(licenseId))).expect(201).json();
        assertEquals(company.id(), sale.path("buyerOrgId").asText());
        assertEquals(firm.path("id").asText(), sale.path("buyerFirmId").asText());
        assertEquals("Firm Masks Shop", sale.path("buyer").path("name").asText());
        assertEquals("7707083893", sale.path("buyer").path("taxId").asText());

        JsonNode seenByPartner = items(server.get("/api/v1/licenses?holderId=" + company.id(), partner.token())
                .expect(200)).get(0);
        assertEquals(licenseId, seenByPartner.path("id").asText());
        assertEquals("ASSIGNED", seenByPartner.path("state").asText());
        assertEquals("••••-••••-" + code.substring(10), seenByPartner.path("code").asText());

        JsonNode seenByCompany = items(server.get("/api/v1/licenses", company.token()).expect(200)).get(0);
        assertEquals(licenseId, seenByCompany.path("id").asText());
        assertEquals(code, seenByCompany.path("code").asText());
    }

    @Test
    void documentsAreFoundByTypeAndByTheCompanyThatBought() {
        Party partner = stocked("Filters", 3);
        Party company = company("Filters Shop", partner);
        String firm = items(server.get("/api/v1/firms?companyId=" + company.id(), partner.token()).expect(200))
                .get(0).path("id").asText();
        String reveal = server.post("/api/v1/documents", partner.token(), Map.of("type", "REVEAL_TO_SELF",
                "count", 1)).expect(201).json().path("id").asText();
        String sale = server.post("/api/v1/documents", partner.token(), Map.of("type", "SALE_TO_COMPANY",
                "buyerOrgId", company.id(), "buyerFirmId", firm, "count", 1)).expect(201).json().path("id").asText();

        assertEquals(List.of(reveal), ids(server.get("/api/v1/documents?type=REVEAL_TO_SELF", partner.token())));
        assertEquals(List.of(sale), ids(server.get("/api/v1/documents?type=SALE_TO_COMPANY", partner.token())));
        // The partner's documents are also those it bought: the licensor's sale to it.
        List<JsonNode> bought = items(server.get("/api/v1/documents?type=SALE_TO_PARTNER", partner.token())
                .expect(200));
        assertEquals(1, bought.size());
        assertEquals(partner.id(), bought.get(0).path("buyerOrgId").asText());
        // By company: only the document the company is a party to, not the partner's reveal.
        assertEquals(List.of(sale), ids(server.get("/api/v1/documents?companyId=" + company.id(),
                partner.token())));
        assertEquals(List.of(sale), ids(server.get("/api/v1/documents?companyId=" + company.id()
                + "&type=SALE_TO_COMPANY", partner.token())));
        assertEquals(List.of(), ids(server.get("/api/v1/documents?companyId=" + company.id()
                + "&type=REVEAL_TO_SELF", partner.token())));
    }

    @Test
    void aPrintedDocumentShowsItsCodesWithTheBuyerEscapedAndSendingFlagsItsLicensesSent() {
        Party partner = stocked("Print", 2);
        List<JsonNode> licenses = revealed(partner, 2);
        List<String> codes = licenses.stream().map(l -> l.path("code").asText()).toList();
        JsonNode document = server.post("/api/v1/documents", partner.token(), Map.of("type", "SALE_TO_UNREGISTERED",
                "buyer", Map.of("name", "<script>alert(1)</script> Ltd", "address", "Main St 1"), "licenseIds",
                licenses.stream().map(l -> l.path("id").asText()).toList())).expect(201).json();
        String id = document.path("id").asText();
        assertEquals("<script>alert(1)</script> Ltd", document.path("buyer").path("name").asText());

        Response print = server.get("/api/v1/documents/" + id + "/print", partner.token()).expect(200);
        assertTrue(print.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = new String(print.bytes(), StandardCharsets.UTF_8);
        assertTrue(html.contains(codes.get(0)) && html.contains(codes.get(1)), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ltd"), html);
        assertFalse(html.contains("<script>"), html);
        for (Map.Entry<String, String> language : Map.of("ru", "Покупатель", "pl", "Nabywca", "en", "Buyer")
                .entrySet()) {
            String printed = new String(server.get("/api/v1/documents/" + id + "/print?lang=" + language.getKey(),
                    partner.token()).expect(200).bytes(), StandardCharsets.UTF_8);
            assertTrue(printed.contains("<html lang=\"" + language.getKey() + "\"")
                    && printed.contains(language.getValue()), printed);
        }
        server.get("/api/v1/documents/" + id + "/print?lang=de", partner.token())
                .refused(422, "LANGUAGE_UNSUPPORTED");

        for (JsonNode license : server.get("/api/v1/documents/" + id, partner.token()).expect(200).json()
                .path("licenses")) {
            assertTrue(license.path("printed").asBoolean(), "printing flags: " + license);
            assertFalse(license.path("sent").asBoolean(), "not sent yet: " + license);
        }
        server.post("/api/v1/documents/" + id + "/send", partner.token(),
                Map.of("email", "buyer.print@test.latchkey.local")).expect(202);
        for (JsonNode license : server.get("/api/v1/documents/" + id, partner.token()).expect(200).json()
                .path("licenses")) {
            assertTrue(license.path("sent").asBoolean(), "sending flags: " + license);
        }
        String mail = server.mail("buyer.print@test.latchkey.local");
        assertTrue(mail.contains(codes.get(0)) && mail.contains(codes.get(1)), mail);
    }

    @Test
    void aLicenseIsActiveOnOneDeviceAtATimeWithFilesThatVerifyAgainstThePublishedKeys() {
        Party partner = stocked("Pos", 1);
        JsonNode license = revealed(partner, 1).get(0);
        String code = license.path("code").asText();
        List<VerificationKey> keys = keys();

        JsonNode first = server.post("/api/v1/activations", null, Map.of("code", code, "fingerprint", "POS-A"))
                .expect(201).json();
        ActivationFile file = ActivationFile.verify(first.path("encoded").asText(), keys, "POS-A", Instant.now())
                .orElseThrow(() -> new AssertionError("the file does not verify: " + first));
        assertEquals(license.path("id").asText(), file.licenseId());
        assertEquals(partner.id(), file.holder());
        assertTrue(items(server.get("/api/v1/licenses?state=REVEALED", partner.token()).expect(200)).get(0)
                .path("activated").asBoolean());

        server.post("/api/v1/activations", null, Map.of("code", code, "fingerprint", "POS-B"))
                .refused(409, "LICENSE_ALREADY_ACTIVATED");
        server.post("/api/v1/activations", null, Map.of("code", "0000-0000-0000", "fingerprint", "POS-B"))
                .refused(422, "LICENSE_CODE_INVALID");

        JsonNode renewed = server.post("/api/v1/activations/renew", null, Map.of("code", code, "fingerprint",
                "POS-A")).expect(200).json();
        ActivationFile fresh = ActivationFile.verify(renewed.path("encoded").asText(), keys, "POS-A", Instant.now())
                .orElseThrow(() -> new AssertionError("the renewed file does not verify: " + renewed));
        assertFalse(fresh.issuedAt().isBefore(file.issuedAt()));
        assertEquals(file.licenseId(), fresh.licenseId());

        server.post("/api/v1/activations/deactivate", null, Map.of("code", code, "fingerprint", "POS-A"))
                .expect(200);
        JsonNode revocations = server.get("/api/v1/revocations", null).expect(200).json();
        RevocationList list = RevocationList.verify(revocations.path("encoded").asText(), keys, Instant.now())
                .orElseThrow(() -> new AssertionError("the revocation list does not verify: " + revocations));
        assertTrue(list.revokes(fresh), "the released activation is revoked: " + revocations);

        JsonNode other = server.post("/api/v1/activations", null, Map.of("code", code, "fingerprint", "POS-B"))
                .expect(201).json();
        assertTrue(ActivationFile.verify(other.path("encoded").asText(), keys, "POS-B", Instant.now()).isPresent());
        assertFalse(list.revokes(ActivationFile.verify(other.path("encoded").asText(), keys).orElseThrow()));
    }

    @Test
    void anotherPartnerCannotReadAPartnersDocumentsOrLicenses() {
        Party partner = stocked("Tenant", 1);
        String document = server.post("/api/v1/documents", partner.token(), Map.of("type", "REVEAL_TO_SELF",
                "count", 1)).expect(201).json().path("id").asText();
        Party stranger = partner("Stranger");

        server.get("/api/v1/documents/" + document, partner.token()).expect(200);
        server.get("/api/v1/documents/" + document, stranger.token()).refused(404, "DOCUMENT_NOT_FOUND");
        server.get("/api/v1/documents/" + document + "/print", stranger.token()).refused(404, "DOCUMENT_NOT_FOUND");
        server.post("/api/v1/documents/" + document + "/send", stranger.token(),
                Map.of("email", "stranger@test.latchkey.local")).refused(404, "DOCUMENT_NOT_FOUND");
        server.get("/api/v1/licenses?holderId=" + partner.id(), stranger.token()).refused(404,
                "ORGANIZATION_NOT_FOUND");
    }

    // --- the channel, over HTTP --------------------------------------------------------------------------------

    private static Party partner(String name) {
        return server.partner(admin, name);
    }

    /** A partner holding {@code count} sealed licenses the licensor minted and sold to it. */
    private static Party stocked(String name, int count) {
        Party partner = partner(name);
        server.post("/api/v1/licenses/mint", admin, Map.of("count", count)).expect(201);
        server.post("/api/v1/documents", admin, Map.of("type", "SALE_TO_PARTNER", "buyerOrgId", partner.id(),
                "count", count)).expect(201);
        return partner;
    }

    /** Reveals {@code count} more of the partner's licenses; answers all it holds revealed, codes in full. */
    private static List<JsonNode> revealed(Party partner, int count) {
        if (count > 0) {
            server.post("/api/v1/documents", partner.token(), Map.of("type", "REVEAL_TO_SELF", "count", count))
                    .expect(201);
        }
        return items(server.get("/api/v1/licenses?state=REVEALED", partner.token()).expect(200));
    }

    /**
     * A company that registers itself (with its firm "Firm NAME" and a site), whose owner confirms, and that
     * connects to {@code partner}, which approves: the company then hangs under the partner.
     */
    private static Party company(String name, Party partner) {
        String email = "owner" + SEQ.incrementAndGet() + "@test.latchkey.local";
        server.post("/api/v1/register", null, Map.of(
                "account", Map.of("email", email, "fullName", name + " Owner", "language", "en"),
                "company", Map.of("name", name, "country", "RU", "timezone", "Europe/Moscow"),
                "firm", Map.of("name", "Firm " + name, "taxId", "7707083893", "address", "Tverskaya 1"),
                "site", Map.of("name", name + " Site"),
                "agreement", Map.of("version", "2026-1", "accepted", true))).expect(202);
        String token = server.confirmed(email, PASSWORD);
        String id = server.get("/api/v1/me", token).expect(200).json().path("organizationId").asText();
        String request = server.post("/api/v1/connections", token, Map.of("fromOrgId", id, "toOrgId", partner.id(),
                "kind", "COMPANY_TO_PARTNER")).expect(201).json().path("id").asText();
        server.post("/api/v1/connections/" + request + "/approve", partner.token(), null).expect(200);
        return new Party(id, token);
    }

    private static List<VerificationKey> keys() {
        List<VerificationKey> keys = new ArrayList<>();
        for (JsonNode key : server.get("/api/v1/keys", null).expect(200).json().path("keys")) {
            assertEquals("Ed25519", key.path("algorithm").asText());
            keys.add(new VerificationKey(key.path("keyId").asText(),
                    Base64.getUrlDecoder().decode(key.path("publicKey").asText())));
        }
        assertFalse(keys.isEmpty());
        return keys;
    }

    private static List<JsonNode> items(Response page) {
        return StreamSupport.stream(page.json().path("items").spliterator(), false).toList();
    }

    private static List<String> ids(Response page) {
        return items(page.expect(200)).stream().map(d -> d.path("id").asText()).toList();
    }

}
