package io.latchkey.lanbilling;

import io.latchkey.billing.AccessState;
import io.latchkey.billing.AccountPage;
import io.latchkey.billing.BillingAccount;
import io.latchkey.billing.BillingGateway;
import io.latchkey.billing.GatewayResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.w3c.dom.Element;

/**
 * The billing port over LANBilling's SOAP API "api3". A full pass reads {@code getVgroups} page by page in vgid
 * order, with each account's extra fields ({@code getVgroupAddons}: the platform login) and periodic services
 * ({@code getUsboxServices}: the intercom service by its tariff and category); block codes map to
 * {@link AccessState} (0 active; 1 and 4 balance; 2 user; 3 administrator; 5 limit; 10 off). Writes: subscriber
 * {@code insupdAccount}, agreement {@code insupdAgreement}, account {@code insupdVgroup} (its address in
 * {@code descr}), extra field {@code setVgroupAddon}, service {@code insupdUsboxService} and
 * {@code stopUsboxService}, access {@code blkVgroup}. Dates are {@code yyyy-MM-dd HH:mm:ss} in the billing's zone.
 *
 * <p>LANBilling has no idempotency keys: a write that succeeded is remembered by its key for the life of this
 * gateway and answered again without a call; a write whose outcome was unknown may be done twice if retried.
 *
 * <p>Thread-safe; {@link #close()} logs out.
 */
public final class LanBillingGateway implements BillingGateway, AutoCloseable {

    /** The operations this adapter calls: an installation must publish them all ({@link #checkOperations}). */
    public static final Set<String> OPERATIONS = Set.of("Login", "Logout", "getVgroups", "getVgroupAddons",
            "getUsboxServices", "insupdAccount", "insupdAgreement", "insupdVgroup", "setVgroupAddon",
            "insupdUsboxService", "stopUsboxService", "blkVgroup");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<Long, AccessState> BLOCKS = Map.of(0L, AccessState.ACTIVE,
            1L, AccessState.BLOCKED_BALANCE, 4L, AccessState.BLOCKED_BALANCE, 2L, AccessState.BLOCKED_BY_USER,
            3L, AccessState.BLOCKED_BY_ADMIN, 5L, AccessState.LIMIT_EXHAUSTED, 10L, AccessState.DISABLED);
    private static final Map<AccessState, Long> CODES = Map.of(AccessState.ACTIVE, 0L,
            AccessState.BLOCKED_BALANCE, 1L, AccessState.BLOCKED_BY_USER, 2L, AccessState.BLOCKED_BY_ADMIN, 3L,
            AccessState.LIMIT_EXHAUSTED, 5L, AccessState.DISABLED, 10L);

    private final SoapClient soap;
    private final ZoneId zone;
    private final String loginField;
    private final long serviceTariff;
    private final long serviceCategory;
    private final Clock clock;
    private final Map<String, GatewayResult> done = new ConcurrentHashMap<>();

    private LanBillingGateway(Builder b) {
        this.soap = new SoapClient(b.endpoint, b.user, b.password, b.connectTimeout, b.requestTimeout);
        this.zone = b.zone;
        this.loginField = b.loginField;
        this.serviceTariff = b.serviceTariff;
        this.serviceCategory = b.serviceCategory;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks that the installation's WSDL publishes every operation this adapter calls.
     *
     * @throws LanBillingException {@link LanBillingException.Kind#MISSING_OPERATION} naming those it lacks
     */
    public static void checkOperations(URI wsdl, Duration timeout) {
        byte[] body;
        try {
            body = HttpClient.newBuilder().connectTimeout(timeout).build().send(HttpRequest.newBuilder(wsdl)
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new LanBillingException(LanBillingException.Kind.UNREACHABLE, "WSDL: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanBillingException(LanBillingException.Kind.UNREACHABLE, "WSDL: interrupted");
        }
        Set<String> published = new TreeSet<>();
        for (Element portType : Xml.children(Xml.parse(body), "portType")) {
            for (Element operation : Xml.children(portType, "operation")) {
                published.add(operation.getAttribute("name"));
            }
        }
        Set<String> missing = new TreeSet<>(OPERATIONS);
        missing.removeAll(published);
        if (!missing.isEmpty()) {
            throw new LanBillingException(LanBillingException.Kind.MISSING_OPERATION,
                    "the billing does not publish " + String.join(", ", missing));
        }
    }

    @Override
    public AccountPage accounts(String cursor, int limit) {
        long page = cursor == null ? 1 : Long.parseLong(cursor);
        Element answer = soap.call("getVgroups", Xml.Out.tree("flt", Xml.Out.of("pgnum", page),
                Xml.Out.of("pgsize", limit)), Xml.Out.tree("ord", Xml.Out.of("name", "vgid"),
                Xml.Out.of("ascdesc", 0)));
        List<BillingAccount> accounts = new ArrayList<>();
        for (Element brief : Xml.children(answer, "ret")) {
            accounts.add(account(brief));
        }
        return new AccountPage(accounts, accounts.size() == limit ? Long.toString(page + 1) : null);
    }

    @Override
    public Optional<BillingAccount> account(String accountId) {
        if (accountId == null || !accountId.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        Element answer = soap.call("getVgroups", Xml.Out.tree("flt", Xml.Out.of("vgid", accountId)));
        return Xml.children(answer, "ret").stream().findFirst().map(this::account);
    }

    /** An account from its brief, with its extra fields and services. */
    private BillingAccount account(Element brief) {
        long vgid = Xml.number(brief, "vgid");
        long code = Xml.number(brief, "blocked");
        AccessState state = Optional.ofNullable(BLOCKS.get(code)).orElseThrow(() -> new LanBillingException(
                LanBillingException.Kind.MALFORMED, "vgroup " + vgid + " has an unknown block code " + code));
        String address = Xml.child(brief, "address").flatMap(a -> Xml.text(a, "address")).orElse("");
        String login = null;
        for (Element addon : Xml.children(soap.call("getVgroupAddons", Xml.Out.of("id", vgid)), "ret")) {
            if (loginField.equals(Xml.text(addon, "name").orElse(""))) {
                login = Xml.text(addon, "strvalue").orElse(null);
            }
        }
        Instant now = clock.instant();
        boolean running = false;
        for (Element full : Xml.children(soap.call("getUsboxServices", Xml.Out.tree("flt", Xml.Out.of("vgid", vgid))),
                "ret")) {
            Element service = Xml.child(full, "service").orElseThrow(() -> new LanBillingException(
                    LanBillingException.Kind.MALFORMED, "a usbox service of " + vgid + " without its service"));
            boolean intercom = Xml.number(service, "tarid") == serviceTariff
                    && Xml.number(service, "catidx") == serviceCategory;
            Instant from = time(Xml.required(service, "timefrom"));
            Instant to = Xml.text(service, "timeto").filter(t -> !t.isEmpty()).map(this::time).orElse(null);
            running |= intercom && !from.isAfter(now) && (to == null || to.isAfter(now));
        }
        return new BillingAccount(Long.toString(vgid), login, address, state, running);
    }

    @Override
    public GatewayResult upsertSubscriber(String idempotencyKey, String name, String phone, String email) {
        return write(idempotencyKey, () -> soap.call("insupdAccount", Xml.Out.of("isInsert", 1), Xml.Out.tree("val",
                Xml.Out.of("type", 2), Xml.Out.of("name", name), Xml.Out.of("phone", phone),
                Xml.Out.of("email", email == null ? "" : email))));
    }

    @Override
    public GatewayResult openAgreement(String idempotencyKey, String subscriberId, String number) {
        return write(idempotencyKey, () -> soap.call("insupdAgreement", Xml.Out.of("isInsert", 1),
                Xml.Out.tree("val", Xml.Out.of("uid", subscriberId), Xml.Out.of("number", number))));
    }

    @Override
    public GatewayResult createAccount(String idempotencyKey, String agreementId, String agentId, String tariffId,
                                       String address) {
        return write(idempotencyKey, () -> soap.call("insupdVgroup", Xml.Out.of("isInsert", 1), Xml.Out.tree("val",
                Xml.Out.of("agrmid", agreementId), Xml.Out.of("id", agentId), Xml.Out.of("tarid", tariffId),
                Xml.Out.of("descr", address))));
    }

    @Override
    public GatewayResult setExtraField(String idempotencyKey, String accountId, String name, String value) {
        return write(idempotencyKey, () -> soap.call("setVgroupAddon", Xml.Out.tree("val", Xml.Out.of("vgid",
                accountId), Xml.Out.of("name", name), Xml.Out.of("strvalue", value))));
    }

    @Override
    public GatewayResult startService(String idempotencyKey, String accountId, Instant from) {
        return write(idempotencyKey, () -> soap.call("insupdUsboxService", Xml.Out.of("isInsert", 1),
                Xml.Out.tree("val", Xml.Out.of("vgid", accountId), Xml.Out.of("tarid", serviceTariff),
                        Xml.Out.of("catidx", serviceCategory), Xml.Out.of("mul", 1), Xml.Out.of("timefrom",
                                shown(from)))));
    }

    @Override
    public GatewayResult scheduleServiceEnd(String idempotencyKey, String serviceId, Instant at) {
        return write(idempotencyKey, () -> soap.call("stopUsboxService", Xml.Out.of("id", serviceId),
                Xml.Out.of("timeto", shown(at))));
    }

    @Override
    public GatewayResult endServiceNow(String idempotencyKey, String serviceId) {
        return scheduleServiceEnd(idempotencyKey, serviceId, clock.instant());
    }

    @Override
    public GatewayResult setAccessState(String idempotencyKey, String accountId, AccessState state) {
        return write(idempotencyKey, () -> soap.call("blkVgroup", Xml.Out.of("id", accountId),
                Xml.Out.of("blk", CODES.get(state)), Xml.Out.of("state", state == AccessState.ACTIVE ? "on" : "off"),
                Xml.Out.of("comment", "Latchkey: " + state)));
    }

    /** Logs out of the billing. */
    @Override
    public void close() {
        soap.logOut();
    }

    /** A write, its {@code ret} the id of what it made or changed; the outcome by what the billing answered. */
    private GatewayResult write(String idempotencyKey, Supplier<Element> call) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        GatewayResult first = done.get(idempotencyKey);
        if (first != null) {
            return first;
        }
        GatewayResult result;
        try {
            result = new GatewayResult.Succeeded(Long.toString(Xml.number(call.get(), "ret")));
            done.put(idempotencyKey, result);
        } catch (LanBillingException e) {
            boolean refused = e.kind() == LanBillingException.Kind.FAULT
                    || e.kind() == LanBillingException.Kind.PERIOD_LOCK;
            result = refused ? new GatewayResult.Declined(e.getMessage()) : new GatewayResult.Unknown(e.getMessage());
        }
        return result;
    }

    private Instant time(String text) {
        try {
            return LocalDateTime.parse(text, DATE).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new LanBillingException(LanBillingException.Kind.MALFORMED, "not a date: " + text);
        }
    }

    private String shown(Instant instant) {
        return DATE.format(instant.atZone(zone));
    }

    /** Where the billing is, how to sign in, its time zone, and what marks the intercom. */
    public static final class Builder {
        private URI endpoint;
        private String user;
        private String password;
        private ZoneId zone = ZoneId.of("Europe/Moscow");
        private String loginField = "isvyaz_login";
        private long serviceTariff = -1;
        private long serviceCategory = -1;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The SOAP endpoint ({@code http://host:34012}). */
        public Builder endpoint(URI value) {
            this.endpoint = Objects.requireNonNull(value, "endpoint");
            return this;
        }

        /** The billing manager this adapter signs in as. */
        public Builder login(String manager, String managerPassword) {
            this.user = Objects.requireNonNull(manager, "manager");
            this.password = Objects.requireNonNull(managerPassword, "managerPassword");
            return this;
        }

        /** The billing's time zone, in which its dates are written; Europe/Moscow unless told. */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /** The extra field that names the platform login; {@code isvyaz_login} unless told. */
        public Builder loginField(String value) {
            this.loginField = Objects.requireNonNull(value, "loginField");
            return this;
        }

        /** The tariff and category index of the intercom periodic service: an installation's own, so required. */
        public Builder intercomService(long tariffId, long categoryIndex) {
            this.serviceTariff = tariffId;
            this.serviceCategory = categoryIndex;
            return this;
        }

        /** How long to wait for a connection, and for each answer. */
        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = Objects.requireNonNull(connect, "connect");
            this.requestTimeout = Objects.requireNonNull(request, "request");
            return this;
        }

        /** The clock that says whether a service runs now. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @throws IllegalArgumentException if the endpoint, the login or the intercom service is missing */
        public LanBillingGateway build() {
            if (endpoint == null || user == null || serviceTariff < 0 || serviceCategory < 0) {
                throw new IllegalArgumentException("LANBilling needs its endpoint, a login and the intercom service");
            }
            return new LanBillingGateway(this);
        }
    }
}
