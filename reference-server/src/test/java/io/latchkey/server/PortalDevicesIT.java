package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal's heat pumps in a real browser against the demo world: a partner claims a released pump with the
 * password printed on it and fills in its details, the operator's engineer moves it along with his own password;
 * a partner answers a data request on a phone from the link an e-mail carries; the administrator registers a
 * pump and sets its status with a reason.
 */
class PortalDevicesIT {

    private static final String DOMAIN = "@demo.latchkey.local";
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
    void aPartnerClaimsAHeatPumpFillsItsDetailsAndTheEngineerAdvancesIt() {
        try (Browser browser = new Browser(server, false)) {
            browser.open("/login").language("en");
            browser.signIn("alfa.manager" + DOMAIN, Demo.PASSWORD, "Sign in");
            browser.open("/devices").sees("HP-2026-0003").sees("Online").screenshot("devices-list-en");
            // A partner sees the pumps it answers for only.
            assertFalse(view(browser).contains("HP-2026-0002"));

            browser.click("Register a heat pump").sees("Your partner ID:").screenshot("devices-claim-en");
            browser.type("Serial number", "HP-2026-0002").type("Password printed on the heat pump", "not-the-one");
            browser.click("Register");
            browser.sees("The password printed on the device does not match.");
            browser.type("Password printed on the heat pump", Demo.DEVICE_PASSWORD).click("Register");
            browser.sees("Heat pump HP-2026-0002").sees("Please fill in");
            browser.type("Country of installation", "Russia").type("Region of installation", "Москва")
                    .type("Type of building", "Private house").type("Owner", "Иван Иванов")
                    .type("Note", "Котельная в подвале");
            browser.click("Save");
            browser.sees("Europe/Moscow").sees("Иван Иванов");
            assertFalse(view(browser).contains("Please fill in"));
            browser.screenshot("devices-card-en");
            browser.open("/devices").sees("HP-2026-0002");
            browser.noConsoleErrors();
            browser.signOut();

            // The operator's engineer moves it to the next status, confirming with his own password.
            browser.signIn("operator.engineer" + DOMAIN, Demo.PASSWORD, "Sign in");
            browser.open("/devices/HP-2026-0002").sees("Next status: Shipped.").sees("Альфа Безопасность");
            browser.click("Next status").type("Your password", "not-my-password-1").click("Move to “Shipped”");
            browser.sees("The password you entered to confirm this step is wrong.");
            browser.waitFor(By.cssSelector(".badge.RELEASED"));
            browser.type("Your password", Demo.PASSWORD).click("Move to “Shipped”");
            browser.sees("Next status: In operation.");
            browser.waitFor(By.cssSelector("dl.facts .badge.SHIPPED"));
            browser.screenshot("devices-advance-en");
            browser.click("Next status").type("Your password", Demo.PASSWORD).click("Move to “In operation”");
            browser.sees("Next status: In service.");
            browser.waitFor(By.cssSelector("dl.facts .badge.IN_OPERATION"));
            // Its details were given: the new status asks for nothing more. Its stages say who did what.
            assertTrue(browser.driver().findElements(By.cssSelector("section.request")).isEmpty());
            browser.sees("Commissioning date").sees("Installer").sees("Erik Engineer");
            browser.sees("Registered by a partner");
            browser.screenshot("devices-card-engineer-en");
            browser.noConsoleErrors();
        }
    }

    @Test
    void aPartnerAnswersADataRequestOnAPhoneFromTheLinkOfAnEmail() {
        try (Browser browser = new Browser(server, true)) {
            browser.open("/login").language("pl");
            // The link of an e-mail opens the card once signed in.
            browser.open("/devices/HP-2026-0004");
            assertTrue(browser.driver().getCurrentUrl().contains("/login?next="));
            browser.type("E-mail", "beta.manager" + DOMAIN).type("Hasło", Demo.PASSWORD);
            browser.driver().findElement(By.cssSelector("#login button[type=submit]")).click();
            browser.sees("Pompa ciepła HP-2026-0004").sees("Prośba o dodatkowe dane")
                    .sees("Compressor noise reported by the owner");
            browser.screenshot("devices-request-pl-phone");
            browser.type("Kraj instalacji", "Polska").type("Region instalacji", "mazowieckie")
                    .type("Typ obiektu", "Biuro");
            browser.click("Wyślij dane");
            browser.sees("Europe/Warsaw");
            assertTrue(browser.driver().findElements(By.cssSelector("section.request")).isEmpty());
            browser.screenshot("devices-card-pl-phone");

            browser.language("ru").sees("В сервисе").sees("Установка и владелец").screenshot("devices-card-ru-phone");
            browser.open("/devices").sees("HP-2026-0004").screenshot("devices-list-ru-phone");
            assertFalse(view(browser).contains("HP-2026-0003"), "Beta sees its own pumps only");
            browser.noConsoleErrors();
        }
    }

    @Test
    void theAdministratorRegistersAHeatPumpAndSetsItsStatusWithAReason() {
        try (Browser browser = new Browser(server, false)) {
            browser.open("/login").language("ru");
            browser.signIn(TestServer.ADMIN, TestServer.PASSWORD, "Войти");
            browser.open("/devices").sees("HP-2026-0001").click("Новый тепловой насос");
            browser.screenshot("devices-new-ru");
            browser.type("Серийный номер", "hp-test-0100").type("Модель", "Aerotherm 9")
                    .type("Пароль для наклейки на насос", "pump-test-1");
            browser.click("Создать");
            browser.sees("Тепловой насос HP-TEST-0100").sees("Следующий статус: Произведён.");

            browser.type("Новый статус", "Выпущен").type("Причина", "Заводские испытания пройдены");
            browser.click("Установить статус").confirm("Подтвердить");
            browser.sees("Следующий статус: Отгружен.");
            browser.waitFor(By.cssSelector("dl.facts .badge.RELEASED"));
            browser.sees("Статус изменён администратором").sees("Заводские испытания пройдены");
            browser.screenshot("devices-card-ru");

            browser.open("/devices?q=test").sees("HP-TEST-0100");
            assertFalse(view(browser).contains("HP-2026-0001"), "the search narrows the list");
            browser.type("Серийный номер", "").type("Статус", "Выпущен");
            WebElement before = browser.driver().findElement(By.cssSelector("#view table"));
            browser.click("Найти");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(before));
            browser.sees("HP-TEST-0100");
            assertFalse(view(browser).contains("HP-2026-0001") || view(browser).contains("HP-2026-0003"),
                    "the status narrows the list");
            browser.screenshot("devices-list-ru");
            browser.language("en").sees("Heat pumps");
            browser.open("/devices/NO-SUCH-PUMP").sees("The heat pump was not found.");
            browser.noConsoleErrors();
        }
    }

    private static String view(Browser browser) {
        return browser.driver().findElement(By.id("view")).getText();
    }

}
