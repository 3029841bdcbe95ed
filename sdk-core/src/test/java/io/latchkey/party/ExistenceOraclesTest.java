package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Nothing answers differently for an address that has an account: registrations, invitations to work and
 * password resets give the same answer either way, and the address's holder (or the address) gets an e-mail
 * that says what happened.
 */
class ExistenceOraclesTest {

    private static final String TAKEN = "manager1@partner.test";

    private final Fixture fx = new Fixture(InMemoryStore.create());
    private final Latchkey sdk = fx.latchkey;
    private final Partner partner = fx.partner();

    private static CompanyRegistration registration(String email, String inn) {
        return new CompanyRegistration("Lutik", "Lutik LLC", inn, "Shop", null, email, "Owner", "ru", null, null,
                "1.3");
    }

    private int organizations() {
        return fx.store.inTransaction(() -> fx.partyStore().organizations().children(fx.operator.id())).size();
    }

    private List<String> templatesTo(String address) {
        fx.runDueWork();
        return fx.mail.deliveredTo(address).stream().map(Notification::template).toList();
    }

    @Test
    void aCompanyRegisteredWithATakenAddressIsAnsweredAsAnyOtherAndItsHolderIsTold() {
        assertEquals(TAKEN, partner.managerMember().email());
        int before = organizations();
        List<String> mailedBefore = templatesTo(TAKEN);

        sdk.registrations().registerCompany(registration(TAKEN, "7736207543"), "198.51.100.20");
        sdk.registrations().registerCompany(registration("new.owner@lutik.test", "7736207543"), "198.51.100.20");

        assertEquals(before + 1, organizations(), "only the new address made a company");
        assertEquals(Templates.REGISTRATION_REPEATED, templatesTo(TAKEN).get(mailedBefore.size()));
        assertEquals(List.of(Templates.MEMBER_INVITED), templatesTo("new.owner@lutik.test"));
        Notification told = fx.mail.last(Templates.REGISTRATION_REPEATED, TAKEN);
        assertEquals("Lutik", told.parameter("organization"));
        assertTrue(told.parameter("link").endsWith("/login"), told.parameter("link"));
        // Every other refusal is the same for a taken address and a new one.
        refused(ErrorCode.INN_INVALID, "firmInn", () -> sdk.registrations().registerCompany(registration(TAKEN, "1"),
                "198.51.100.20"));
        refused(ErrorCode.INN_INVALID, "firmInn", () -> sdk.registrations().registerCompany(
                registration("another@lutik.test", "1"), "198.51.100.20"));
    }

    @Test
    void aPartnerApplicationWithATakenAddressIsAnsweredAsAnyOther() {
        sdk.registrations().applyAsPartner(new PartnerApplication("Resale", new Requisites("7707083893", null,
                null, null), null, "en", TAKEN, "Someone"), "198.51.100.20");

        assertEquals(List.of(), sdk.registrations().applications(fx.operatorAdmin, 10));
        fx.runDueWork();
        assertEquals("Resale", fx.mail.last(Templates.REGISTRATION_REPEATED, TAKEN).parameter("organization"));
        assertTrue(fx.mail.deliveredTo("admin@operator.test").stream()
                .noneMatch(n -> n.template().equals(Templates.PARTNER_APPLIED)), "the operator is not bothered");
    }

    @Test
    void anInvitationToWorkDoesNotTellWhetherTheAddressHasAnAccount() {
        Partner employer = fx.partner();
        Member invited = sdk.members().addMember(partner.admin(), partner.id(), new MemberDraft("invited@partner.test",
                "Invited", null, Set.of(Role.MANAGER)));

        sdk.members().inviteEmployee(employer.admin(), employer.id(), "nobody@nowhere.test", Set.of(Role.MANAGER));
        sdk.members().inviteEmployee(employer.admin(), employer.id(), invited.email(), Set.of(Role.MANAGER));
        sdk.members().inviteEmployee(employer.admin(), employer.id(), TAKEN, Set.of(Role.MANAGER));

        assertEquals(List.of(Templates.EMPLOYEE_NEEDS_ACCOUNT), templatesTo("nobody@nowhere.test"));
        assertEquals(employer.organization().name(), fx.mail.last(Templates.EMPLOYEE_NEEDS_ACCOUNT,
                "nobody@nowhere.test").parameter("organization"));
        assertEquals(List.of(Templates.MEMBER_INVITED), templatesTo(invited.email()), "no offer to an unconfirmed one");
        assertTrue(templatesTo(TAKEN).contains(Templates.EMPLOYEE_INVITED));
    }

    @Test
    void aPasswordResetIsAnsweredAndMailedAlikeForEveryAddress() {
        sdk.accounts().requestPasswordReset(TAKEN, "198.51.100.20");
        sdk.accounts().requestPasswordReset("nobody@nowhere.test", "198.51.100.20");

        assertTrue(templatesTo(TAKEN).contains(Templates.PASSWORD_RESET));
        assertEquals(List.of(Templates.PASSWORD_RESET_NO_ACCOUNT), templatesTo("nobody@nowhere.test"));
        assertEquals(fx.operator.language(), fx.mail.last(Templates.PASSWORD_RESET_NO_ACCOUNT, "nobody@nowhere.test")
                .language());
    }

    @Test
    void aDeviceSearchRefusesAnAnonymousCallerWhateverThePhone() {
        Actor anonymous = Actor.anonymous("203.0.113.7");
        for (String phone : new String[] {"+7 495 123-45-67", "+48 600 000 000", null}) {
            refused(ErrorCode.PERMISSION_DENIED, () -> sdk.devices().search(anonymous, null, null, null, phone, null,
                    10));
        }
    }
}
