package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driving the portal of a {@link TestServer}: fields found by their label, buttons by their
 * text, waits for what a page shows, screenshots under {@code target/screenshots/}, and a check that the page
 * logged no error to the console.
 */
final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final TestServer server;
    private final WebDriverWait wait;

    Browser(TestServer server, boolean phone) {
        System.setProperty("SE_OFFLINE", "true");
        this.server = server;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("chromium"),
                    phone ? "--window-size=390,844" : "--window-size=1280,900");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        this.driver = new ChromeDriver(service, options);
        if (phone) {
            driver.manage().window().setSize(new Dimension(390, 844));
        }
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    ChromeDriver driver() {
        return driver;
    }

    Browser open(String path) {
        driver.get("http://127.0.0.1:" + server.server.port() + path);
        waitFor(By.cssSelector("main#view > *"));
        return this;
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page shows {@code text} anywhere in its main part. */
    Browser sees(String text) {
        wait.withMessage(() -> "the page never showed '" + text + "': " + driver.findElement(By.id("view"))
                .getText()).until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), text));
        return this;
    }

    /** The input, select or textarea whose label reads {@code label} (ignoring a required-field star). */
    WebElement field(String label) {
        WebElement labelled = waitFor(By.xpath("//label[normalize-space(translate(., '*', ''))="
                + literal(label) + "]"));
        return driver.findElement(By.id(labelled.getAttribute("for")));
    }

    Browser type(String label, String value) {
        WebElement input = field(label);
        if ("select".equals(input.getTagName())) {
            new org.openqa.selenium.support.ui.Select(input).selectByVisibleText(value);
        } else if ("checkbox".equals(input.getAttribute("type"))) {
            if (!input.isSelected()) {
                input.click();
            }
        } else {
            input.clear();
            input.sendKeys(value);
        }
        return this;
    }

    /** Clicks the (first visible) button or link whose text is {@code text}. */
    Browser click(String text) {
        WebElement target = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "(//button[normalize-space(.)=" + literal(text) + "] | //a[normalize-space(.)=" + literal(text)
                        + "])[not(ancestor::*[@hidden])]")));
        target.click();
        return this;
    }

    /** Confirms the open confirmation dialog. */
    Browser confirm(String buttonText) {
        waitFor(By.cssSelector("dialog[open]"));
        driver.findElement(By.xpath("//dialog[@open]//button[normalize-space(.)=" + literal(buttonText) + "]"))
                .click();
        return this;
    }

    Browser signIn(String email, String password, String signInText) {
        open("/login");
        type(labelOf("login-email"), email);
        type(labelOf("login-password"), password);
        driver.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
        return this;
    }

    private String labelOf(String inputId) {
        return driver.findElement(By.cssSelector("label[for='" + inputId + "']")).getText().replace("*", "").strip();
    }

    Browser language(String code) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("language"))).selectByValue(code);
        wait.until(d -> code.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        return this;
    }

    Browser screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Asserts that nothing was logged at SEVERE (errors, failed requests, exceptions) since the last check. */
    void noConsoleErrors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage)
                .filter(m -> !m.contains("/api/v1/")).toList();
        assertEquals(List.of(), errors, "console errors and warnings");
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        waitFor(By.id("login"));
    }

    /** Waits until the notice above the page (what a step reports) shows {@code text}. */
    Browser notice(String text) {
        wait.withMessage(() -> "no notice '" + text + "': " + driver.findElement(By.id("notice")).getText())
                .until(d -> d.findElement(By.id("notice")).getText().contains(text));
        return this;
    }

    /** The page shows no value the code forgot to turn into text. */
    void noLeaks() {
        String text = driver.findElement(By.id("view")).getText();
        for (String leak : List.of("null", "undefined", "[object", "NaN")) {
            org.junit.jupiter.api.Assertions.assertFalse(text.contains(leak), "the page shows '" + leak + "': "
                    + text);
        }
    }

    /** The table row that shows {@code text}. */
    WebElement row(String text) {
        return waitFor(By.xpath("//tbody/tr[td[contains(normalize-space(.), " + literal(text) + ")]]"));
    }

    /** Waits until no table row shows {@code text}. */
    void waitNoRow(String text) {
        wait.withMessage(() -> "a row still shows '" + text + "'").until(d -> d.findElements(
                By.xpath("//tbody/tr[contains(., " + literal(text) + ")]")).isEmpty());
    }

    /** Clicks the button or link {@code buttonText} in the row that shows {@code rowText}. */
    void clickInRow(String rowText, String buttonText) {
        WebElement row = row(rowText);
        By target = By.xpath(".//*[(self::button or self::a) and normalize-space(.)=" + literal(buttonText) + "]");
        wait.until(d -> !row.findElements(target).isEmpty());
        row.findElement(target).click();
    }

    /** {@code text} as an XPath string literal (it may hold a quote). */
    static String literal(String text) {
        return text.contains("'") ? "concat('" + text.replace("'", "', \"'\", '") + "')" : "'" + text + "'";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
