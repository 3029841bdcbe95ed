package io.latchkey.server;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientDraft;
import io.latchkey.credential.IssuanceView;
import io.latchkey.credential.IssueRequest;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolTerm;
import io.latchkey.device.Connectivity;
import io.latchkey.device.DeviceDetails;
import io.latchkey.device.DeviceReport;
import io.latchkey.device.OwnerRegistration;
import io.latchkey.device.ReportType;
import io.latchkey.device.StageField;
import io.latchkey.license.BuyerRequisites;
import io.latchkey.license.Document;
import io.latchkey.license.DocumentRequest;
import io.latchkey.license.DocumentType;
import io.latchkey.license.LicenseState;
import io.latchkey.notify.DeliveryResult;
import io.latchkey.notify.MailSender;
import io.latchkey.notify.Notification;
import io.latchkey.party.CompanyRegistration;
import io.latchkey.party.Connection;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.party.Organizations.SellerDetails;
import io.latchkey.party.Requisites;
import io.latchkey.party.Site;
import io.latchkey.subscription.Hub;
import io.latchkey.subscription.PackageDraft;
import io.latchkey.subscription.ServicePackage;
import io.latchkey.subscription.Subscription;
import io.latchkey.subscription.Subscriptions.ActivationRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo world that {@code LATCHKEY_DEMO=true} loads on an empty database, so that every screen and endpoint
 * of the reference server has something to show: the operator's engineer and manager; two partners (Russian and
 * Polish) with an administrator and a manager each; a company under each partner, one of them a seller connected
 * to its reseller, with hubs and subscriptions; a completed and a waiting pool order, clients and credentials;
 * licenses minted, sold down the channel and activated; heat pumps in several statuses, one claimed and online.
 *
 * <p>Everything is made through the SDK's public services, as the people of the world would do it: members are
 * invited by e-mail and confirm with the token of their link, which the {@link Mailbox} catches on its way out.
 * Every demo member's password is {@link #PASSWORD}.
 *
 * <p>Each area is loaded on its own: one that the SDK refuses is logged as a warning and skipped, so that a
 * demo never stops the server from starting. Not thread-safe; {@link #load} runs once, at the first start.
 */
final class Demo {

    /** The password of every demo member. */
    static final String PASSWORD = "demo-password-2026";

    /** The password printed on every demo heat pump (claims, device sign-in, owner registration). */
    static final String DEVICE_PASSWORD = "pump-2026";

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final String DOMAIN = "@demo.latchkey.local";
    /** The rate limiters' source for everything the demo does: it only ever counts failures. */
    private static final String SOURCE = "demo";
    private static final String AGREEMENT = "demo-2026";

    private final Latchkey sdk;
    private final Mailbox mailbox;
    /** The demo members who can sign in, as the log line shows them. */
    private final List<String> logins = new ArrayList<>();

    private Actor operatorAdmin;
    private Actor engineer;
    private Actor operatorManager;
    private Organization alfa;
    private Actor alfaAdmin;
    private Actor alfaManager;
    private Organization beta;
    private Actor betaAdmin;
    private Actor betaManager;
    private Organization romashka;
    private Actor romashkaOwner;
    private Organization gamma;
    private Actor gammaOwner;

    private Demo(Latchkey sdk, Mailbox mailbox) {
        this.sdk = Objects.requireNonNull(sdk, "sdk");
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    }

    /**
     * Loads the demo world, once, right after the operator was bootstrapped on an empty database. Never throws
     * for what the SDK refuses: the area concerned is skipped with a warning.
     *
     * @param mailbox       the mail sender the SDK was built with, which catches the invitation links
     * @param adminEmail    the operator administrator's e-mail
     * @param adminPassword its password; only used to sign in, never logged nor wiped
     */
    static void load(Latchkey sdk, Mailbox mailbox, String adminEmail, char[] adminPassword) {
        Demo demo = new Demo(sdk, mailbox);
        boolean whole = false;
        try {
            // The other areas need only the people and organizations of the channel, not one another.
            if (demo.area("channel", () -> demo.channel(adminEmail, adminPassword))) {
                List<Boolean> loaded = List.of(demo.area("credential pools", demo::pools),
                        demo.area("licenses", demo::licenses), demo.area("service packages", demo::services),
                        demo.area("heat pumps", demo::devices));
                whole = !loaded.contains(false);
            }
        } finally {
            // The links carry tokens: keep none of them longer than the demo needs them.
            mailbox.forget();
        }
        if (demo.logins.isEmpty()) {
            LOG.warn("Demo world not loaded: no demo member could be made");
            return;
        }
        LOG.info("Demo world loaded{}; sign in with the password {} as any of: {}; the heat pumps HP-2026-0001 to "
                + "HP-2026-0004 carry the printed password {}", whole ? "" : " in part (see the warnings)", PASSWORD,
                String.join(", ", demo.logins), DEVICE_PASSWORD);
    }

    /** Runs one area; says whether it loaded. */
    private boolean area(String name, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Demo: could not load the {} of the demo world; skipped", name, e);
            return false;
        }
    }

    // --- the channel: people, partners, companies, a seller and its reseller --------------------------------

    private void channel(String adminEmail, char[] adminPassword) {
        operatorAdmin = sdk.accounts().authenticate(adminEmail, adminPassword, SOURCE);
        OrgId operator = operatorAdmin.organization();
        engineer = member(operatorAdmin, operator, "operator.engineer", "Erik Engineer", "en", Role.ENGINEER);
        operatorManager = member(operatorAdmin, operator, "operator.manager", "Mona Manager", "en", Role.MANAGER);

        alfa = sdk.organizations().createOrganization(operatorAdmin, new OrganizationDraft(OrgKind.PARTNER,
                "Альфа Безопасность", null, "Europe/Moscow", "ru", new Requisites("7707083893",
                "г. Москва, ул. Тверская, д. 7", "Иванов Иван Иванович", "+7 495 123-45-67", "RU",
                "office.alfa" + DOMAIN, "ООО «Альфа Безопасность»", "Москва")));
        // The operator adds a partner's first administrator; after that the partner's own administrators add people.
        alfaAdmin = member(operatorAdmin, alfa.id(), "alfa.admin", "Анна Смирнова", "ru", Role.ADMIN);
        alfaManager = member(alfaAdmin, alfa.id(), "alfa.manager", "Пётр Кузнецов", "ru", Role.MANAGER);

        beta = sdk.organizations().createOrganization(operatorAdmin, new OrganizationDraft(OrgKind.PARTNER,
                "Beta Systemy", null, "Europe/Warsaw", "pl", new Requisites("5260250274",
                "ul. Marszałkowska 10, 00-590 Warszawa", "Jan Kowalski", "+48 22 123 45 67", "PL",
                "biuro.beta" + DOMAIN, "Beta Systemy sp. z o.o.", "Warszawa")));
        betaAdmin = member(operatorAdmin, beta.id(), "beta.admin", "Katarzyna Nowak", "pl", Role.ADMIN);
        betaManager = member(betaAdmin, beta.id(), "beta.manager", "Piotr Wiśniewski", "pl", Role.MANAGER);

        // A company a partner registers waits under the licensor until its owner confirms, then moves under it.
        romashka = sdk.registrations().createCompany(alfaAdmin, new CompanyRegistration("Ромашка",
                "ООО «Ромашка»", "7704123450", "Магазин на Арбате", "г. Москва, ул. Арбат, д. 10",
                "romashka.owner" + DOMAIN, "Мария Петрова", "ru", "Europe/Moscow", "RU", AGREEMENT));
        romashkaOwner = confirm("romashka.owner" + DOMAIN);
        gamma = sdk.registrations().createCompany(betaAdmin, new CompanyRegistration("Gamma Serwis",
                "Gamma Serwis sp. z o.o.", "5252345675", "Biuro Warszawa", "ul. Prosta 20, 00-850 Warszawa",
                "gamma.owner" + DOMAIN, "Tomasz Zieliński", "pl", "Europe/Warsaw", "PL", AGREEMENT));
        gammaOwner = confirm("gamma.owner" + DOMAIN);

        // Only the owner registers its company as a seller; a seller asks each reseller once, the reseller decides.
        sdk.organizations().registerSeller(gammaOwner, gamma.id(), new SellerDetails("Gamma Serwis sp. z o.o.",
                "PL", "5252345675", "ul. Prosta 20, 00-850 Warszawa", "serwis.gamma" + DOMAIN, "+48 22 555 01 02"));
        Connection request = sdk.connections().requestConnection(gammaOwner, gamma.id(), beta.id(),
                ConnectionKind.SELLER_TO_RESELLER);
        sdk.connections().approveConnection(betaAdmin, request.id());
    }

    /** Invites a member, confirms the invitation and signs the member in. */
    private Actor member(Actor inviter, OrgId organization, String name, String fullName, String language,
                         Role role) {
        sdk.members().addMember(inviter, organization, new MemberDraft(name + DOMAIN, fullName, language,
                Set.of(role)));
        return confirm(name + DOMAIN);
    }

    /** Confirms the invitation last mailed to {@code email} with the demo password, and signs the member in. */
    private Actor confirm(String email) {
        sdk.outbox().dispatchAllDue();
        String token = mailbox.token(email).orElseThrow(
                () -> new IllegalStateException("no invitation link reached " + email));
        sdk.accounts().confirm(token, PASSWORD.toCharArray(), PASSWORD.toCharArray());
        Actor actor = sdk.accounts().authenticate(email, PASSWORD.toCharArray(), SOURCE);
        logins.add(email);
        return actor;
    }

    // --- credential pools ------------------------------------------------------------------------------------

    private void pools() {
        PoolOrder order = sdk.poolOrders().placeOrder(alfaManager, 10, PoolTerm.ONE_YEAR, "demo-pool-order-alfa");
        sdk.poolOrders().completeOrder(operatorManager, order.id());
        // Left NEW, so that the operator's inbox has an order awaiting its decision.
        sdk.poolOrders().placeOrder(betaManager, 5, PoolTerm.UNLIMITED, "demo-pool-order-beta");

        Client ivan = sdk.clients().createClient(alfaManager, new ClientDraft("ivan.petrov" + DOMAIN,
                "Иван Петров", "Europe/Moscow", "ru", "Офис на Тверской"));
        Client john = sdk.clients().createClient(alfaManager, new ClientDraft("john.smith" + DOMAIN,
                "John Smith", "Europe/London", "en", "Visiting engineer"));

        // Windows are whole days in the client's own zone, as a manager picks them in the form.
        ZoneId ivanZone = ZoneId.of("Europe/Moscow");
        LocalDate ivanToday = LocalDate.now(sdk.clock().withZone(ivanZone));
        sdk.issuing().issue(alfaManager, new IssueRequest(ivan.id(), ivanToday.atStartOfDay(ivanZone).toInstant(),
                ivanToday.plusDays(30).atStartOfDay(ivanZone).toInstant(), "Постоянный пропуск"), "demo-issue-ivan");
        // Ivan's phone downloads its credential: its window has started, so it shows ACTIVATED.
        sdk.outbox().dispatchAllDue();
        mailbox.token(ivan.email()).ifPresent(token -> sdk.provisioning().provision(token, SOURCE));

        ZoneId johnZone = ZoneId.of("Europe/London");
        LocalDate johnTomorrow = LocalDate.now(sdk.clock().withZone(johnZone)).plusDays(1);
        IssuanceView visit = sdk.issuing().issue(alfaManager, new IssueRequest(john.id(),
                johnTomorrow.atStartOfDay(johnZone).toInstant(),
                johnTomorrow.plusDays(7).atStartOfDay(johnZone).toInstant(), "One-week visit"), "demo-issue-john");
        sdk.issuing().revoke(alfaManager, visit.issuance().label(), "Visit cancelled");
    }

    // --- licenses --------------------------------------------------------------------------------------------

    private void licenses() {
        sdk.documents().mint(operatorAdmin, 20);
        sdk.documents().post(operatorAdmin, sale(DocumentType.SALE_TO_PARTNER, alfa.id(), 10));
        sdk.documents().post(operatorAdmin, sale(DocumentType.SALE_TO_PARTNER, beta.id(), 5));

        // Sales take the oldest licenses first: sell to the company before revealing, so that both kinds remain.
        sdk.documents().post(alfaManager, sale(DocumentType.SALE_TO_COMPANY, romashka.id(), 2));
        Document revealed = sdk.documents().post(alfaManager, new DocumentRequest(DocumentType.REVEAL_TO_SELF, null,
                null, null, 3, null));
        // Printing flags only what the seller still holds: the revealed codes, not those sold on.
        sdk.documents().print(alfaManager, revealed.id());
        Document toOutsider = sdk.documents().post(alfaManager, new DocumentRequest(
                DocumentType.SALE_TO_UNREGISTERED, null, null, new BuyerRequisites("ИП Сидоров Алексей Павлович",
                "710501234527", "г. Тула, ул. Ленина, д. 5"), 1, null));
        sdk.documents().send(alfaManager, toOutsider.id(), "sidorov" + DOMAIN);

        // The company sees the codes it holds in full; its point of sale activates one of them.
        sdk.licenses().licenses(romashkaOwner, romashka.id(), LicenseState.ASSIGNED, null, 1).stream()
                .flatMap(view -> view.code().stream()).findFirst()
                .ifPresent(code -> sdk.activations().activate(code, "POS-ARBAT-01", SOURCE));
    }

    private static DocumentRequest sale(DocumentType type, OrgId buyer, int count) {
        return new DocumentRequest(type, buyer, null, null, count, null);
    }

    // --- service packages ------------------------------------------------------------------------------------

    private void services() {
        ServicePackage monitoring = sdk.catalog().createPackage(operatorAdmin, new PackageDraft("HUB-SIM-MONTHLY",
                "Hub monitoring with SIM", 1900L, "PLN", true));
        Site office = sdk.organizations().sites(gammaOwner, gamma.id(), null, 1).get(0);
        Hub entrance = sdk.hubs().addHub(gammaOwner, office.id(), "HUB-0001A", true);
        Hub warehouse = sdk.hubs().addHub(gammaOwner, office.id(), "HUB-0002B", true);
        // No SIM yet: its tile asks for activation, which the package refuses until a SIM is in.
        sdk.hubs().addHub(gammaOwner, office.id(), "HUB-0003C", false);

        sdk.subscriptions().activate(gammaOwner, new ActivationRequest(entrance.id(), monitoring.id(), beta.id()));
        Subscription ending = sdk.subscriptions().activate(gammaOwner, new ActivationRequest(warehouse.id(),
                monitoring.id(), beta.id()));
        // Deactivated: it runs to the end of the month in the seller's zone (EXPIRES_SOON).
        sdk.subscriptions().deactivate(gammaOwner, ending.id());
    }

    // --- heat pumps ------------------------------------------------------------------------------------------

    private void devices() {
        char[] engineerPassword = PASSWORD.toCharArray();
        // Models are free text: the default device catalog lists no models (only manuals a host adds).
        create("HP-2026-0001", "Aerotherm 9");

        create("HP-2026-0002", "Aerotherm 9");
        produce("HP-2026-0002", engineerPassword);
        sdk.deviceSteps().advance(engineer, "HP-2026-0002", engineerPassword);

        // Shipped to Alfa, claimed with its printed password, and switched on: its first connection after the
        // release puts it into operation by itself, and it shows ONLINE for the catalog's timeout.
        create("HP-2026-0003", "Aerotherm 12");
        produce("HP-2026-0003", engineerPassword);
        sdk.deviceSteps().advance(engineer, "HP-2026-0003", engineerPassword);
        sdk.deviceSteps().advance(engineer, "HP-2026-0003", engineerPassword);
        sdk.deviceSteps().fill(engineer, "HP-2026-0003", Map.of(StageField.CONSIGNEE, alfa.name()));
        sdk.claims().claim(alfaManager, "HP-2026-0003", alfa.id(), DEVICE_PASSWORD.toCharArray());
        sdk.claims().updateDetails(alfaManager, "HP-2026-0003", new DeviceDetails("RU", "Московская область",
                "PRIVATE_HOUSE", "Сергей Волков", "Дом в Истре, котельная в цоколе"));
        Actor pump = sdk.telemetry().authenticateDevice("HP-2026-0003", DEVICE_PASSWORD.toCharArray(), SOURCE);
        sdk.telemetry().report(pump, "HP-2026-0003", new DeviceReport(ReportType.CONNECT, sdk.clock().instant(),
                null, Connectivity.GSM));
        sdk.telemetry().report(pump, "HP-2026-0003", new DeviceReport(ReportType.DATA, sdk.clock().instant(),
                null, null));
        sdk.owners().registerOwner("HP-2026-0003", DEVICE_PASSWORD.toCharArray(), new OwnerRegistration(
                "+7 916 555-01-02", "89701234567890123456", "RU", "Московская область", "Дача", null), SOURCE);

        // In the service for Beta, which has not said where it stands yet: its card shows an open data request.
        create("HP-2026-0004", "Geotherm 16");
        produce("HP-2026-0004", engineerPassword);
        sdk.deviceSteps().assignPartner(engineer, "HP-2026-0004", beta.id());
        for (int step = 0; step < 4; step++) {
            sdk.deviceSteps().advance(engineer, "HP-2026-0004", engineerPassword);
        }
        sdk.deviceSteps().fill(engineer, "HP-2026-0004", Map.of(StageField.SERVICE_REASON,
                "Compressor noise reported by the owner"));
    }

    private void create(String serial, String model) {
        sdk.deviceSteps().create(operatorAdmin, serial, model, DEVICE_PASSWORD.toCharArray());
    }

    /** The engineer's first step, with the firmware the factory put in. */
    private void produce(String serial, char[] engineerPassword) {
        sdk.deviceSteps().advance(engineer, serial, engineerPassword);
        sdk.deviceSteps().fill(engineer, serial, Map.of(StageField.FIRMWARE, "2.4.1"));
    }

    /**
     * The server's mail sender, decorated for the demo: it delivers every notification through the real sender
     * and remembers, per recipient, the last link that carries a token (an invitation, a provisioning link), so
     * that the demo can confirm the members it invites. Links are remembered before delivery, so that a mail
     * server that is down does not stop the demo; {@link #forget()} drops them and stops remembering.
     *
     * <p>Thread-safe, like every {@link MailSender}.
     */
    public static final class Mailbox implements MailSender {

        private final MailSender delegate;
        private final Map<String, String> links = new ConcurrentHashMap<>();
        private volatile boolean remembering = true;

        public Mailbox(MailSender delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        @Override
        public DeliveryResult send(String idempotencyKey, Notification notification) {
            String link = notification.parameters().get("link");
            if (remembering && link != null && tokenOf(link).isPresent()) {
                links.put(notification.recipient().toLowerCase(Locale.ROOT), link);
            }
            return delegate.send(idempotencyKey, notification);
        }

        /** The last link with a token sent to {@code recipient}, if any. */
        public Optional<String> lastLink(String recipient) {
            return Optional.ofNullable(links.get(recipient.toLowerCase(Locale.ROOT)));
        }

        /** The token of the last link sent to {@code recipient} (its {@code token} query parameter), if any. */
        public Optional<String> token(String recipient) {
            return lastLink(recipient).flatMap(Mailbox::tokenOf);
        }

        /** Drops every link remembered, and remembers no more. */
        public void forget() {
            remembering = false;
            links.clear();
        }

        /** The {@code token} query parameter of a link, URL-decoded. */
        static Optional<String> tokenOf(String link) {
            String query;
            try {
                query = URI.create(link).getRawQuery();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                if (pair.startsWith("token=")) {
                    return Optional.of(URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        }
    }
}
