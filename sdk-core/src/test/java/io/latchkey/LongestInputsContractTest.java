package io.latchkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.access.Role;
import io.latchkey.license.Document;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.party.CompanyRegistration;
import io.latchkey.store.Store;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The longest values the SDK accepts reach the store whole, on every store: a column that is too short would
 * make a database refuse what the SDK let through (a 500 instead of a typed refusal). Each store runs it.
 */
public abstract class LongestInputsContractTest {

    /** The longest address there is: 254 characters (RFC 5321), 64 before the {@code @}. */
    protected static final String LONGEST_EMAIL = "a".repeat(64) + "@" + "b".repeat(61) + "." + "c".repeat(61) + "."
            + "d".repeat(60) + ".test";

    protected Fixture fx;
    protected Latchkey sdk;
    private Partner partner;

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    @BeforeEach
    void setUp() {
        fx = new Fixture(newStore());
        sdk = fx.latchkey;
        partner = fx.partner();
    }

    private List<String> templatesTo(String address) {
        fx.runDueWork();
        return fx.mail.deliveredTo(address).stream().map(Notification::template).toList();
    }

    @Test
    public void theLongestAddressGetsEveryMailThatNamesItInItsKey() {
        assertEquals(254, LONGEST_EMAIL.length());
        sdk.accounts().requestPasswordReset(LONGEST_EMAIL, "10.0.0.1");
        sdk.members().inviteEmployee(partner.admin(), partner.id(), LONGEST_EMAIL, Set.of(Role.MANAGER));
        CompanyRegistration registration = new CompanyRegistration("Lutik", "Lutik LLC", "7736207543", "Shop", null,
                LONGEST_EMAIL, "Owner", "ru", null);
        sdk.registrations().registerCompany(registration, "10.0.0.2");
        fx.clock.advance(Duration.ofSeconds(1));
        sdk.registrations().registerCompany(registration, "10.0.0.3");
        Document minted = sdk.documents().mint(fx.operatorAdmin, 1);
        sdk.documents().send(fx.operatorAdmin, minted.id(), LONGEST_EMAIL);

        assertEquals(List.of(Templates.PASSWORD_RESET_NO_ACCOUNT, Templates.EMPLOYEE_NEEDS_ACCOUNT,
                Templates.MEMBER_INVITED, Templates.REGISTRATION_REPEATED, Templates.DOCUMENT_LICENSES),
                templatesTo(LONGEST_EMAIL));
    }
}
