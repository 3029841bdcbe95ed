package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The portal's sign-in, language and profile, in a real browser, on a desktop and on a phone screen. */
class PortalAccountsIT {

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
    void aMemberSignsInSwitchesLanguageAndSignsOut() {
        try (Browser browser = new Browser(server, false)) {
            browser.open("/login").language("en").screenshot("login-en");
            browser.signIn("alfa.manager@demo.latchkey.local", Demo.PASSWORD, "Sign in");
            browser.open("/profile").sees("alfa.manager@demo.latchkey.local").screenshot("profile-en");
            browser.language("ru").sees("Профиль").screenshot("profile-ru");
            browser.language("pl").sees("Profil").screenshot("profile-pl");
            assertEquals("pl", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
            browser.open("/profile").sees("Profil"); // remembered
            browser.driver().findElement(By.id("sign-out")).click();
            browser.waitFor(By.id("login"));
            browser.noConsoleErrors();
        }
    }

    @Test
    void aWrongPasswordIsShownInTheReadersLanguageAndALinkFromAnEmailLandsOnItsPage() {
        try (Browser browser = new Browser(server, true)) {
            browser.open("/login").language("ru");
            browser.type("E-mail", "nobody@demo.latchkey.local").type("Пароль", "wrong-password-1");
            browser.driver().findElement(By.cssSelector("#login button[type=submit]")).click();
            browser.sees("Неверный").screenshot("login-refused-ru-phone");
            browser.open("/reset-password?token=forged").sees("Новый пароль");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/reset-password?token=forged"));
            browser.noConsoleErrors();
        }
    }
}
