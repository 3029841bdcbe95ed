package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The channel's pages in a real browser over the demo world: a partner's administrator registers a company, finds
 * it once its owner confirmed, opens its card and adds a firm, sees a company's licenses masked and manages its
 * own users; companies ask partners to connect and the partners approve or reject; the operator searches its
 * partners, creates one and sees the companies of other partners on a phone.
 */
class PortalChannelIT {

    private static final String DOMAIN = "@demo.latchkey.local";
    private static final String ALFA_ADMIN = "alfa.admin" + DOMAIN;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("LATCHKEY_DEMO", "true"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPartnerAdministratorRegistersACompanyOpensItsCardAndManagesItsOwnUsers() {
        String alfaAdmin = server.login(ALFA_ADMIN, Demo.PASSWORD);
        String alfa = server.get("/api/v1/me", alfaAdmin).expect(200).json().path("organizationId").asText();
        try (Browser browser = new Browser(server, false)) {
            browser.signIn(ALFA_ADMIN, Demo.PASSWORD, "Sign in");
            browser.language("ru").language("en");
            String menu = browser.driver().findElement(By.id("nav")).getText();
            assertTrue(menu.contains("Companies") && menu.contains("Connection requests")
                    && menu.contains("My organization"), menu);
            assertFalse(menu.contains("Partners"), "the licensor's list is not a partner's: " + menu);

            // A company registered for a customer: refused without the agreement, made with it.
            browser.open("/companies").sees("Ромашка").screenshot("channel-companies-en");
            browser.noLeaks();
            browser.click("New company").type("Company name", "Лютик").type("Firm's tax id (INN / NIP)", "7736207543")
                    .type("Trade object", "Лютик на Невском")
                    .type("Trade object's address", "Санкт-Петербург, Невский пр., 1")
                    .type("Owner's full name", "Ольга Лютикова").type("Owner's e-mail", "lutik.owner" + DOMAIN)
                    .click("Create");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(
                    By.id("company-agreement-error")).getText().contains("accept the user agreement"));
            browser.type("The customer accepts the user agreement", "yes").screenshot("channel-company-new-en")
                    .click("Create");
            browser.notice("Company Лютик registered; a confirmation e-mail has been sent to lutik.owner" + DOMAIN);

            // Once its owner confirms, it is the partner's: found by a part of its name, its card open.
            server.confirmed("lutik.owner" + DOMAIN, "lutik-password-2026");
            browser.open("/companies").sees("Ромашка").type("Search", "Лют");
            browser.field("Search").sendKeys(Keys.ENTER);
            browser.waitNoRow("Ромашка");
            assertTrue(browser.driver().getCurrentUrl().contains("q="), browser.driver().getCurrentUrl());
            browser.clickInRow("Лютик", "Лютик");
            browser.sees("7736207543").sees("Лютик на Невском").sees("lutik.owner" + DOMAIN).sees("Owner")
                    .sees("No licenses.");
            browser.click("Add firm").type("Firm name", "ИП Лютикова").type("Tax id (INN / NIP)", "7707083893")
                    .click("Add");
            browser.notice("Firm ИП Лютикова has been added.");
            browser.clickInRow("ИП Лютикова", "Edit");
            browser.type("Director", "Лютикова Ольга Петровна").click("Save");
            browser.notice("Saved.");
            assertTrue(browser.row("ИП Лютикова").getText().contains("Лютикова Ольга Петровна"));
            browser.screenshot("channel-company-en");
            browser.noLeaks();
            String lutik = server.get("/api/v1/orgs?kind=COMPANY&q=" + URLEncoder.encode("Лютик",
                    StandardCharsets.UTF_8), alfaAdmin).expect(200).json().path("items").get(0).path("id").asText();
            assertEquals(2, server.get("/api/v1/firms?companyId=" + lutik, alfaAdmin).expect(200).json()
                    .path("items").size());

            // A company's licenses are shown to its partner masked.
            browser.open("/companies").sees("Ромашка");
            browser.clickInRow("Ромашка", "Ромашка");
            browser.sees("Магазин на Арбате").sees("Held by the company");
            String code = browser.row("Held by the company").getText();
            assertTrue(code.contains("••••"), code);
            browser.driver().executeScript("arguments[0].scrollIntoView()", browser.row("Held by the company"));
            browser.screenshot("channel-company-licenses-en");
            browser.noLeaks();

            // The partner's own users: invite, change the role, disable with a confirmation, enable.
            browser.open("/organization").sees("Альфа Безопасность").sees("alfa.manager" + DOMAIN);
            browser.click("New user").type("E-mail", "alfa.newbie" + DOMAIN).type("Full name", "Новый Сотрудник")
                    .type("Role", "Manager").click("Send invitation");
            browser.notice("An invitation has been sent to alfa.newbie" + DOMAIN);
            assertTrue(browser.row("alfa.newbie" + DOMAIN).getText().contains("Invited"));
            browser.clickInRow("alfa.newbie" + DOMAIN, "Change role");
            browser.type("Role", "Administrator").click("Save");
            browser.notice("Новый Сотрудник is now Administrator.");
            assertTrue(browser.row("alfa.newbie" + DOMAIN).getText().contains("Administrator"));
            assertTrue(member(alfaAdmin, alfa, "alfa.newbie" + DOMAIN).path("roles").toString().contains("ADMIN"));
            browser.clickInRow("alfa.newbie" + DOMAIN, "Edit");
            browser.type("E-mail", "alfa.newcomer" + DOMAIN).click("Save");
            browser.notice("Saved.");
            browser.sees("alfa.newcomer" + DOMAIN);
            assertEquals("INVITED", member(alfaAdmin, alfa, "alfa.newcomer" + DOMAIN).path("status").asText());

            browser.clickInRow("alfa.manager" + DOMAIN, "Disable");
            browser.confirm("Confirm");
            browser.notice("Пётр Кузнецов has been disabled.");
            assertTrue(browser.row("alfa.manager" + DOMAIN).getText().contains("Disabled"));
            assertEquals("DISABLED", member(alfaAdmin, alfa, "alfa.manager" + DOMAIN).path("status").asText());
            browser.screenshot("channel-organization-en");
            browser.noLeaks();
            browser.clickInRow("alfa.manager" + DOMAIN, "Enable");
            browser.notice("Пётр Кузнецов can sign in again.");
            assertEquals("ACTIVE", member(alfaAdmin, alfa, "alfa.manager" + DOMAIN).path("status").asText());

            browser.language("ru").sees("Пользователи").sees("Активен").screenshot("channel-organization-ru");
            browser.noLeaks();
            browser.language("pl").sees("Użytkownicy").sees("Aktywny").screenshot("channel-organization-pl");
            browser.noLeaks();
            browser.open("/companies").sees("Firmy").sees("Лютик").screenshot("channel-companies-pl");
            browser.noLeaks();
            browser.noConsoleErrors();
        }
    }

    @Test
    void companiesAskPartnersToConnectAndThePartnersApproveOrReject() {
        String gammaOwner = server.login("gamma.owner" + DOMAIN, Demo.PASSWORD);
        String gamma = server.get("/api/v1/me", gammaOwner).expect(200).json().path("organizationId").asText();
        String romashkaOwner = server.login("romashka.owner" + DOMAIN, Demo.PASSWORD);
        String romashka = server.get("/api/v1/me", romashkaOwner).expect(200).json().path("organizationId")
                .asText();
        String alfaAdmin = server.login(ALFA_ADMIN, Demo.PASSWORD);
        String alfa = server.get("/api/v1/me", alfaAdmin).expect(200).json().path("organizationId").asText();
        try (Browser browser = new Browser(server, false)) {
            // Gamma (a seller under Beta) asks Alfa, found by its tax id.
            browser.open("/login").language("pl");
            browser.signIn("gamma.owner" + DOMAIN, Demo.PASSWORD, "Zaloguj");
            browser.open("/connections").sees("Połącz z partnerem").sees("Sprzedawca — reseller");
            browser.type("Znajdź partnera", "7707083893");
            browser.field("Znajdź partnera").sendKeys(Keys.ENTER);
            browser.clickInRow("Альфа Безопасность", "Połącz");
            browser.notice("Prośbę wysłano do Альфа Безопасность.");
            assertTrue(browser.row("Oczekuje").getText().contains("Альфа Безопасность"));
            browser.screenshot("channel-connections-pl");
            browser.noLeaks();
            browser.signOut();

            // Alfa approves: Gamma moves under it and shows by name.
            browser.language("en");
            browser.signIn(ALFA_ADMIN, Demo.PASSWORD, "Sign in");
            browser.open("/connections?state=PENDING").sees("organization " + gamma)
                    .screenshot("channel-connections-en");
            browser.noLeaks();
            browser.clickInRow("organization " + gamma, "Approve");
            browser.notice("The request is approved.");
            browser.type("Status", "Approved").sees("Gamma Serwis");
            assertTrue(browser.row("Gamma Serwis").getText().contains("Approved"));
            assertEquals(alfa, server.get("/api/v1/orgs/" + gamma, alfaAdmin).expect(200).json()
                    .path("organization").path("parentId").asText());
            browser.signOut();

            // Ромашка asks Beta, which rejects it after a confirmation; Ромашка stays with Alfa.
            browser.language("ru");
            browser.signIn("romashka.owner" + DOMAIN, Demo.PASSWORD, "Войти");
            browser.open("/connections").type("Найти партнёра", "Beta");
            browser.field("Найти партнёра").sendKeys(Keys.ENTER);
            browser.clickInRow("Beta Systemy", "Подключиться");
            browser.notice("Запрос отправлен партнёру Beta Systemy.");
            browser.signOut();

            browser.language("pl");
            browser.signIn("beta.admin" + DOMAIN, Demo.PASSWORD, "Zaloguj");
            browser.open("/connections").sees("organizacja " + romashka);
            browser.clickInRow("organizacja " + romashka, "Odrzuć");
            browser.confirm("Potwierdź");
            browser.notice("Prośba została odrzucona.");
            assertTrue(browser.row("organizacja " + romashka).getText().contains("Odrzucona"));
            JsonNode asked = server.get("/api/v1/connections?state=REJECTED", romashkaOwner).expect(200).json();
            assertEquals(1, asked.path("items").size(), asked.toString());
            assertEquals(alfa, server.get("/api/v1/orgs/" + romashka, romashkaOwner).expect(200).json()
                    .path("organization").path("parentId").asText());
            browser.noConsoleErrors();
        }
    }

    @Test
    void onAPhoneTheOperatorFindsPartnersCreatesOneAndSeesTheCompaniesOfOtherPartners() {
        try (Browser browser = new Browser(server, true)) {
            browser.open("/login").language("ru");
            browser.signIn(TestServer.ADMIN, TestServer.PASSWORD, "Войти");
            browser.open("/partners").sees("Альфа Безопасность").sees("Beta Systemy");
            browser.type("Поиск", "5260250274");
            browser.field("Поиск").sendKeys(Keys.ENTER);
            browser.waitNoRow("Альфа Безопасность");
            browser.sees("Beta Systemy").screenshot("channel-partners-ru-phone");
            browser.noLeaks();

            browser.click("Новый партнёр").type("Наименование партнёра", "Delta Ochrona")
                    .type("Страна (код ISO, например RU, PL)", "PL").type("ИНН / NIP", "1234567890")
                    .type("Город", "Kraków").type("Часовой пояс", "Europe/Warsaw").type("Язык", "Polski")
                    .type("Администратор: фамилия и имя", "Ewa Delta")
                    .type("Администратор: e-mail", "ewa.delta" + DOMAIN).click("Создать");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(
                    By.id("partner-taxId-error")).getText().contains("Налоговый номер"));
            assertEquals("true", browser.field("ИНН / NIP").getAttribute("aria-invalid"));
            browser.screenshot("channel-partner-new-ru-phone");
            browser.noLeaks();
            browser.type("ИНН / NIP", "5260250274").click("Создать");
            browser.notice("Партнёр Delta Ochrona создан");
            browser.sees("Delta Ochrona").sees("ewa.delta" + DOMAIN).sees("Приглашён").sees("Kraków")
                    .screenshot("channel-partner-ru-phone");
            browser.noLeaks();

            browser.open("/companies/others").sees("Ромашка").sees("Gamma Serwis");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> browser.row("Ромашка").getText()
                    .contains("Альфа Безопасность"));
            browser.screenshot("channel-companies-others-ru-phone");
            browser.noLeaks();
            browser.open("/companies").sees("Наши компании").screenshot("channel-companies-ru-phone");
            browser.noLeaks();
            browser.noConsoleErrors();
        }
    }

    /** A member of an organization, by e-mail, as the API shows it. */
    private static JsonNode member(String token, String org, String email) {
        for (JsonNode m : server.get("/api/v1/orgs/" + org + "/members", token).expect(200).json().path("items")) {
            if (email.equals(m.path("email").asText())) {
                return m;
            }
        }
        throw new AssertionError("no member " + email);
    }







}
