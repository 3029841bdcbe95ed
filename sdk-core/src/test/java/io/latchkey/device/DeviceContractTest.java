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
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
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
import java.util.Map;
import java.util.Optional;
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
    public void theStatusIsALineAndNextStatusMovesOneStepAlongIt() {
        // "Создан → Произведен → Выпущен → Отгружен → Эксплуатируется → В сервисе → Выведен"
        List<DeviceStatus> line = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            line.add(sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword()).device().status());
        }
        assertEquals(List.of(DeviceStatus.PRODUCED, DeviceStatus.RELEASED, DeviceStatus.SHIPPED,
                DeviceStatus.IN_OPERATION, DeviceStatus.IN_SERVICE, DeviceStatus.DECOMMISSIONED), line);
        refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> sdk.deviceSteps().advance(engineer, SERIAL,
                engineerPassword()));
    }

    @Test
    public void anyOtherMoveIsTheServerAdministratorsAloneWithAReason() {
        // "Ручной перевод статуса на любой из списка доступен только Администратору сервера."
        advanceTo(DeviceStatus.IN_SERVICE);
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.deviceSteps().setStatus(engineer, SERIAL,
                DeviceStatus.IN_OPERATION, "back from the service"));
        refused(ErrorCode.FIELD_REQUIRED, "reason", () -> sdk.deviceSteps().setStatus(fx.operatorAdmin, SERIAL,
                DeviceStatus.IN_OPERATION, " "));
        assertEquals(DeviceStatus.IN_OPERATION, sdk.deviceSteps().setStatus(fx.operatorAdmin, SERIAL,
                DeviceStatus.IN_OPERATION, "back from the service").device().status());
        JournalEntry back = last(sdk.devices().history(engineer, SERIAL, null, 100));
        assertEquals(List.of("SET_IN_OPERATION", "IN_SERVICE", "IN_OPERATION",
                        "back from the service; asks for country, region, objectType"),
                List.of(back.event(), back.fromState(), back.toState(), back.reason()));
        sdk.deviceSteps().setStatus(fx.operatorAdmin, SERIAL, DeviceStatus.DECOMMISSIONED, "flooded");
        assertEquals("flooded", sdk.devices().card(engineer, SERIAL).device()
                .fact(StageField.DECOMMISSIONING_REASON).orElseThrow().value(), "the move's reason is the stage's");
        assertEquals(DeviceStatus.SHIPPED, sdk.deviceSteps().setStatus(fx.operatorAdmin, SERIAL,
                DeviceStatus.SHIPPED, "written off by mistake").device().status(), "even leaving DECOMMISSIONED");
    }

    @Test
    public void commissioningByHandIsNeverRefusedForMissingDetailsButAsksForThem() {
        // "Либо сотрудник службы сервиса нажимает в карточке насоса на кнопку «Ввести в эксплуатацию»"
        advanceTo(DeviceStatus.RELEASED);
        fx.mail.clear();
        DeviceCard card = sdk.deviceSteps().commission(engineer, SERIAL, engineerPassword());
        assertEquals(DeviceStatus.IN_OPERATION, card.device().status());
        DataRequest request = card.device().dataRequest();
        assertEquals(List.of("country", "region", "objectType"), request.fields());
        assertEquals(DeviceStatus.IN_OPERATION, request.status());
        assertEquals(fx.clock.instant(), request.openedAt());

        // No partner answers for it yet: the operator's people who may fill it in are told, each in its language.
        fx.runDueWork();
        Notification toEngineer = fx.mail.last(Templates.DEVICE_DATA_REQUESTED, engineerEmail());
        assertEquals("страна установки, регион установки, тип объекта", toEngineer.parameter("fields"));
        assertEquals("Эксплуатируется", toEngineer.parameter("status"));
        assertEquals("https://portal.example.test/devices/" + SERIAL, toEngineer.parameter("link"));
        assertEquals("country of installation, region of installation, object type",
                fx.mail.last(Templates.DEVICE_DATA_REQUESTED, "admin@operator.test").parameter("fields"));

        DeviceCard located = sdk.claims().updateDetails(engineer, SERIAL, new DeviceDetails("RU",
                "Свердловская область", "PRIVATE_HOUSE", null, null));
        assertNull(located.device().dataRequest(), "closed once its fields are filled");
        assertEquals(ZoneId.of("Asia/Yekaterinburg"), located.device().timezone());
    }

    @Test
    public void nextStatusAsksTheResponsiblePartnerForWhatTheNewStatusNeeds() {
        // "кнопка … которая будет переводить на следующий статус и запускать запрос доп.данных, если применимо"
        sdk.claims().claim(partner.admin(), SERIAL, partner.id(), PRINTED);
        advanceTo(DeviceStatus.SHIPPED);
        assertNull(sdk.devices().card(engineer, SERIAL).device().dataRequest(), "the warehouse needs nothing");
        fx.mail.clear();
        sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword());
        fx.runDueWork();
        assertEquals("kraj instalacji, region instalacji, typ obiektu", fx.mail.last(Templates.DEVICE_DATA_REQUESTED,
                partner.managerMember().email()).parameter("fields"));
        assertEquals(List.of(), fx.mail.deliveredTo(engineerEmail()), "the partner answers for it, not the operator");
        sdk.claims().updateDetails(partner.manager(), SERIAL, new DeviceDetails("PL", "mazowieckie", "OFFICE",
                null, null));

        DeviceCard inService = sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword());
        assertEquals(List.of("serviceReason"), inService.device().dataRequest().fields());
        DeviceCard given = sdk.deviceSteps().fill(partner.manager(), SERIAL, Map.of(StageField.SERVICE_REASON,
                "шум компрессора"));
        assertNull(given.device().dataRequest());
        JournalEntry fill = last(sdk.devices().history(engineer, SERIAL, null, 100));
        assertEquals(List.of("FILL_DATA", "serviceReason"), List.of(fill.event(), fill.reason()));

        DeviceCard out = sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword());
        assertEquals(DeviceStatus.DECOMMISSIONED, out.device().status());
        assertEquals(List.of("decommissioningReason"), out.device().dataRequest().fields());
    }

    @Test
    public void eachStageRecordsWhatItAddsWithWhoAndWhen() {
        // "На каждой из этих стадий появляются / изменяются регистрационные и общие информационные данные"
        Instant t0 = fx.clock.instant();
        refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> sdk.deviceSteps().fill(engineer, SERIAL,
                Map.of(StageField.FIRMWARE, "2.4.1")));
        sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword());
        refused(ErrorCode.DEVICE_STAGE_NOT_REACHED, "consignee", () -> sdk.deviceSteps().fill(engineer, SERIAL,
                Map.of(StageField.CONSIGNEE, "ООО Тепло")));
        refused(ErrorCode.FIELD_MALFORMED, "productionDate", () -> sdk.deviceSteps().fill(engineer, SERIAL,
                Map.of(StageField.PRODUCTION_DATE, "2020-01-01T00:00:00Z")));
        refused(ErrorCode.FIELD_TOO_LONG, "firmware", () -> sdk.deviceSteps().fill(engineer, SERIAL,
                Map.of(StageField.FIRMWARE, "9".repeat(65))));
        refused(ErrorCode.FIELD_REQUIRED, "values", () -> sdk.deviceSteps().fill(engineer, SERIAL, Map.of()));
        sdk.deviceSteps().fill(engineer, SERIAL, Map.of(StageField.FIRMWARE, "2.4.1"));
        fx.clock.advance(Duration.ofDays(1));
        Instant t1 = fx.clock.instant();
        sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword());
        sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword());
        sdk.deviceSteps().fill(engineer, SERIAL, Map.of(StageField.CONSIGNEE, "ООО Тепло"));
        sdk.claims().claim(partner.admin(), SERIAL, partner.id(), PRINTED);
        fx.clock.advance(Duration.ofDays(1));
        Instant t2 = fx.clock.instant();
        sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword());
        fx.clock.advance(Duration.ofDays(1));
        Instant t3 = fx.clock.instant();
        sdk.deviceSteps().setStatus(fx.operatorAdmin, SERIAL, DeviceStatus.IN_SERVICE, "замена насоса");
        fx.clock.advance(Duration.ofDays(1));
        Instant t4 = fx.clock.instant();
        sdk.deviceSteps().setStatus(fx.operatorAdmin, SERIAL, DeviceStatus.IN_OPERATION, "отремонтирован");

        String by = engineer.describe();
        String admin = fx.operatorAdmin.describe();
        assertEquals(List.of(
                new StageFact(StageField.PRODUCTION_DATE, t0.toString(), by, t0),
                new StageFact(StageField.FIRMWARE, "2.4.1", by, t0),
                new StageFact(StageField.RELEASE_DATE, t1.toString(), by, t1),
                new StageFact(StageField.SHIPMENT_DATE, t1.toString(), by, t1),
                new StageFact(StageField.CONSIGNEE, "ООО Тепло", by, t1),
                new StageFact(StageField.INSTALLER, partner.id().toString(), by, t2),
                new StageFact(StageField.COMMISSIONING_DATE, t2.toString(), by, t2),
                new StageFact(StageField.SERVICE_OPENED, t3.toString(), admin, t3),
                new StageFact(StageField.SERVICE_REASON, "замена насоса", admin, t3),
                new StageFact(StageField.SERVICE_CLOSED, t4.toString(), admin, t4)),
                sdk.devices().card(partner.manager(), SERIAL).device().facts(),
                "commissioned once: the return from the service keeps its date");

        // A new visit to the service starts afresh: its own opening, and a reason asked for again.
        fx.clock.advance(Duration.ofDays(1));
        Device again = sdk.deviceSteps().advance(engineer, SERIAL, engineerPassword()).device();
        assertEquals(fx.clock.instant().toString(), again.fact(StageField.SERVICE_OPENED).orElseThrow().value());
        assertTrue(again.fact(StageField.SERVICE_REASON).isEmpty());
        assertTrue(again.fact(StageField.SERVICE_CLOSED).isEmpty());
        assertEquals(List.of("country", "region", "objectType", "serviceReason"), again.dataRequest().fields());
    }

    @Test
    public void thePartnerThatFirstTakesOnAPumpInTheFieldIsItsInstaller() {
        advanceTo(DeviceStatus.IN_OPERATION);
        assertTrue(sdk.devices().card(engineer, SERIAL).device().fact(StageField.INSTALLER).isEmpty(),
                "installed by someone we do not know");
        sdk.deviceSteps().assignPartner(engineer, SERIAL, partner.id());
        Partner other = fx.partner();
        sdk.deviceSteps().assignPartner(engineer, SERIAL, other.id());
        assertEquals(partner.id().toString(), sdk.devices().card(engineer, SERIAL).device()
                .fact(StageField.INSTALLER).orElseThrow().value());
    }

    @Test
    public void theFirstConnectionReceivedAfterReleasePutsThePumpIntoOperationOnce() {
        // "По триггеру первого после перевода в статус «Выпущен» входа насоса в сеть … Эксплуатируется"
        Actor pump = sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.5");
        Instant factoryTest = fx.clock.instant();
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.CONNECT, factoryTest, null, null));
        assertEquals(DeviceStatus.CREATED, sdk.devices().card(engineer, SERIAL).device().status(), "factory tests");
        fx.clock.advance(Duration.ofHours(1));
        advanceTo(DeviceStatus.SHIPPED);
        Instant released = fx.clock.instant();
        fx.clock.advance(Duration.ofHours(1));

        // A connection made before the release, delivered late, or replayed, never commissions it.
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.CONNECT, released.minusSeconds(1), null,
                null));
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.CONNECT, factoryTest, null, null));
        assertEquals(DeviceStatus.SHIPPED, sdk.devices().card(engineer, SERIAL).device().status());

        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.CONNECT, released.plusSeconds(60), null,
                null));
        DeviceCard card = sdk.devices().card(engineer, SERIAL);
        assertEquals(DeviceStatus.IN_OPERATION, card.device().status());
        assertEquals(fx.clock.instant(), card.device().autoCommissionedAt());
        assertEquals(List.of("country", "region", "objectType"), card.device().dataRequest().fields());

        sdk.deviceSteps().setStatus(fx.operatorAdmin, SERIAL, DeviceStatus.SHIPPED, "sent back for repair");
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.CONNECT, fx.clock.instant(), null, null));
        assertEquals(DeviceStatus.SHIPPED, sdk.devices().card(engineer, SERIAL).device().status(), "once in its life");
        assertEquals(1, sdk.devices().history(engineer, SERIAL, null, 100).stream()
                .filter(e -> e.event().equals("FIRST_CONNECT")).count());
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
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.ALARM_CLEARED, t.plusSeconds(101), "E0",
                null));
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
        assertEquals(Instant.parse("2026-11-23T09:59:00Z"), card.device().lastDataReportedAt());
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
        sdk.telemetry().report(pump, SERIAL, at(ReportType.DATA, "2026-11-23T10:09:20Z"));
        assertFalse(sdk.devices().card(engineer, SERIAL).online(), "made before it disconnected");
        sdk.telemetry().report(pump, SERIAL, new DeviceReport(ReportType.ALARM_CLEARED,
                Instant.parse("2026-11-23T10:09:40Z"), "E42", null));
        assertEquals(List.of(), sdk.devices().card(engineer, SERIAL).activeAlarms());

        sdk.telemetry().report(pump, SERIAL, at(ReportType.DATA, "2027-01-01T00:00:00Z"));
        assertEquals(fx.clock.instant(), sdk.devices().card(engineer, SERIAL).device().lastDataReportedAt(),
                "a device clock ahead of ours counts as now");
    }

    @Test
    public void timeComesFromTheServerSoAPumpWhoseClockRunsSlowStaysOnline() {
        // "Дата и время получения последних данных": when the server received them.
        Actor pump = sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "10.0.0.5");
        Duration slow = Duration.ofHours(3);
        for (int minute = 0; minute < 60; minute += 5) {
            Instant pumpTime = fx.clock.instant().minus(slow);
            sdk.telemetry().report(pump, SERIAL, new DeviceReport(minute == 0 ? ReportType.CONNECT : ReportType.DATA,
                    pumpTime, null, null));
            DeviceCard card = sdk.devices().card(engineer, SERIAL);
            assertTrue(card.online(), "minute " + minute);
            if (minute > 0) {
                assertEquals(fx.clock.instant(), card.device().lastDataAt(), "received now");
                assertEquals(pumpTime, card.device().lastDataReportedAt(), "its own time, shown as such");
            }
            fx.clock.advance(Duration.ofMinutes(5));
        }
        assertEquals(fx.clock.instant().minus(Duration.ofHours(4)), sdk.devices().card(engineer, SERIAL).device()
                .lastConnectAt(), "connections are shown in the pump's own time");
        fx.clock.advance(Duration.ofMinutes(10));
        assertFalse(sdk.devices().card(engineer, SERIAL).online(), "silent for the timeout by the server's clock");
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
    public void theCardShowsTheManualOfItsModel() {
        // "Ссылка на pdf инструкцию по монтажу и эксплуатации (подгружается по модели ТН)"
        URI manual = URI.create("https://example.test/tn-12.pdf");
        Latchkey configured = Latchkey.builder().store(fx.store).clock(fx.clock).masterKey(Fixture.MASTER_KEY)
                .passwordHasher(fx.hasher).deviceCatalog(DeviceCatalog.defaults().withManual("TN-12", manual))
                .build();
        assertEquals(Optional.of(manual), configured.devices().card(engineer, SERIAL).manual());
        configured.deviceSteps().create(engineer, "HP-16", "TN-16", PRINTED);
        assertEquals(Optional.empty(), configured.devices().card(engineer, "HP-16").manual(), "no manual configured");
        assertEquals(Optional.empty(), sdk.devices().card(engineer, SERIAL).manual(), "the default catalog has none");
    }

    @Test
    public void theOwnerRenamesThePumpInTheAppWithoutRegisteringAgain() {
        // "Также Владелец как-то назовет свой насос, надо это где-то сохранить и использовать только для его
        // приложения."
        Actor owner = sdk.owners().registerOwner(SERIAL, PRINTED, new OwnerRegistration("+79123456789", "123456789",
                "RU", "Москва", "Дача", null), "app").newOwner().orElseThrow();
        assertEquals("Баня", sdk.owners().rename(owner, SERIAL, "Баня").device().ownerNickname());
        assertEquals("Баня", sdk.devices().card(owner, SERIAL).device().ownerNickname());
        assertNull(sdk.devices().card(engineer, SERIAL).device().ownerNickname(), "the owner's only");
        JournalEntry renamed = last(sdk.devices().history(engineer, SERIAL, null, 100));
        assertEquals("RENAME", renamed.event());
        assertNull(renamed.reason(), "the journal, which staff read, keeps no nickname");
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.owners().rename(engineer, SERIAL, "Склад"));
        refused(ErrorCode.FIELD_TOO_LONG, "nickname", () -> sdk.owners().rename(owner, SERIAL, "x".repeat(101)));
    }

    @Test
    public void theFeedbackEmailIsAttachedEvenWhenTheCustomerAlreadyExists() {
        // "Если Владелец обратится через форму обратной связи по email …, привязываем к карточке юзера его email."
        Actor owner = sdk.owners().registerOwner(SERIAL, PRINTED, new OwnerRegistration("+79123456789", "123456789",
                "RU", "Москва", null, null), "app").newOwner().orElseThrow();
        sdk.deviceSteps().create(engineer, "HP-2026-0002", "TN-12", PRINTED);
        sdk.owners().registerOwner("HP-2026-0002", PRINTED, new OwnerRegistration("+79123456789", "123456789", "RU",
                "Москва", null, "Owner@Example.test"), "app");
        assertEquals("owner@example.test", customer(owner).email());
        sdk.deviceSteps().create(engineer, "HP-2026-0003", "TN-12", PRINTED);
        sdk.owners().registerOwner("HP-2026-0003", PRINTED, new OwnerRegistration("+79123456789", "123456789", "RU",
                "Москва", null, "stranger@example.test"), "app");
        assertEquals("owner@example.test", customer(owner).email(), "a phone number alone replaces no address");
    }

    private Customer customer(Actor owner) {
        return fx.store.inTransaction(() -> fx.partyStore().customers()
                .find(io.latchkey.access.CustomerId.parse(owner.subject())).orElseThrow());
    }

    private String engineerEmail() {
        return fx.store.inTransaction(() -> fx.partyStore().members().find(engineer.memberId().orElseThrow())
                .orElseThrow().email());
    }

    private static JournalEntry last(List<JournalEntry> history) {
        return history.get(history.size() - 1);
    }

    private static List<String> serials(List<DeviceCard> cards) {
        return cards.stream().map(c -> c.device().serial()).toList();
    }
}
