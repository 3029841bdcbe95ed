package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The credential pools' pages in a real browser over the demo world: a partner's manager orders a pool, the
 * dealer (the operator) completes it, the manager adds a client, issues a label in the client's time zone, sees
 * its QR code, re-sends and revokes it; the dealer rejects an order on a phone; the pages in three languages.
 */
class PortalPoolsIT {

    private static final String MANAGER = "alfa.manager@demo.latchkey.local";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

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
    void aPartnerOrdersAPoolTheDealerCompletesItAndAClientGetsALabelWithItsQrCodeUntilRevoked() {
        String manager = server.login(MANAGER, Demo.PASSWORD);
        try (Browser browser = new Browser(server, false)) {
            browser.signIn(MANAGER, Demo.PASSWORD, "Sign in");
            browser.language("ru").language("en");
            String menu = browser.driver().findElement(By.id("nav")).getText();
            assertTrue(menu.contains("Pool orders") && menu.contains("Clients") && menu.contains("Labels"), menu);
            assertFalse(menu.contains("Partners"), "a partner's manager sees no operator page: " + menu);

            // The manager orders 7 credentials for two years.
            browser.open("/pool-orders").sees("Credential pool").sees("Our orders").sees("Completed")
                    .screenshot("pools-orders-en");
            browser.noLeaks();
            browser.click("New order").type("Number of credentials", "7").type("Term", "2 years")
                    .screenshot("pools-order-new-en").click("Place order");
            browser.notice("has been sent to your dealer");
            JsonNode order = newest(server.get("/api/v1/pool-orders", manager).expect(200).json());
            assertEquals(7, order.path("size").asInt());
            assertEquals("TWO_YEARS", order.path("term").asText());
            String number = "№ " + order.path("number").asText();
            assertTrue(browser.row(number).getText().contains("New"), browser.row(number).getText());

            // The dealer (the operator) completes it from its inbox.
            browser.signOut();
            browser.signIn(TestServer.ADMIN, TestServer.PASSWORD, "Sign in");
            browser.open("/pool-orders/inbox").sees(number).sees("Альфа Безопасность").sees("Beta Systemy")
                    .screenshot("pools-inbox-en");
            browser.noLeaks();
            browser.clickInRow(number, "Complete");
            browser.notice("Order No. " + order.path("number").asText() + " is completed.");
            browser.waitNoRow(number);
            assertEquals("COMPLETED", byId(server.get("/api/v1/pool-orders", manager).expect(200).json(),
                    order.path("id").asText()).path("status").asText());
            browser.click("All orders").sees(number);
            assertTrue(browser.row(number).getText().contains("Completed"), browser.row(number).getText());

            // Back as the manager: the pool has the new credentials.
            browser.signOut();
            browser.signIn(MANAGER, Demo.PASSWORD, "Sign in");
            JsonNode pool = server.get("/api/v1/pool", manager).expect(200).json();
            assertTrue(pool.path("free").asInt() >= 7, pool.toString());
            browser.open("/pool-orders").sees(number);
            assertTrue(browser.row(number).getText().contains("Completed"));
            assertTrue(browser.driver().findElement(By.id("pool")).getText()
                    .contains(String.valueOf(pool.path("free").asInt())));

            // A client in a zone of its own, typed in.
            browser.open("/clients").sees("ivan.petrov@demo.latchkey.local").screenshot("pools-clients-en");
            browser.noLeaks();
            browser.click("Add client").type("E-mail", "nina.new@demo.latchkey.local").type("Full name", "Nina New")
                    .type("Time zone", "Another time zone…").type("Other time zone (IANA)", "America/New_York")
                    .type("Language", "English").type("Description", "Night shift").screenshot("pools-client-new-en")
                    .click("Save");
            browser.notice("Client Nina New has been added.");
            browser.sees("nina.new@demo.latchkey.local").sees("America/New_York");
            browser.clickInRow("nina.new@demo.latchkey.local", "Edit");
            browser.sees("Nina New");
            assertEquals("America/New_York", browser.field("Other time zone (IANA)").getAttribute("value"));
            browser.type("Description", "Night and weekend shifts").screenshot("pools-client-edit-en").click("Save");
            browser.sees("Night and weekend shifts");

            // A label for a week, typed in the client's zone (neither the manager's nor the browser's).
            browser.clickInRow("nina.new@demo.latchkey.local", "Issue a label");
            browser.sees("Dates and times are in the client's time zone: America/New_York.");
            LocalDate start = LocalDate.now(NEW_YORK).plusDays(2);
            setValue(browser, "issue-validFrom", start + "T09:00");
            setValue(browser, "issue-validTo", start.plusDays(7) + "T18:00");
            browser.type("Description", "Weekend access");
            String preview = browser.driver().findElement(By.id("window-preview")).getText();
            assertTrue(preview.contains("9:00") && preview.contains("6:00") && preview.contains("America/New_York"),
                    preview);
            browser.screenshot("pools-issue-en").click("Issue");
            browser.notice("issued; the link has been sent to nina.new@demo.latchkey.local");
            browser.sees("Not yet").sees("America/New_York");
            WebElement qr = browser.waitFor(By.cssSelector("img.qr"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> (Boolean) browser.driver()
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
            browser.screenshot("pools-label-en");
            browser.noLeaks();

            JsonNode issued = newest(server.get("/api/v1/credentials", manager).expect(200).json());
            assertEquals("nina.new@demo.latchkey.local", issued.path("client").path("email").asText());
            assertEquals(start.atTime(9, 0).atZone(NEW_YORK).toInstant(),
                    Instant.parse(issued.path("validFrom").asText()), "the window starts at 09:00 in New York");
            assertEquals(start.plusDays(7).atTime(18, 0).atZone(NEW_YORK).toInstant(),
                    Instant.parse(issued.path("validTo").asText()));
            String label = issued.path("label").asText();
            assertTrue(browser.driver().getCurrentUrl().endsWith("/labels/" + label));

            browser.click("Re-send link").confirm("Confirm");
            browser.notice("A new link has been sent to nina.new@demo.latchkey.local.");
            browser.click("Revoke").confirm("Confirm");
            browser.notice("Label " + label + " has been revoked.");
            browser.sees("Deactivated");
            assertTrue(browser.driver().findElements(By.cssSelector("img.qr")).isEmpty(), "no QR once revoked");
            assertEquals("DEACTIVATED", newest(server.get("/api/v1/credentials", manager).expect(200).json())
                    .path("status").asText());

            // The labels, filtered by status and client, in three languages.
            String client = issued.path("client").path("id").asText();
            browser.open("/labels?status=DEACTIVATED&clientId=" + client).sees(label).sees("Deactivated");
            assertTrue(browser.driver().findElements(By.xpath("//tbody/tr[contains(., 'Иван Петров')]")).isEmpty(),
                    "only the filtered client's labels");
            browser.screenshot("pools-labels-en");
            browser.noLeaks();
            browser.language("ru").sees("Временные метки").sees(label).sees("Деактивирована")
                    .screenshot("pools-labels-ru");
            browser.noLeaks();
            browser.language("pl").sees("Etykiety czasowe").sees(label).screenshot("pools-labels-pl");
            browser.noLeaks();
            browser.open("/pool-orders").sees("Nasze zamówienia").sees("Zrealizowane").screenshot("pools-orders-pl");
            browser.noLeaks();
            browser.language("ru").sees("Наши заказы").screenshot("pools-orders-ru");
            browser.noLeaks();
            browser.open("/clients").sees("Клиенты").sees("Nina New").screenshot("pools-clients-ru");
            browser.noLeaks();
            browser.noConsoleErrors();
        }
    }

    @Test
    void onAPhoneTheDealerRejectsAnOrderAndTheManagerSeesLabelsAndTheirQrCode() {
        String admin = server.admin();
        try (Browser browser = new Browser(server, true)) {
            browser.open("/login").language("ru");
            browser.signIn(TestServer.ADMIN, TestServer.PASSWORD, "Войти");
            browser.open("/pool-orders/inbox").sees("Beta Systemy").screenshot("pools-inbox-ru-phone");
            browser.noLeaks();
            browser.clickInRow("Beta Systemy", "Отклонить");
            browser.confirm("Подтвердить");
            browser.notice("отклонён");
            browser.waitNoRow("Beta Systemy");
            JsonNode rejected = server.get("/api/v1/pool-orders?status=REJECTED", admin).expect(200).json();
            assertEquals(5, rejected.path("items").get(0).path("size").asInt(), rejected.toString());
            browser.open("/pool-orders").sees("Все заказы").sees("Отклонён").screenshot("pools-orders-ru-phone");
            browser.noLeaks();

            browser.signOut();
            browser.signIn(MANAGER, Demo.PASSWORD, "Войти");
            browser.open("/labels").sees("Иван Петров").sees("John Smith").sees("Активирована")
                    .screenshot("pools-labels-ru-phone");
            browser.noLeaks();
            browser.type("Статус", "Активирована");
            browser.waitNoRow("John Smith");
            assertTrue(browser.driver().getCurrentUrl().contains("status=ACTIVATED"));
            browser.row("Иван Петров").findElement(By.cssSelector("a[href^='/labels/']")).click();
            browser.sees("Постоянный пропуск").sees("Europe/Moscow");
            WebElement qr = browser.waitFor(By.cssSelector("img.qr"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> (Boolean) browser.driver()
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
            browser.screenshot("pools-label-ru-phone");
            browser.noLeaks();
            browser.open("/clients").sees("john.smith@demo.latchkey.local").screenshot("pools-clients-ru-phone");
            browser.noLeaks();

            browser.signOut();
            browser.language("pl").open("/provision?token=not-for-a-browser").sees("Identyfikator mobilny")
                    .screenshot("pools-provision-pl-phone");
            browser.noLeaks();
            browser.noConsoleErrors();
        }
    }

    /** The newest item of a list answer. */
    private static JsonNode newest(JsonNode page) {
        return page.path("items").get(0);
    }

    /** The item of a list answer with {@code id}. */
    private static JsonNode byId(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + page);
    }







    /** Sets an input's value as a picker would (a datetime-local field types differently per locale). */
    private static void setValue(Browser browser, String id, String value) {
        WebElement input = browser.driver().findElement(By.id(id));
        browser.driver().executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

}
