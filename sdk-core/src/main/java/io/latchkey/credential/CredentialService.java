package io.latchkey.credential;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Permission;
import io.latchkey.access.Role;
import io.latchkey.internal.Checks;
import io.latchkey.internal.Kernel;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.Transition;
import io.latchkey.notify.Attachment;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.QrCode;
import io.latchkey.notify.Templates;
import io.latchkey.party.Member;
import io.latchkey.party.OrgId;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.store.Idempotency;
import io.latchkey.store.Store;
import io.latchkey.time.DueWork;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commands of credential pools (PW-ID RT): pool orders, clients, issuing, provisioning, revoking and
 * returning credentials. Every command takes the acting {@link Actor} first, checks its permission and
 * tenancy, and runs in one transaction with its journal entries and notifications.
 *
 * <p>Thread-safe.
 */
public final class CredentialService {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int QR_SIZE = 300;
    private static final int MAX_LIST = 1000;

    private final Kernel kernel;
    private final Store store;
    private final CredentialSettings settings;

    public CredentialService(Kernel kernel, CredentialSettings settings) {
        this.kernel = kernel;
        this.store = kernel.store();
        this.settings = settings;
    }

    // --- pool orders -----------------------------------------------------------------------------------------

    /**
     * A partner orders {@code size} credentials for {@code term}; the order is NEW until the operator or the
     * partner's dealer decides. Its validity is fixed now.
     */
    public PoolOrder placeOrder(Actor actor, int size, PoolTerm term, String idempotencyKey) {
        return store.inTransaction(() -> {
            OrgId partner = ownOrganization(actor);
            kernel.access().require(actor, Permission.POOL_ORDER_PLACE, partner, ErrorCode.ORGANIZATION_NOT_FOUND,
                    partner);
            requirePartner(partner);
            if (size < 1 || size > settings.maxOrderSize()) {
                throw LatchkeyException.ofField(ErrorCode.POOL_ORDER_SIZE_INVALID, "size", settings.maxOrderSize());
            }
            Checks.required("term", term);
            String scope = "pool-order.place/" + partner;
            String hash = Idempotency.hash(size, term);
            Optional<String> first = kernel.idempotency().replay(scope, idempotencyKey, hash);
            if (first.isPresent()) {
                return store.poolOrders().find(PoolOrderId.parse(first.get())).orElseThrow();
            }
            Instant now = kernel.clock().instant();
            PoolOrder order = new PoolOrder(new PoolOrderId(kernel.ids().next()), store.poolOrders().nextNumber(),
                    partner, size, term, now, term.validUntil(now).orElse(null), PoolOrderStatus.NEW, null, null, 0);
            store.poolOrders().insert(order);
            kernel.journal().created(actor, CredentialLifecycle.POOL_ORDER_AGGREGATE, order.id(), order.status(),
                    size + " × " + term);
            kernel.idempotency().remember(scope, idempotencyKey, hash, order.id().toString());
            return order;
        });
    }

    /** Fulfils a NEW order: mints its credentials into the partner's pool and tells the partner's managers. */
    public PoolOrder completeOrder(Actor actor, PoolOrderId id) {
        return store.inTransaction(() -> {
            PoolOrder order = visibleOrder(actor, id);
            Transition<PoolOrderStatus, PoolOrderEvent> step = decide(actor, order, PoolOrderEvent.COMPLETE);
            Instant now = kernel.clock().instant();
            if (order.validUntil() != null && !order.validUntil().isAfter(now)) {
                throw LatchkeyException.of(ErrorCode.POOL_ORDER_EXPIRED, order.number());
            }
            PoolOrder completed = store.poolOrders().update(order.decided(step.to(), now, actor.describe()));
            kernel.journal().record(actor, CredentialLifecycle.POOL_ORDER_AGGREGATE, id, step, null);
            for (int i = 0; i < order.size(); i++) {
                Credential credential = Credential.minted(new CredentialId(kernel.ids().next()), uniqueLabel(),
                        order.partner(), order.id(), order.validUntil(), now);
                store.credentials().insert(credential);
                kernel.journal().created(actor, CredentialLifecycle.CREDENTIAL_AGGREGATE, credential.label(),
                        CredentialState.FREE, "order " + order.number());
            }
            notifyManagers(order.partner(), Templates.POOL_ORDER_COMPLETED, "pool.order.completed/" + id,
                    zone -> Map.of("orderNumber", Long.toString(order.number()), "size", Integer.toString(order.size()),
                            "validUntil", order.validUntil() == null ? "" : shown(order.validUntil(), zone)));
            return completed;
        });
    }

    /** Turns down a NEW order; nothing is minted. */
    public PoolOrder rejectOrder(Actor actor, PoolOrderId id, String reason) {
        return store.inTransaction(() -> {
            PoolOrder order = visibleOrder(actor, id);
            Transition<PoolOrderStatus, PoolOrderEvent> step = decide(actor, order, PoolOrderEvent.REJECT);
            PoolOrder rejected = store.poolOrders().update(
                    order.decided(step.to(), kernel.clock().instant(), actor.describe()));
            kernel.journal().record(actor, CredentialLifecycle.POOL_ORDER_AGGREGATE, id, step,
                    Checks.optional("reason", reason, 1000));
            notifyManagers(order.partner(), Templates.POOL_ORDER_REJECTED, "pool.order.rejected/" + id,
                    zone -> Map.of("orderNumber", Long.toString(order.number()), "size", Integer.toString(order.size())));
            return rejected;
        });
    }

    /** One order the actor may see. */
    public PoolOrder order(Actor actor, PoolOrderId id) {
        return store.inTransaction(() -> visibleOrder(actor, id));
    }

    /**
     * Orders, newest first: of {@code partner}, or, when it is null, of the actor's own organization (the
     * operator: of every partner).
     */
    public List<PoolOrder> orders(Actor actor, OrgId partner, int limit) {
        return store.inTransaction(() -> {
            OrgId owner = partner != null ? partner : ownOrganization(actor);
            kernel.access().require(actor, Permission.VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            boolean everyone = partner == null
                    && store.organizations().find(owner).map(o -> o.kind() == OrgKind.OPERATOR).orElse(false);
            return store.poolOrders().list(everyone ? null : owner, Checks.pageSize(limit, MAX_LIST));
        });
    }

    // --- clients ---------------------------------------------------------------------------------------------

    /** Adds a client to the actor's partner. */
    public Client createClient(Actor actor, ClientDraft draft) {
        return store.inTransaction(() -> {
            OrgId partner = ownOrganization(actor);
            kernel.access().require(actor, Permission.CLIENT_MANAGE, partner, ErrorCode.ORGANIZATION_NOT_FOUND, partner);
            requirePartner(partner);
            Client client = checked(new ClientId(kernel.ids().next()), partner, draft, kernel.clock().instant(), 0);
            store.clients().insert(client);
            return client;
        });
    }

    /** Replaces a client's details. */
    public Client updateClient(Actor actor, ClientId id, ClientDraft draft) {
        return store.inTransaction(() -> {
            Client current = visibleClient(actor, id, "id");
            kernel.access().require(actor, Permission.CLIENT_MANAGE, current.partner(), ErrorCode.CLIENT_NOT_FOUND, id);
            return store.clients().update(checked(id, current.partner(), draft, current.createdAt(), current.version()));
        });
    }

    /** One client the actor may see. */
    public Client client(Actor actor, ClientId id) {
        return store.inTransaction(() -> visibleClient(actor, id, "id"));
    }

    /** A partner's clients by e-mail ({@code partner} null: the actor's own), after {@code afterEmail}. */
    public List<Client> clients(Actor actor, OrgId partner, String afterEmail, int limit) {
        return store.inTransaction(() -> {
            OrgId owner = partner != null ? partner : ownOrganization(actor);
            kernel.access().require(actor, Permission.VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            return store.clients().list(owner, afterEmail, Checks.pageSize(limit, MAX_LIST));
        });
    }

    // --- credentials -----------------------------------------------------------------------------------------

    /**
     * Issues a free credential of the actor's pool to a client for a window, and e-mails the client a
     * provisioning link with its QR code. Repeating the call with the same idempotency key returns the first
     * issuance.
     */
    public IssuanceView issue(Actor actor, IssueRequest request, String idempotencyKey) {
        return store.inTransaction(() -> {
            OrgId partner = ownOrganization(actor);
            kernel.access().require(actor, Permission.CREDENTIAL_ISSUE, partner, ErrorCode.ORGANIZATION_NOT_FOUND,
                    partner);
            Instant now = kernel.clock().instant();
            ClientId clientId = Checks.required("clientId", request.clientId());
            Instant from = Checks.required("validFrom", request.validFrom()).truncatedTo(ChronoUnit.MICROS);
            Instant to = Checks.required("validTo", request.validTo()).truncatedTo(ChronoUnit.MICROS);
            if (!to.isAfter(from)) {
                throw LatchkeyException.ofField(ErrorCode.CREDENTIAL_WINDOW_INVALID, "validTo");
            }
            if (!to.isAfter(now)) {
                throw LatchkeyException.ofField(ErrorCode.CREDENTIAL_WINDOW_IN_PAST, "validTo");
            }
            String description = Checks.optional("description", request.description(), 1000);
            String scope = "credential.issue/" + partner;
            String hash = Idempotency.hash(clientId, from, to, description);
            Optional<String> first = kernel.idempotency().replay(scope, idempotencyKey, hash);
            if (first.isPresent()) {
                Issuance issuance = store.issuances().find(IssuanceId.parse(first.get())).orElseThrow();
                return new IssuanceView(issuance, issuance.status(now));
            }
            Client client = store.clients().find(clientId).filter(c -> c.partner().equals(partner))
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.CLIENT_NOT_FOUND, "clientId", clientId));

            Credential credential = claimFree(partner, now, to);
            Transition<CredentialState, CredentialEvent> step =
                    CredentialLifecycle.CREDENTIAL.require(credential.state(), CredentialEvent.ISSUE);
            Issuance issuance = new Issuance(new IssuanceId(kernel.ids().next()), credential.id(), credential.label(),
                    partner, clientId, from, to, description, now, actor.describe(), null, null, null, 0);
            store.issuances().insert(issuance);
            credential = store.credentials().update(
                    credential.issued(issuance.id(), from, to, to.plus(settings.cooldown())));
            kernel.journal().record(actor, CredentialLifecycle.CREDENTIAL_AGGREGATE, credential.label(), step,
                    "issuance " + issuance.id());

            sendLink(client, credential);
            Credential issued = credential;
            notifyManagers(partner, Templates.CREDENTIAL_ISSUED_MANAGER, "credential.issued.manager/" + issuance.id(),
                    zone -> Map.of("clientName", client.fullName(), "clientEmail", client.email(),
                            "label", issued.label().toString(), "validFrom", shown(from, zone),
                            "validTo", shown(to, zone), "timezone", zone.getId()));
            warnIfNearlyEmpty(partner, now, issuance.id());
            kernel.idempotency().remember(scope, idempotencyKey, hash, issuance.id().toString());
            return new IssuanceView(issuance, issuance.status(now));
        });
    }

    /** Ends an issued credential now; it returns to the pool after the cool-down. */
    public IssuanceView revoke(Actor actor, Label label, String reason) {
        return store.inTransaction(() -> {
            Stepped stepped = step(actor, label, CredentialEvent.REVOKE);
            Credential credential = stepped.credential();
            Instant now = kernel.clock().instant();
            Issuance issuance = store.issuances().update(
                    currentIssuance(credential).ended(now, EndReason.REVOKED));
            store.credentials().update(credential.revoked(now.plus(settings.cooldown())));
            kernel.journal().record(actor, CredentialLifecycle.CREDENTIAL_AGGREGATE, label, stepped.step(),
                    Checks.optional("reason", reason, 1000));
            return new IssuanceView(issuance, issuance.status(now));
        });
    }

    /** Sends the client a new provisioning link; the previous link stops working. */
    public IssuanceView resend(Actor actor, Label label) {
        return store.inTransaction(() -> {
            Stepped stepped = step(actor, label, CredentialEvent.RESEND);
            Credential credential = store.credentials().update(stepped.credential().resent());
            kernel.journal().record(actor, CredentialLifecycle.CREDENTIAL_AGGREGATE, label, stepped.step(), null);
            Issuance issuance = currentIssuance(credential);
            Client client = store.clients().find(issuance.clientId()).orElseThrow();
            sendLink(client, credential);
            return new IssuanceView(issuance, issuance.status(kernel.clock().instant()));
        });
    }

    /** The current provisioning link of an issued credential (the one last e-mailed). */
    public URI provisioningLink(Actor actor, Label label) {
        return store.inTransaction(() -> {
            // Whoever may re-send the link may see it; the table's RESEND row says when there is one.
            return link(step(actor, label, CredentialEvent.RESEND).credential());
        });
    }

    /** The QR code (PNG) of {@link #provisioningLink}. */
    public byte[] provisioningQr(Actor actor, Label label) {
        return QrCode.png(provisioningLink(actor, label).toString(), QR_SIZE);
    }

    /**
     * The phone's side: exchanges the token of a provisioning link for the signed credential document. A link
     * works once; a newer link, a revocation or the end of the window kills it. Failed attempts are
     * rate-limited per source.
     *
     * @param source where the request came from (an IP address), for rate limiting
     */
    public CredentialDocument provision(String token, String source) {
        Actor phone = Actor.anonymous(source);
        String limitKey = "provision/" + phone.subject();
        kernel.rateLimiter().check(limitKey);
        Optional<ProvisioningToken> opened = ProvisioningToken.open(kernel.keys(), token);
        if (opened.isEmpty()) {
            kernel.rateLimiter().recordFailure(limitKey);
            throw LatchkeyException.ofField(ErrorCode.PROVISIONING_TOKEN_INVALID, "token");
        }
        ProvisioningToken claim = opened.get();
        return store.inTransaction(() -> {
            Instant now = kernel.clock().instant();
            if (!claim.expiresAt().isAfter(now)) {
                throw LatchkeyException.ofField(ErrorCode.PROVISIONING_TOKEN_EXPIRED, "token");
            }
            Credential credential = caughtUp(store.credentials().find(claim.credentialId()).orElseThrow(
                    () -> LatchkeyException.ofField(ErrorCode.PROVISIONING_TOKEN_INVALID, "token")));
            boolean current = claim.issuanceId().equals(credential.issuanceId())
                    && claim.generation() == credential.generation()
                    && credential.usedGeneration() != claim.generation();
            Optional<Transition<CredentialState, CredentialEvent>> step =
                    CredentialLifecycle.CREDENTIAL.find(credential.state(), CredentialEvent.PROVISION);
            if (!current || step.isEmpty()) {
                throw LatchkeyException.ofField(ErrorCode.PROVISIONING_TOKEN_USED, "token");
            }
            credential = store.credentials().update(credential.provisioned(now, claim.generation()));
            store.issuances().update(currentIssuance(credential).provisioned(now));
            kernel.journal().record(phone, CredentialLifecycle.CREDENTIAL_AGGREGATE, credential.label(), step.get(),
                    "generation " + claim.generation());
            credential = caughtUp(credential);
            return CredentialDocument.sign(kernel.keys().currentSigningKey(), credential, now);
        });
    }

    /** A credential with its effective state and current issuance. */
    public CredentialView credential(Actor actor, Label label) {
        return store.inTransaction(() -> {
            Credential credential = visibleCredential(actor, label);
            Optional<Issuance> issuance = Optional.ofNullable(credential.issuanceId())
                    .flatMap(store.issuances()::find);
            return new CredentialView(credential, credential.effectiveState(kernel.clock().instant()), issuance);
        });
    }

    /** The journal of a credential, oldest first. */
    public List<JournalEntry> history(Actor actor, Label label) {
        return store.inTransaction(() -> {
            visibleCredential(actor, label);
            return store.journal().history(CredentialLifecycle.CREDENTIAL_AGGREGATE, label.toString());
        });
    }

    /**
     * A partner's issuances, newest first ({@code partner} null: the actor's own), optionally of one client
     * and in one state now, before {@code before}.
     */
    public List<IssuanceView> issuances(Actor actor, OrgId partner, ClientId client, CredentialState status,
                                        IssuanceId before, int limit) {
        return store.inTransaction(() -> {
            OrgId owner = partner != null ? partner : ownOrganization(actor);
            kernel.access().require(actor, Permission.VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            Instant now = kernel.clock().instant();
            int wanted = Checks.pageSize(limit, MAX_LIST);
            List<IssuanceView> page = new ArrayList<>();
            IssuanceId cursor = before;
            while (page.size() < wanted) {
                List<Issuance> batch = store.issuances().list(owner, client, cursor, wanted);
                for (Issuance issuance : batch) {
                    CredentialState state = issuance.status(now);
                    if ((status == null || status == state) && page.size() < wanted) {
                        page.add(new IssuanceView(issuance, state));
                    }
                }
                if (batch.size() < wanted) {
                    break;
                }
                cursor = batch.get(batch.size() - 1).id();
            }
            return page;
        });
    }

    /** A partner's pool by effective state now ({@code partner} null: the actor's own). */
    public PoolSummary pool(Actor actor, OrgId partner) {
        return store.inTransaction(() -> {
            OrgId owner = partner != null ? partner : ownOrganization(actor);
            kernel.access().require(actor, Permission.VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            Instant now = kernel.clock().instant();
            Map<CredentialState, Integer> counts = new EnumMap<>(CredentialState.class);
            int expired = 0;
            boolean unlimited = false;
            Instant lastExpiry = null;
            for (Credential c : store.credentials().byPartner(owner)) {
                CredentialState state = c.effectiveState(now);
                boolean capacityOver = c.capacityExpiresAt() != null && c.capacityExpiresAt().isBefore(now);
                if (state == CredentialState.FREE && capacityOver) {
                    expired++;
                    continue;
                }
                counts.merge(state, 1, Integer::sum);
                if (c.capacityExpiresAt() == null) {
                    unlimited = true;
                } else if (lastExpiry == null || c.capacityExpiresAt().isAfter(lastExpiry)) {
                    lastExpiry = c.capacityExpiresAt();
                }
            }
            return new PoolSummary(owner, counts.getOrDefault(CredentialState.FREE, 0),
                    counts.getOrDefault(CredentialState.NEW, 0), counts.getOrDefault(CredentialState.ACTIVATED, 0),
                    counts.getOrDefault(CredentialState.DEACTIVATED, 0), expired,
                    unlimited ? Optional.empty() : Optional.ofNullable(lastExpiry));
        });
    }

    /** The scheduler's work for this area: activation, expiry and return to the pool. */
    public DueWork dueWork() {
        return new DueWork() {
            @Override
            public String name() {
                return "credentials";
            }

            @Override
            public int applyDue(Instant now, int limit) {
                return store.inTransaction(() -> {
                    List<Credential> due = store.credentials().claimDue(now, limit);
                    due.forEach(CredentialService.this::caughtUp);
                    return due.size();
                });
            }
        };
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** A credential, caught up with the clock, and the step {@code event} takes it on. */
    private record Stepped(Credential credential, Transition<CredentialState, CredentialEvent> step) {
    }

    /**
     * The visible credential with the table's step for {@code event} from its state, once the actor holds the
     * permission the table names for that step.
     */
    private Stepped step(Actor actor, Label label, CredentialEvent event) {
        Credential credential = caughtUp(visibleCredential(actor, label));
        Transition<CredentialState, CredentialEvent> step =
                CredentialLifecycle.CREDENTIAL.require(credential.state(), event);
        kernel.access().require(actor, step.permission(), credential.partner(), ErrorCode.CREDENTIAL_NOT_FOUND, label);
        return new Stepped(credential, step);
    }

    /** Takes every timed step that is due, persisting each with its journal entry. */
    private Credential caughtUp(Credential credential) {
        Instant now = kernel.clock().instant();
        Actor clock = Actor.system("scheduler");
        Credential current = credential;
        for (Optional<Credential.TimedStep> next = current.nextTimedStep();
             next.isPresent() && !next.get().at().isAfter(now); next = current.nextTimedStep()) {
            Credential.TimedStep timed = next.get();
            Transition<CredentialState, CredentialEvent> step =
                    CredentialLifecycle.CREDENTIAL.require(current.state(), timed.event());
            if (timed.event() == CredentialEvent.EXPIRE) {
                store.issuances().update(currentIssuance(current).ended(timed.at(), EndReason.EXPIRED));
            }
            current = store.credentials().update(current.taking(timed.event(), timed.at()));
            kernel.journal().record(clock, CredentialLifecycle.CREDENTIAL_AGGREGATE, current.label(), step,
                    "due " + timed.at());
        }
        return current;
    }

    private Credential claimFree(OrgId partner, Instant now, Instant until) {
        List<Credential> claimed = store.credentials().claimFree(partner, now, until, 1);
        if (claimed.isEmpty()) {
            // Ask again without the window's end: rows other issuers hold are skipped here too, so a pool that
            // concurrent issuers are emptying reads as empty, not as too short.
            if (!store.credentials().claimFree(partner, now, now, 1).isEmpty()) {
                throw LatchkeyException.ofField(ErrorCode.CREDENTIAL_WINDOW_OUTSIDE_CAPACITY, "validTo", until);
            }
            throw LatchkeyException.of(ErrorCode.CREDENTIAL_POOL_EMPTY);
        }
        return caughtUp(claimed.get(0));
    }

    private void sendLink(Client client, Credential credential) {
        URI link = link(credential);
        ZoneId zone = client.timezone();
        kernel.outbox().enqueue("credential.issued/" + credential.id() + "/" + credential.generation(),
                new Notification(Templates.CREDENTIAL_ISSUED, client.language(), client.email(), client.fullName(),
                        Map.of("clientName", client.fullName(), "label", credential.label().toString(),
                                "validFrom", shown(credential.validFrom(), zone),
                                "validTo", shown(credential.validTo(), zone), "timezone", zone.getId(),
                                "link", link.toString()),
                        List.of(new Attachment("provisioning-qr.png", "image/png",
                                QrCode.png(link.toString(), QR_SIZE)))));
    }

    private URI link(Credential credential) {
        String base = settings.publicUrl().toString().replaceAll("/+$", "");
        String token = ProvisioningToken.mint(kernel.keys(), credential);
        return URI.create(base + "/provision?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private void warnIfNearlyEmpty(OrgId partner, Instant now, IssuanceId cause) {
        // Capacity from the completed orders (a few rows), free credentials counted only up to the threshold.
        long capacity = store.poolOrders().list(partner, Integer.MAX_VALUE).stream()
                .filter(o -> o.status() == PoolOrderStatus.COMPLETED)
                .filter(o -> o.validUntil() == null || !o.validUntil().isBefore(now))
                .mapToLong(PoolOrder::size).sum();
        long threshold = settings.nearlyEmptyAt(capacity);
        long free = store.credentials().countIssuable(partner, now, threshold + 1);
        if (free == threshold) {
            notifyManagers(partner, Templates.POOL_NEARLY_EMPTY, "pool.nearly-empty/" + cause,
                    zone -> Map.of("free", Long.toString(free), "capacity", Long.toString(capacity)));
        }
    }

    private void notifyManagers(OrgId partner, String template, String key,
                                java.util.function.Function<ZoneId, Map<String, String>> parameters) {
        Organization organization = store.organizations().find(partner).orElseThrow();
        for (Member member : store.members().byOrganization(partner)) {
            if (member.hasAnyRole(Set.of(Role.ADMIN, Role.MANAGER))) {
                kernel.outbox().enqueue(key + "/" + member.id(), new Notification(template, member.language(),
                        member.email(), member.fullName(), parameters.apply(organization.timezone()), List.of()));
            }
        }
    }

    private Client checked(ClientId id, OrgId partner, ClientDraft draft, Instant createdAt, long version) {
        String email = Checks.email("email", draft.email());
        String fullName = Checks.optional("fullName", draft.fullName(), 200);
        ZoneId zone = Checks.timezone("timezone", draft.timezone());
        Language language = Language.parse("language", draft.language());
        String description = Checks.optional("description", draft.description(), 1000);
        return new Client(id, partner, email, fullName, zone, language, description, createdAt, version);
    }

    private Transition<PoolOrderStatus, PoolOrderEvent> decide(Actor actor, PoolOrder order, PoolOrderEvent event) {
        Transition<PoolOrderStatus, PoolOrderEvent> step = CredentialLifecycle.POOL_ORDER.require(order.status(), event);
        kernel.access().require(actor, step.permission(), order.partner(), ErrorCode.POOL_ORDER_NOT_FOUND, order.id());
        return step;
    }

    private PoolOrder visibleOrder(Actor actor, PoolOrderId id) {
        return store.poolOrders().find(id).filter(o -> kernel.access().sees(actor, o.partner()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.POOL_ORDER_NOT_FOUND, id));
    }

    private Client visibleClient(Actor actor, ClientId id, String field) {
        return store.clients().find(id).filter(c -> kernel.access().sees(actor, c.partner()))
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.CLIENT_NOT_FOUND, field, id));
    }

    private Credential visibleCredential(Actor actor, Label label) {
        return store.credentials().findByLabel(label).filter(c -> kernel.access().sees(actor, c.partner()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.CREDENTIAL_NOT_FOUND, label));
    }

    private Issuance currentIssuance(Credential credential) {
        return store.issuances().find(credential.issuanceId()).orElseThrow(
                () -> new IllegalStateException("credential " + credential.label() + " lost its issuance"));
    }

    private void requirePartner(OrgId organization) {
        Organization org = store.organizations().find(organization).orElseThrow();
        if (org.kind() != OrgKind.PARTNER) {
            throw LatchkeyException.of(ErrorCode.POOL_NOT_AVAILABLE, org.kind());
        }
    }

    private Label uniqueLabel() {
        for (int attempt = 0; attempt < 16; attempt++) {
            Label label = Label.random(kernel.random());
            if (store.credentials().findByLabel(label).isEmpty()) {
                return label;
            }
        }
        throw new IllegalStateException("the random source keeps repeating labels");
    }

    private static OrgId ownOrganization(Actor actor) {
        if (actor.organization() == null) {
            throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, "acting without an organization");
        }
        return actor.organization();
    }

    private static String shown(Instant instant, ZoneId zone) {
        return SHOWN.format(instant.atZone(zone));
    }
}
