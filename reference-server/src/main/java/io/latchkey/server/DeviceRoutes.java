package io.latchkey.server;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.device.Connectivity;
import io.latchkey.device.Device;
import io.latchkey.device.DeviceCard;
import io.latchkey.device.DeviceDetails;
import io.latchkey.device.DeviceReport;
import io.latchkey.device.DeviceStatus;
import io.latchkey.device.OwnerRegistration;
import io.latchkey.device.Owners.OwnerRegistered;
import io.latchkey.device.ReportType;
import io.latchkey.device.StageField;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.party.Accounts;
import io.latchkey.server.Api.Page;
import io.latchkey.server.Views.DeviceView;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Devices: registered at the factory, moved along their statuses by engineers, claimed and described by
 * partners, registered by their owners from the app, and reporting from the field. The device itself and the
 * app sign in with HTTP Basic (the serial and the password printed on the device); everyone else with a token.
 */
final class DeviceRoutes {

    /** What can be a serial at all (the SDK's rule, case aside): anything else in a path names no device. */
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    record NewDevice(String serial, String model, String password) {
    }

    record Password(String password) {
    }

    record StatusChange(DeviceStatus status, String reason) {
    }

    record Claim(String serial, String partnerId, String devicePassword) {
    }

    record Details(String country, String region, String objectType, String owner, String note) {
    }

    record Fill(Map<String, String> fields) {
    }

    record Partner(String partnerId) {
    }

    record OwnerBody(String phone, String sim, String country, String region, String nickname, String email) {
    }

    record Event(ReportType type, String at, String code, Connectivity connectivity) {
    }

    record Nickname(String nickname) {
    }

    /** A session for the owner's app: the bearer token and when it stops working. */
    record Session(String token, Instant expiresAt) {
    }

    /** The owner's card, and a session when the registration made the customer (else null). */
    record Registered(DeviceView device, Session session) {
    }

    /** HTTP Basic credentials: the serial and the device password. */
    private record Basic(String serial, char[] password) {
    }

    private DeviceRoutes() {
    }

    static void declare(Api api) {
        api.area("Devices");
        api.post("/api/v1/devices").body(NewDevice.class).status(201)
                .summary("The operator registers a device (CREATED); its password is kept only as a hash")
                .handle(c -> {
                    NewDevice b = c.body(NewDevice.class);
                    return view(c, c.sdk.deviceSteps().create(c.actor(), b.serial(), b.model(),
                            Call.secret(b.password())));
                });
        api.post("/api/v1/devices/{serial}/advance").body(Password.class)
                .summary("The next status, confirmed with the engineer's own password").handle(c -> {
                    Password b = c.body(Password.class);
                    return view(c, c.sdk.deviceSteps().advance(c.actor(), serial(c), Call.secret(b.password())));
                });
        api.put("/api/v1/devices/{serial}/status").body(StatusChange.class)
                .summary("The server administrator sets any status, with a reason").handle(c -> {
                    StatusChange b = c.body(StatusChange.class);
                    return view(c, c.sdk.deviceSteps().setStatus(c.actor(), serial(c), b.status(), b.reason()));
                });
        api.post("/api/v1/devices/{serial}/fill").body(Fill.class)
                .summary("Record what a reached stage adds that people type: {\"fields\":{\"FIRMWARE\":\"…\"}}")
                .handle(c -> {
                    Fill b = c.body(Fill.class);
                    if (b.fields() == null || b.fields().isEmpty()) {
                        throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "fields", "fields");
                    }
                    Map<StageField, String> values = new EnumMap<>(StageField.class);
                    b.fields().forEach((key, value) -> values.put(Call.enumValue("fields." + key, key,
                            StageField.class), value));
                    return view(c, c.sdk.deviceSteps().fill(c.actor(), serial(c), values));
                });
        api.put("/api/v1/devices/{serial}/partner").body(Partner.class)
                .summary("An engineer makes a partner responsible for a device").handle(c -> {
                    Partner b = c.body(Partner.class);
                    return view(c, c.sdk.deviceSteps().assignPartner(c.actor(), serial(c),
                            Call.id("partnerId", b.partnerId(), OrgId::parse)));
                });
        api.post("/api/v1/devices/claim").body(Claim.class)
                .summary("A certified partner claims a device with the password printed on it").handle(c -> {
                    Claim b = c.body(Claim.class);
                    return view(c, c.sdk.claims().claim(c.actor(), b.serial(),
                            Call.id("partnerId", b.partnerId(), OrgId::parse), Call.secret(b.devicePassword())));
                });
        api.patch("/api/v1/devices/{serial}").body(Details.class)
                .summary("Where a device stands and for whom; a field left out stays, an empty owner or note clears")
                .handle(DeviceRoutes::details);
        api.post("/api/v1/devices/{serial}/owner").open().body(OwnerBody.class)
                .summary("The owner registers the device from the app (HTTP Basic: serial and device password)")
                .handle(c -> {
                    String serial = serial(c);
                    Basic basic = basic(c, serial);
                    try {
                        OwnerBody b = c.body(OwnerBody.class);
                        OwnerRegistered done = signedIn(() -> c.sdk.owners().registerOwner(serial,
                                basic.password(), new OwnerRegistration(b.phone(), b.sim(), b.country(), b.region(),
                                b.nickname(), b.email()), c.source()));
                        // Only a customer made just now gets a session; a known one proves its phone first.
                        Session session = done.newOwner().map(owner -> {
                            Accounts.SignedIn in = c.sdk.accounts().openSession(owner);
                            return new Session(in.token(), in.expiresAt());
                        }).orElse(null);
                        return new Registered(DeviceView.of(done.card(), true), session);
                    } finally {
                        Arrays.fill(basic.password(), '\0');
                    }
                });
        api.post("/api/v1/devices/{serial}/events").device().body(Event.class).status(202)
                .summary("What a device reports (HTTP Basic: serial and device password; or a member's token)")
                .handle(c -> {
                    String serial = serial(c);
                    Actor reporter = reporter(c, serial);
                    Event b = c.body(Event.class);
                    c.sdk.telemetry().report(reporter, serial, new DeviceReport(b.type(), Call.time("at", b.at()),
                            b.code(), b.connectivity()));
                    return null;
                });
        api.put("/api/v1/devices/{serial}/nickname").body(Nickname.class)
                .summary("The owner renames its device in the app (the owner's session)").handle(c -> {
                    Nickname b = c.body(Nickname.class);
                    return view(c, c.sdk.owners().rename(c.actor(), serial(c), b.nickname()));
                });
        api.get("/api/v1/devices/{serial}").summary("The device card")
                .handle(c -> view(c, c.sdk.devices().card(c.actor(), serial(c))));
        api.get("/api/v1/devices").list().query("q", "status", "partnerId", "ownerPhone")
                .summary("Devices by serial (q), status, responsible partner or owner's phone, by serial")
                .handle(c -> {
                    Actor actor = c.actor();
                    int limit = c.limit();
                    List<DeviceView> items = c.sdk.devices().search(actor, c.query("q"),
                            c.queryEnum("status", DeviceStatus.class), c.queryId("partnerId", OrgId::parse),
                            c.query("ownerPhone"), c.cursor(), limit).stream().map(d -> view(c, d)).toList();
                    return Page.of(items, limit, DeviceView::serial);
                });
        api.get("/api/v1/devices/{serial}/history").list().summary("The journal of a device, oldest first")
                .handle(c -> {
                    int limit = c.limit();
                    List<JournalEntry> items = c.sdk.devices().history(c.actor(), serial(c),
                            c.cursorId(UUID::fromString), limit);
                    return Page.of(items, limit, JournalEntry::id);
                });
    }

    /** PATCH: what is left out keeps the card's value; the SDK checks the whole of it. */
    private static DeviceView details(Call c) {
        String serial = serial(c);
        Details b = c.body(Details.class);
        Device now = c.sdk.devices().card(c.actor(), serial).device();
        return view(c, c.sdk.claims().updateDetails(c.actor(), serial, new DeviceDetails(
                b.country() != null ? b.country() : now.country(),
                b.region() != null ? b.region() : now.region(),
                b.objectType() != null ? b.objectType() : now.objectType(),
                b.owner() != null ? b.owner() : now.ownerText(),
                b.note() != null ? b.note() : now.note())));
    }

    /**
     * Who reports for the device: the device itself by HTTP Basic, checked on every report (nothing is cached,
     * so a changed password or a lock-out holds at once on every node), or a member's token; the SDK decides
     * whether that actor may report.
     */
    private static Actor reporter(Call c, String serial) {
        if (!isBasic(c.ctx.header("Authorization"))) {
            return c.actor();
        }
        Basic basic = basic(c, serial);
        try {
            return signedIn(() -> c.sdk.telemetry().authenticateDevice(basic.serial(), basic.password(),
                    c.source()));
        } finally {
            Arrays.fill(basic.password(), '\0');
        }
    }

    /** A device password the SDK refuses is a failed sign-in: 401 (with the SDK's code), not a forbidden step. */
    private static <T> T signedIn(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (LatchkeyException e) {
            if (e.code() == ErrorCode.DEVICE_PASSWORD_WRONG) {
                throw new ApiException(401, e.code().name(), null, e.getMessage());
            }
            throw e;
        }
    }

    private static boolean isBasic(String header) {
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /**
     * The HTTP Basic credentials of the request (Base64 of UTF-8, split at the first colon), for the device in
     * the path only.
     *
     * @throws ApiException 401 without them, if they are malformed, or if they name another serial
     */
    private static Basic basic(Call c, String pathSerial) {
        String header = c.ctx.header("Authorization");
        if (!isBasic(header)) {
            throw ApiException.unauthenticated();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthenticated();
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars;
        try {
            chars = utf8.decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw ApiException.unauthenticated();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        // The password is kept as characters only, and wiped from the decoding buffer.
        char[] all = new char[chars.remaining()];
        chars.get(all);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        int colon = -1;
        for (int i = 0; i < all.length && colon < 0; i++) {
            if (all[i] == ':') {
                colon = i;
            }
        }
        String serial = colon < 0 ? null : new String(all, 0, colon);
        char[] password = colon < 0 ? null : Arrays.copyOfRange(all, colon + 1, all.length);
        Arrays.fill(all, '\0');
        // Serials are upper case to the SDK: the device may sign in with either.
        if (serial == null || !serial.toUpperCase(Locale.ROOT).equals(pathSerial.toUpperCase(Locale.ROOT))) {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            throw ApiException.unauthenticated();
        }
        return new Basic(serial, password);
    }

    /** The serial in the path; one that cannot be a serial names no device (404). */
    private static String serial(Call c) {
        return c.pathId("serial", s -> {
            if (!SERIAL.matcher(s).matches()) {
                throw new IllegalArgumentException("not a serial");
            }
            return s;
        }, ErrorCode.DEVICE_NOT_FOUND);
    }

    /** The card as the caller sees it: a customer is the device's owner (the SDK shows it only its own). */
    private static DeviceView view(Call c, DeviceCard card) {
        return DeviceView.of(card, c.actor().kind() == Actor.Kind.CUSTOMER);
    }
}
