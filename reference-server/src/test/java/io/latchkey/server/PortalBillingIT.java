package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.billing.AccessState;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The billing pages in a real browser, the server syncing from LANBilling (the adapter's emulator, over SOAP): the
 * operator's administrator runs the sync and sees a profile's features change when its account is blocked; its
 * manager sees the profiles but cannot run the sync; a partner has no billing pages. The administrator's journey
 * comes first: it begins with a billing that has no accounts yet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBillingIT {

    private static final String ADDRESS = "ул. Ленина, д. 1, кв. 5";
    private static final String SECOND_ADDRESS = "ул. Ленина, д. 1, кв. 6";

    private static LanBillingSync billing;
    private static TestServer server;

    @BeforeAll
    static void start() {
        billing = new LanBillingSync();
        Map<String, String> settings = new HashMap<>(billing.settings());
        settings.put("LATCHKEY_DEMO", "true");
        server = TestServer.start(settings);
    }

    @AfterAll
    static void stop() {
        server.close();
        billing.close();
    }

    @Test
    @Order(1)
    void theAdministratorSyncsAndSeesAProfilesFeaturesChangeWhenItsAccountIsBlocked() {
        try (Browser browser = new Browser(server, false)) {
            browser.open("/login").language("en");
            browser.signIn(TestServer.ADMIN, TestServer.PASSWORD, "Sign in");
            browser.open("/billing").sees("Billing profiles").sees("Current pass");
            browser.sees("No profiles yet");
            show(browser, "main .empty");
            browser.screenshot("billing-profiles-empty-en");

            // The billing's manager opens two apartments for one login, with the intercom service running.
            String first = billing.apartment("ivan.petrov", ADDRESS);
            billing.apartment("ivan.petrov", SECOND_ADDRESS);
            browser.click("Sync now");
            browser.notice("2 accounts read");
            browser.sees("ivan.petrov").sees(ADDRESS).sees(SECOND_ADDRESS);
            assertFalse(browser.driver().findElement(By.id("last-sync")).getText().contains("Not yet"));
            browser.screenshot("billing-profiles-en");

            browser.click("ivan.petrov").sees("Profile ivan.petrov");
            assertEquals(List.of("Door key", "Calls to the handset", "Video archive"), features(browser, ADDRESS));
            assertTrue(row(browser, ADDRESS).contains("Full access"));

            // The account of the first apartment is blocked for its balance: the door key only, there.
            billing.block(first, AccessState.BLOCKED_BALANCE);
            browser.click("All profiles").click("Sync now");
            browser.notice("2 accounts read");
            browser.click("ivan.petrov").sees("Profile ivan.petrov").sees("Door key only (account blocked)");
            assertEquals(List.of("Door key"), features(browser, ADDRESS));
            assertEquals(List.of("Door key", "Calls to the handset", "Video archive"),
                    features(browser, SECOND_ADDRESS));
            browser.screenshot("billing-profile-en");

            browser.language("ru").sees("Только ключ (учетная запись заблокирована)").sees("Открытие двери ключом");
            assertEquals(List.of("Открытие двери ключом", "Звонки на трубку", "Видеоархив"),
                    features(browser, SECOND_ADDRESS));
            browser.screenshot("billing-profile-ru");
            browser.open("/billing").language("pl").sees("Profile billingowe").sees("Tylko klucz")
                    .screenshot("billing-profiles-pl");

            // Paid again: every feature is back.
            billing.block(first, AccessState.ACTIVE);
            browser.click("Synchronizuj teraz");
            browser.notice("Przebieg");
            browser.click("ivan.petrov").sees("Profil ivan.petrov").sees("Pełny dostęp");
            assertEquals(3, features(browser, ADDRESS).size());
            browser.noConsoleErrors();
        }
    }

    @Test
    @Order(2)
    void aManagerSearchesOnAPhoneButCannotSyncAndAPartnerHasNoBillingPages() {
        billing.apartment("maria.sidorova", "пр. Мира, д. 7, кв. 12");
        server.post("/api/v1/billing/sync", server.admin(), null).expect(202);
        try (Browser browser = new Browser(server, true)) {
            browser.open("/login").language("ru");
            browser.signIn("operator.manager@demo.latchkey.local", Demo.PASSWORD, "Войти");
            browser.open("/billing").sees("Профили биллинга").sees("maria.sidorova");
            assertTrue(browser.driver().findElements(By.xpath(
                    "//button[normalize-space(.)='Синхронизировать сейчас']")).isEmpty(),
                    "only the administrator runs the sync");
            browser.type("Логин", "SIDOROVA").click("Найти");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).withMessage(() -> "not only maria.sidorova")
                    .ignoring(StaleElementReferenceException.class).until(d -> {
                        List<WebElement> rows = d.findElements(By.cssSelector("main table tbody tr"));
                        return rows.size() == 1 && rows.get(0).getText().contains("пр. Мира, д. 7, кв. 12")
                                && rows.get(0).getText().contains("Полный доступ");
                    });
            show(browser, "main table");
            browser.screenshot("billing-profiles-ru-phone");
            browser.type("Логин", "nobody-here").click("Найти");
            browser.sees("Нет профилей, логин которых содержит этот текст.");
            browser.open("/billing/profiles/nobody-here").sees("Профиль не найден.");
            browser.screenshot("billing-profile-missing-ru-phone");
            browser.noConsoleErrors();
            browser.driver().findElement(By.id("sign-out")).click();
            browser.waitFor(By.id("login"));

            browser.signIn("alfa.admin@demo.latchkey.local", Demo.PASSWORD, "Войти");
            browser.driver().findElement(By.cssSelector(".menu-toggle")).click();
            List<String> menu = browser.driver().findElements(By.cssSelector("#nav a")).stream()
                    .map(WebElement::getText).toList();
            assertFalse(menu.isEmpty());
            assertFalse(menu.contains("Биллинг"), "a partner has no billing menu: " + menu);
            browser.open("/billing").sees("Страница не найдена");
            assertTrue(browser.driver().findElements(By.id("profiles-search")).isEmpty());
            browser.noConsoleErrors();
        }
    }

    /** Scrolls the first element that matches {@code css} into view, for a screenshot of it. */
    private static void show(Browser browser, String css) {
        browser.driver().executeScript("arguments[0].scrollIntoView()", browser.waitFor(By.cssSelector(css)));
    }


    /** The row of the profile card's addresses that shows {@code address}. */
    private static String row(Browser browser, String address) {
        return rowElement(browser, address).getText();
    }

    private static WebElement rowElement(Browser browser, String address) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                By.cssSelector("main table tbody tr")).stream().filter(r -> r.getText().contains(address))
                .findFirst().orElse(null));
    }

    /** The features an address of the profile card lists, in their order. */
    private static List<String> features(Browser browser, String address) {
        return rowElement(browser, address).findElements(By.cssSelector("ul.features li")).stream()
                .map(WebElement::getText).toList();
    }
}
