package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.notify.Templates;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What anyone may make the SDK mail is limited: 5 e-mails an hour to one address, 20 an hour from one source,
 * and a refused form sends nothing and counts nothing.
 */
class AnonymousMailTest {

    private static final String VICTIM = "victim@example.test";

    private final Fixture fx = new Fixture(InMemoryStore.create());
    private final Latchkey sdk = fx.latchkey;

    private static CompanyRegistration registration(String email, String inn) {
        return new CompanyRegistration("Lutik", "Lutik LLC", inn, "Shop", null, email, "Owner", "ru", null, null,
                "1.3");
    }

    private int mailedTo(String address) {
        fx.runDueWork();
        return fx.mail.deliveredTo(address).size();
    }

    @Test
    void oneAddressGetsFiveMailsAnHourFromAnyone() {
        for (int i = 0; i < 5; i++) {
            sdk.accounts().requestPasswordReset(VICTIM, "10.0.0." + i);
            fx.clock.advance(Duration.ofMinutes(1));
        }
        // A sixth reset is answered alike and sends nothing: the victim's own request is never refused.
        sdk.accounts().requestPasswordReset(VICTIM, "10.0.1.1");
        assertEquals(5, mailedTo(VICTIM));
        LatchkeyException limited = refused(ErrorCode.TOO_MANY_ATTEMPTS,
                () -> sdk.registrations().registerCompany(registration(VICTIM, "7736207543"), "10.0.1.2"));
        assertEquals(Duration.ofMinutes(55), limited.retryAfter().orElseThrow());
        assertEquals(5, mailedTo(VICTIM));

        fx.clock.advance(Duration.ofMinutes(55));
        sdk.registrations().registerCompany(registration(VICTIM, "7736207543"), "10.0.1.2");
        assertEquals(6, mailedTo(VICTIM));
        assertEquals(Templates.MEMBER_INVITED, fx.mail.deliveredTo(VICTIM).get(5).template());
    }

    @Test
    void oneSourceMakesTwentyMailsAnHour() {
        for (int i = 0; i < 20; i++) {
            sdk.accounts().requestPasswordReset("someone" + i + "@example.test", "203.0.113.7");
        }
        refused(ErrorCode.TOO_MANY_ATTEMPTS,
                () -> sdk.accounts().requestPasswordReset("someone-else@example.test", "203.0.113.7"));
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.registrations().applyAsPartner(new PartnerApplication(
                "Resale", new Requisites("7707083893", null, null, null), null, "en", "applicant@example.test",
                "Applicant"), "203.0.113.7"));
        assertEquals(0, mailedTo("someone-else@example.test"));
        sdk.accounts().requestPasswordReset("someone-else@example.test", "198.51.100.1");
        assertEquals(1, mailedTo("someone-else@example.test"));
    }

    @Test
    void aRefusedFormCountsNothing() {
        for (int i = 0; i < 30; i++) {
            refused(ErrorCode.INN_INVALID, "firmInn",
                    () -> sdk.registrations().registerCompany(registration(VICTIM, "1"), "203.0.113.7"));
        }
        for (int i = 0; i < 5; i++) {
            sdk.accounts().requestPasswordReset(VICTIM, "203.0.113.7");
            fx.clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(5, mailedTo(VICTIM));
    }

    @Test
    void partnerApplicationsFromEveryoneTogetherAreBounded() {
        for (int i = 0; i < 50; i++) {
            sdk.registrations().applyAsPartner(application("applicant" + i + "@example.test"), "10.0.0." + i);
        }
        assertEquals(50, sdk.registrations().applications(fx.operatorAdmin, 100).size());
        // A source that applied waits; one that has not may still apply.
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.registrations().applyAsPartner(
                application("again@example.test"), "10.0.0.7"));
        sdk.registrations().applyAsPartner(application("honest@example.test"), "198.51.100.1");
        assertEquals(51, sdk.registrations().applications(fx.operatorAdmin, 100).size());
    }

    private static PartnerApplication application(String email) {
        return new PartnerApplication("Resale", new Requisites("7707083893", null, null, null), null, "en", email,
                "Applicant");
    }
}
