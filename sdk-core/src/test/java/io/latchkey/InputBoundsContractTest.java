package io.latchkey;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientDraft;
import io.latchkey.credential.IssuanceView;
import io.latchkey.credential.IssueRequest;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolTerm;
import io.latchkey.device.Device;
import io.latchkey.device.DeviceCard;
import io.latchkey.device.DeviceDetails;
import io.latchkey.device.DeviceReport;
import io.latchkey.device.DeviceStatus;
import io.latchkey.device.OwnerRegistration;
import io.latchkey.device.ReportType;
import io.latchkey.device.StageField;
import io.latchkey.license.BuyerRequisites;
import io.latchkey.license.Document;
import io.latchkey.license.DocumentRequest;
import io.latchkey.license.DocumentSearch;
import io.latchkey.license.DocumentType;
import io.latchkey.license.LicenseState;
import io.latchkey.license.LicenseView;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.party.CompanyRegistration;
import io.latchkey.party.Connection;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.Firm;
import io.latchkey.party.Member;
import io.latchkey.party.Members.MemberDetails;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.FirmDraft;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.party.Organizations.SellerDetails;
import io.latchkey.party.PartnerApplication;
import io.latchkey.party.Requisites;
import io.latchkey.party.Site;
import io.latchkey.store.Store;
import io.latchkey.subscription.Hub;
import io.latchkey.subscription.PackageDraft;
import io.latchkey.subscription.ServicePackage;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a column or a database type cannot hold never reaches it. The longest values the SDK accepts are pushed
 * through every command and read back whole: a column that is too short would make a database refuse what the
 * SDK let through (a 500 instead of a typed refusal). Values no database holds (a NUL, a time beyond year 9999)
 * are refused with a typed error, never sent to it. Each store runs it.
 */
public abstract class InputBoundsContractTest {

    /** The longest address there is: 254 characters (RFC 5321), 64 before the {@code @}. */
    protected static final String LONGEST_EMAIL = "a".repeat(64) + "@" + "b".repeat(61) + "." + "c".repeat(61) + "."
            + "d".repeat(60) + ".test";
    /** The SDK's limits, written out: names 200, addresses 500, free text 1000, idempotency keys 200. */
    private static final String NAME = "Я".repeat(199) + "z";
    private static final String ADDRESS = "ул. Długa ".repeat(49) + "ul. Długa.";
    private static final String TEXT = "Строка ".repeat(142) + "Łódź.!";
    private static final String KEY = "k".repeat(200);
    /** The longest time zone id the JDK knows. */
    private static final String LONGEST_ZONE = ZoneId.getAvailableZoneIds().stream()
            .max(Comparator.comparingInt(String::length)).orElseThrow();

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
    public void theLimitsAreWhatThisTestWritesOut() {
        assertEquals(List.of(254, 200, 500, 1000, 200), List.of(LONGEST_EMAIL.length(), NAME.length(),
                ADDRESS.length(), TEXT.length(), KEY.length()));
        refused(ErrorCode.FIELD_TOO_LONG, "name", () -> sdk.organizations().createOrganization(fx.operatorAdmin,
                new OrganizationDraft(OrgKind.PARTNER, NAME + "z", null, "UTC", "en", null)));
        refused(ErrorCode.FIELD_TOO_LONG, "siteAddress", () -> sdk.registrations().registerCompany(
                new CompanyRegistration("Lutik", "Lutik LLC", "7736207543", "Shop", ADDRESS + "z",
                        "owner@lutik.test", "Owner", "ru", null, null, "1.3"), "10.0.0.2"));
        refused(ErrorCode.FIELD_TOO_LONG, "reason", () -> sdk.poolOrders().rejectOrder(fx.operatorAdmin,
                sdk.poolOrders().placeOrder(partner.manager(), 1, PoolTerm.UNLIMITED, null).id(), TEXT + "z"));
    }

    @Test
    public void theLongestAddressGetsEveryMailThatNamesItInItsKey() {
        sdk.accounts().requestPasswordReset(LONGEST_EMAIL, "10.0.0.1");
        sdk.members().inviteEmployee(partner.admin(), partner.id(), LONGEST_EMAIL, Set.of(Role.MANAGER));
        CompanyRegistration registration = new CompanyRegistration("Lutik", "Lutik LLC", "7736207543", "Shop", null,
                LONGEST_EMAIL, "Owner", "ru", null, null, "1.3");
        sdk.registrations().registerCompany(registration, "10.0.0.2");
        fx.clock.advance(Duration.ofSeconds(1));
        sdk.registrations().registerCompany(registration, "10.0.0.3");
        Document minted = sdk.documents().mint(fx.operatorAdmin, 1);
        sdk.documents().send(fx.operatorAdmin, minted.id(), LONGEST_EMAIL);

        assertEquals(List.of(Templates.PASSWORD_RESET_NO_ACCOUNT, Templates.EMPLOYEE_NEEDS_ACCOUNT,
                Templates.MEMBER_INVITED, Templates.REGISTRATION_REPEATED, Templates.DOCUMENT_LICENSES),
                templatesTo(LONGEST_EMAIL));
    }

    @Test
    public void theChannelKeepsTheLongestNamesAndRequisites() {
        Requisites requisites = new Requisites("7707083893", ADDRESS, NAME, "+7 495 123-45-67 89", "RU", LONGEST_EMAIL,
                NAME, "Г".repeat(100));
        sdk.registrations().applyAsPartner(new PartnerApplication(NAME, requisites, LONGEST_ZONE, "pl",
                LONGEST_EMAIL, NAME), "10.0.0.1");
        Organization applied = sdk.registrations().applications(fx.operatorAdmin, 10).get(0);
        Organization approved = sdk.registrations().approvePartner(fx.operatorAdmin, applied.id());
        fx.confirmed(fx.store.inTransaction(() -> fx.partyStore().members().findByEmail(LONGEST_EMAIL)
                .orElseThrow()), Fixture.MEMBER_PASSWORD);
        assertEquals(List.of(NAME, ADDRESS, NAME, LONGEST_ZONE), List.of(approved.name(),
                approved.requisites().address(), approved.requisites().director(), approved.timezone().getId()));
        assertEquals(List.of(LONGEST_EMAIL, NAME, "Г".repeat(100)), List.of(approved.requisites().email(),
                approved.requisites().legalName(), approved.requisites().city()));
        sdk.registrations().applyAsPartner(new PartnerApplication("Refused " + NAME.substring(8), requisites, null,
                null, "b" + LONGEST_EMAIL.substring(1), NAME), "10.0.0.2");
        Organization refusedOne = sdk.registrations().applications(fx.operatorAdmin, 10).get(0);
        sdk.registrations().rejectPartner(fx.operatorAdmin, refusedOne.id(), TEXT);

        sdk.registrations().registerCompany(new CompanyRegistration(NAME, NAME, "7736207543", NAME, ADDRESS,
                "c" + LONGEST_EMAIL.substring(1), NAME, "ru", LONGEST_ZONE, null, "1.3"), "10.0.0.3");
        Organization company = fx.organizationOf("c" + LONGEST_EMAIL.substring(1));
        Site site = sdk.organizations().sites(fx.operatorAdmin, company.id(), null, 10).get(0);
        assertEquals(List.of(NAME, NAME, ADDRESS, NAME), List.of(company.name(),
                sdk.organizations().firms(fx.operatorAdmin, company.id(), null, 10).get(0).name(), site.address(),
                site.name()));

        Member member = sdk.members().addMember(partner.admin(), partner.id(),
                new MemberDraft("d" + LONGEST_EMAIL.substring(1), NAME, "pl", Set.of(Role.MANAGER)));
        assertEquals(NAME, sdk.members().members(partner.admin(), partner.id(), null, 10).stream()
                .filter(m -> m.id().equals(member.id())).findFirst().orElseThrow().fullName());
        sdk.organizations().addSite(fx.operatorAdmin, partner.id(), NAME, ADDRESS);
        Firm firm = sdk.organizations().firms(fx.operatorAdmin, company.id(), null, 10).get(0);
        assertEquals(new FirmDraft(NAME, "7736207543", ADDRESS, NAME), draftOf(sdk.organizations().updateFirm(
                fx.operatorAdmin, firm.id(), new FirmDraft(NAME, "7736207543", ADDRESS, NAME))));
        Site renamed = sdk.organizations().updateSite(fx.operatorAdmin, site.id(), NAME, ADDRESS);
        assertEquals(List.of(NAME, ADDRESS), List.of(renamed.name(), renamed.address()));
        Member edited = sdk.members().updateDetails(partner.admin(), member.id(), new MemberDetails(NAME, "ru",
                "+123456789012345"));
        assertEquals("+123456789012345", edited.phone());
        sdk.members().changeEmail(partner.manager(), partner.managerMember().id(), "e" + LONGEST_EMAIL.substring(1));
        fx.runDueWork();
        assertEquals("e" + LONGEST_EMAIL.substring(1), sdk.accounts().confirmEmail(Fixture.token(fx.mail.last(
                Templates.MEMBER_EMAIL_CHANGE, "e" + LONGEST_EMAIL.substring(1)).parameter("link"))).email());
        Organization asking = fx.organizationOf("c" + LONGEST_EMAIL.substring(1));
        Actor owner = fx.confirmed(fx.store.inTransaction(() -> fx.partyStore().members()
                .findByEmail("c" + LONGEST_EMAIL.substring(1)).orElseThrow()), Fixture.MEMBER_PASSWORD);
        Connection request = sdk.connections().requestConnection(owner, asking.id(), partner.id(),
                ConnectionKind.COMPANY_TO_PARTNER);
        assertEquals(TEXT, sdk.connections().rejectConnection(partner.admin(), request.id(), TEXT).reason());
        assertEquals(1, sdk.organizations().searchPartners(fx.operatorAdmin, NAME, null, 10).size());
    }

    private static FirmDraft draftOf(Firm firm) {
        return new FirmDraft(firm.name(), firm.inn(), firm.address(), firm.director());
    }

    @Test
    public void credentialPoolsKeepTheLongestTextsAndKeys() {
        PoolOrder rejected = sdk.poolOrders().placeOrder(partner.manager(), 1, PoolTerm.UNLIMITED, KEY);
        sdk.poolOrders().rejectOrder(fx.operatorAdmin, rejected.id(), TEXT);
        fx.filledPool(partner, 1, PoolTerm.ONE_YEAR);
        Client client = sdk.clients().createClient(partner.manager(),
                new ClientDraft(LONGEST_EMAIL, NAME, LONGEST_ZONE, "pl", TEXT));
        assertEquals(List.of(LONGEST_EMAIL, NAME, TEXT), List.of(client.email(), client.fullName(),
                client.description()));
        assertEquals(List.of(client), sdk.clients().clients(partner.manager(), null, null, 10));
        assertEquals(List.of(), sdk.clients().clients(partner.manager(), null, LONGEST_EMAIL, 10));

        Instant now = fx.clock.instant();
        IssuanceView issued = sdk.issuing().issue(partner.manager(), new IssueRequest(client.id(), now,
                now.plus(Duration.ofDays(2)), TEXT), KEY);
        assertEquals(TEXT, issued.issuance().description());
        sdk.issuing().revoke(partner.manager(), issued.issuance().label(), TEXT);
        assertEquals(TEXT, sdk.credentials().history(partner.manager(), issued.issuance().label(), null, 10)
                .stream().reduce((first, last) -> last).orElseThrow().reason());
    }

    @Test
    public void documentsMoveTheLargestBatchAndKeepTheLongestBuyer() {
        int batch = 10_000;
        sdk.documents().mint(fx.operatorAdmin, batch);
        Document sale = sdk.documents().post(fx.operatorAdmin, new DocumentRequest(DocumentType.SALE_TO_PARTNER,
                partner.id(), null, null, batch, null));
        assertEquals(batch, sale.licenses().size());
        List<LicenseView> held = sdk.licenses().licenses(partner.manager(), partner.id(), LicenseState.SEALED, null,
                1000);
        sdk.documents().post(partner.manager(), new DocumentRequest(DocumentType.REVEAL_TO_SELF, null, null, null, null,
                held.stream().map(v -> v.license().id()).toList()));
        Document outside = sdk.documents().post(partner.manager(), new DocumentRequest(
                DocumentType.SALE_TO_UNREGISTERED, null, null, new BuyerRequisites(NAME, "500100732259", ADDRESS, NAME),
                1, null));
        assertEquals(new BuyerRequisites(NAME, "500100732259", ADDRESS, NAME),
                sdk.documents().document(partner.manager(), outside.id()).buyerRequisites());

        String fingerprint = "Ж".repeat(255) + "!";
        String code = sdk.documents().documentLicenses(partner.manager(), outside.id()).get(0).code().orElseThrow();
        assertEquals(fingerprint, sdk.activations().activate(code, fingerprint, "x".repeat(500)).fingerprint());
    }

    @Test
    public void devicesKeepTheLongestTextsAndEveryAlarmTheyMayRemember() {
        Actor engineer = fx.engineer();
        String serial = "HP-" + "9".repeat(61);
        char[] printed = "p".repeat(128).toCharArray();
        sdk.deviceSteps().create(engineer, serial.toLowerCase(Locale.ROOT), "M".repeat(100), printed);
        sdk.claims().updateDetails(engineer, serial, new DeviceDetails("RU", "Свердловская область",
                "PRIVATE_HOUSE", NAME, TEXT));
        Actor owner = sdk.owners().registerOwner(serial, printed, new OwnerRegistration("+7 912 345-67-89",
                "8".repeat(22), "RU", "Свердловская область", "Н".repeat(100), LONGEST_EMAIL), "y".repeat(500))
                .newOwner().orElseThrow();
        Actor pump = sdk.telemetry().authenticateDevice(serial, printed, "10.0.0.5");
        Instant at = fx.clock.instant().minus(Duration.ofHours(1));
        for (int i = 0; i < 96; i++) {
            String code = String.format("%032d", i);
            sdk.telemetry().report(pump, serial, new DeviceReport(ReportType.ALARM, at, code, null));
            if (i < 64) {
                sdk.telemetry().report(pump, serial, new DeviceReport(ReportType.ALARM_CLEARED, at.plusMillis(1),
                        code, null));
            }
            at = at.plusMillis(2);
        }
        DeviceCard card = sdk.devices().card(engineer, serial);
        assertEquals(32, card.activeAlarms().size());
        assertEquals(List.of(serial, "M".repeat(100), NAME, TEXT), List.of(card.device().serial(),
                card.device().model(), card.device().ownerText(), card.device().note()));
        assertEquals("Н".repeat(100), sdk.devices().card(owner, serial).device().ownerNickname());
        // Stage records at their longest, full of what the row escapes (backslashes) or could mistake for it.
        String escaped = "\\t\\";
        sdk.deviceSteps().setStatus(fx.operatorAdmin, serial, DeviceStatus.SHIPPED, TEXT);
        sdk.deviceSteps().fill(engineer, serial, Map.of(StageField.FIRMWARE, escaped.repeat(21) + "x",
                StageField.CONSIGNEE, escaped.repeat(66) + "xy"));
        sdk.deviceSteps().setStatus(fx.operatorAdmin, serial, DeviceStatus.IN_SERVICE, escaped.repeat(333) + "x");
        sdk.deviceSteps().setStatus(fx.operatorAdmin, serial, DeviceStatus.DECOMMISSIONED, TEXT);
        assertEquals(TEXT, sdk.devices().history(engineer, serial, null, 100).stream()
                .reduce((first, last) -> last).orElseThrow().reason());
        Device retired = sdk.deviceSteps().fill(engineer, serial, Map.of(StageField.DECOMMISSIONING_REASON,
                escaped.repeat(333) + "y")).device();
        assertEquals(List.of(escaped.repeat(21) + "x", escaped.repeat(66) + "xy", escaped.repeat(333) + "x",
                escaped.repeat(333) + "y"), Stream.of(StageField.FIRMWARE, StageField.CONSIGNEE,
                StageField.SERVICE_REASON, StageField.DECOMMISSIONING_REASON)
                .map(f -> retired.fact(f).orElseThrow().value()).toList());

        // A reason as long as the journal holds leaves no room to say what the step asks for: the reason stays.
        sdk.deviceSteps().create(engineer, "HP-BARE", "TN-12", printed);
        sdk.deviceSteps().setStatus(fx.operatorAdmin, "HP-BARE", DeviceStatus.IN_OPERATION, TEXT);
        assertEquals(TEXT, sdk.devices().history(engineer, "HP-BARE", null, 100).stream()
                .reduce((first, last) -> last).orElseThrow().reason());
    }

    @Test
    public void subscriptionsKeepTheLongestCodesNamesAndSerials() {
        ServicePackage pkg = sdk.catalog().createPackage(fx.operatorAdmin, new PackageDraft("P".repeat(32), NAME,
                Long.MAX_VALUE, "PLN", true));
        assertEquals(List.of("P".repeat(32), NAME, Long.MAX_VALUE), List.of(pkg.code(), pkg.name(),
                pkg.monthlyPrice()));
        sdk.registrations().registerCompany(new CompanyRegistration("Seller", "Seller Sp. z o.o.", "7736207543",
                "Office", null, "owner@seller.test", "Owner", "pl", null, null, "1.3"), "10.0.0.4");
        Organization company = fx.organizationOf("owner@seller.test");
        Actor owner = fx.confirmed(fx.store.inTransaction(() -> fx.partyStore().members()
                .findByEmail("owner@seller.test").orElseThrow()), Fixture.MEMBER_PASSWORD);
        Organization seller = sdk.organizations().registerSeller(owner, company.id(), new SellerDetails(NAME, "UA",
                "14360570", ADDRESS, LONGEST_EMAIL.replace("a@", "z@"), "+380441234567"));
        assertEquals(new Requisites("14360570", ADDRESS, null, "+380441234567", "UA", LONGEST_EMAIL.replace("a@",
                "z@"), NAME, null), seller.requisites());
        Site site = sdk.organizations().addSite(owner, company.id(), NAME, ADDRESS);
        Actor installer = fx.confirmed(sdk.members().addMember(owner, company.id(), new MemberDraft(LONGEST_EMAIL,
                NAME, "pl", Set.of(Role.INSTALLER))), Fixture.MEMBER_PASSWORD);
        Hub hub = sdk.hubs().addHub(installer, site.id(), "H" + "-".repeat(63), true);
        assertEquals("H" + "-".repeat(63), hub.serial());
    }

    @Test
    public void textNoColumnHoldsIsRefusedBeforeAnyLookup() {
        String nul = "7707\u0000";
        refused(ErrorCode.FIELD_MALFORMED, "text", () -> sdk.organizations().searchPartners(fx.operatorAdmin, nul,
                null, 10));
        refused(ErrorCode.FIELD_MALFORMED, "afterEmail", () -> sdk.clients().clients(partner.manager(), null, nul,
                10));
        refused(ErrorCode.FIELD_MALFORMED, "serial", () -> sdk.devices().search(fx.operatorAdmin, nul, null, null,
                null, null, 10));
        refused(ErrorCode.FIELD_MALFORMED, "afterSerial", () -> sdk.devices().search(fx.operatorAdmin, null, null,
                null, null, nul, 10));
        refused(ErrorCode.FIELD_MALFORMED, "author", () -> sdk.documents().documents(fx.operatorAdmin,
                new DocumentSearch(null, null, null, nul, null, null, null, null, 10)));
        refused(ErrorCode.FIELD_TOO_LONG, "text", () -> sdk.organizations().searchPartners(fx.operatorAdmin,
                NAME + "z", null, 10));
    }

    @Test
    public void timesNoColumnHoldsAreRefused() {
        Client client = fx.client(partner, "client@example.test");
        fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
        Instant now = fx.clock.instant();
        refused(ErrorCode.FIELD_MALFORMED, "validTo", () -> sdk.issuing().issue(partner.manager(),
                new IssueRequest(client.id(), now, Instant.MAX, null), null));
        refused(ErrorCode.FIELD_MALFORMED, "validFrom", () -> sdk.issuing().issue(partner.manager(),
                new IssueRequest(client.id(), Instant.MIN, now.plusSeconds(60), null), null));
        refused(ErrorCode.FIELD_MALFORMED, "from", () -> sdk.documents().documents(fx.operatorAdmin,
                new DocumentSearch(null, null, null, null, Instant.MIN, null, null, null, 10)));
        refused(ErrorCode.FIELD_MALFORMED, "to", () -> sdk.documents().documents(fx.operatorAdmin,
                new DocumentSearch(null, null, null, null, null, Instant.parse("+10000-01-01T00:00:00Z"), null,
                        null, 10)));
        refused(ErrorCode.FIELD_MALFORMED, "month", () -> sdk.statements().statement(partner.admin(),
                partner.id(), YearMonth.of(10_000, 1), null, 10));

        Actor engineer = fx.engineer();
        sdk.deviceSteps().create(engineer, "HP-1", "TN-12", "printed".toCharArray());
        Actor pump = sdk.telemetry().authenticateDevice("HP-1", "printed".toCharArray(), "10.0.0.5");
        refused(ErrorCode.FIELD_MALFORMED, "at", () -> sdk.telemetry().report(pump, "HP-1",
                new DeviceReport(ReportType.CONNECT, Instant.MIN, null, null)));
        DeviceCard card = sdk.telemetry().report(pump, "HP-1", new DeviceReport(ReportType.CONNECT,
                Instant.parse("1900-01-01T00:00:00Z"), null, null));
        assertEquals(Instant.parse("1900-01-01T00:00:00Z"), card.device().lastConnectAt());
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), sdk.issuing().issue(partner.manager(),
                new IssueRequest(client.id(), now, Instant.parse("9999-12-31T23:59:59Z"), null), null)
                .issuance().validTo());
        assertTrue(sdk.documents().documents(fx.operatorAdmin, new DocumentSearch(null, null, null, null,
                Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"), null, null, 10))
                .isEmpty());
    }
}
