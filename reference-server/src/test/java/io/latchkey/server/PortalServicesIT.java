package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The portal's service packages in a real browser against the demo world: a company registers as a seller,
 * connects its reseller, and runs a service on a hub through its tile (activate, deactivate, resume, stop now);
 * the reseller reads its statement and downloads it as CSV; the operator keeps the catalog; a phone shows a
 * seller's objects with their tiles in Polish and Russian.
 */
class PortalServicesIT {

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
    void aCompanyBecomesASellerConnectsAResellerAndRunsAServiceOnAHub() {
        try (Browser browser = new Browser(server, false)) {
            browser.open("/login").language("en");
            browser.signIn("romashka.owner" + DOMAIN, Demo.PASSWORD, "Sign in");

            // Register as a seller (the owner only), with the requisites the form starts from.
            browser.open("/services/seller").sees("Only the company owner").screenshot("services-seller-en");
            browser.type("Legal name", "ООО «Ромашка»").type("Address", "г. Москва, ул. Арбат, д. 10")
                    .type("E-mail", "office.romashka" + DOMAIN).type("Phone", "+7 495 111-22-33");
            browser.click("Register as a seller");
            browser.sees("Connection requests");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/services/resellers"));

            // Find the reseller by country and send it the request, once.
            browser.click("Search").sees("Альфа Безопасность");
            browser.click("Send request").confirm("Confirm");
            browser.waitFor(By.cssSelector("td .badge.PENDING"));
            browser.screenshot("services-resellers-en");
            browser.signOut();

            // The reseller approves it.
            browser.signIn("alfa.admin" + DOMAIN, Demo.PASSWORD, "Sign in");
            browser.open("/services/resellers").sees("Ромашка");
            browser.click("Approve").confirm("Confirm");
            browser.waitFor(By.cssSelector("td .badge.APPROVED"));
            browser.screenshot("services-resellers-approved-en");
            browser.signOut();

            // The seller adds a hub at its object and runs the service through the hub's tile.
            browser.signIn("romashka.owner" + DOMAIN, Demo.PASSWORD, "Sign in");
            browser.open("/sites").sees("Магазин на Арбате").screenshot("services-sites-en");
            browser.click("Магазин на Арбате").sees("Add hub");
            browser.type("Hub serial number", "hub-r-0001").type("The operator's SIM card is installed", "yes");
            browser.click("Add hub");
            tile(browser, "HUB-R-0001", "ACTIVATION_REQUIRED");
            browser.click("Activate");
            // One package and one approved reseller: both are chosen already.
            assertEquals("Альфа Безопасность", new org.openqa.selenium.support.ui.Select(browser.field("Reseller"))
                    .getFirstSelectedOption().getText());
            browser.click("Activate service").confirm("Confirm");
            tile(browser, "HUB-R-0001", "ACTIVE");
            assertTrue(tileText(browser, "HUB-R-0001").contains("Альфа Безопасность"));
            assertTrue(tileText(browser, "HUB-R-0001").contains("Hub monitoring with SIM"));
            browser.screenshot("services-site-en");

            browser.click("Deactivate").confirm("Confirm");
            tile(browser, "HUB-R-0001", "EXPIRES_SOON");
            assertTrue(tileText(browser, "HUB-R-0001").contains("Ends"), "an expiring service shows its end");
            browser.screenshot("services-site-expires-en");
            browser.click("Resume").confirm("Confirm");
            tile(browser, "HUB-R-0001", "ACTIVE");
            // A step asked about and cancelled changes nothing.
            browser.click("Stop now").confirm("Cancel");
            assertTrue(browser.driver().findElements(By.cssSelector("dialog[open]")).isEmpty());
            tile(browser, "HUB-R-0001", "ACTIVE");
            browser.click("Stop now").confirm("Confirm");
            tile(browser, "HUB-R-0001", "ACTIVATION_REQUIRED");
            browser.noConsoleErrors();
            browser.signOut();

            // The reseller's statement for this month bills the service for the day it ran, and downloads as CSV.
            browser.signIn("alfa.admin" + DOMAIN, Demo.PASSWORD, "Sign in");
            browser.open("/services/statements").sees("HUB-R-0001").sees("HUB-SIM-MONTHLY")
                    .screenshot("services-statements-en");
            browser.driver().executeScript("window.__csv = null; HTMLAnchorElement.prototype.click = function () {"
                    + " if (this.download) { window.__csvName = this.download;"
                    + " window.__csv = fetch(this.href).then((r) => r.text()); } };");
            browser.click("Download CSV");
            String csv = (String) browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " const wait = () => window.__csv ? window.__csv.then(done) : setTimeout(wait, 50); wait();");
            assertTrue(csv.startsWith("subscriptionId,hubSerial,packageCode"), csv);
            assertTrue(csv.contains("HUB-R-0001,HUB-SIM-MONTHLY"), csv);
            assertTrue(((String) browser.driver().executeScript("return window.__csvName")).endsWith(".csv"));
            browser.noConsoleErrors();
        }
    }

    @Test
    void aSellersObjectsShowTheirTilesOnAPhoneInPolishAndRussian() {
        try (Browser browser = new Browser(server, true)) {
            browser.open("/login").language("pl");
            browser.signIn("gamma.owner" + DOMAIN, Demo.PASSWORD, "Zaloguj");
            browser.open("/sites").sees("Biuro Warszawa").screenshot("services-sites-pl-phone");
            // A company's owner is offered the seller's pages, not the operator's or the reseller's statements.
            String menu = browser.driver().findElement(By.id("nav")).getAttribute("textContent");
            assertTrue(menu.contains("Obiekty") && menu.contains("Ustawienia usług"), menu);
            assertFalse(menu.contains("Zestawienia"), menu);

            browser.click("Biuro Warszawa");
            tile(browser, "HUB-0001A", "ACTIVE");
            tile(browser, "HUB-0002B", "EXPIRES_SOON");
            tile(browser, "HUB-0003C", "ACTIVATION_REQUIRED");
            browser.sees("Aktywowane").sees("Wygasa wkrótce").sees("Wymagana aktywacja").sees("Beta Systemy");
            browser.screenshot("services-site-pl-phone");

            browser.language("ru").sees("Скоро истекает").sees("Требуется активация");
            // The hub without the operator's SIM cannot have the SIM package: the refusal is said in Russian.
            browser.click("Активировать").click("Активировать услугу").confirm("Подтвердить");
            browser.waitFor(By.xpath("//form[contains(@class, 'activate')]//p[contains(@class, 'form-error')"
                    + " and contains(., 'SIM-карта оператора')]"));
            tile(browser, "HUB-0003C", "ACTIVATION_REQUIRED");
            browser.screenshot("services-site-refused-ru-phone");

            browser.open("/services/packages").sees("HUB-SIM-MONTHLY").screenshot("services-packages-ru-phone");
            browser.open("/services/seller").sees("зарегистрирована как продавец")
                    .screenshot("services-seller-ru-phone");
            browser.open("/services/resellers").sees("Beta Systemy");
            browser.waitFor(By.cssSelector("td .badge.APPROVED"));
            browser.screenshot("services-resellers-ru-phone");
            browser.noConsoleErrors();
        }
    }

    @Test
    void theOperatorAddsAPackageAndReadsAResellersStatement() {
        try (Browser browser = new Browser(server, false)) {
            browser.open("/login").language("ru");
            browser.signIn(TestServer.ADMIN, TestServer.PASSWORD, "Войти");
            browser.open("/services/packages").sees("HUB-SIM-MONTHLY");
            browser.type("Код пакета", "HUB-VIDEO").type("Название", "Видеоархив").type("Цена в месяц", "250.50")
                    .type("Валюта", "rub");
            browser.click("Новый пакет");
            browser.sees("HUB-VIDEO").sees("Видеоархив").sees("250,50");
            browser.screenshot("services-packages-ru");
            // The same code again is refused, and said so.
            browser.type("Код пакета", "HUB-VIDEO").type("Название", "Ещё раз").type("Цена в месяц", "1")
                    .type("Валюта", "RUB");
            browser.click("Новый пакет");
            browser.waitFor(By.cssSelector("#package-new [aria-invalid=true], #package-new .form-error:not(:empty)"));

            browser.open("/services/statements").sees("Выберите реселлера");
            browser.type("Реселлер", "Beta Systemy").click("Показать");
            browser.sees("HUB-0001A").sees("HUB-0002B").sees("Gamma Serwis");
            assertTrue(browser.driver().getCurrentUrl().contains("resellerId="));
            browser.screenshot("services-statements-ru");
            browser.language("en").sees("Monthly statements").sees("Download CSV").screenshot("services-statements-en");
            browser.language("pl").sees("Zestawienia miesięczne").screenshot("services-statements-pl");
            browser.noConsoleErrors();
        }
    }

    /** Waits until the tile of hub {@code serial} says {@code tile}. */
    private static void tile(Browser browser, String serial, String tile) {
        browser.waitFor(By.cssSelector("article.tile[data-hub='" + serial + "'] .badge." + tile));
    }

    private static String tileText(Browser browser, String serial) {
        return browser.driver().findElement(By.cssSelector("article.tile[data-hub='" + serial + "']")).getText();
    }

}
