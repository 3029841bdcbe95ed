package io.latchkey.subscription;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Role;
import io.latchkey.notify.Templates;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.SellerDetails;
import io.latchkey.party.Requisites;
import io.latchkey.store.Store;
import io.latchkey.subscription.Subscriptions.ActivationRequest;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.Fixture;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Service packages on hubs, invoiced to resellers (seed 004), on any {@link Store}. */
public abstract class SubscriptionContractTest {

    protected Fixture fx;
    protected Latchkey sdk;
    protected Sellers s;
    protected ServicePackage pkg;

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    @BeforeEach
    public void setUp() {
        fx = new Fixture(newStore());
        sdk = fx.latchkey;
        pkg = sdk.catalog().createPackage(fx.operatorAdmin, new PackageDraft("PRO", "Ajax PRO", 4900L, "pln", true));
        s = new Sellers(fx, "Europe/Warsaw");
    }

    @Test
    public void theOnlyPackageAndTheOnlyResellerArePreselected() {
        Hub hub = s.hub("HUB-1");
        Subscription active = sdk.subscriptions().activate(s.installer, new ActivationRequest(hub.id(), null, null));
        assertEquals(SubscriptionState.ACTIVE, active.state());
        assertEquals(pkg.id(), active.pkg());
        assertEquals(s.reseller.id(), active.reseller());
        refused(ErrorCode.SUBSCRIPTION_EXISTS, "hubId",
                () -> sdk.subscriptions().activate(s.installer, new ActivationRequest(hub.id(), null, null)));

        sdk.catalog().createPackage(fx.operatorAdmin, new PackageDraft("BASIC", "Basic", 0L, "PLN", false));
        Hub second = s.hub("HUB-2");
        refused(ErrorCode.FIELD_REQUIRED, "packageId",
                () -> sdk.subscriptions().activate(s.installer, new ActivationRequest(second.id(), null, null)));
        Partner another = fx.partner();
        s.sdk.connections().approveConnection(another.admin(), s.sdk.connections().requestConnection(s.owner,
                s.seller.id(), another.id(),
                ConnectionKind.SELLER_TO_RESELLER).id());
        refused(ErrorCode.RESELLER_REQUIRED, "resellerId",
                () -> sdk.subscriptions().activate(s.installer, new ActivationRequest(second.id(), pkg.id(), null)));
        refused(ErrorCode.RESELLER_NOT_APPROVED, "resellerId", () -> sdk.subscriptions().activate(s.installer,
                new ActivationRequest(second.id(), pkg.id(), fx.partner().id())));
        assertEquals(another.id(), sdk.subscriptions().activate(s.installer,
                new ActivationRequest(second.id(), pkg.id(), another.id())).reseller());
    }

    @Test
    public void aPackageThatNeedsTheSimNeedsItInTheHub() {
        Hub bare = sdk.hubs().addHub(s.installer, s.site.id(), "HUB-NO-SIM", false);
        refused(ErrorCode.SIM_REQUIRED, "hubId",
                () -> sdk.subscriptions().activate(s.installer, new ActivationRequest(bare.id(), null, null)));
        refused(ErrorCode.DUPLICATE, () -> s.hub("hub-no-sim"));
    }

    @Test
    public void theOwnerRunsServicesHimselfWithoutAServiceManager() {
        // "Ten krok nie jest konieczny, jeśli planujesz zarządzać Usługami Ajax jako Właściciel firmy."
        Hub hub = sdk.hubs().addHub(s.owner, s.site.id(), "HUB-OWN", true);
        Subscription active = sdk.subscriptions().activate(s.owner, new ActivationRequest(hub.id(), null, null));
        assertEquals(SubscriptionState.EXPIRES_SOON, sdk.subscriptions().deactivate(s.owner, active.id()).state());
        assertEquals(SubscriptionState.ACTIVE, sdk.subscriptions().resume(s.owner, active.id()).state());
        assertEquals(SubscriptionState.ENDED, sdk.subscriptions().stop(s.owner, active.id()).state());
    }

    @Test
    public void serviceManagersManageResellerRequestsAndSeeTheDashboard() {
        // "Zarządzanie żądaniami połączeń między Sprzedawcami i Resellerami ... Dostęp do panelu informacyjnego."
        var manager = fx.confirmed(sdk.members().addMember(s.owner, s.seller.id(), new MemberDraft(
                "service@seller.test", "Service", null, Set.of(Role.SERVICE_MANAGER))), Fixture.MEMBER_PASSWORD);
        Partner another = fx.partner();
        var request = sdk.connections().requestConnection(manager, s.seller.id(), another.id(),
                ConnectionKind.SELLER_TO_RESELLER);
        sdk.connections().withdrawConnection(manager, request.id());
        Hub hub = s.hub("HUB-1");
        assertEquals(List.of(hub.id()), sdk.hubs().hubs(manager, null, null, 10).stream().map(Hub::id).toList());
        assertEquals(List.of("Office", s.site.name()), sdk.organizations().sites(manager, s.seller.id(), null, 10)
                .stream().map(io.latchkey.party.Site::name).toList());
        assertEquals(3, sdk.members().members(manager, s.seller.id(), null, 10).size(), "owner, installer, itself");
        // Installers see the sites and hubs they work on, and no more of the company.
        assertEquals(2, sdk.organizations().sites(s.installer, s.seller.id(), null, 10).size());
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().members(s.installer, s.seller.id(), null, 10));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.connections().requestConnection(s.installer, s.seller.id(),
                another.id(), ConnectionKind.SELLER_TO_RESELLER));
    }

    @Test
    public void aSellerRegistersWithWhatASellerMustGiveByItsCountrysRules() {
        // "Ponieważ Ajax operuje w wielu krajach ... koniecznie jest zarejestrowanie swojej firmy."
        Requisites polish = s.seller.requisites();
        assertEquals(List.of("7740001454", "PL", "+48123456789"), List.of(polish.inn(), polish.country(),
                polish.phone()), "a NIP, typed with dashes, kept as digits");
        sdk.registrations().registerCompany(new io.latchkey.party.CompanyRegistration("Kyiv Shop", "Kyiv Shop TOV",
                "14360570", "Office", null, "owner@kyiv.test", "Owner", "en", "Europe/Kyiv", "UA", "1.3"), "10.0.0.9");
        var kyiv = fx.organizationOf("owner@kyiv.test");
        var owner = fx.confirmed(fx.store.inTransaction(() -> fx.partyStore().members().findByEmail(
                "owner@kyiv.test").orElseThrow()), Fixture.MEMBER_PASSWORD);
        assertEquals("14360570", sdk.organizations().firms(owner, kyiv.id(), null, 10).get(0).inn(),
                "a Ukrainian firm needs no Russian INN");
        refused(ErrorCode.FIELD_REQUIRED, "country", () -> sdk.organizations().registerSeller(owner, kyiv.id(),
                new SellerDetails("Kyiv Shop TOV", null, "14360570", "Kyiv", "office@kyiv.test", "+380441234567")));
        refused(ErrorCode.TAX_ID_INVALID, "taxId", () -> sdk.organizations().registerSeller(owner, kyiv.id(),
                new SellerDetails("Kyiv Shop TOV", "UA", "7707083893", "Kyiv", "office@kyiv.test", "+380441234567")));
        refused(ErrorCode.EMAIL_INVALID, "email", () -> sdk.organizations().registerSeller(owner, kyiv.id(),
                new SellerDetails("Kyiv Shop TOV", "UA", "14360570", "Kyiv", "office", "+380441234567")));
        refused(ErrorCode.FIELD_REQUIRED, "legalName", () -> sdk.organizations().registerSeller(owner, kyiv.id(),
                new SellerDetails(" ", "UA", "14360570", "Kyiv", "office@kyiv.test", "+380441234567")));
        assertEquals(false, sdk.organizations().organization(owner, kyiv.id()).isSeller(), "nothing changed");
        var seller = sdk.organizations().registerSeller(owner, kyiv.id(), new SellerDetails("Kyiv Shop TOV", "ua",
                "UA 1436 0570", "Kyiv, Khreshchatyk 1", "Office@Kyiv.test", "+380 44 123 45 67"));
        assertEquals(new Requisites("14360570", "Kyiv, Khreshchatyk 1", null, "+380441234567", "UA",
                "office@kyiv.test", "Kyiv Shop TOV", null), seller.requisites());
    }

    @Test
    public void aSellerFindsAResellerByItsCompanyAddress() {
        // "Wprowadź adres e-mail firmy Resellera lub wybierz go z listy."
        var reseller = s.reseller.organization();
        Requisites r = reseller.requisites();
        sdk.organizations().updateRequisites(fx.operatorAdmin, reseller.id(), new Requisites(r.inn(), r.address(),
                r.director(), r.phone(), r.country(), "Biuro@Reseller.test", null, "Kraków"));
        Organization found = sdk.organizations().resellerByEmail("biuro@reseller.test").orElseThrow();
        assertEquals(List.of(reseller.id(), reseller.name(), "Kraków"), List.of(found.id(), found.name(),
                found.requisites().city()), "what the list shows: its name and city");
        assertEquals(java.util.Optional.empty(), sdk.organizations().resellerByEmail("nobody@reseller.test"));
        refused(ErrorCode.EMAIL_INVALID, "email", () -> sdk.organizations().resellerByEmail("biuro"));
    }

    @Test
    public void aSitesHubsShowTheirTilesWithThePackageAndTheReseller() {
        // "Wymagana aktywacja", "Aktywowane", "Wygasa wkrótce" under each hub of an object.
        fx.clock.set(Instant.parse("2026-11-20T10:00:00Z"));
        Hub bare = s.hub("HUB-1");
        Hub active = s.hub("HUB-2");
        Hub expiring = s.hub("HUB-3");
        Subscription first = sdk.subscriptions().activate(s.installer, new ActivationRequest(active.id(), null, null));
        Subscription second = sdk.subscriptions().activate(s.installer, new ActivationRequest(expiring.id(), null,
                null));
        sdk.subscriptions().deactivate(s.installer, second.id());
        List<HubTile> tiles = sdk.hubs().siteHubs(s.owner, s.site.id(), null, 10);
        assertEquals(List.of(HubTile.Tile.ACTIVATION_REQUIRED, HubTile.Tile.ACTIVE, HubTile.Tile.EXPIRES_SOON),
                tiles.stream().map(HubTile::tile).toList());
        assertEquals(List.of(bare.id(), active.id(), expiring.id()), tiles.stream().map(t -> t.hub().id()).toList());
        assertEquals(List.of(pkg.id(), s.reseller.id()), List.of(tiles.get(1).subscription().pkg(),
                tiles.get(1).subscription().reseller()));
        assertEquals(first.id(), tiles.get(1).subscription().id());
        assertEquals(List.of(active.id()), sdk.hubs().siteHubs(s.installer, s.site.id(), bare.id(), 1).stream()
                .map(t -> t.hub().id()).toList(), "a page after the last");

        // On the 1st of the month, in the seller's zone, the expiring one asks for activation again.
        fx.clock.set(Instant.parse("2026-11-30T23:00:00Z"));
        assertEquals(HubTile.Tile.ACTIVATION_REQUIRED, sdk.hubs().siteHubs(s.owner, s.site.id(), null, 10).get(2)
                .tile());
        refused(ErrorCode.SITE_NOT_FOUND, "siteId", () -> sdk.hubs().siteHubs(fx.partner().admin(), s.site.id(),
                null, 10));
    }

    @Test
    public void aSellerAsksEachResellerOnlyOnce() {
        // "Firma Sprzedawcy musi wysłać prośbę o połączenie do Resellera, jednak wyłącznie raz dla każdego Resellera."
        Partner another = fx.partner();
        var withdrawn = sdk.connections().requestConnection(s.owner, s.seller.id(), another.id(),
                ConnectionKind.SELLER_TO_RESELLER);
        sdk.connections().withdrawConnection(s.owner, withdrawn.id());
        var asked = sdk.connections().requestConnection(s.owner, s.seller.id(), another.id(),
                ConnectionKind.SELLER_TO_RESELLER);
        refused(ErrorCode.CONNECTION_EXISTS, "toOrgId", () -> sdk.connections().requestConnection(s.owner,
                s.seller.id(), another.id(), ConnectionKind.SELLER_TO_RESELLER));
        sdk.connections().rejectConnection(another.admin(), asked.id(), "Nie obsługujemy tego regionu");
        LatchkeyException again = refused(ErrorCode.CONNECTION_REJECTED, "toOrgId", () -> sdk.connections()
                .requestConnection(s.owner, s.seller.id(), another.id(), ConnectionKind.SELLER_TO_RESELLER));
        assertTrue(again.getMessage().contains("Nie obsługujemy tego regionu"), again.getMessage());
        assertEquals("Nie obsługujemy tego regionu", sdk.connections().connections(s.owner, s.seller.id(),
                ConnectionKind.SELLER_TO_RESELLER, io.latchkey.party.ConnectionState.REJECTED, null, 10).get(0)
                .reason(), "the seller sees why");
        refused(ErrorCode.CONNECTION_EXISTS, "toOrgId", () -> sdk.connections().requestConnection(s.owner,
                s.seller.id(), s.reseller.id(), ConnectionKind.SELLER_TO_RESELLER));
    }

    @Test
    public void stoppingAServiceWithoutTheOperatorsSimAsksNothingOfTheOperator() {
        // "Jeśli usługą jest Ajax SIM, karta SIM zostanie również natychmiast dezaktywowana."
        ServicePackage basic = sdk.catalog().createPackage(fx.operatorAdmin, new PackageDraft("BASIC", "Basic", 0L,
                "PLN", false));
        Subscription plain = sdk.subscriptions().activate(s.installer, new ActivationRequest(
                sdk.hubs().addHub(s.installer, s.site.id(), "HUB-PLAIN", false).id(), basic.id(), null));
        Subscription onSim = sdk.subscriptions().activate(s.installer, new ActivationRequest(
                sdk.hubs().addHub(s.installer, s.site.id(), "HUB-SIM", true).id(), pkg.id(), null));
        sdk.subscriptions().stop(s.installer, plain.id());
        sdk.subscriptions().stop(s.installer, onSim.id());
        fx.runDueWork();
        assertEquals(List.of("HUB-SIM"), simRequests());
    }

    @Test
    public void onlyTheSellersOwnerInstallersAndServiceManagersManageSubscriptions() {
        Hub hub = s.hub("HUB-1");
        Sellers other = new Sellers(fx, "Europe/Warsaw");
        refused(ErrorCode.HUB_NOT_FOUND, () -> sdk.subscriptions().activate(other.installer,
                new ActivationRequest(hub.id(), null, null)));
        Subscription active = sdk.subscriptions().activate(s.installer, new ActivationRequest(hub.id(), null, null));
        refused(ErrorCode.SUBSCRIPTION_NOT_FOUND, () -> sdk.subscriptions().stop(other.installer, active.id()));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.subscriptions().stop(fx.operatorAdmin, active.id()));
        // The reseller sees what it is invoiced for, but does not manage it.
        assertEquals(active.id(), sdk.subscriptions().subscription(s.reseller.admin(), active.id()).id());
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.subscriptions().stop(s.reseller.admin(), active.id()));

        // Service managers are the owner's to create, and may then manage subscriptions too.
        var employee = s.sdk.members().addMember(s.owner, s.seller.id(), new MemberDraft("staff@seller.test", "Staff",
                null, Set.of(Role.MANAGER)));
        var admin = fx.confirmed(s.sdk.members().addMember(s.owner, s.seller.id(), new MemberDraft("admin@seller.test",
                "Admin", null, Set.of(Role.ADMIN))), Fixture.MEMBER_PASSWORD);
        refused(ErrorCode.PERMISSION_DENIED, () -> s.sdk.members().changeRoles(admin, employee.id(),
                Set.of(Role.SERVICE_MANAGER)));
        s.sdk.members().changeRoles(s.owner, employee.id(), Set.of(Role.SERVICE_MANAGER));
        var manager = fx.confirmed(employee, Fixture.MEMBER_PASSWORD);
        assertEquals(SubscriptionState.EXPIRES_SOON, sdk.subscriptions().deactivate(manager, active.id()).state());
        refused(ErrorCode.OWNER_FIXED, "role", () -> s.sdk.members().changeRoles(s.owner,
                s.owner.memberId().orElseThrow(), Set.of(Role.ADMIN)));
        refused(ErrorCode.OWNER_FIXED, "role", () -> s.sdk.members().changeRoles(admin,
                s.owner.memberId().orElseThrow(), Set.of(Role.OWNER, Role.MANAGER)));
        refused(ErrorCode.OWNER_FIXED, "role", () -> s.sdk.members().addMember(s.owner, s.seller.id(),
                new MemberDraft("second@seller.test", "Second", null, Set.of(Role.OWNER))));
        refused(ErrorCode.PERMISSION_DENIED, () -> s.sdk.organizations().registerSeller(admin, s.seller.id(),
                Sellers.details(99)));
    }

    @Test
    public void aDeactivatedSubscriptionRunsToTheMonthsEndInTheSellersZone() {
        fx.clock.set(Instant.parse("2026-11-20T12:00:00Z"));
        Subscription active = sdk.subscriptions().activate(s.installer, new ActivationRequest(s.hub("HUB-1").id(), null,
                null));
        Subscription expiring = sdk.subscriptions().deactivate(s.installer, active.id());
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), expiring.endsAt(), "1 December, 00:00 in Warsaw");
        assertEquals(SubscriptionState.ACTIVE, sdk.subscriptions().resume(s.installer, active.id()).state());
        sdk.subscriptions().deactivate(s.installer, active.id());
        fx.clock.set(Instant.parse("2026-11-30T22:59:59Z"));
        assertEquals(SubscriptionState.EXPIRES_SOON, sdk.subscriptions().subscription(s.installer,
                active.id()).state());
        fx.clock.set(Instant.parse("2026-11-30T23:00:00Z"));
        assertEquals(SubscriptionState.ENDED, sdk.subscriptions().subscription(s.installer, active.id()).state(),
                "derived on read");
        refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> sdk.subscriptions().resume(s.installer, active.id()));
        fx.runDueWork();
        Subscription ended = fx.store.inTransaction(
                () -> fx.subscriptionStore().subscriptions().find(active.id()).orElseThrow());
        assertEquals(SubscriptionState.ENDED, ended.state());
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), ended.endedAt());
    }

    @Test
    public void stoppingEndsAtOnceAndAsksForTheSimToBeDeactivated() {
        Hub hub = s.hub("HUB-1");
        Subscription active = sdk.subscriptions().activate(s.installer, new ActivationRequest(hub.id(), null, null));
        refused(ErrorCode.ACTIVE_SUBSCRIPTIONS, () -> s.sdk.organizations().close(s.owner, s.seller.id()));
        var otherSite = s.sdk.organizations().addSite(s.owner, s.seller.id(), "Second house", null);
        refused(ErrorCode.ACTIVE_SUBSCRIPTIONS, () -> sdk.hubs().transferHub(s.installer, hub.id(), otherSite.id()));
        sdk.subscriptions().deactivate(s.installer, active.id());
        // An expiring subscription is still live, and its SIM stays.
        refused(ErrorCode.ACTIVE_SUBSCRIPTIONS, () -> s.sdk.organizations().close(s.owner, s.seller.id()));
        fx.runDueWork();
        assertEquals(List.of(), simRequests());

        Subscription stopped = sdk.subscriptions().stop(s.installer, active.id());
        assertEquals(SubscriptionState.ENDED, stopped.state());
        fx.runDueWork();
        assertEquals(List.of("HUB-1"), simRequests());
        assertEquals(otherSite.id(), sdk.hubs().transferHub(s.installer, hub.id(), otherSite.id()).site());
        Subscription again = sdk.subscriptions().activate(s.installer, new ActivationRequest(hub.id(), null, null));
        assertEquals(SubscriptionState.ACTIVE, again.state(), "a hub may be subscribed anew once the last one ended");
        sdk.subscriptions().stop(s.installer, again.id());
        s.sdk.organizations().close(s.owner, s.seller.id());
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> s.sdk.organizations().organization(fx.operatorAdmin,
                s.seller.id()));
        // No one signs in to a closed company.
        refused(ErrorCode.CREDENTIALS_INVALID, () -> s.sdk.accounts().actorFor(s.installer.memberId().orElseThrow()));
    }

    private List<String> simRequests() {
        return fx.mail.deliveredTo("admin@operator.test").stream()
                .filter(n -> n.template().equals(Templates.SIM_DEACTIVATION)).map(n -> n.parameter("hubSerial"))
                .toList();
    }

    @Test
    public void aHubWhoseSubscriptionRanOutIsFreeBeforeTheSchedulerRuns() {
        fx.clock.set(Instant.parse("2026-11-20T10:00:00Z"));
        Hub hub = s.hub("HUB-1");
        Subscription old = sdk.subscriptions().activate(s.installer, new ActivationRequest(hub.id(), null, null));
        sdk.subscriptions().deactivate(s.installer, old.id());
        // Midnight of 1 December in Warsaw has come; nothing has persisted the end yet.
        fx.clock.set(Instant.parse("2026-11-30T23:00:00Z"));
        assertEquals(List.of(SubscriptionState.ENDED), sdk.subscriptions().subscriptions(s.installer, null, null, 100)
                .stream().map(Subscription::state).toList(), "lists show each as of now");
        assertEquals(SubscriptionState.ENDED, sdk.subscriptions().subscription(s.installer, old.id()).state());
        var secondSite = sdk.organizations().addSite(s.owner, s.seller.id(), "Second house", null);
        assertEquals(secondSite.id(), sdk.hubs().transferHub(s.installer, hub.id(), secondSite.id()).site());
        Subscription renewed = sdk.subscriptions().activate(s.installer, new ActivationRequest(hub.id(), null,
                null));
        assertEquals(SubscriptionState.ACTIVE, renewed.state());
        assertEquals(List.of(old.id(), renewed.id()), sdk.subscriptions().subscriptions(s.installer, null, null, 100)
                .stream().map(Subscription::id).toList(), "in the order they were made");
    }

    @Test
    public void aSellersHubsAndSubscriptionsAreShownToItsStaffAndToThoseAboveIt() {
        Hub second = s.hub("HUB-2");
        Hub first = s.hub("HUB-1");
        Subscription older = sdk.subscriptions().activate(s.installer, new ActivationRequest(second.id(), null,
                null));
        Subscription newer = sdk.subscriptions().activate(s.installer, new ActivationRequest(first.id(), null,
                null));
        assertEquals(List.of(second.id(), first.id()), sdk.hubs().hubs(s.installer, null, null, 100).stream()
                .map(Hub::id).toList(), "in the order they were registered");
        assertEquals(List.of(second.id(), first.id()), sdk.hubs().hubs(fx.operatorAdmin, s.seller.id(), null, 100)
                .stream().map(Hub::id).toList());
        assertEquals(List.of(older.id(), newer.id()), sdk.subscriptions().subscriptions(fx.operatorAdmin,
                s.seller.id(), null, 100).stream().map(Subscription::id).toList(), "in the order they were made");
        // Page by page: each page starts after the last one seen.
        assertEquals(List.of(second.id()), sdk.hubs().hubs(s.installer, null, null, 1).stream().map(Hub::id)
                .toList());
        assertEquals(List.of(first.id()), sdk.hubs().hubs(s.installer, null, second.id(), 1).stream().map(Hub::id)
                .toList());
        assertEquals(List.of(), sdk.hubs().hubs(s.installer, null, first.id(), 1));
        assertEquals(List.of(newer.id()), sdk.subscriptions().subscriptions(s.installer, null, older.id(), 5)
                .stream().map(Subscription::id).toList());

        Sellers other = new Sellers(fx, "Europe/Warsaw");
        assertEquals(List.of(), sdk.hubs().hubs(other.installer, null, null, 100));
        assertEquals(List.of(), sdk.subscriptions().subscriptions(other.installer, null, null, 100));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.hubs().hubs(other.installer, s.seller.id(), null, 100));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.subscriptions().subscriptions(other.installer,
                s.seller.id(), null, 100));
        // The reseller sees each subscription it is invoiced for, not the seller's lists.
        assertEquals(newer.id(), sdk.subscriptions().subscription(s.reseller.admin(), newer.id()).id());
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.subscriptions().subscriptions(s.reseller.admin(),
                s.seller.id(), null, 100));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.hubs().hubs(s.reseller.admin(), s.seller.id(), null, 100));
    }

    @Test
    public void hubsGoOnlyToTheSellersOwnSites() {
        Sellers other = new Sellers(fx, "Europe/Warsaw");
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, "siteId", () -> sdk.hubs().addHub(s.installer, other.site.id(),
                "HUB-X", true));
        Hub hub = s.hub("HUB-1");
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, "siteId", () -> sdk.hubs().transferHub(s.installer, hub.id(),
                other.site.id()));
        refused(ErrorCode.HUB_NOT_FOUND, "hubId", () -> sdk.hubs().transferHub(other.installer, hub.id(),
                other.site.id()));
        assertEquals(List.of(), sdk.hubs().hubs(other.installer, null, null, 100));
    }

    @Test
    public void theStatementCountsEachBillableSubscriptionOnceWithItsDays() {
        fx.clock.set(Instant.parse("2026-10-20T10:00:00Z"));
        Subscription october = sdk.subscriptions().activate(s.installer, new ActivationRequest(s.hub("HUB-1").id(),
                null, null));
        sdk.subscriptions().deactivate(s.installer, october.id());
        fx.clock.set(Instant.parse("2026-11-10T10:00:00Z"));
        fx.runDueWork();
        Subscription november = sdk.subscriptions().activate(s.installer, new ActivationRequest(s.hub("HUB-2").id(),
                null, null));
        fx.clock.set(Instant.parse("2026-11-15T10:00:00Z"));
        sdk.subscriptions().stop(s.installer, november.id());

        List<StatementLine> octoberLines = sdk.statements().statement(s.reseller.admin(), s.reseller.id(),
                YearMonth.of(2026, 10), null, 100);
        assertEquals(List.of(october.id()), octoberLines.stream().map(l -> l.subscription().id()).toList());
        assertEquals(12, octoberLines.get(0).daysActive(), "20 to 31 October");
        List<StatementLine> novemberLines = sdk.statements().statement(fx.operatorAdmin, s.reseller.id(),
                YearMonth.of(2026, 11), null, 100);
        assertEquals(List.of(november.id()), novemberLines.stream().map(l -> l.subscription().id()).toList(),
                "the October one ended on 1 November at 00:00");
        assertEquals(6, novemberLines.get(0).daysActive(), "10 to 15 November");
        assertEquals("PRO", novemberLines.get(0).packageCode());
        assertTrue(sdk.statements().statement(s.reseller.admin(), s.reseller.id(), YearMonth.of(2026, 12), null,
                100).isEmpty());
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.statements().statement(fx.partner().admin(),
                s.reseller.id(), YearMonth.of(2026, 11), null, 100));
    }

    @Test
    public void aMonthsStatementTakesItsDaysInTheSellersZoneNotInUtc() {
        // 00:30 on 1 December in Warsaw is still 30 November in UTC.
        fx.clock.set(Instant.parse("2026-11-20T10:00:00Z"));
        Subscription warsaw = sdk.subscriptions().activate(s.installer, new ActivationRequest(s.hub("HUB-1").id(),
                null, null));
        fx.clock.set(Instant.parse("2026-11-30T23:30:00Z"));
        sdk.subscriptions().stop(s.installer, warsaw.id());
        List<StatementLine> december = sdk.statements().statement(fx.operatorAdmin, s.reseller.id(),
                YearMonth.of(2026, 12), null, 100);
        assertEquals(List.of(warsaw.id()), december.stream().map(l -> l.subscription().id()).toList());
        assertEquals(1, december.get(0).daysActive(), "1 December, Warsaw time");

        // 22:00 on 31 December in Santiago (summer time, UTC-3) is already 1 January in UTC.
        Sellers santiago = new Sellers(fx, "America/Santiago");
        fx.clock.set(Instant.parse("2027-01-01T01:00:00Z"));
        Subscription late = sdk.subscriptions().activate(santiago.installer, new ActivationRequest(
                santiago.hub("HUB-S").id(), null, null));
        List<StatementLine> santiagoDecember = sdk.statements().statement(fx.operatorAdmin, santiago.reseller.id(),
                YearMonth.of(2026, 12), null, 100);
        assertEquals(List.of(late.id()), santiagoDecember.stream().map(l -> l.subscription().id()).toList());
        assertEquals(1, santiagoDecember.get(0).daysActive(), "31 December, Santiago time");
    }

    @Test
    public void employeesJoinFromAccountsTheyAlreadyHave() {
        // An address without an account is asked to register first; the seller is not told which it was.
        s.sdk.members().inviteEmployee(s.owner, s.seller.id(), "nobody@example.test", Set.of(Role.INSTALLER));
        fx.runDueWork();
        assertEquals(s.seller.name(), fx.mail.last(Templates.EMPLOYEE_NEEDS_ACCOUNT, "nobody@example.test")
                .parameter("organization"));
        // A person with an account elsewhere (here: a partner's manager) is invited, accepts, and works here now.
        String email = s.reseller.managerMember().email();
        refused(ErrorCode.PERMISSION_DENIED, () -> s.sdk.members().inviteEmployee(s.installer, s.seller.id(), email,
                Set.of(Role.INSTALLER)));
        s.sdk.members().inviteEmployee(s.owner, s.seller.id(), email, Set.of(Role.INSTALLER));
        fx.runDueWork();
        var mail = fx.mail.last(Templates.EMPLOYEE_INVITED, email);
        assertEquals(s.seller.name(), mail.parameter("organization"));
        String link = mail.parameter("link");
        String token = Fixture.token(link);
        refused(ErrorCode.TOKEN_INVALID, () -> s.sdk.members().acceptEmployment(s.installer, token));
        var joined = s.sdk.members().acceptEmployment(s.reseller.manager(), token);
        assertEquals(s.seller.id(), joined.organization());
        assertEquals(Set.of(Role.INSTALLER), joined.roles());
        refused(ErrorCode.TOKEN_USED, () -> s.sdk.members().acceptEmployment(s.reseller.manager(), token));
        var installer = s.sdk.accounts().actorFor(joined.id());
        Subscription active = sdk.subscriptions().activate(installer, new ActivationRequest(s.hub("HUB-J").id(), null,
                null));
        assertEquals(SubscriptionState.ACTIVE, active.state());
        refused(ErrorCode.PERMISSION_DENIED, () -> s.sdk.members().inviteEmployee(s.installer, s.seller.id(), email,
                Set.of(Role.SERVICE_MANAGER)));
    }

    @Test
    public void theCatalogIsTheOperatorsAndSellersMustRegister() {
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.catalog().createPackage(s.owner,
                new PackageDraft("X", "X", 1L, "PLN", false)));
        refused(ErrorCode.DUPLICATE, () -> sdk.catalog().createPackage(fx.operatorAdmin,
                new PackageDraft("PRO", "Again", 1L, "PLN", false)));
        refused(ErrorCode.FIELD_MALFORMED, "currency", () -> sdk.catalog().createPackage(fx.operatorAdmin,
                new PackageDraft("EUR1", "Euro", 1L, "EURO", false)));
        refused(ErrorCode.FIELD_MALFORMED, "monthlyPrice", () -> sdk.catalog().createPackage(fx.operatorAdmin,
                new PackageDraft("NEG", "Negative", -1L, "PLN", false)));
        assertEquals(List.of("PRO"), sdk.catalog().packages().stream().map(ServicePackage::code).toList());

        s.sdk.registrations().registerCompany(new io.latchkey.party.CompanyRegistration("Not a seller", "NAS",
                "7736207543", "Office", null, "nas@example.test", "N", null, null, null, "1.3"), "198.51.100.20");
        var company = fx.organizationOf("nas@example.test");
        var nasOwner = fx.confirmed(fx.store.inTransaction(
                () -> fx.partyStore().members().findByEmail("nas@example.test").orElseThrow()),
                        Fixture.MEMBER_PASSWORD);
        refused(ErrorCode.NOT_A_SELLER, "fromOrgId", () -> s.sdk.connections().requestConnection(nasOwner, company.id(),
                s.reseller.id(), ConnectionKind.SELLER_TO_RESELLER));
        refused(ErrorCode.CONNECTION_EXISTS, () -> s.sdk.connections().requestConnection(s.owner, s.seller.id(),
                s.reseller.id(),
                ConnectionKind.SELLER_TO_RESELLER));

        // The seller picks resellers from its country's list ...
        assertTrue(s.sdk.organizations().resellers("ru", null,
                100).stream().anyMatch(o -> o.id().equals(s.reseller.id())));
        assertTrue(s.sdk.organizations().resellers("PL", null, 100).isEmpty());
        // ... and a reseller not on the list yet is invited by e-mail, in the seller's language unless told otherwise.
        s.sdk.connections().inviteReseller(s.owner, s.seller.id(), "New.Reseller@example.test", null);
        fx.runDueWork();
        var invitation = fx.mail.last(Templates.RESELLER_INVITED, "new.reseller@example.test");
        assertEquals(s.seller.name(), invitation.parameter("seller"));
        assertEquals(io.latchkey.notify.Language.PL, invitation.language());
        refused(ErrorCode.NOT_A_SELLER, "fromOrgId", () -> s.sdk.connections().inviteReseller(nasOwner, company.id(),
                "x@example.test", "en"));
    }

    @Test
    public void aSellerSendsFiftyResellerInvitationsADayAndFiveAnHourToOneAddress() {
        for (int i = 0; i < 5; i++) {
            s.sdk.connections().inviteReseller(s.owner, s.seller.id(), "reseller@example.test", null);
        }
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> s.sdk.connections().inviteReseller(s.owner, s.seller.id(),
                "reseller@example.test", null));
        for (int i = 0; i < 45; i++) {
            s.sdk.connections().inviteReseller(s.owner, s.seller.id(), "reseller" + i + "@example.test", null);
        }
        LatchkeyException limited = refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> s.sdk.connections().inviteReseller(
                s.owner, s.seller.id(), "one-more@example.test", null));
        assertEquals(Duration.ofDays(1), limited.retryAfter().orElseThrow());
    }
}
