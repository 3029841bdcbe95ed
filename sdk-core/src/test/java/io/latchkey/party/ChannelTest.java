package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.notify.Templates;
import io.latchkey.party.Organizations.FirmDraft;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.Fixture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The channel of seed 002: partners with requisites, companies with firms and sites, who sees whom. */
class ChannelTest {

    private final Fixture fx = new Fixture(InMemoryStore.create());
    private final Latchkey sdk = fx.latchkey;
    private final Partner partner = fx.partner();

    private CompanyRegistration registration(String email) {
        return new CompanyRegistration("ООО Ромашка", "ООО «Ромашка»", "7736207543", "Магазин на Ленина",
                "Екатеринбург, ул. Ленина, 1", email, "Пётр Петров", null, "Asia/Yekaterinburg", null, "1.3");
    }

    @Test
    void aPartnerHasCheckedRequisitesThatOnlyAdminsEdit() {
        Requisites requisites = partner.organization().requisites();
        assertEquals("7707083893", requisites.inn());
        assertEquals("+74951234567", requisites.phone(), "normalized");
        assertEquals("RU", requisites.country());
        refused(ErrorCode.FIELD_REQUIRED, "inn", () -> sdk.organizations().createOrganization(fx.operatorAdmin,
                new OrganizationDraft(OrgKind.PARTNER, "No INN", null, null, null)));
        refused(ErrorCode.INN_INVALID, "inn", () -> sdk.organizations().createOrganization(fx.operatorAdmin,
                new OrganizationDraft(OrgKind.PARTNER, "Bad INN", null, null, null,
                        new Requisites("7707083894", null, null, null))));

        Requisites changed = new Requisites("7728168971", "Москва, Тверская, 7", "Сидоров С. С.", null);
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.organizations().updateRequisites(partner.manager(),
                partner.id(), changed));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().updateRequisites(fx.partner().admin(),
                partner.id(), changed));
        assertEquals(changed, sdk.organizations().updateRequisites(partner.admin(), partner.id(),
                changed).requisites());
        assertEquals("7707083893", sdk.organizations().updateRequisites(fx.operatorAdmin, partner.id(),
                new Requisites("7707083893", null, null, null)).requisites().inn(), "the licensor may too");
    }

    @Test
    void anOwnerWhoChoseAPasswordAndAPartnerConfirmsWithoutOneAndTheCompanyMovesUnderThePartner() {
        char[] chosen = "chosen on the form".toCharArray();
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, "partnerId", () -> sdk.registrations().registerCompany(
                registration("owner@elsewhere.test"), chosen, fx.operator.id(), "198.51.100.21"));
        refused(ErrorCode.PASSWORD_TOO_WEAK, "password", () -> sdk.registrations().registerCompany(
                registration("owner@elsewhere.test"), "short".toCharArray(), partner.id(), "198.51.100.21"));
        assertTrue(fx.store.inTransaction(() -> fx.partyStore().members().findByEmail("owner@elsewhere.test"))
                .isEmpty(), "a refused registration makes nothing");

        sdk.registrations().registerCompany(registration("owner@romashka.test"), chosen, partner.id(),
                "198.51.100.20");
        Organization company = fx.organizationOf("owner@romashka.test");
        assertEquals(fx.operator.id(), company.parentId(), "with the licensor until the owner confirms");
        fx.runDueWork();
        String token = Fixture.token(fx.mail.last(Templates.MEMBER_INVITED, "owner@romashka.test").parameter("link"));
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate("owner@romashka.test", chosen,
                "ip"));
        sdk.accounts().confirm(token, null, null);
        Actor owner = sdk.accounts().authenticate("owner@romashka.test", chosen, "ip");
        assertEquals(Set.of(Role.OWNER, Role.ADMIN), owner.roles());
        assertEquals(partner.id(), sdk.organizations().organization(partner.admin(), company.id()).parentId());
    }

    @Test
    void aSelfRegisteredCompanyHangsUnderTheLicensorUntilAPartnerTakesIt() {
        sdk.registrations().registerCompany(registration("owner@romashka.test"), "198.51.100.20");
        Organization company = fx.organizationOf("owner@romashka.test");
        assertEquals(fx.operator.id(), company.parentId());
        assertEquals("7736207543", company.requisites().inn());
        assertEquals(List.of("ООО «Ромашка»"), sdk.organizations().firms(fx.operatorAdmin,
                company.id(), null, 100).stream().map(Firm::name)
                .toList());
        assertEquals(List.of("Магазин на Ленина"), sdk.organizations().sites(fx.operatorAdmin,
                company.id(), null, 100).stream().map(Site::name)
                .toList());
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().organization(partner.admin(),
                company.id()));
        // The licensor lists the companies no partner serves, apart from the partners' ones.
        assertTrue(sdk.organizations().children(fx.operatorAdmin, fx.operator.id(), null, 100).stream()
                .anyMatch(o -> o.kind() == OrgKind.COMPANY && o.id().equals(company.id())));

        fx.runDueWork();
        assertTrue(fx.mail.last(Templates.MEMBER_INVITED, "owner@romashka.test").parameter("link").contains("token="));
        Member invited = fx.store.inTransaction(
                () -> fx.partyStore().members().findByEmail("owner@romashka.test").orElseThrow());
        Actor owner = fx.confirmed(invited, Fixture.MEMBER_PASSWORD);
        assertEquals(Set.of(Role.OWNER, Role.ADMIN), owner.roles());

        Connection request = sdk.connections().requestConnection(owner, company.id(), partner.id(),
                ConnectionKind.COMPANY_TO_PARTNER);
        sdk.connections().approveConnection(partner.admin(), request.id());
        assertEquals(partner.id(), sdk.organizations().organization(partner.admin(), company.id()).parentId());
    }

    @Test
    void theOwnersConfirmationConsentsToTheRegisteringPartnerAndNothingElse() {
        Organization company = sdk.registrations().createCompany(partner.admin(), registration("boss@client.test"));
        Partner other = fx.partner();
        fx.clock.advance(java.time.Duration.ofMinutes(1));
        // Some other request from the company, pending when its owner confirms (however it came about).
        Connection stray = new Connection(new ConnectionId(new java.util.UUID(0x0190_0000_0000_7000L, 901)),
                ConnectionKind.COMPANY_TO_PARTNER, company.id(), other.id(), ConnectionState.PENDING,
                fx.clock.instant(), null, null, null, 0);
        fx.store.inTransaction(() -> {
            fx.partyStore().connections().insert(stray);
            fx.store.port(JournalRepository.class).append(new JournalEntry(new java.util.UUID(0x0190_0000_0000_7000L,
                    902),
                    fx.clock.instant(), ConnectionLifecycle.AGGREGATE, stray.id().toString(), "system:test", "CREATE",
                    null, "PENDING", null));
        });

        fx.confirmed(fx.store.inTransaction(() -> fx.partyStore().members().findByEmail("boss@client.test"))
                .orElseThrow(), Fixture.MEMBER_PASSWORD);

        assertEquals(partner.id(), fx.organizationOf("boss@client.test").parentId());
        assertEquals(ConnectionState.PENDING, fx.store.inTransaction(() -> fx.partyStore().connections()
                .find(stray.id())).orElseThrow().state(), "left for the other partner to decide");
    }

    @Test
    void aPartnerRegistersCompaniesLinkedOnceTheirOwnerConfirms() {
        Organization company = sdk.registrations().createCompany(partner.admin(), registration("boss@client.test"));
        assertEquals(fx.operator.id(), company.parentId(), "waiting under the licensor");
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().organization(partner.admin(),
                company.id()));
        Member invited = fx.store.inTransaction(
                () -> fx.partyStore().members().findByEmail("boss@client.test").orElseThrow());
        Actor boss = fx.confirmed(invited, Fixture.MEMBER_PASSWORD);
        assertEquals(partner.id(), sdk.organizations().organization(partner.admin(), company.id()).parentId(),
                "linked now");
        assertEquals(ConnectionState.APPROVED, sdk.connections().connections(partner.admin(), partner.id(),
                ConnectionKind.COMPANY_TO_PARTNER, null, null, 100).get(0).state());
        assertEquals(company.id(), sdk.organizations().organization(fx.operatorAdmin, company.id()).id(),
                "the licensor sees every company");
        assertEquals(partner.organization().language(), company.language(), "the partner's language by default");
        Partner other = fx.partner();
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().organization(other.admin(), company.id()));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().addFirm(other.admin(), company.id(),
                new FirmDraft("X",
                "7728168971", null, null)));

        Firm second = sdk.organizations().addFirm(partner.admin(), company.id(), new FirmDraft("ИП Петров",
                "500100732259", null, null));
        assertEquals("500100732259", second.inn());
        refused(ErrorCode.DUPLICATE, () -> sdk.organizations().addFirm(partner.admin(), company.id(),
                new FirmDraft("Again",
                "500100732259", null, null)));
        refused(ErrorCode.INN_INVALID, "inn", () -> sdk.organizations().addFirm(partner.admin(), company.id(),
                new FirmDraft("Bad",
                "500100732258", null, null)));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.organizations().addSite(partner.manager(), company.id(),
                "Склад", null));
        sdk.organizations().addSite(partner.admin(), company.id(), "Склад", null);
        assertEquals(2, sdk.organizations().sites(partner.manager(), company.id(), null, 100).size());
        refused(ErrorCode.ORGANIZATION_KIND_INVALID, () -> sdk.registrations().createCompany(
                fx.confirmed(sdk.members().addMember(boss, company.id(), new Members.MemberDraft(
                        "admin2@client.test", "Admin 2", null, Set.of(Role.ADMIN))), Fixture.MEMBER_PASSWORD),
                registration("nested@client.test")));
        refused(ErrorCode.INN_INVALID, "firmInn", () ->
                sdk.registrations().registerCompany(new CompanyRegistration("X", "X", "1",
                "S", null, "x@x.test", "X", null, null, null, "1.3"), "198.51.100.20"));
    }
}
