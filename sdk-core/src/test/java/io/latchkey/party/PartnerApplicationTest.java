package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolOrderStatus;
import io.latchkey.credential.PoolTerm;
import io.latchkey.license.DocumentRequest;
import io.latchkey.license.DocumentType;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.Fixture;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Only the operator (the licensor) makes partners: it creates them, or approves those that apply; no partner
 * makes a partner of its own to fill a pool, and a pool order is decided by the organization it was placed
 * with, no other.
 */
class PartnerApplicationTest {

    private static final Requisites SUB_REQUISITES = new Requisites("7728168971", null, null, null);

    private final Fixture fx = new Fixture(InMemoryStore.create());
    private final Latchkey sdk = fx.latchkey;
    private final Partner partner = fx.partner();

    private Organization apply() {
        sdk.registrations().applyAsPartner(new PartnerApplication("Kraków Resale", new Requisites(
                "774-000-14-54", "Kraków, ul. Długa 1", null, "+48 12 345 67 89", "pl"), "Europe/Warsaw", "pl",
                "head@resale.test", "Anna Nowak"), "198.51.100.20");
        return fx.organizationOf("head@resale.test");
    }

    @Test
    void aPartnerCannotMakeAPartnerOfItsOwn() {
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.organizations().createOrganization(partner.admin(),
                new OrganizationDraft(OrgKind.PARTNER, "Shadow", null, null, null, SUB_REQUISITES)));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().createOrganization(partner.admin(),
                new OrganizationDraft(OrgKind.PARTNER, "Shadow", fx.operator.id(), null, null, SUB_REQUISITES)));
        assertEquals(List.of(), sdk.organizations().children(partner.admin(), partner.id(), null, 100));
        // Companies it still creates for its customers.
        assertEquals(OrgKind.COMPANY, sdk.organizations().createOrganization(partner.admin(),
                new OrganizationDraft(OrgKind.COMPANY, "Shop", null, null, null)).kind());
    }

    @Test
    void aPoolOrderIsDecidedOnlyByTheOrganizationItWasPlacedWith() {
        // The operator makes a partner below the partner, its dealer.
        Organization sub = sdk.organizations().createOrganization(fx.operatorAdmin,
                new OrganizationDraft(OrgKind.PARTNER, "Sub", partner.id(), null, null, SUB_REQUISITES));
        Actor subAdmin = fx.confirmed(sdk.members().addMember(fx.operatorAdmin, sub.id(),
                new MemberDraft("admin@sub.test", "Sub Admin", null, Set.of(Role.ADMIN))), Fixture.MEMBER_PASSWORD);
        PoolOrder order = sdk.poolOrders().placeOrder(subAdmin, 10, PoolTerm.UNLIMITED, null);

        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.poolOrders().completeOrder(subAdmin, order.id()));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.poolOrders().completeOrder(fx.operatorAdmin, order.id()));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.poolOrders().rejectOrder(fx.operatorAdmin, order.id(), null));
        assertEquals(PoolOrderStatus.NEW, sdk.poolOrders().order(subAdmin, order.id()).status());
        assertEquals(PoolOrderStatus.COMPLETED, sdk.poolOrders().completeOrder(partner.manager(), order.id()).status());
    }

    @Test
    void anApplicantWaitsForTheOperatorAndIsInvitedOnlyOnApproval() {
        Organization applied = apply();

        assertEquals(OrganizationState.APPLIED, applied.state());
        assertEquals(fx.operator.id(), applied.parentId());
        assertEquals(List.of(applied), sdk.registrations().applications(fx.operatorAdmin, 10));
        fx.runDueWork();
        Notification told = fx.mail.last(Templates.PARTNER_APPLIED, "admin@operator.test");
        assertEquals(Map.of("partner", "Kraków Resale", "inn", "7740001454", "applicant", "Anna Nowak",
                "applicantEmail", "head@resale.test"), told.parameters());
        assertEquals(List.of(), fx.mail.deliveredTo("head@resale.test"), "no mail to an unconfirmed address");

        Organization approved = sdk.registrations().approvePartner(fx.operatorAdmin, applied.id());

        assertEquals(OrganizationState.PENDING, approved.state(), "until its applicant confirms");
        assertEquals(List.of(), sdk.registrations().applications(fx.operatorAdmin, 10));
        Member head = fx.store.inTransaction(() -> fx.partyStore().members().findByEmail("head@resale.test"))
                .orElseThrow();
        assertEquals(Set.of(Role.ADMIN), head.roles());
        Actor admin = fx.confirmed(head, Fixture.MEMBER_PASSWORD);
        assertEquals(OrganizationState.OPEN, sdk.organizations().organization(admin, applied.id()).state());
        PoolOrder order = sdk.poolOrders().placeOrder(admin, 5, PoolTerm.ONE_YEAR, null);
        assertEquals(PoolOrderStatus.COMPLETED, sdk.poolOrders().completeOrder(fx.operatorAdmin, order.id()).status());
    }

    @Test
    void onlyTheOperatorDecidesAnApplication() {
        Organization applied = apply();

        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.registrations().approvePartner(partner.admin(),
                applied.id()));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.registrations().applications(partner.admin(), 10));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.registrations().approvePartner(fx.engineer(), applied.id()));

        Organization rejected = sdk.registrations().rejectPartner(fx.operatorAdmin, applied.id(), "unknown firm");
        assertEquals(OrganizationState.CLOSED, rejected.state());
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.registrations().approvePartner(fx.operatorAdmin,
                applied.id()));
        fx.runDueWork();
        assertEquals(List.of(), fx.mail.deliveredTo("head@resale.test"));
    }

    @Test
    void aPartnerThatAppliedCanBeViewedButNotWorkedWith() {
        Organization applied = apply();

        assertEquals(applied, sdk.organizations().organization(fx.operatorAdmin, applied.id()));
        refused(ErrorCode.ORGANIZATION_NOT_APPROVED, () -> sdk.members().addMember(fx.operatorAdmin, applied.id(),
                new MemberDraft("extra@resale.test", "Extra", null, Set.of(Role.ADMIN))));
        refused(ErrorCode.ORGANIZATION_NOT_APPROVED, () -> sdk.organizations().createOrganization(fx.operatorAdmin,
                new OrganizationDraft(OrgKind.COMPANY, "Shop", applied.id(), null, null)));
        refused(ErrorCode.ORGANIZATION_NOT_APPROVED, () -> sdk.organizations().addSite(fx.operatorAdmin,
                applied.id(), "Office", null));
        refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> sdk.organizations().updateRequisites(fx.operatorAdmin,
                applied.id(), SUB_REQUISITES));
        assertTrue(sdk.organizations().resellers("PL", null, 100).stream().noneMatch(o -> o.id().equals(applied.id())));
        refused(ErrorCode.NOT_A_PARTNER, () -> {
            sdk.deviceSteps().create(fx.engineer(), "HP-1", "TN-12", "printed-1".toCharArray());
            sdk.deviceSteps().assignPartner(fx.operatorAdmin, "HP-1", applied.id());
        });
        refused(ErrorCode.BUYER_INVALID, () -> sdk.documents().post(fx.operatorAdmin,
                new DocumentRequest(DocumentType.SALE_TO_PARTNER, applied.id(), null, null, 1, null)));
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate("head@resale.test",
                Fixture.MEMBER_PASSWORD.toCharArray(), "203.0.113.7"));
    }
}
