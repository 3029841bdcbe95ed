package io.latchkey.subscription;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCode;
import io.latchkey.access.Role;
import io.latchkey.notify.Templates;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.PartyService.MemberDraft;
import io.latchkey.store.Store;
import io.latchkey.subscription.SubscriptionService.ActivationRequest;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Service packages on hubs, invoiced to resellers (seed 004), on any {@link Store}. */
public abstract class SubscriptionContractTest {

    protected Fixture fx;
    protected SubscriptionService subscriptions;
    protected Sellers s;
    protected ServicePackage pkg;

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    @BeforeEach
    public void setUp() {
        fx = new Fixture(newStore());
        subscriptions = fx.latchkey.subscriptions();
        pkg = subscriptions.createPackage(fx.operatorAdmin, new PackageDraft("PRO", "Ajax PRO", 4900L, "pln", true));
        s = new Sellers(fx, "Europe/Warsaw");
    }

    @Test
    public void theOnlyPackageAndTheOnlyResellerArePreselected() {
        Hub hub = s.hub("HUB-1");
        Subscription active = subscriptions.activate(s.installer, new ActivationRequest(hub.id(), null, null));
        assertEquals(SubscriptionState.ACTIVE, active.state());
        assertEquals(pkg.id(), active.pkg());
        assertEquals(s.reseller.id(), active.reseller());
        refused(ErrorCode.SUBSCRIPTION_EXISTS, "hubId",
                () -> subscriptions.activate(s.installer, new ActivationRequest(hub.id(), null, null)));

        subscriptions.createPackage(fx.operatorAdmin, new PackageDraft("BASIC", "Basic", 0L, "PLN", false));
        Hub second = s.hub("HUB-2");
        refused(ErrorCode.FIELD_REQUIRED, "packageId",
                () -> subscriptions.activate(s.installer, new ActivationRequest(second.id(), null, null)));
        Partner another = fx.partner();
        s.party.approveConnection(another.admin(), s.party.requestConnection(s.owner, s.seller.id(), another.id(),
                ConnectionKind.SELLER_TO_RESELLER).id());
        refused(ErrorCode.RESELLER_REQUIRED, "resellerId",
                () -> subscriptions.activate(s.installer, new ActivationRequest(second.id(), pkg.id(), null)));
        refused(ErrorCode.RESELLER_NOT_APPROVED, "resellerId", () -> subscriptions.activate(s.installer,
                new ActivationRequest(second.id(), pkg.id(), fx.partner().id())));
        assertEquals(another.id(), subscriptions.activate(s.installer,
                new ActivationRequest(second.id(), pkg.id(), another.id())).reseller());
    }

    @Test
    public void aPackageThatNeedsTheSimNeedsItInTheHub() {
        Hub bare = subscriptions.addHub(s.installer, s.site.id(), "HUB-NO-SIM", false);
        refused(ErrorCode.SIM_REQUIRED, "hubId",
                () -> subscriptions.activate(s.installer, new ActivationRequest(bare.id(), null, null)));
        refused(ErrorCode.DUPLICATE, () -> s.hub("hub-no-sim"));
    }

    @Test
    public void onlyTheSellersInstallersAndServiceManagersManageSubscriptions() {
        Hub hub = s.hub("HUB-1");
        refused(ErrorCode.PERMISSION_DENIED, () -> subscriptions.activate(s.owner, new ActivationRequest(hub.id(), null,
                null)));
        Sellers other = new Sellers(fx, "Europe/Warsaw");
        refused(ErrorCode.HUB_NOT_FOUND, () -> subscriptions.activate(other.installer,
                new ActivationRequest(hub.id(), null, null)));
        Subscription active = subscriptions.activate(s.installer, new ActivationRequest(hub.id(), null, null));
        refused(ErrorCode.SUBSCRIPTION_NOT_FOUND, () -> subscriptions.stop(other.installer, active.id()));
        refused(ErrorCode.PERMISSION_DENIED, () -> subscriptions.stop(s.owner, active.id()));
        // The reseller sees what it is invoiced for, but does not manage it.
        assertEquals(active.id(), subscriptions.subscription(s.reseller.admin(), active.id()).id());
        refused(ErrorCode.PERMISSION_DENIED, () -> subscriptions.stop(s.reseller.admin(), active.id()));

        // Service managers are the owner's to create, and may then manage subscriptions too.
        var employee = s.party.addMember(s.owner, s.seller.id(), new MemberDraft("staff@seller.test", "Staff", null,
                Set.of(Role.MANAGER)));
        var admin = fx.confirmed(s.party.addMember(s.owner, s.seller.id(), new MemberDraft("admin@seller.test",
                "Admin", null, Set.of(Role.ADMIN))), Fixture.MEMBER_PASSWORD);
        refused(ErrorCode.PERMISSION_DENIED, () -> s.party.changeRoles(admin, employee.id(),
                Set.of(Role.SERVICE_MANAGER)));
        s.party.changeRoles(s.owner, employee.id(), Set.of(Role.SERVICE_MANAGER));
        var manager = fx.confirmed(employee, Fixture.MEMBER_PASSWORD);
        assertEquals(SubscriptionState.EXPIRES_SOON, subscriptions.deactivate(manager, active.id()).state());
        refused(ErrorCode.OWNER_FIXED, "role", () -> s.party.changeRoles(s.owner, s.owner.memberId().orElseThrow(),
                Set.of(Role.ADMIN)));
        refused(ErrorCode.OWNER_FIXED, "role", () -> s.party.addMember(s.owner, s.seller.id(),
                new MemberDraft("second@seller.test", "Second", null, Set.of(Role.OWNER))));
        refused(ErrorCode.PERMISSION_DENIED, () -> s.party.registerSeller(admin, s.seller.id()));
    }

    @Test
    public void aDeactivatedSubscriptionRunsToTheMonthsEndInTheSellersZone() {
        fx.clock.set(Instant.parse("2026-11-20T12:00:00Z"));
        Subscription active = subscriptions.activate(s.installer, new ActivationRequest(s.hub("HUB-1").id(), null,
                null));
        Subscription expiring = subscriptions.deactivate(s.installer, active.id());
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), expiring.endsAt(), "1 December, 00:00 in Warsaw");
        assertEquals(SubscriptionState.ACTIVE, subscriptions.resume(s.installer, active.id()).state());
        subscriptions.deactivate(s.installer, active.id());
        fx.clock.set(Instant.parse("2026-11-30T22:59:59Z"));
        assertEquals(SubscriptionState.EXPIRES_SOON, subscriptions.subscription(s.installer, active.id()).state());
        fx.clock.set(Instant.parse("2026-11-30T23:00:00Z"));
        assertEquals(SubscriptionState.ENDED, subscriptions.subscription(s.installer, active.id()).state(),
                "derived on read");
        refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> subscriptions.resume(s.installer, active.id()));
        fx.runDueWork();
        Subscription ended = fx.latchkey.store().inTransaction(
                () -> fx.latchkey.store().subscriptions().find(active.id()).orElseThrow());
        assertEquals(SubscriptionState.ENDED, ended.state());
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), ended.endedAt());
    }

    @Test
    public void stoppingEndsAtOnceAndAsksForTheSimToBeDeactivated() {
        Hub hub = s.hub("HUB-1");
        Subscription active = subscriptions.activate(s.installer, new ActivationRequest(hub.id(), null, null));
        refused(ErrorCode.ACTIVE_SUBSCRIPTIONS, () -> s.party.close(s.owner, s.seller.id()));
        var otherSite = s.party.addSite(s.owner, s.seller.id(), "Second house", null);
        refused(ErrorCode.ACTIVE_SUBSCRIPTIONS, () -> subscriptions.transferHub(s.installer, hub.id(), otherSite.id()));
        subscriptions.deactivate(s.installer, active.id());
        // An expiring subscription is still live.
        refused(ErrorCode.ACTIVE_SUBSCRIPTIONS, () -> s.party.close(s.owner, s.seller.id()));

        Subscription stopped = subscriptions.stop(s.installer, active.id());
        assertEquals(SubscriptionState.ENDED, stopped.state());
        fx.runDueWork();
        assertEquals("HUB-1", fx.mail.last(Templates.SIM_DEACTIVATION, "admin@operator.test").parameter("hubSerial"));
        assertEquals(otherSite.id(), subscriptions.transferHub(s.installer, hub.id(), otherSite.id()).site());
        Subscription again = subscriptions.activate(s.installer, new ActivationRequest(hub.id(), null, null));
        assertEquals(SubscriptionState.ACTIVE, again.state(), "a hub may be subscribed anew once the last one ended");
        subscriptions.stop(s.installer, again.id());
        s.party.close(s.owner, s.seller.id());
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> s.party.organization(fx.operatorAdmin, s.seller.id()));
        // No one signs in to a closed company.
        refused(ErrorCode.CREDENTIALS_INVALID, () -> s.party.actorFor(s.installer.memberId().orElseThrow()));
    }

    @Test
    public void theStatementCountsEachBillableSubscriptionOnceWithItsDays() {
        fx.clock.set(Instant.parse("2026-10-20T10:00:00Z"));
        Subscription october = subscriptions.activate(s.installer, new ActivationRequest(s.hub("HUB-1").id(), null,
                null));
        subscriptions.deactivate(s.installer, october.id());
        fx.clock.set(Instant.parse("2026-11-10T10:00:00Z"));
        fx.runDueWork();
        Subscription november = subscriptions.activate(s.installer, new ActivationRequest(s.hub("HUB-2").id(), null,
                null));
        fx.clock.set(Instant.parse("2026-11-15T10:00:00Z"));
        subscriptions.stop(s.installer, november.id());

        List<StatementLine> octoberLines = subscriptions.statement(s.reseller.admin(), s.reseller.id(), YearMonth.of(2026,
                10));
        assertEquals(List.of(october.id()), octoberLines.stream().map(l -> l.subscription().id()).toList());
        assertEquals(12, octoberLines.get(0).daysActive(), "20 to 31 October");
        List<StatementLine> novemberLines = subscriptions.statement(fx.operatorAdmin, s.reseller.id(),
                YearMonth.of(2026, 11));
        assertEquals(List.of(november.id()), novemberLines.stream().map(l -> l.subscription().id()).toList(),
                "the October one ended on 1 November at 00:00");
        assertEquals(6, novemberLines.get(0).daysActive(), "10 to 15 November");
        assertEquals("PRO", novemberLines.get(0).packageCode());
        assertTrue(subscriptions.statement(s.reseller.admin(), s.reseller.id(), YearMonth.of(2026, 12)).isEmpty());
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> subscriptions.statement(fx.partner().admin(), s.reseller.id(),
                YearMonth.of(2026, 11)));
    }

    @Test
    public void employeesJoinFromAccountsTheyAlreadyHave() {
        refused(ErrorCode.EMPLOYEE_ACCOUNT_REQUIRED, "email", () -> s.party.inviteEmployee(s.owner, s.seller.id(),
                "nobody@example.test", Set.of(Role.INSTALLER)));
        // A person with an account elsewhere (here: a partner's manager) is invited, accepts, and works here now.
        String email = s.reseller.managerMember().email();
        refused(ErrorCode.PERMISSION_DENIED, () -> s.party.inviteEmployee(s.installer, s.seller.id(), email,
                Set.of(Role.INSTALLER)));
        s.party.inviteEmployee(s.owner, s.seller.id(), email, Set.of(Role.INSTALLER));
        fx.runDueWork();
        var mail = fx.mail.last(Templates.EMPLOYEE_INVITED, email);
        assertEquals(s.seller.name(), mail.parameter("organization"));
        String link = mail.parameter("link");
        String token = java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + 6),
                java.nio.charset.StandardCharsets.UTF_8);
        refused(ErrorCode.TOKEN_INVALID, () -> s.party.acceptEmployment(s.installer, token));
        var joined = s.party.acceptEmployment(s.reseller.manager(), token);
        assertEquals(s.seller.id(), joined.organization());
        assertEquals(Set.of(Role.INSTALLER), joined.roles());
        refused(ErrorCode.TOKEN_USED, () -> s.party.acceptEmployment(s.reseller.manager(), token));
        var installer = s.party.actorFor(joined.id());
        Subscription active = subscriptions.activate(installer, new ActivationRequest(s.hub("HUB-J").id(), null, null));
        assertEquals(SubscriptionState.ACTIVE, active.state());
        refused(ErrorCode.PERMISSION_DENIED, () -> s.party.inviteEmployee(s.installer, s.seller.id(), email,
                Set.of(Role.SERVICE_MANAGER)));
    }

    @Test
    public void theCatalogIsTheOperatorsAndSellersMustRegister() {
        refused(ErrorCode.PERMISSION_DENIED, () -> subscriptions.createPackage(s.owner,
                new PackageDraft("X", "X", 1L, "PLN", false)));
        refused(ErrorCode.DUPLICATE, () -> subscriptions.createPackage(fx.operatorAdmin,
                new PackageDraft("PRO", "Again", 1L, "PLN", false)));
        refused(ErrorCode.FIELD_MALFORMED, "currency", () -> subscriptions.createPackage(fx.operatorAdmin,
                new PackageDraft("EUR1", "Euro", 1L, "EURO", false)));
        refused(ErrorCode.FIELD_MALFORMED, "monthlyPrice", () -> subscriptions.createPackage(fx.operatorAdmin,
                new PackageDraft("NEG", "Negative", -1L, "PLN", false)));
        assertEquals(List.of("PRO"), subscriptions.packages().stream().map(ServicePackage::code).toList());

        var company = s.party.registerCompany(new io.latchkey.party.CompanyRegistration("Not a seller", "NAS", "7736207543",
                "Office", null, "nas@example.test", "N", null, null));
        var nasOwner = fx.confirmed(fx.latchkey.store().inTransaction(
                () -> fx.latchkey.store().members().findByEmail("nas@example.test").orElseThrow()), Fixture.MEMBER_PASSWORD);
        refused(ErrorCode.NOT_A_SELLER, "fromOrgId", () -> s.party.requestConnection(nasOwner, company.id(),
                s.reseller.id(), ConnectionKind.SELLER_TO_RESELLER));
        refused(ErrorCode.CONNECTION_EXISTS, () -> s.party.requestConnection(s.owner, s.seller.id(), s.reseller.id(),
                ConnectionKind.SELLER_TO_RESELLER));

        // The seller picks resellers from its country's list ...
        assertTrue(s.party.resellers("ru", 100).stream().anyMatch(o -> o.id().equals(s.reseller.id())));
        assertTrue(s.party.resellers("PL", 100).isEmpty());
        // ... and a reseller not on the list yet is invited by e-mail, in the seller's language unless told otherwise.
        s.party.inviteReseller(s.owner, s.seller.id(), "New.Reseller@example.test", null);
        fx.runDueWork();
        var invitation = fx.mail.last(Templates.RESELLER_INVITED, "new.reseller@example.test");
        assertEquals(s.seller.name(), invitation.parameter("seller"));
        assertEquals(io.latchkey.notify.Language.PL, invitation.language());
        refused(ErrorCode.NOT_A_SELLER, "fromOrgId", () -> s.party.inviteReseller(nasOwner, company.id(),
                "x@example.test", "en"));
    }
}
