package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.notify.Templates;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A company's people are the company's own: the partner above it (or the operator) cannot add an administrator
 * there, switch its owner off or speak for it; service roles are the owner's to grant on every path; and the
 * owner stays, neither switched off nor leaving. The operator still staffs and corrects the partners it makes.
 */
class CompanyPeopleTest {

    private final Fixture fx = new Fixture(InMemoryStore.create());
    private final Latchkey sdk = fx.latchkey;
    private final Partner partner = fx.partner();
    private final Organization company = sdk.registrations().createCompany(partner.admin(), new CompanyRegistration(
            "Romashka", "Romashka LLC", "7736207543", "Shop", null, "owner@romashka.test", "Owner", "ru", null, null,
                    "1.3"));
    private final Actor owner = fx.confirmed(member("owner@romashka.test"), Fixture.MEMBER_PASSWORD);

    private Member member(String email) {
        return fx.store.inTransaction(() -> fx.partyStore().members().findByEmail(email)).orElseThrow();
    }

    private Actor companyAdmin() {
        return fx.confirmed(sdk.members().addMember(owner, company.id(), new MemberDraft("admin@romashka.test",
                "Admin", null, Set.of(Role.ADMIN))), Fixture.MEMBER_PASSWORD);
    }

    @Test
    void thePartnerAboveACompanyCannotStaffItOrSwitchItsPeopleOff() {
        Actor admin = companyAdmin();
        Member invited = sdk.members().addMember(owner, company.id(), new MemberDraft("new@romashka.test", "New",
                null, Set.of(Role.MANAGER)));

        for (Actor upstream : new Actor[] {partner.admin(), fx.operatorAdmin}) {
            refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().addMember(upstream, company.id(),
                    new MemberDraft("spy@partner.test", "Spy", null, Set.of(Role.ADMIN))));
            refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().disable(upstream, member("owner@romashka.test")
                    .id()));
            refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().changeRoles(upstream,
                    member("admin@romashka.test").id(), Set.of(Role.MANAGER)));
            refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().correctEmail(upstream, invited.id(),
                    "spy@partner.test"));
            refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().reinvite(upstream, invited.id()));
        }
        assertEquals(Set.of(Role.ADMIN), sdk.accounts().actorFor(member("admin@romashka.test").id()).roles());
        assertEquals(MemberStatus.ACTIVE, member("owner@romashka.test").status());
        sdk.members().disable(admin, invited.id());
    }

    @Test
    void aNameThatWouldAddAMailHeaderIsRefused() {
        refused(ErrorCode.FIELD_MALFORMED, "fullName", () -> sdk.members().addMember(owner, company.id(),
                new MemberDraft("new@romashka.test", "New\r\nBcc: all@example.test", null, Set.of(Role.MANAGER))));
        refused(ErrorCode.FIELD_MALFORMED, "name", () -> sdk.organizations().addSite(owner, company.id(),
                "Shop\nTwo", null));
    }

    @Test
    void theOwnerIsNeverSwitchedOffAndNeverLeaves() {
        Actor admin = companyAdmin();

        refused(ErrorCode.OWNER_FIXED, () -> sdk.members().disable(admin, member("owner@romashka.test").id()));
        Partner employer = fx.partner();
        sdk.members().inviteEmployee(employer.admin(), employer.id(), "owner@romashka.test", Set.of(Role.MANAGER));
        fx.runDueWork();
        String offer = Fixture.token(fx.mail.last(Templates.EMPLOYEE_INVITED, "owner@romashka.test")
                .parameter("link"));
        refused(ErrorCode.OWNER_FIXED, () -> sdk.members().acceptEmployment(owner, offer));
        assertEquals(company.id(), sdk.accounts().actorFor(member("owner@romashka.test").id()).organization());
    }

    @Test
    void serviceRolesAreGrantedByTheOwnerOnly() {
        Actor admin = companyAdmin();

        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().addMember(admin, company.id(), new MemberDraft(
                "manager@romashka.test", "Service Manager", null, Set.of(Role.SERVICE_MANAGER))));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().addMember(admin, company.id(), new MemberDraft(
                "senior@romashka.test", "Senior", null, Set.of(Role.INSTALLER, Role.SENIOR_SERVICE_MANAGER))));
        assertEquals(Set.of(Role.SERVICE_MANAGER), sdk.members().addMember(owner, company.id(), new MemberDraft(
                "manager@romashka.test", "Service Manager", null, Set.of(Role.SERVICE_MANAGER))).roles());
        assertEquals(Set.of(Role.INSTALLER), sdk.members().addMember(admin, company.id(), new MemberDraft(
                "installer@romashka.test", "Installer", null, Set.of(Role.INSTALLER))).roles());
    }

    @Test
    void theOperatorCorrectsAMistypedAddressOfAPartnersPersonAndTheOldLinkDies() {
        Member typo = sdk.members().addMember(fx.operatorAdmin, partner.id(), new MemberDraft("anna@partnr.test",
                "Anna", null, Set.of(Role.MANAGER)));
        fx.runDueWork();
        String oldToken = Fixture.token(fx.mail.last(Templates.MEMBER_INVITED, "anna@partnr.test").parameter("link"));

        Member corrected = sdk.members().correctEmail(fx.operatorAdmin, typo.id(), "anna@partner.test");

        assertEquals("anna@partner.test", corrected.email());
        refused(ErrorCode.TOKEN_USED, "token", () -> sdk.accounts().confirm(oldToken,
                Fixture.MEMBER_PASSWORD.toCharArray(), Fixture.MEMBER_PASSWORD.toCharArray()));
        Actor anna = fx.confirmed(corrected, Fixture.MEMBER_PASSWORD);
        assertEquals(partner.id(), anna.organization());
        refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> sdk.members().correctEmail(fx.operatorAdmin, typo.id(),
                "someone@else.test"));
        refused(ErrorCode.MEMBER_EMAIL_TAKEN, "email", () -> sdk.members().correctEmail(partner.admin(),
                sdk.members().addMember(partner.admin(), partner.id(), new MemberDraft("bob@partnr.test", "Bob",
                        null, Set.of(Role.MANAGER))).id(), "anna@partner.test"));
    }
}
