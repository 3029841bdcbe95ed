package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.server.TestServer.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The channel over HTTP (API.md, "Parties"): partners and companies with their first administrators, members and
 * their roles, tenancy between partners, firms, searches, connection requests, self-registration, the refusals of
 * bad input and repeatable writes. Every test makes partners of its own on one shared server.
 */
class ChannelApiTest {

    private static final String PASSWORD = "channel-password-2026";
    private static final String DOMAIN = "@channel.test.latchkey.local";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private static TestServer server;
    private static String operator;
    private static String operatorId;

    /** A partner whose first administrator has confirmed and signed in. */
    record Partner(String id, String name, String adminEmail, String admin, String adminId) {
    }

    /** A company made by a partner, whose owner has confirmed and signed in. */
    record Company(String id, String name, String ownerEmail, String owner) {
    }

    @BeforeAll
    static void start() {
        server = TestServer.start();
        operator = server.admin();
        operatorId = server.get("/api/v1/me", operator).expect(200).json().path("organizationId").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- partners and companies -------------------------------------------------------------------------------

    @Test
    void theOperatorCreatesAPartnerThatIsPendingUntilItsAdministratorConfirms() {
        String tag = unique("pend");
        String email = tag + ".admin" + DOMAIN;
        String name = "Pending Partner " + tag;
        Map<String, Object> body = partnerBody(name, email);
        body.put("address", "Москва, ул. Тверская, 1");
        body.put("director", "Иванов Иван Иванович");
        body.put("phone", "+7 (495) 123-45-67");
        body.put("email", "office." + tag + DOMAIN);
        body.put("city", "Москва");

        JsonNode org = server.post("/api/v1/orgs", operator, body).expect(201).json();
        String id = org.path("id").asText();
        assertFalse(id.isBlank());
        assertEquals("PARTNER", org.path("kind").asText());
        assertEquals(name, org.path("name").asText());
        assertEquals(operatorId, org.path("parentId").asText());
        assertEquals("RU", org.path("country").asText());
        assertEquals("7707083893", org.path("taxId").asText());
        assertEquals("Europe/Moscow", org.path("timezone").asText());
        assertEquals("ru", org.path("language").asText());
        assertEquals("Москва, ул. Тверская, 1", org.path("address").asText());
        assertEquals("Иванов Иван Иванович", org.path("director").asText());
        assertEquals("+74951234567", org.path("phone").asText());
        assertEquals("office." + tag + DOMAIN, org.path("email").asText());
        assertEquals("Москва", org.path("city").asText());
        assertTrue(org.path("createdAt").asText().endsWith("Z"), org.toString());
        assertTrue(org.path("activatedAt").isNull(), "pending until its administrator confirms: " + org);

        JsonNode card = server.get("/api/v1/orgs/" + id, operator).expect(200).json();
        assertTrue(card.path("organization").path("activatedAt").isNull());
        assertEquals(1, card.path("members").size());
        JsonNode admin = card.path("members").get(0);
        assertEquals(email, admin.path("email").asText());
        assertEquals("[\"ADMIN\"]", admin.path("roles").toString());
        assertEquals("INVITED", admin.path("status").asText());
        assertEquals(List.of(), ids(server.get("/api/v1/partners?q=" + q(tag), operator).expect(200).json()),
                "a pending partner is not on the list of partners");

        String token = server.confirmed(email, PASSWORD);

        JsonNode confirmed = server.get("/api/v1/orgs/" + id, token).expect(200).json();
        assertFalse(confirmed.path("organization").path("activatedAt").isNull(), confirmed.toString());
        assertEquals("ACTIVE", confirmed.path("members").get(0).path("status").asText());
        assertEquals(List.of(id), ids(server.get("/api/v1/partners?q=" + q(tag), operator).expect(200).json()));
    }

    @Test
    void aPartnerAdministratorCannotCreateAPartner() {
        Partner partner = partner("nopart");
        String tag = unique("sub");
        server.post("/api/v1/orgs", partner.admin(), partnerBody("Sub Partner " + tag, tag + ".admin" + DOMAIN))
                .refused(403, "PERMISSION_DENIED");
        assertEquals(0, mailsTo(tag + ".admin" + DOMAIN), "no invitation for a partner that was not made");
        assertEquals(List.of(), ids(server.get("/api/v1/orgs", partner.admin()).expect(200).json()),
                "nothing below the partner");
    }

    @Test
    void aPartnerCreatesACompanyWhoseFirstAdministratorIsItsOwner() {
        Partner partner = partner("comp");
        String tag = unique("co");
        String ownerEmail = tag + ".owner" + DOMAIN;
        JsonNode company = server.post("/api/v1/orgs", partner.admin(), companyBody("Company " + tag, ownerEmail))
                .expect(201).json();
        assertEquals("COMPANY", company.path("kind").asText());
        // Under the licensor until its owner confirms, which is its consent to the partner that registered it.
        server.get("/api/v1/orgs/" + company.path("id").asText(), partner.admin())
                .refused(404, "ORGANIZATION_NOT_FOUND");
        server.confirmed(ownerEmail, "owner-password-2026");
        assertEquals(partner.id(), server.get("/api/v1/orgs/" + company.path("id").asText(), partner.admin())
                .expect(200).json().path("organization").path("parentId").asText());
        JsonNode owner = server.get("/api/v1/orgs/" + company.path("id").asText(), partner.admin()).expect(200)
                .json().path("members").get(0);
        assertEquals(ownerEmail, owner.path("email").asText());
        assertEquals(Set.of("OWNER", "ADMIN"), texts(owner.path("roles")));
    }

    @Test
    void aCompanyTakesItsPartnersCountryWhenNoneIsGiven() {
        Partner partner = partner("country");
        String tag = unique("cc");
        JsonNode company = server.post("/api/v1/orgs", partner.admin(), companyBody("Company " + tag,
                tag + ".owner" + DOMAIN)).expect(201).json();
        assertEquals("RU", company.path("country").asText(null), "country: default the parent's: " + company);
    }

    // ---- tenancy ------------------------------------------------------------------------------------------------

    @Test
    void aPartnerSeesNothingOfAnotherPartnerAndChangesNoneOfItsMembers() {
        Partner a = partner("tena");
        Partner b = partner("tenb");
        server.get("/api/v1/orgs/" + b.id(), a.admin()).refused(404, "ORGANIZATION_NOT_FOUND");
        server.get("/api/v1/orgs/" + b.id() + "/members", a.admin()).refused(404, "ORGANIZATION_NOT_FOUND");
        server.patch("/api/v1/orgs/" + b.id() + "/members/" + b.adminId(), a.admin(), Map.of("status", "DISABLED"))
                .refused(404, "MEMBER_NOT_FOUND");
        server.patch("/api/v1/orgs/" + b.id() + "/members/" + b.adminId(), a.admin(), Map.of("role", "MANAGER"))
                .refused(404, "MEMBER_NOT_FOUND");

        JsonNode bAdmin = server.get("/api/v1/me", b.admin()).expect(200).json();
        assertEquals("ACTIVE", bAdmin.path("status").asText());
        assertEquals("[\"ADMIN\"]", bAdmin.path("roles").toString());
    }

    @Test
    void aMemberIsChangedOnlyUnderItsOwnOrganizationsPath() {
        Partner a = partner("patha");
        Partner b = partner("pathb");
        String managerEmail = unique("pathm") + DOMAIN;
        String managerId = invite(a, managerEmail, "MANAGER");

        server.patch("/api/v1/orgs/" + b.id() + "/members/" + managerId, a.admin(), Map.of("role", "ADMIN"))
                .refused(404, "MEMBER_NOT_FOUND");
        assertEquals("[\"MANAGER\"]", member(a.id(), a.admin(), managerEmail).path("roles").toString());
    }

    // ---- members ------------------------------------------------------------------------------------------------

    @Test
    void aManagerCannotAddMembers() {
        Partner partner = partner("mgr");
        String managerEmail = unique("mgrm") + DOMAIN;
        invite(partner, managerEmail, "MANAGER");
        String manager = server.confirmed(managerEmail, PASSWORD);

        String other = unique("mgro") + DOMAIN;
        server.post("/api/v1/orgs/" + partner.id() + "/members", manager, Map.of("email", other,
                "fullName", "Someone Else", "role", "MANAGER")).refused(403, "PERMISSION_DENIED");
        assertEquals(0, mailsTo(other), "nobody is invited");
    }

    @Test
    void membersAreListedAndTheirRoleAndStatusChangeWhileAnAdministratorIsLeft() {
        Partner partner = partner("roles");
        server.patch("/api/v1/orgs/" + partner.id() + "/members/" + partner.adminId(), partner.admin(),
                Map.of("role", "MANAGER")).refused(409, "LAST_ADMIN");

        String email = unique("rolem") + DOMAIN;
        String id = invite(partner, email, "MANAGER");
        String token = server.confirmed(email, PASSWORD);

        JsonNode items = server.get("/api/v1/orgs/" + partner.id() + "/members", partner.admin()).expect(200).json()
                .path("items");
        assertEquals(2, items.size(), items.toString());
        assertEquals("[\"ADMIN\"]", member(partner.id(), partner.admin(), partner.adminEmail()).path("roles")
                .toString());
        JsonNode listed = member(partner.id(), partner.admin(), email);
        assertEquals(id, listed.path("id").asText());
        assertEquals("[\"MANAGER\"]", listed.path("roles").toString());
        assertEquals("ACTIVE", listed.path("status").asText());

        String path = "/api/v1/orgs/" + partner.id() + "/members/" + id;
        assertEquals("[\"ADMIN\"]", server.patch(path, partner.admin(), Map.of("role", "ADMIN")).expect(200).json()
                .path("roles").toString());
        assertEquals("[\"ADMIN\"]", server.get("/api/v1/me", token).expect(200).json().path("roles").toString(),
                "a session acts with the roles as they are now");

        assertEquals("DISABLED", server.patch(path, partner.admin(), Map.of("status", "DISABLED")).expect(200)
                .json().path("status").asText());
        server.get("/api/v1/me", token).refused(401, "SESSION_INVALID");

        assertEquals("ACTIVE", server.patch(path, partner.admin(), Map.of("status", "ACTIVE")).expect(200).json()
                .path("status").asText());
        String again = server.login(email, PASSWORD);
        assertEquals(email, server.get("/api/v1/me", again).expect(200).json().path("email").asText());
    }

    @Test
    void theOperatorCorrectsTheAddressAndTheNameOfAPartnersInvitedMember() {
        Partner partner = partner("opfix");
        String typo = unique("opfixtypo") + DOMAIN;
        String id = server.post("/api/v1/orgs/" + partner.id() + "/members", operator, Map.of("email", typo,
                "fullName", "Mistyped Person", "role", "MANAGER")).expect(201).json().path("id").asText();
        String path = "/api/v1/orgs/" + partner.id() + "/members/" + id;

        String right = unique("opfixright") + DOMAIN;
        assertEquals(right, server.patch(path, operator, Map.of("email", right)).expect(200).json().path("email")
                .asText());
        assertFalse(server.token(right).isBlank(), "the invitation goes to the corrected address");

        assertEquals("Corrected Person", server.patch(path, operator, Map.of("fullName", "Corrected Person"))
                .expect(200).json().path("fullName").asText());
    }

    @Test
    void meShowsAndChangesOnesOwnProfile() {
        Partner partner = partner("me");
        String email = unique("mem") + DOMAIN;
        String id = invite(partner, email, "MANAGER");
        String token = server.confirmed(email, PASSWORD);

        JsonNode me = server.get("/api/v1/me", token).expect(200).json();
        assertEquals(id, me.path("id").asText());
        assertEquals(email, me.path("email").asText());
        assertEquals(partner.id(), me.path("organizationId").asText());
        assertEquals("[\"MANAGER\"]", me.path("roles").toString());
        assertEquals("ACTIVE", me.path("status").asText());
        assertFalse(me.has("passwordHash"));

        JsonNode changed = server.patch("/api/v1/me", token, Map.of("fullName", "Пётр Петров",
                "phone", "8 (912) 345-67-89")).expect(200).json();
        assertEquals("Пётр Петров", changed.path("fullName").asText());
        assertEquals("+79123456789", changed.path("phone").asText());
        assertEquals("+79123456789", server.get("/api/v1/me", token).expect(200).json().path("phone").asText());
        server.patch("/api/v1/me", token, Map.of("phone", "12345")).refused(422, "PHONE_INVALID");
    }

    // ---- firms --------------------------------------------------------------------------------------------------

    @Test
    void aCompanysFirmsAreAddedChangedAndListedWithinItsChannelOnly() {
        Partner partner = partner("firm");
        Partner stranger = partner("firmx");
        Company company = company(partner, "firmco");

        JsonNode firm = server.post("/api/v1/firms", company.owner(), Map.of("name", "ООО Ромашка",
                "taxId", "7707083893", "address", "Москва, ул. Ленина, 1", "director", "Сидоров С. С."))
                .expect(201).json();
        String id = firm.path("id").asText();
        assertFalse(id.isBlank());
        assertEquals("ООО Ромашка", firm.path("name").asText());
        assertEquals("Москва, ул. Ленина, 1", firm.path("address").asText());
        assertEquals("Сидоров С. С.", firm.path("director").asText());

        JsonNode changed = server.patch("/api/v1/firms/" + id, company.owner(), Map.of("name", "ООО Ромашка",
                "taxId", "5001007329", "address", "Москва, ул. Ленина, 2", "director", "Петров П. П.")).expect(200)
                .json();
        assertEquals("Москва, ул. Ленина, 2", changed.path("address").asText());
        assertEquals("Петров П. П.", changed.path("director").asText());

        JsonNode own = find(server.get("/api/v1/firms", company.owner()).expect(200).json(), id);
        assertEquals("Москва, ул. Ленина, 2", own.path("address").asText());
        find(server.get("/api/v1/firms?companyId=" + company.id(), partner.admin()).expect(200).json(), id);

        server.get("/api/v1/firms?companyId=" + company.id(), stranger.admin()).refused(404,
                "ORGANIZATION_NOT_FOUND");
        server.patch("/api/v1/firms/" + id, stranger.admin(), Map.of("name", "Захват", "taxId", "7707083893",
                "address", "Нигде")).refused(404, "FIRM_NOT_FOUND");
        server.post("/api/v1/firms?companyId=" + company.id(), stranger.admin(), Map.of("name", "Чужая",
                "taxId", "7707083893", "address", "Нигде")).refused(404, "ORGANIZATION_NOT_FOUND");

        // A firm is shown with the names it is written with (API.md: {"name","taxId","address","director"}).
        assertEquals("5001007329", own.path("taxId").asText(null), "firm shown as " + own);
    }

    // ---- searches -----------------------------------------------------------------------------------------------

    @Test
    void theOperatorFindsPartnersByAnyPartOfNameTaxIdOrAddress() {
        String one = unique("northwind");
        String two = unique("southgate");
        String first = confirmedPartner(one, "Northwind Locks " + one, "5401000039", "Kazan, Baumana street 7");
        String second = confirmedPartner(two, "Southgate Keys " + two, "6610000041", "Perm, Lenina street 9");

        assertEquals(List.of(first), ids(server.get("/api/v1/orgs?kind=PARTNER&q=" + q("NORTHWIND LOCKS " + one),
                operator).expect(200).json()));
        assertEquals(List.of(second), ids(server.get("/api/v1/orgs?kind=PARTNER&q=6610000041", operator)
                .expect(200).json()));
        assertEquals(List.of(first), ids(server.get("/api/v1/orgs?kind=PARTNER&q=" + q("baumana street"),
                operator).expect(200).json()));
        assertEquals(List.of(), ids(server.get("/api/v1/orgs?kind=PARTNER&q=" + q("no such partner anywhere"),
                operator).expect(200).json()));
        JsonNode found = server.get("/api/v1/orgs?kind=PARTNER&q=" + q(two), operator).expect(200).json()
                .path("items").get(0);
        assertEquals("PARTNER", found.path("kind").asText());
        assertEquals("Southgate Keys " + two, found.path("name").asText());
    }

    @Test
    void thePartnerListShowsOpenPartnersWithIdNameAndCity() {
        Partner partner = partner("plist");
        String tag = unique("kazan");
        Map<String, Object> body = partnerBody("Kazan Partner " + tag, tag + ".admin" + DOMAIN);
        body.put("city", "Казань");
        String id = server.post("/api/v1/orgs", operator, body).expect(201).json().path("id").asText();
        server.confirmed(tag + ".admin" + DOMAIN, PASSWORD);

        JsonNode items = server.get("/api/v1/partners?q=" + q(tag), partner.admin()).expect(200).json()
                .path("items");
        assertEquals(1, items.size(), items.toString());
        assertEquals(id, items.get(0).path("id").asText());
        assertEquals("Kazan Partner " + tag, items.get(0).path("name").asText());
        assertEquals("Казань", items.get(0).path("city").asText());
        server.get("/api/v1/partners", null).refused(401, "UNAUTHENTICATED");
    }

    // ---- connections --------------------------------------------------------------------------------------------

    @Test
    void aCompanyAsksAnotherPartnerWhichIsEMailedApprovesAndTakesItOver() {
        Partner a = partner("cona");
        Partner b = partner("conb");
        Company company = company(a, "conco");
        long mailsBefore = mailsTo(b.adminEmail());

        JsonNode request = server.post("/api/v1/connections", company.owner(), Map.of("fromOrgId", company.id(),
                "toOrgId", b.id(), "kind", "COMPANY_TO_PARTNER")).expect(201).json();
        String id = request.path("id").asText();
        assertEquals("PENDING", request.path("state").asText());
        assertEquals("COMPANY_TO_PARTNER", request.path("kind").asText());
        assertEquals(mailsBefore + 1, mailsTo(b.adminEmail()), "the other side is e-mailed");

        assertTrue(ids(server.get("/api/v1/connections?state=PENDING", b.admin()).expect(200).json()).contains(id));
        assertFalse(ids(server.get("/api/v1/connections?state=APPROVED", b.admin()).expect(200).json())
                .contains(id));
        server.post("/api/v1/connections", company.owner(), Map.of("fromOrgId", company.id(), "toOrgId", b.id(),
                "kind", "COMPANY_TO_PARTNER")).refused(409, "CONNECTION_EXISTS");

        assertEquals("APPROVED", server.post("/api/v1/connections/" + id + "/approve", b.admin(), null).expect(200)
                .json().path("state").asText());
        assertFalse(ids(server.get("/api/v1/connections?state=PENDING", b.admin()).expect(200).json())
                .contains(id));
        assertTrue(ids(server.get("/api/v1/connections?state=APPROVED", b.admin()).expect(200).json())
                .contains(id));
        assertTrue(ids(server.get("/api/v1/connections?state=APPROVED", company.owner()).expect(200).json())
                .contains(id));

        assertEquals(b.id(), server.get("/api/v1/orgs/" + company.id(), b.admin()).expect(200).json()
                .path("organization").path("parentId").asText());
        server.get("/api/v1/orgs/" + company.id(), a.admin()).refused(404, "ORGANIZATION_NOT_FOUND");
    }

    // ---- self-registration --------------------------------------------------------------------------------------

    @Test
    void aCompanyRegistersItselfAndItsOwnerConfirmsByTheEMailedLink() {
        String tag = unique("reg");
        String email = tag + ".owner" + DOMAIN;
        Response answer = server.post("/api/v1/register", null, registration(tag, email, true, null)).expect(202);
        assertEquals(0, answer.bytes().length);

        String token = server.token(email);
        server.post("/api/v1/auth/confirm", null, Map.of("token", token)).expect(200);
        String owner = server.login(email, "registered-password-2026");
        JsonNode me = server.get("/api/v1/me", owner).expect(200).json();
        assertEquals(Set.of("OWNER", "ADMIN"), texts(me.path("roles")));
    }

    @Test
    void aRegistrationWithoutTheAcceptedAgreementIsRefusedAndMailsNobody() {
        String tag = unique("noagr");
        String email = tag + ".owner" + DOMAIN;
        server.post("/api/v1/register", null, registration(tag, email, false, null)).refused(422,
                "AGREEMENT_REQUIRED");
        Map<String, Object> declined = registration(tag, email, true, null);
        declined.put("agreement", Map.of("version", "2026-01", "accepted", false));
        server.post("/api/v1/register", null, declined).refused(422, "AGREEMENT_REQUIRED");
        assertEquals(0, mailsTo(email));
    }

    @Test
    void aRegistrationNamingAPartnerIsLinkedToItOnConfirmation() {
        Partner partner = partner("regp");
        String tag = unique("regco");
        String email = tag + ".owner" + DOMAIN;
        server.post("/api/v1/register", null, registration(tag, email, true, partner.id())).expect(202);
        server.post("/api/v1/auth/confirm", null, Map.of("token", server.token(email))).expect(200);

        JsonNode companies = server.get("/api/v1/orgs?kind=COMPANY&q=" + q("Registered " + tag), partner.admin())
                .expect(200).json();
        assertEquals(1, companies.path("items").size(), companies.toString());
        assertEquals(partner.id(), companies.path("items").get(0).path("parentId").asText());
    }

    // ---- bad input ----------------------------------------------------------------------------------------------

    @Test
    void aTaxIdFailingItsCheckDigitsIsRefusedNamingTheTaxIdField() {
        String tag = unique("badinn");
        Map<String, Object> body = partnerBody("Bad Inn " + tag, tag + ".admin" + DOMAIN);
        body.put("taxId", "7707083894");
        Response refused = server.post("/api/v1/orgs", operator, body).refused(422, "INN_INVALID");
        assertEquals(0, mailsTo(tag + ".admin" + DOMAIN), "nothing is made");

        Map<String, Object> polish = partnerBody("Bad Nip " + tag, tag + ".pl" + DOMAIN);
        polish.put("country", "PL");
        polish.put("taxId", "1234567890");
        Response nip = server.post("/api/v1/orgs", operator, polish).refused(422, "TAX_ID_INVALID");

        assertEquals("taxId", refused.field(), "the field as the request names it");
        assertEquals("taxId", nip.field(), "the field as the request names it");
    }

    @Test
    void innIsAcceptedAsTheNameOfARussianTaxId() {
        String tag = unique("inn");
        Map<String, Object> body = partnerBody("Inn Named " + tag, tag + ".admin" + DOMAIN);
        body.remove("taxId");
        body.put("inn", "7707083893");
        assertEquals("7707083893", server.post("/api/v1/orgs", operator, body).expect(201).json().path("taxId")
                .asText());
    }

    @Test
    void anUnknownFieldIsRefusedNamingIt() {
        String tag = unique("unknown");
        Map<String, Object> body = partnerBody("Unknown " + tag, tag + ".admin" + DOMAIN);
        body.put("nickname", "x");
        assertEquals("nickname", server.post("/api/v1/orgs", operator, body).refused(422, "FIELD_UNKNOWN")
                .field());
        Map<String, Object> nested = partnerBody("Unknown " + tag, tag + ".admin" + DOMAIN);
        nested.put("admin", Map.of("email", tag + ".admin" + DOMAIN, "fullName", "Admin", "phone", "+79123456789"));
        assertEquals("admin.phone", server.post("/api/v1/orgs", operator, nested).refused(422, "FIELD_UNKNOWN")
                .field());
        assertEquals(0, mailsTo(tag + ".admin" + DOMAIN), "nothing is made");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAsMalformed() {
        String tag = unique("type");
        Map<String, Object> body = partnerBody("Typed " + tag, tag + ".admin" + DOMAIN);
        body.put("name", 42);
        assertEquals("name", server.post("/api/v1/orgs", operator, body).refused(422, "FIELD_MALFORMED").field());
        Map<String, Object> admin = partnerBody("Typed " + tag, tag + ".admin" + DOMAIN);
        admin.put("admin", List.of("not", "an", "object"));
        assertEquals("admin", server.post("/api/v1/orgs", operator, admin).refused(422, "FIELD_MALFORMED")
                .field());
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsMalformed() {
        server.post("/api/v1/orgs", operator, "{\"kind\":\"PARTNER\",").refused(400, "REQUEST_MALFORMED");
        server.post("/api/v1/orgs", operator, "not json at all").refused(400, "REQUEST_MALFORMED");
    }

    @Test
    void withoutATokenTheCallIsUnauthenticated() {
        server.get("/api/v1/orgs", null).refused(401, "UNAUTHENTICATED");
        String tag = unique("anon");
        server.post("/api/v1/orgs", null, partnerBody("Anonymous " + tag, tag + ".admin" + DOMAIN))
                .refused(401, "UNAUTHENTICATED");
        server.get("/api/v1/orgs", "lk_no-such-session").refused(401, "SESSION_INVALID");
        assertEquals(0, mailsTo(tag + ".admin" + DOMAIN));
    }

    @Test
    void withoutATokenAWriteIsRefusedBeforeItsBodyIsRead() {
        server.post("/api/v1/orgs", null, "{\"kind\":").refused(401, "UNAUTHENTICATED");
        server.post("/api/v1/orgs", null, Map.of("nickname", "x")).refused(401, "UNAUTHENTICATED");
    }

    // ---- Idempotency-Key ----------------------------------------------------------------------------------------

    @Test
    void aRepeatedInvitationWithTheSameKeyAnswersTheFirstAnswerAndInvitesOnce() {
        Partner partner = partner("idem");
        String email = unique("idemm") + DOMAIN;
        Map<String, Object> body = Map.of("email", email, "fullName", "Once Only", "role", "MANAGER");
        String path = "/api/v1/orgs/" + partner.id() + "/members";
        String key = "invite-" + email;

        Response first = server.send("POST", path, partner.admin(), body, Map.of("Idempotency-Key", key))
                .expect(201);
        assertTrue(first.headers().firstValue("Idempotent-Replayed").isEmpty());
        Response repeat = server.send("POST", path, partner.admin(), body, Map.of("Idempotency-Key", key))
                .expect(201);
        assertEquals(first.json(), repeat.json());
        assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElse(null));

        assertEquals(1, count(server.get(path, partner.admin()).expect(200).json(), email));
        assertEquals(1, mailsTo(email), "one invitation");
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        Partner partner = partner("reuse");
        String path = "/api/v1/orgs/" + partner.id() + "/members";
        String first = unique("reusea") + DOMAIN;
        String second = unique("reuseb") + DOMAIN;
        String key = "reused-key-" + first;
        server.send("POST", path, partner.admin(), Map.of("email", first, "fullName", "First", "role", "MANAGER"),
                Map.of("Idempotency-Key", key)).expect(201);
        server.send("POST", path, partner.admin(), Map.of("email", second, "fullName", "Second", "role", "MANAGER"),
                Map.of("Idempotency-Key", key)).refused(409, "IDEMPOTENCY_KEY_REUSED");

        JsonNode members = server.get(path, partner.admin()).expect(200).json();
        assertEquals(1, count(members, first));
        assertEquals(0, count(members, second));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String unique(String tag) {
        return tag + SEQ.incrementAndGet();
    }

    /** A query parameter's value, encoded. */
    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> partnerBody(String name, String adminEmail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "PARTNER");
        body.put("name", name);
        body.put("country", "RU");
        body.put("taxId", "7707083893");
        body.put("timezone", "Europe/Moscow");
        body.put("language", "ru");
        body.put("admin", Map.of("email", adminEmail, "fullName", "Администратор " + name));
        return body;
    }

    private static Map<String, Object> companyBody(String name, String ownerEmail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "COMPANY");
        body.put("name", name);
        body.put("admin", Map.of("email", ownerEmail, "fullName", "Владелец " + name));
        body.put("taxId", "7736207543");
        body.put("agreement", Map.of("version", "2026-11", "accepted", true));
        return body;
    }

    /** A self-registration as API.md writes it; without the agreement when {@code agreed} is false. */
    private static Map<String, Object> registration(String tag, String email, boolean agreed, String partnerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", Map.of("email", email, "fullName", "Owner " + tag, "password",
                "registered-password-2026", "language", "ru"));
        body.put("company", Map.of("name", "Registered " + tag, "country", "RU", "timezone", "Europe/Moscow"));
        body.put("firm", Map.of("name", "ООО Регистрация " + tag, "taxId", "7707083893", "address", "Москва"));
        body.put("site", Map.of("name", "Магазин " + tag, "address", "Москва, ул. Арбат, 5"));
        if (agreed) {
            body.put("agreement", Map.of("version", "2026-01", "accepted", true));
        }
        if (partnerId != null) {
            body.put("partnerId", partnerId);
        }
        return body;
    }

    /** A partner made by the operator, whose first administrator confirmed and signed in. */
    private static Partner partner(String tag) {
        String name = unique(tag);
        String email = name + ".admin" + DOMAIN;
        String id = server.post("/api/v1/orgs", operator, partnerBody("Partner " + name, email)).expect(201).json()
                .path("id").asText();
        String token = server.confirmed(email, PASSWORD);
        String adminId = server.get("/api/v1/me", token).expect(200).json().path("id").asText();
        return new Partner(id, "Partner " + name, email, token, adminId);
    }

    /** A partner with the given requisites, confirmed; answers its id. */
    private static String confirmedPartner(String tag, String name, String taxId, String address) {
        Map<String, Object> body = partnerBody(name, tag + ".admin" + DOMAIN);
        body.put("taxId", taxId);
        body.put("address", address);
        String id = server.post("/api/v1/orgs", operator, body).expect(201).json().path("id").asText();
        server.confirmed(tag + ".admin" + DOMAIN, PASSWORD);
        return id;
    }

    /** A company the partner's administrator made, whose owner confirmed and signed in. */
    private static Company company(Partner partner, String tag) {
        String name = "Company " + unique(tag);
        String email = name.substring("Company ".length()) + ".owner" + DOMAIN;
        String id = server.post("/api/v1/orgs", partner.admin(), companyBody(name, email)).expect(201).json()
                .path("id").asText();
        return new Company(id, name, email, server.confirmed(email, PASSWORD));
    }

    /** Invites a member to the partner as its administrator; answers the member's id. */
    private static String invite(Partner partner, String email, String role) {
        return server.post("/api/v1/orgs/" + partner.id() + "/members", partner.admin(), Map.of("email", email,
                "fullName", "Member " + email, "role", role)).expect(201).json().path("id").asText();
    }

    /** The member with that e-mail on the organization's member list. */
    private static JsonNode member(String orgId, String token, String email) {
        for (JsonNode m : server.get("/api/v1/orgs/" + orgId + "/members", token).expect(200).json().path("items")) {
            if (email.equals(m.path("email").asText())) {
                return m;
            }
        }
        throw new AssertionError("no member " + email + " in " + orgId);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + page);
    }

    private static long count(JsonNode page, String email) {
        long n = 0;
        for (JsonNode item : page.path("items")) {
            if (email.equals(item.path("email").asText())) {
                n++;
            }
        }
        return n;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** How many e-mails went to {@code address} so far (after delivering what waits). */
    private static long mailsTo(String address) {
        server.deliverMail();
        return server.mails().stream().map(TestServer::text).filter(t -> t.contains(address)).count();
    }
}
