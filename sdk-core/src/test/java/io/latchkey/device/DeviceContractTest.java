package io.latchkey.device;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.crypto.RandomSource;
import io.latchkey.internal.Actors;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.party.Customer;
import io.latchkey.party.Organization;
import io.latchkey.store.Store;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Heat pumps from the factory to decommissioning (seed 003), on any {@link Store}: each store implementation
 * extends this class.
 */
public abstract class DeviceContractTest {

    protected static final String SERIAL = "HP-2026-0001";
    protected static final char[] PRINTED = "pump-7731".toCharArray();

    protected Fixture fx;
    protected Latchkey sdk;
    protected Actor engineer;
    protected Partner partner;

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    @BeforeEach
    public void setUp() {
        fx = new Fixture(newStore());
        sdk = fx.latchkey;
        engineer = fx.engineer();
        partner = fx.partner();
        sdk.deviceSteps().create(engineer, SERIAL, "TN-12", PRINTED);
    }

    private static char[] engineerPassword() {
        return Fixture.ENGINEER_PASSWORD.toCharArray();
    }

    private void advanceTo(DeviceStatus status) {
        while (sdk.devices().card(engineer, SERIAL).device().status() != status) {
            sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword());
        }
    }

    private DeviceReport at(ReportType type, String time) {
        return new DeviceReport(type, Instant.parse(time), null, null);
    }

    @Test
    public void aNewDeviceKeepsItsPasswordOnlyAsAHashAndItsSerialOnce() {
        Device stored = fx.store.inTransaction(
                () -> fx.deviceStore().devices().findBySerial(SERIAL).orElseThrow());
        assertTrue(stored.passwordHash().startsWith("$argon2id$"), stored.passwordHash());
        assertFalse(stored.passwordHash().contains("pump-7731"));
        DeviceCard card = sdk.devices().card(engineer, SERIAL);
        assertEquals("", card.device().passwordHash(), "the card never carries the hash");
        assertEquals(DeviceStatus.CREATED, card.device().status());
        assertEquals(List.of("country", "region", "objectType"), card.missingFields());
        refused(ErrorCode.DEVICE_SERIAL_TAKEN, "serial", () -> sdk.deviceSteps().create(engineer, "hp-2026-0001",
                "TN-12", PRINTED));
        refused(ErrorCode.FIELD_MALFORMED, "serial", () -> sdk.deviceSteps().create(engineer, "HP 2026/2", "TN-12",
                PRINTED));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.deviceSteps().create(partner.admin(), "HP-9", "TN-12", PRINTED));
    }

    @Test
    public void theNextStatusNeedsTheEngineersOwnPasswordAgain() {
        refused(ErrorCode.STEP_UP_FAILED, "password", () -> sdk.deviceSteps().advance(engineer, SERIAL,
                "guess".toCharArray()));
        refused(ErrorCode.STEP_UP_FAILED, "password", () -> sdk.deviceSteps().advance(engineer, SERIAL, null));
        assertEquals(DeviceStatus.CREATED, sdk.devices().card(engineer, SERIAL).device().status(), "nothing moved");
        assertEquals(DeviceStatus.PRODUCED, sdk.deviceSteps().advance(engineer, SERIAL,
                engineerPassword()).device().status());
        List<JournalEntry> history = sdk.devices().history(engineer, SERIAL, null, 100);
        assertEquals("ADVANCE", history.get(history.size() - 1).event());
        assertEquals(engineer.describe(), history.get(history.size() - 1).actor());

        // The two wrong passwords above still count; the right one did not, nor does a step the table refuses.
        for (int i = 0; i < 20; i++) {
            refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> sdk.deviceSteps().commission(engineer, SERIAL,
                    "guess".toCharArray()));
        }
        for (int i = 0; i < 8; i++) {
            refused(ErrorCode.STEP_UP_FAILED, () -> sdk.deviceSteps().advance(engineer, SERIAL, "guess".toCharArray()));
        }
        LatchkeyException limited = refused(ErrorCode.TOO_MANY_ATTEMPTS,
                () -> sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword()));
        assertEquals(ErrorCategory.RATE_LIMITED, limited.category());
        // Even limited, a step the table refuses says so first.
        refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> sdk.deviceSteps().commission(engineer, SERIAL,
                engineerPassword()));
    }

    @Test
    public void commissioningByHandNeedsToKnowWhereTheDeviceStands() {
        advanceTo(DeviceStatus.RELEASED);
        refused(ErrorCode.DEVICE_DETAILS_MISSING, "country", () -> sdk.deviceSteps().commission(engineer, SERIAL,
                engineerPassword()));
        sdk.claims().updateDetails(engineer, SERIAL, new DeviceDetails("RU", "Свердловская область", "PRIVATE_HOUSE",
                null, null));
        DeviceCard card = sdk.deviceSteps().commission(engineer, SERIAL, engineerPassword());
        assertEquals(DeviceStatus.IN_OPERATION, card.device().status());
        assertEquals(ZoneId.of("Asia/Yekaterinburg"), card.device().timezone());
    }

    @Test
    public void theFirstConnectionAfterReleasePutsTheDeviceIntoOperationOnce() {
        Actor pump = sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.5");
        sdk.telemetry().report(pump, SERIAL, at(ReportType.CONNECT, "2026-11-23T09:00:00Z"));
        assertEquals(DeviceStatus.CREATED, sdk.devices().card(engineer, SERIAL).device().status(), "factory tests");
        advanceTo(DeviceStatus.SHIPPED);

        sdk.telemetry().report(pump, SERIAL, at(ReportType.CONNECT, "2026-11-23T09:30:00Z"));
        DeviceCard card = sdk.devices().card(engineer, SERIAL);
        assertEquals(DeviceStatus.IN_OPERATION, card.device().status());
        assertEquals(fx.clock.instant(), card.device().autoCommissionedAt());

        sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword());
        sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword());
        sdk.deviceSteps().setStatus(fx.operatorAdmin, SERIAL, DeviceStatus.SHIPPED, "sent back for repair");
        sdk.telemetry().report(pump, SERIAL, at(ReportType.CONNECT, "2026-11-23T09:45:00Z"));
        assertEquals(DeviceStatus.SHIPPED, sdk.devices().card(engineer, SERIAL).device().status(), "once in its life");
        long automatic = sdk.devices().history(engineer, SERIAL, null, 100).stream().filter(e -> e.event().equals("FIRST_CONNECT"))
                .count();
        assertEquals(1, automatic);
    }

    @Test
    public void aDeviceSigningInHasItsPasswordHashedAgainUnderNewerParameters() {
        PasswordHasher stronger = PasswordHasher.argon2id(RandomSource.seeded(5), 512, 1, 1);
        Latchkey upgraded = Latchkey.builder().store(fx.store).clock(fx.clock).masterKey(Fixture.MASTER_KEY)
                .passwordHasher(stronger).build();

        upgraded.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.5");

        String hash = fx.store.inTransaction(() -> fx.deviceStore().devices().findBySerial(SERIAL)).orElseThrow()
                .passwordHash();
        assertTrue(hash.startsWith("$argon2id$v=19$m=512,t=1,p=1$"), hash);
        assertEquals(Actors.device(SERIAL), sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.5"),
                "the old hasher still verifies the new hash");
    }

    @Test
    public void onlyTheDeviceItselfReportsWhatItDoes() {
        for (Actor staff : new Actor[] {engineer, fx.operatorAdmin}) {
            refused(ErrorCode.PERMISSION_DENIED, () -> sdk.telemetry().report(staff, SERIAL,
                    at(ReportType.CONNECT, "2026-11-23T09:45:00Z")));
        }
        assertEquals(null, sdk.devices().card(engineer, SERIAL).device().lastConnectAt());
        Actor pump = sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.5");
        sdk.telemetry().report(pump, SERIAL, at(ReportType.CONNECT, "2026-11-23T09:45:00Z"));
        assertEquals(Instant.parse("2026-11-23T09:45:00Z"), sdk.devices().card(engineer, SERIAL).device()
                .lastConnectAt());
    }

    @Test
    public void alarmCodesAreFromASafeAlphabetAndADeviceKeepsBoundedManyOfThem() {
        Actor pump = sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.5");
        Instant t = Instant.parse("2026-11-23T09:00:00Z");
        // Once stored as a line of "code active time", this code would have read back as two more alarms.
        for (String bad : new String[] {"E1 true 0\nE2", "E 1", "x".repeat(33), "Е1"}) {
            refused(ErrorCode.FIELD_MALFORMED, "code", () -> sdk.telemetry().report(pump, SERIAL,
                    new DeviceReport(ReportType.ALARM, t, bad, null)));
        }
        for (int i = 0; i < Alarm.MAX_RAISED; i++) {
            sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.ALARM, t.plusSeconds(i), "E" + i, null));
        }
        refused(ErrorCode.DEVICE_ALARMS_FULL, "code", () -> sdk.telemetry().report(pump, SERIAL,
                new DeviceReport(ReportType.ALARM, t.plusSeconds(100), "E-more", null)));
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.ALARM_CLEARED, t.plusSeconds(101), "E0", null));
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.ALARM, t.plusSeconds(102), "E-more", null));
        for (int i = 0; i < 100; i++) {
            sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.ALARM_CLEARED, t.plusSeconds(200 + i),
                    "made.up_" + i, null));
        }

        Device stored = sdk.devices().card(engineer, SERIAL).device();
        assertEquals(Alarm.MAX_RAISED, stored.activeAlarms().size());
        assertTrue(stored.activeAlarms().contains("E-more"));
        assertEquals(64, stored.alarms().size(), "raised ones stay; of the cleared, the latest");
        assertTrue(stored.alarms().stream().anyMatch(a -> a.code().equals("made.up_99")));
        assertTrue(stored.alarms().stream().noneMatch(a -> a.code().equals("E0")), "the oldest cleared went first");
    }

    @Test
    public void reportsOlderThanWhatIsStoredAreIgnoredAndOnlineFollowsTheTimeout() {
        Actor pump = sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.5");
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.CONNECT,
                Instant.parse("2026-11-23T09:58:00Z"), null, Connectivity.GSM));
        sdk.telemetry().report(pump, SERIAL, at(ReportType.DATA, "2026-11-23T09:59:00Z"));
        sdk.telemetry().report(pump, SERIAL, at(ReportType.DATA, "2026-11-23T09:50:00Z"));
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.ALARM, Instant.parse("2026-11-23T09:59:30Z"),
                "E42", null));
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.ALARM_CLEARED,
                Instant.parse("2026-11-23T09:59:10Z"), "E42", null));
        DeviceCard card = sdk.devices().card(engineer, SERIAL);
        assertEquals(Instant.parse("2026-11-23T09:59:00Z"), card.device().lastDataAt());
        assertEquals(Connectivity.GSM, card.device().connectivity());
        assertEquals(List.of("E42"), card.activeAlarms(), "the older clearing is ignored");
        assertTrue(card.online());

        fx.clock.advance(Duration.ofMinutes(10));
        assertFalse(sdk.devices().card(engineer, SERIAL).online(), "silent for longer than the timeout");
        sdk.telemetry().report(pump, SERIAL, at(ReportType.DATA, "2026-11-23T10:09:00Z"));
        assertTrue(sdk.devices().card(engineer, SERIAL).online());
        sdk.telemetry().report(pump, SERIAL, at(ReportType.DISCONNECT, "2026-11-23T10:09:30Z"));
        DeviceCard offline = sdk.devices().card(engineer, SERIAL);
        assertFalse(offline.online());
        assertEquals(Instant.parse("2026-11-23T10:09:30Z"), offline.device().lastDisconnectAt());
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.ALARM_CLEARED,
                Instant.parse("2026-11-23T10:09:40Z"), "E42", null));
        assertEquals(List.of(), sdk.devices().card(engineer, SERIAL).activeAlarms());

        sdk.telemetry().report(pump, SERIAL, at(ReportType.DATA, "2027-01-01T00:00:00Z"));
        assertEquals(fx.clock.instant(), sdk.devices().card(engineer, SERIAL).device().lastDataAt(),
                "a device clock ahead of ours counts as now");
    }

    @Test
    public void aPartnerClaimsWithThePrintedPasswordAndThenFillsInTheDetails() {
        refused(ErrorCode.DEVICE_NOT_FOUND, () -> sdk.devices().card(partner.admin(), SERIAL));
        refused(ErrorCode.DEVICE_PASSWORD_WRONG, "devicePassword",
                () -> sdk.claims().claim(partner.admin(), SERIAL, partner.id(), "wrong".toCharArray()));
        refused(ErrorCode.DEVICE_PASSWORD_WRONG, "devicePassword",
                () -> sdk.claims().claim(partner.admin(), "HP-NO-SUCH", partner.id(), PRINTED));

        DeviceCard claimed = sdk.claims().claim(partner.admin(), SERIAL, partner.id(), PRINTED);
        assertEquals(partner.id(), claimed.device().responsiblePartner());
        assertEquals(claimed.device(), sdk.claims().claim(partner.admin(), SERIAL, partner.id(), PRINTED).device(),
                "claiming again changes nothing");
        assertEquals(List.of("country", "region", "objectType"), sdk.devices().card(partner.manager(),
                SERIAL).missingFields());

        refused(ErrorCode.VALUE_NOT_IN_LIST, "country", () -> sdk.claims().updateDetails(partner.manager(), SERIAL,
                new DeviceDetails("XX", "Москва", "OFFICE", null, null)));
        refused(ErrorCode.VALUE_NOT_IN_LIST, "region", () -> sdk.claims().updateDetails(partner.manager(), SERIAL,
                new DeviceDetails("PL", "Москва", "OFFICE", null, null)));
        refused(ErrorCode.VALUE_NOT_IN_LIST, "objectType", () -> sdk.claims().updateDetails(partner.manager(), SERIAL,
                new DeviceDetails("PL", "mazowieckie", "CASTLE", null, null)));
        DeviceCard filled = sdk.claims().updateDetails(partner.manager(), SERIAL,
                new DeviceDetails("PL", "mazowieckie", "OFFICE", "Jan Kowalski, biuro", "pompa w piwnicy"));
        assertEquals(List.of(), filled.missingFields());
        assertEquals(ZoneId.of("Europe/Warsaw"), filled.device().timezone());
        assertEquals("Jan Kowalski, biuro", filled.device().ownerText());

        Partner other = fx.partner();
        refused(ErrorCode.DEVICE_ALREADY_CLAIMED, () -> sdk.claims().claim(other.admin(), SERIAL, other.id(), PRINTED));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.claims().claim(other.admin(), SERIAL, partner.id(),
                PRINTED));
        refused(ErrorCode.DEVICE_NOT_FOUND, () -> sdk.devices().card(other.admin(), SERIAL));
        refused(ErrorCode.DEVICE_NOT_FOUND, () -> sdk.claims().updateDetails(other.admin(), SERIAL,
                new DeviceDetails("PL", "mazowieckie", "OFFICE", null, null)));
        // The responsible partner sees the device but takes no status step.
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.deviceSteps().advance(partner.admin(), SERIAL,
                engineerPassword()));
    }

    @Test
    public void aSourceGuessingDevicePasswordsLocksOutItselfNeverTheDevice() {
        for (int i = 0; i < 10; i++) {
            refused(ErrorCode.DEVICE_PASSWORD_WRONG, () -> sdk.telemetry().authenticateDevice(SERIAL,
                    "guess".toCharArray(), "10.0.0.9"));
        }
        LatchkeyException limited = refused(ErrorCode.TOO_MANY_ATTEMPTS,
                () -> sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.9"));
        assertEquals(Duration.ofMinutes(15), limited.retryAfter().orElseThrow());
        // The device itself, from its own address, goes on reporting.
        for (int i = 0; i < 12; i++) {
            assertEquals(Actor.Kind.DEVICE, sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.10").kind());
        }
        // A source that guessed at serials that do not exist is held back the same.
        for (int i = 0; i < 10; i++) {
            refused(ErrorCode.DEVICE_PASSWORD_WRONG, () -> sdk.telemetry().authenticateDevice("HP-NONE",
                    PRINTED, "10.0.0.11"));
        }
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.11"));

        fx.clock.advance(Duration.ofMinutes(15));
        sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.9");
    }

    @Test
    public void aDeviceGuessedFromManySourcesLetsInOnlySourcesThatHaveNotFailed() {
        for (int i = 0; i < 100; i++) {
            String source = "10.1." + (i / 10) + "." + i;
            refused(ErrorCode.DEVICE_PASSWORD_WRONG, () -> sdk.telemetry().authenticateDevice(SERIAL,
                    "guess".toCharArray(), source));
        }
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.1.0.3"));
        assertEquals(Actor.Kind.DEVICE, sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.10").kind());
        refused(ErrorCode.DEVICE_PASSWORD_WRONG, () -> sdk.telemetry().authenticateDevice(SERIAL,
                "guess".toCharArray(), "10.2.0.1"));
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.telemetry().authenticateDevice(SERIAL,
                "guess".toCharArray(), "10.2.0.1"));
    }

    @Test
    public void claimsAreCountedPerMemberApartFromTheDevicesSignIn() {
        Partner other = fx.partner();
        for (int i = 0; i < 10; i++) {
            refused(ErrorCode.DEVICE_PASSWORD_WRONG,
                    () -> sdk.claims().claim(other.admin(), SERIAL, other.id(), "guess".toCharArray()));
        }
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.claims().claim(other.admin(), "HP-ANOTHER", other.id(),
                PRINTED));
        // Neither the device nor the partner that holds its password is locked out by another's guesses.
        sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.10");
        assertEquals(partner.id(), sdk.claims().claim(partner.admin(), SERIAL, partner.id(), PRINTED).device()
                .responsiblePartner());
        fx.clock.advance(Duration.ofMinutes(15));
        refused(ErrorCode.DEVICE_ALREADY_CLAIMED, () -> sdk.claims().claim(other.admin(), SERIAL, other.id(),
                PRINTED));
    }

    @Test
    public void anEngineerAssignsThePartnerFoundByIdOrName() {
        Organization found = fx.latchkey.organizations().searchPartners(engineer, partner.organization().name()
                .toLowerCase(java.util.Locale.ROOT).substring(2), null, 10).get(0);
        assertEquals(partner.id(), found.id());
        assertEquals(List.of(partner.organization()), fx.latchkey.organizations().searchPartners(engineer,
                partner.id().toString(), null, 10));
        DeviceCard assigned = sdk.deviceSteps().assignPartner(engineer, SERIAL, partner.id());
        assertEquals(partner.id(), assigned.device().responsiblePartner());
        refused(ErrorCode.NOT_A_PARTNER, "partnerId", () -> sdk.deviceSteps().assignPartner(engineer, SERIAL,
                fx.operator.id()));
        refused(ErrorCode.DEVICE_NOT_FOUND, () -> sdk.deviceSteps().assignPartner(fx.partner().admin(), SERIAL,
                partner.id()));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.deviceSteps().assignPartner(partner.admin(), SERIAL,
                partner.id()));
    }

    @Test
    public void theOwnerRegistersFromTheAppAndAloneSeesTheNickname() {
        Owners.OwnerRegistered registered = sdk.owners().registerOwner(SERIAL, PRINTED, new OwnerRegistration(
                "8 912 345-67-89", "8970 1990 1234 5678 901", "RU", "Свердловская область", "Дача", null), "app");
        assertEquals("Дача", registered.card().device().ownerNickname());
        assertEquals(ZoneId.of("Asia/Yekaterinburg"), registered.card().device().timezone());
        assertNull(sdk.devices().card(engineer, SERIAL).device().ownerNickname(), "staff never see the nickname");
        assertEquals(registered.card().device().owner(), sdk.devices().card(engineer, SERIAL).device().owner());

        sdk.deviceSteps().create(engineer, "HP-2026-0002", "TN-12", PRINTED);
        Owners.OwnerRegistered second = sdk.owners().registerOwner("HP-2026-0002", PRINTED, new OwnerRegistration(
                "+7 (912) 345-67-89", "89701990123456789", "RU", "Москва", "Дом", "owner@example.test"), "app");
        Actor owner = registered.newOwner().orElseThrow();
        assertEquals(registered.card().device().owner(), second.card().device().owner(), "found by phone, not twice");
        assertTrue(second.newOwner().isEmpty(), "a phone number alone opens no session of a known customer");
        assertEquals(2, sdk.devices().search(owner, null, null, null, null, null, 10).size());
        assertEquals(List.of(SERIAL, "HP-2026-0002"), serials(sdk.devices().search(engineer, null, null, null,
                "+79123456789", null, 10)));
        Customer customer = fx.latchkey.accounts().attachEmail(owner, "Owner.New@example.test");
        assertEquals("owner.new@example.test", customer.email());

        refused(ErrorCode.DEVICE_PASSWORD_WRONG, () -> sdk.owners().registerOwner(SERIAL, "x".toCharArray(),
                new OwnerRegistration("+48601234567", "123456789", "PL", "mazowieckie", null, null), "app"));
        refused(ErrorCode.PHONE_INVALID, "phone", () -> sdk.owners().registerOwner(SERIAL, PRINTED,
                new OwnerRegistration("601234567", "123456789", "PL", "mazowieckie", null, null), "app"));
        refused(ErrorCode.FIELD_MALFORMED, "sim", () -> sdk.owners().registerOwner(SERIAL, PRINTED,
                new OwnerRegistration("+48601234567", "SIM-1", "PL", "mazowieckie", null, null), "app"));
        refused(ErrorCode.DEVICE_HAS_OWNER, () -> sdk.owners().registerOwner(SERIAL, PRINTED, new OwnerRegistration(
                "+48601234567", "123456789", "PL", "mazowieckie", null, null), "app"));
        refused(ErrorCode.DEVICE_NOT_FOUND, () -> sdk.devices().card(owner, "HP-NOT-MINE"));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.telemetry().report(owner, SERIAL,
                at(ReportType.DATA, "2026-11-23T09:00:00Z")));
    }

    @Test
    public void searchesFindBySerialStatusAndPartnerWithinTheActorsView() {
        sdk.deviceSteps().create(engineer, "HP-2026-0002", "TN-16", PRINTED);
        sdk.deviceSteps().create(engineer, "XP-1", "TN-16", PRINTED);
        sdk.deviceSteps().advance(engineer, "XP-1", engineerPassword());
        sdk.claims().claim(partner.admin(), "HP-2026-0002", partner.id(), PRINTED);

        assertEquals(List.of("HP-2026-0001", "HP-2026-0002"), serials(sdk.devices().search(engineer, "hp-2026", null,
                null, null, null, 10)));
        assertEquals(List.of("XP-1"), serials(sdk.devices().search(engineer, null, DeviceStatus.PRODUCED, null, null,
                null, 10)));
        assertEquals(List.of("HP-2026-0002"), serials(sdk.devices().search(engineer, null, null, partner.id(), null,
                null, 10)));
        assertEquals(List.of("HP-2026-0002"), serials(sdk.devices().search(partner.manager(), null, null, null, null,
                null,
                10)), "a partner sees what it is responsible for");
        assertEquals(List.of("HP-2026-0002", "XP-1"), serials(sdk.devices().search(engineer, null, null, null, null,
                "HP-2026-0001", 10)));
        assertEquals(List.of(), sdk.devices().search(engineer, "_", null, null, null, null, 10),
                "wildcards are literal");
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.devices().search(fx.partner().admin(), null, null,
                partner.id(), null, null, 10));
    }

    @Test
    public void theManualComesFromTheCatalogByModel() {
        DeviceCatalog catalog = DeviceCatalog.defaults().withManual("TN-12",
                URI.create("https://example.test/tn-12.pdf"));
        assertEquals(URI.create("https://example.test/tn-12.pdf"), catalog.manual("TN-12").orElseThrow());
        assertTrue(catalog.manual("TN-16").isEmpty());
        assertTrue(sdk.devices().card(engineer, SERIAL).manual().isEmpty());
    }

    private static List<String> serials(List<DeviceCard> cards) {
        return cards.stream().map(c -> c.device().serial()).toList();
    }
}
