package io.latchkey.server;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientDraft;
import io.latchkey.credential.ClientId;
import io.latchkey.credential.CredentialDocument;
import io.latchkey.credential.CredentialState;
import io.latchkey.credential.Issuance;
import io.latchkey.credential.IssuanceFilter;
import io.latchkey.credential.IssuanceId;
import io.latchkey.credential.IssuanceView;
import io.latchkey.credential.IssueRequest;
import io.latchkey.credential.Label;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolOrderId;
import io.latchkey.credential.PoolOrderStatus;
import io.latchkey.credential.PoolSummary;
import io.latchkey.credential.PoolTerm;
import io.latchkey.server.Api.Page;
import io.latchkey.server.AccountRoutes.Token;
import io.latchkey.server.ConnectionRoutes.Reason;
import java.time.Instant;
import java.util.List;

/**
 * Credential pools (PW-ID RT): partners order pool capacity from their dealer, keep clients, issue labels to them
 * for a window and take them back; the phone exchanges its provisioning link for the signed credential document.
 */
final class CredentialRoutes {

    record PoolOrderBody(Integer size, PoolTerm term) {
    }

    /** An order as the lists show it; {@code completedAt} is its decision time once COMPLETED. */
    record PoolOrderItem(String id, long number, String partner, String dealer, int size, PoolTerm term,
                         Instant createdAt, Instant validUntil, PoolOrderStatus status, Instant decidedAt,
                         Instant completedAt) {

        static PoolOrderItem of(PoolOrder o) {
            return new PoolOrderItem(o.id().toString(), o.number(), o.partner().toString(), o.dealer().toString(),
                    o.size(), o.term(), o.createdAt(), o.validUntil(), o.status(), o.decidedAt(),
                    o.status() == PoolOrderStatus.COMPLETED ? o.decidedAt() : null);
        }
    }

    /** The pool at a glance; {@code capacityExpiresAt} null when some capacity is unlimited or none is left. */
    record PoolView(int free, int issued, int active, int deactivated, int expired, Instant capacityExpiresAt) {

        static PoolView of(PoolSummary s) {
            return new PoolView(s.free(), s.issued(), s.active(), s.deactivated(), s.expired(),
                    s.capacityExpiresAt().orElse(null));
        }
    }

    record ClientBody(String email, String fullName, String timezone, String language, String description) {
    }

    record CredentialBody(String clientId, String validFrom, String validTo, String description) {
    }

    record ClientRef(String id, String fullName, String email) {
    }

    /** An issued label: its state now, its client, its window and whether the phone has downloaded it. */
    record IssuanceItem(String id, String label, CredentialState status, ClientRef client, Instant validFrom,
                        Instant validTo, String description, Instant issuedAt, Instant downloadedAt,
                        Instant endedAt, boolean windowStarted) {

        static IssuanceItem of(IssuanceView v) {
            Issuance i = v.issuance();
            Client c = v.client();
            return new IssuanceItem(i.id().toString(), i.label().toString(), v.status(),
                    new ClientRef(c.id().toString(), c.fullName(), c.email()), i.validFrom(), i.validTo(),
                    i.description(), i.issuedAt(), v.downloadedAt().orElse(null), i.endedAt(), v.windowStarted());
        }
    }

    /** The signed document the phone keeps; the label as its 16 hex digits (the SDK's record holds a long). */
    record ProvisionedDocument(String label, Instant validFrom, Instant validTo, String issuer, Instant issuedAt,
                               String keyId, String encoded) {

        static ProvisionedDocument of(CredentialDocument d) {
            return new ProvisionedDocument(d.label().toString(), d.validFrom(), d.validTo(), d.issuer(),
                    d.issuedAt(), d.keyId(), d.encoded());
        }
    }

    private CredentialRoutes() {
    }

    static void declare(Api api) {
        api.area("Credential pools");
        api.post("/api/v1/pool-orders").body(PoolOrderBody.class).status(201)
                .summary("A partner orders pool capacity from its dealer (NEW until decided)").handle(c -> {
                    PoolOrderBody body = c.body(PoolOrderBody.class);
                    if (body.size() == null) {
                        throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "size", "size");
                    }
                    return PoolOrderItem.of(c.sdk.poolOrders().placeOrder(c.actor(), body.size(), body.term(),
                            c.ctx.header("Idempotency-Key")));
                });
        api.post("/api/v1/pool-orders/{id}/complete").summary("Complete a NEW order: its credentials are minted")
                .handle(c -> PoolOrderItem.of(c.sdk.poolOrders().completeOrder(c.actor(), poolOrder(c))));
        api.post("/api/v1/pool-orders/{id}/reject").summary("Reject a NEW order (body {\"reason\"} optional)")
                .handle(c -> {
                    Reason reason = c.ctx.bodyAsBytes().length == 0 ? new Reason(null) : c.body(Reason.class);
                    return PoolOrderItem.of(c.sdk.poolOrders().rejectOrder(c.actor(), poolOrder(c),
                            reason.reason()));
                });
        api.get("/api/v1/pool-orders").list().query("status", "scope")
                .summary("Pool orders, newest first: the caller's own, or scope=inbox: those awaiting its decision")
                .handle(CredentialRoutes::poolOrders);
        api.get("/api/v1/pool").summary("The caller's pool by state now")
                .handle(c -> PoolView.of(c.sdk.credentials().pool(c.actor(), null)));

        api.post("/api/v1/clients").body(ClientBody.class).status(201).summary("Add a client to the caller's partner")
                .handle(c -> c.sdk.clients().createClient(c.actor(), draft(c.body(ClientBody.class), null)));
        api.patch("/api/v1/clients/{id}").body(ClientBody.class)
                .summary("Change a client's details (fields left out keep their value)").handle(c -> {
                    ClientBody body = c.body(ClientBody.class);
                    ClientId id = c.pathId("id", ClientId::parse, ErrorCode.CLIENT_NOT_FOUND);
                    Client current = c.sdk.clients().client(c.actor(), id);
                    return c.sdk.clients().updateClient(c.actor(), id, draft(body, current));
                });
        api.get("/api/v1/clients").list().summary("The caller's clients by e-mail").handle(c -> {
            int limit = c.limit();
            return Page.of(c.sdk.clients().clients(c.actor(), null, c.cursor(), limit), limit, Client::email);
        });

        api.post("/api/v1/credentials").body(CredentialBody.class).status(201)
                .summary("Issue a free label to a client for a window; the client is e-mailed the link").handle(c -> {
                    CredentialBody b = c.body(CredentialBody.class);
                    IssueRequest request = new IssueRequest(Call.id("clientId", b.clientId(), ClientId::parse),
                            Call.time("validFrom", b.validFrom()), Call.time("validTo", b.validTo()),
                            b.description());
                    return IssuanceItem.of(c.sdk.issuing().issue(c.actor(), request,
                            c.ctx.header("Idempotency-Key")));
                });
        api.get("/api/v1/credentials").list().query("status", "clientId", "from", "to")
                .summary("Issued labels, newest first, with their client, window and download time").handle(c -> {
                    int limit = c.limit();
                    IssuanceFilter filter = new IssuanceFilter(null, c.queryId("clientId", ClientId::parse),
                            c.queryEnum("status", CredentialState.class), c.queryTime("from"), c.queryTime("to"));
                    List<IssuanceItem> items = c.sdk.credentials().issuances(c.actor(), filter,
                            c.cursorId(IssuanceId::parse), limit).stream().map(IssuanceItem::of).toList();
                    return Page.of(items, limit, IssuanceItem::id);
                });
        api.post("/api/v1/credentials/{label}/revoke")
                .summary("Revoke an issued label now (body {\"reason\"} optional)").handle(c -> {
                    Reason reason = c.ctx.bodyAsBytes().length == 0 ? new Reason(null) : c.body(Reason.class);
                    return IssuanceItem.of(c.sdk.issuing().revoke(c.actor(), label(c), reason.reason()));
                });
        api.post("/api/v1/credentials/{label}/resend").status(202)
                .summary("E-mail the client a new provisioning link; the old one stops working").handle(c -> {
                    c.sdk.issuing().resend(c.actor(), label(c));
                    return null;
                });
        api.get("/api/v1/credentials/{label}/qr.png").produces("image/png")
                .summary("The QR code of the label's current provisioning link")
                .handle(c -> new Api.Binary("image/png", c.sdk.issuing().provisioningQr(c.actor(), label(c))));
        api.post("/api/v1/provision").open().body(Token.class)
                .summary("The phone exchanges a provisioning link's token for its signed credential document")
                .handle(c -> ProvisionedDocument.of(c.sdk.provisioning().provision(
                        Call.required("token", c.body(Token.class).token()), c.source())));
    }

    private static Page<PoolOrderItem> poolOrders(Call c) {
        Actor actor = c.actor();
        int limit = c.limit();
        PoolOrderStatus status = c.queryEnum("status", PoolOrderStatus.class);
        Long before = c.cursorId(Long::valueOf);
        String scope = c.query("scope");
        List<PoolOrder> orders;
        if ("inbox".equals(scope)) {
            orders = c.sdk.poolOrders().inbox(actor, before, limit);
        } else if (scope == null) {
            // orders() pages no further than its first page: the cursor and the status are applied to the
            // longest one. Its null partner is the caller's own (for the operator: every partner's).
            boolean narrowed = before != null || status != null;
            orders = c.sdk.poolOrders().orders(actor, null, narrowed ? Call.MAX_LIMIT : limit).stream()
                    .filter(o -> before == null || o.number() < before).toList();
        } else {
            throw ApiException.invalid(ErrorCode.VALUE_NOT_IN_LIST.name(), "scope", "scope must be inbox");
        }
        List<PoolOrderItem> items = orders.stream().filter(o -> status == null || o.status() == status).limit(limit)
                .map(PoolOrderItem::of).toList();
        return Page.of(items, limit, PoolOrderItem::number);
    }

    /** The client's details as typed, over {@code current}'s where a field is left out (PATCH). */
    private static ClientDraft draft(ClientBody b, Client current) {
        if (current == null) {
            return new ClientDraft(b.email(), b.fullName(), b.timezone(), b.language(), b.description());
        }
        return new ClientDraft(b.email() != null ? b.email() : current.email(),
                b.fullName() != null ? b.fullName() : current.fullName(),
                b.timezone() != null ? b.timezone() : current.timezone().getId(),
                b.language() != null ? b.language() : current.language().tag(),
                b.description() != null ? b.description() : current.description());
    }

    private static PoolOrderId poolOrder(Call c) {
        return c.pathId("id", PoolOrderId::parse, ErrorCode.POOL_ORDER_NOT_FOUND);
    }

    /** The label of the path; text that cannot be a label names no credential: 404, not 422. */
    private static Label label(Call c) {
        return c.pathId("label", CredentialRoutes::parseLabel, ErrorCode.CREDENTIAL_NOT_FOUND);
    }

    private static Label parseLabel(String text) {
        try {
            return Label.parse("label", text);
        } catch (LatchkeyException malformed) {
            // Call.pathId turns a parse failure into the area's NOT_FOUND; Label refuses with a typed code instead.
            throw new IllegalArgumentException(malformed.getMessage(), malformed);
        }
    }
}
