package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The licenses pages (MyPOS) in a real browser: the licensor mints and sells to a partner, the partner sells to
 * a company it made, prints the document and sees the company's codes masked; revealing, printing and e-mailing
 * set the licenses' flags; refusals and empty lists on a phone screen.
 */
class PortalLicensesIT {

    private static final String ALFA_ADMIN = "alfa.admin@demo.latchkey.local";
    private static final String ALFA_MANAGER = "alfa.manager@demo.latchkey.local";
    private static final Pattern MASKED = Pattern.compile("••••-••••-[A-Z0-9]{4}");
    private static final Pattern FULL = Pattern.compile("\\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\\b");

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
    void theLicensorSellsToAPartnerWhichSellsToItsNewCompanyPrintsAndSeesTheCodesMasked() {
        // The company is made as the channel's pages make it (POST /orgs by the partner), and its owner confirms.
        String alfa = server.login(ALFA_ADMIN, Demo.PASSWORD);
        String ownerEmail = "owner@vasilki.test.latchkey.local";
        server.post("/api/v1/orgs", alfa, Map.of("kind", "COMPANY", "name", "Васильки", "taxId", "7707083893",
                "address", "г. Москва, ул. Лесная, д. 3", "country", "RU", "timezone", "Europe/Moscow",
                "language", "ru", "admin", Map.of("email", ownerEmail, "fullName", "Ольга Васильева"),
                "site", Map.of("name", "Киоск на Лесной"), "agreement", Map.of("version", "2026-11",
                        "accepted", true))).expect(201);
        String owner = server.confirmed(ownerEmail, TestServer.MEMBER_PASSWORD);
        List<String> masked;

        try (Browser browser = new Browser(server, false)) {
            browser.open("/login").language("en");
            browser.signIn(TestServer.ADMIN, TestServer.PASSWORD, "Sign in");

            // The licensor mints: the MINT document's card shows the new licenses, sealed.
            browser.open("/licenses").sees("Mint licenses").screenshot("licenses-licenses-operator-en");
            browser.type("Number of licenses", "7").click("Mint").confirm("Confirm");
            browser.notice("7 licenses minted.");
            browser.sees("Minting").sees("Licenses (7)");
            assertEquals(7, rows(browser).size());
            assertTrue(rows(browser).stream().allMatch(r -> r.contains("Sealed") && r.contains("hidden")),
                    "minted codes are sealed: " + rows(browser));
            browser.screenshot("licenses-document-mint-en");

            // … and sells four to Alfa by a document.
            browser.open("/documents").click("New document").sees("The oldest licenses you hold go first.");
            browser.type("Type", "Sale to a partner").type("Buyer partner", "Альфа Безопасность")
                    .type("Number of licenses", "4").screenshot("licenses-new-partner-en");
            browser.click("Post the document").confirm("Confirm");
            browser.notice("posted.");
            browser.sees("Sale to a partner").sees("Альфа Безопасность").sees("Licenses (4)");
            String sale = documentNumber(browser);

            // The licensor's documents, filtered by partner and type.
            browser.open("/documents").type("Partner", "Альфа Безопасность").type("Type", "Sale to a partner")
                    .click("Filter");
            // The demo's sale and this one, and no other type.
            rowsWhen(browser, "sales to Alfa", r -> r.size() >= 2 && r.stream().anyMatch(x -> x.contains("No. " + sale))
                    && r.stream().allMatch(x -> x.contains("Sale to a partner") && x.contains("Альфа Безопасность")));
            browser.screenshot("licenses-documents-en");

            // The licensor sees what a partner holds, but none of its codes, revealed or not.
            browser.open("/licenses").type("Holder", "Альфа Безопасность").click("Filter");
            rowsWhen(browser, "Alfa's licenses, codes hidden", r -> r.size() >= 7
                    && r.stream().anyMatch(x -> x.contains("Revealed"))
                    && r.stream().allMatch(x -> x.contains("hidden")));
            browser.driver().findElement(By.id("sign-out")).click();
            browser.waitFor(By.id("login"));

            // The partner sells two to the company it made, naming the company's firm.
            browser.signIn(ALFA_ADMIN, Demo.PASSWORD, "Sign in");
            browser.open("/documents/new");
            browser.type("Type", "Sale to a registered company").type("Buyer company", "Васильки");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class).until(d -> new Select(browser.field("Buyer firm"))
                            .getFirstSelectedOption().getText().equals("Васильки (7707083893)"));
            browser.type("Number of licenses", "2").screenshot("licenses-new-company-en");
            browser.click("Post the document").confirm("Confirm");
            browser.sees("Sale to a registered company").sees("Васильки").sees("7707083893").sees("Licenses (2)");
            masked = codes(browser, MASKED);
            assertEquals(2, masked.size(), "the partner sees the company's codes masked: " + rows(browser));
            assertFalse(FULL.matcher(browser.driver().findElement(By.id("view")).getText()).find(),
                    "no code in full on the partner's card");
            browser.screenshot("licenses-document-company-en");

            // Its printable page shows the document's buyer and the codes as the partner may see them.
            browser.click("Print").sees("Printable document");
            WebElement frame = browser.waitFor(By.id("printable"));
            browser.driver().switchTo().frame(frame);
            String printedPage = new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> {
                String text = d.findElement(By.tagName("body")).getText();
                return text.contains("Licenses (2)") ? text : null;
            });
            browser.driver().switchTo().defaultContent();
            assertTrue(printedPage.contains("Васильки") && printedPage.contains("Альфа Безопасность"), printedPage);
            for (String code : masked) {
                assertTrue(printedPage.contains(code), code + " printed in " + printedPage);
            }
            browser.screenshot("licenses-print-en");

            // The company's licenses, as its partner sees them: masked, assigned, the same codes.
            browser.open("/licenses").type("Holder", "Васильки").click("Filter");
            rowsWhen(browser, "the company's two licenses", r -> r.size() == 2
                    && r.stream().allMatch(x -> x.contains("Assigned to a company")));
            assertEquals(masked.stream().sorted().toList(), codes(browser, MASKED).stream().sorted().toList());
            browser.language("ru");
            rowsWhen(browser, "the company's licenses in Russian", r -> r.size() == 2
                    && r.stream().allMatch(x -> x.contains("Передана компании")));
            browser.screenshot("licenses-licenses-ru");
            browser.open("/documents").language("pl").sees("Dokumenty");
            rowsWhen(browser, "the partner's documents in Polish",
                    r -> r.stream().anyMatch(x -> x.contains("Sprzedaż zarejestrowanej firmie")));
            browser.screenshot("licenses-documents-pl");
            browser.noConsoleErrors();
        }

        // The company itself holds the codes in full, and they end as the masked ones do.
        List<String> tails = new ArrayList<>();
        for (JsonNode license : server.get("/api/v1/licenses", owner).expect(200).json().path("items")) {
            String code = license.path("code").asText();
            assertTrue(FULL.matcher(code).matches(), code);
            tails.add(code.substring(code.length() - 4));
        }
        assertEquals(masked.stream().map(c -> c.substring(c.length() - 4)).sorted().toList(),
                tails.stream().sorted().toList());
    }

    @Test
    void aManagerRevealsPrintsAndSendsCodesOnAPhoneAndIsToldWhatIsWrong() {
        try (Browser browser = new Browser(server, true)) {
            browser.open("/login").language("ru");
            browser.signIn(ALFA_MANAGER, Demo.PASSWORD, "Войти");

            // More than the partner holds: refused at the count field, in the reader's language.
            browser.open("/documents/new?type=REVEAL_TO_SELF").sees("Новый документ");
            browser.type("Количество лицензий", "9999").click("Провести документ").confirm("Подтвердить");
            browser.sees("недостаточно доступных лицензий");
            assertEquals("true", browser.field("Количество лицензий").getAttribute("aria-invalid"));
            browser.screenshot("licenses-new-refused-ru-phone");

            // A buyer outside the system needs a name.
            browser.type("Вид документа", "Продажа незарегистрированной компании").type("Количество лицензий", "1");
            browser.click("Провести документ").confirm("Подтвердить");
            browser.sees("заполните это поле");
            assertEquals("true", browser.field("Наименование покупателя").getAttribute("aria-invalid"));

            // Reveal one to self: the card shows its code in full, not yet printed nor sent.
            browser.type("Вид документа", "Раскрыть себе").type("Количество лицензий", "1");
            browser.click("Провести документ").confirm("Подтвердить");
            browser.sees("Раскрыть себе").sees("Лицензии (1)");
            String code = codes(browser, FULL).get(0);
            String number = documentNumber(browser);
            assertTrue(row(browser, code).contains("Раскрыта"), row(browser, code));
            show(browser, "main table");
            browser.screenshot("licenses-document-ru-phone");

            // Printing flags it printed; e-mailing flags it sent, and the e-mail carries the code.
            browser.click("Распечатать").sees("Печатная форма документа");
            browser.driver().switchTo().frame(browser.waitFor(By.id("printable")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.tagName("body")).getText().contains(code));
            browser.driver().switchTo().defaultContent();
            browser.screenshot("licenses-print-ru-phone");
            browser.click("Распечатать").sees("Печатная форма документа");
            browser.click("К документу").sees("Отправить коды на e-mail");
            browser.type("E-mail", "installer@test.latchkey.local").click("Отправить")
                    .confirm("Подтвердить");
            browser.notice("Коды отправляются на адрес installer@test.latchkey.local");
            flagged(browser, code);
            assertTrue(server.mail("installer@test.latchkey.local").contains(code));

            // The revealed licenses list shows the flags too.
            browser.open("/licenses?state=REVEALED").sees(code);
            flagged(browser, code);
            show(browser, "main table");
            browser.screenshot("licenses-licenses-ru-phone");

            // The documents list on a phone: this document by its number, and an empty period.
            browser.open("/documents?type=REVEAL_TO_SELF").sees("№ " + number);
            show(browser, "main table");
            browser.screenshot("licenses-documents-ru-phone");
            browser.open("/documents?from=2099-01-01").sees("Документов по этому фильтру нет.");
            browser.open("/documents/00000000-0000-0000-0000-000000000000").sees("Документ не найден");
            browser.noConsoleErrors();
        }
    }

    @Test
    void aCompanyOwnerSeesItsCodesInFullButNoSellingOrMinting() {
        try (Browser browser = new Browser(server, false)) {
            browser.open("/login").language("en");
            browser.signIn("romashka.owner@demo.latchkey.local", Demo.PASSWORD, "Sign in");
            browser.open("/licenses");
            rowsWhen(browser, "the company's two licenses", r -> r.size() == 2
                    && r.stream().allMatch(x -> x.contains("Assigned to a company")));
            assertEquals(2, codes(browser, FULL).size(), "the company sees its codes in full: " + rows(browser));
            assertTrue(browser.driver().findElements(By.xpath("//button[normalize-space(.)='New document']"))
                    .isEmpty(), "a company does not post documents");
            assertTrue(browser.driver().findElements(By.id("mint")).isEmpty(), "only the licensor mints");
            browser.screenshot("licenses-licenses-company-en");
            browser.open("/documents");
            rowsWhen(browser, "the company's purchase", r -> r.size() == 1
                    && r.get(0).contains("Sale to a registered company") && r.get(0).contains("Альфа Безопасность"));
            browser.noConsoleErrors();
        }
    }

    /** Scrolls the first element that matches {@code css} into view, for a screenshot of it. */
    private static void show(Browser browser, String css) {
        browser.driver().executeScript("arguments[0].scrollIntoView()", browser.waitFor(By.cssSelector(css)));
    }


    /** Waits until the rows of the page's tables are {@code what} (once a filter's page is shown); answers them. */
    private static List<String> rowsWhen(Browser browser, String what, Predicate<List<String>> ok) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class).withMessage(() -> "never " + what)
                .until(d -> {
                    List<String> rows = rows(browser);
                    return ok.test(rows) ? rows : null;
                });
    }

    /** The rows of the page's tables, as text. */
    private static List<String> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("main table tbody tr")).stream()
                .map(WebElement::getText).toList();
    }

    /** The row that shows {@code text}. */
    private static String row(Browser browser, String text) {
        return rows(browser).stream().filter(r -> r.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + ": " + rows(browser)));
    }

    /** The codes the page shows that match {@code pattern}. */
    private static List<String> codes(Browser browser, Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (WebElement code : browser.driver().findElements(By.cssSelector("main table code"))) {
            Matcher m = pattern.matcher(code.getText());
            if (m.matches()) {
                found.add(m.group());
            }
        }
        return found;
    }

    /** Waits until the row of {@code code} shows it printed and sent. */
    private static void flagged(Browser browser, String code) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class).withMessage(() -> "not printed and sent: " + code)
                .until(d -> rows(browser).stream().anyMatch(r -> r.contains(code)
                        && yesNo(r).equals(List.of("Да", "Да"))));
    }

    /** The printed and sent flags of a license's row (its yes/no cells, in order). */
    private static List<String> yesNo(String row) {
        return java.util.Arrays.stream(row.split("\\s+")).filter(w -> w.equals("Да") || w.equals("Нет")).toList();
    }

    /** The number of the document whose card is shown (its heading). */
    private static String documentNumber(Browser browser) {
        String heading = browser.driver().findElement(By.cssSelector("main h1")).getText();
        Matcher m = Pattern.compile("(\\d+)$").matcher(heading);
        assertTrue(m.find(), heading);
        return m.group(1);
    }

}
