package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Holder;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Actors;
import io.latchkey.internal.Checks;
import io.latchkey.internal.Portal;
import io.latchkey.limits.Limit;
import io.latchkey.limits.RateLimiter;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Outbox;
import io.latchkey.notify.Templates;
import io.latchkey.store.Transactions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Connection requests between organizations: a company asks a (new) partner, a seller asks a reseller; the
 * receiver approves or rejects, the requester may withdraw. A company's partner connection is exclusive:
 * approving it moves the company under the new partner.
 *
 * <p>Thread-safe.
 */
public final class Connections {

    private final Transactions transactions;
    private final PartyRecords records;
    private final Outbox outbox;
    private final URI publicUrl;
    private final RateLimiter rateLimiter;

    Connections(Transactions transactions, PartyRecords records, Outbox outbox, URI publicUrl,
                RateLimiter rateLimiter) {
        this.transactions = transactions;
        this.records = records;
        this.outbox = outbox;
        this.publicUrl = publicUrl;
        this.rateLimiter = rateLimiter;
    }

    /**
     * An organization the actor administers asks another for a connection: a company its (new) partner, or the
     * licensor to go back to it; a seller a reseller. A company asks again once an earlier request is decided; a
     * seller asks a reseller only once (the seed: "wyłącznie raz dla każdego Resellera"): after a rejection it
     * is told when and why, and may ask the operator. The receiver's administrators are e-mailed.
     */
    public Connection requestConnection(Actor actor, OrgId fromId, OrgId toId, ConnectionKind kind) {
        ConnectionKind checkedKind = Checks.required("kind", kind);
        return transactions.inTransaction(() -> {
            Organization from = records.organization(actor, Checks.required("fromOrgId", fromId),
                    Permission.CONNECTION_REQUEST);
            // The receiving side is picked from a public list of partners: it need not be in the actor's channel.
            // Only open partners are on the list; anything else is answered as if it did not exist.
            Organization to = records.store.organizations().find(Checks.required("toOrgId", toId))
                    .filter(o -> o.isOpen() && (o.kind() == OrgKind.PARTNER
                            || o.kind() == OrgKind.OPERATOR && checkedKind == ConnectionKind.COMPANY_TO_PARTNER))
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.ORGANIZATION_NOT_FOUND, "toOrgId", toId));
            if (checkedKind == ConnectionKind.SELLER_TO_RESELLER && !from.isSeller()) {
                throw LatchkeyException.ofField(ErrorCode.NOT_A_SELLER, "fromOrgId", from.id());
            }
            if (from.kind() != OrgKind.COMPANY) {
                throw LatchkeyException.ofField(ErrorCode.CONNECTION_KIND_INVALID, "kind", checkedKind,
                        OrgKind.COMPANY, OrgKind.PARTNER);
            }
            if (to.id().equals(from.parentId()) && checkedKind == ConnectionKind.COMPANY_TO_PARTNER) {
                throw LatchkeyException.ofField(ErrorCode.CONNECTION_EXISTS, "toOrgId");
            }
            for (Connection earlier : records.store.connections().involving(from.id(), checkedKind, null)) {
                if (earlier.from().equals(from.id()) && earlier.to().equals(to.id())) {
                    refuseAgain(earlier);
                }
            }
            Connection request = records.steps.create(actor, records.connections, new Connection(
                    new ConnectionId(records.ids.next()), checkedKind, from.id(), to.id(), ConnectionState.PENDING,
                    records.clock.instant(), null, null, null, 0), checkedKind + " " + from.id() + " -> " + to.id());
            String link = Portal.link(publicUrl, "/connections");
            for (Member admin : records.store.administrators(to.id())) {
                outbox.enqueue("connection.requested/" + request.id() + "/" + admin.id(), new Notification(
                        Templates.CONNECTION_REQUESTED, admin.language(), admin.email(), admin.fullName(),
                        Map.of("requester", from.name(), "organization", to.name(), "link", link), List.of()));
            }
            return request;
        });
    }

    /** Whether a request may follow an earlier one of the same pair: never while one is open, nor to a reseller. */
    private static void refuseAgain(Connection earlier) {
        boolean open = earlier.state() == ConnectionState.PENDING || earlier.state() == ConnectionState.APPROVED;
        boolean once = earlier.kind() == ConnectionKind.SELLER_TO_RESELLER
                && earlier.state() != ConnectionState.WITHDRAWN;
        if (earlier.state() == ConnectionState.REJECTED && once) {
            throw LatchkeyException.ofField(ErrorCode.CONNECTION_REJECTED, "toOrgId", earlier.decidedAt(),
                    earlier.reason() == null ? "no reason given" : earlier.reason());
        }
        if (open || once) {
            throw LatchkeyException.ofField(ErrorCode.CONNECTION_EXISTS, "toOrgId");
        }
    }

    /**
     * The receiving organization approves. A company's partner connection is exclusive: the company moves under
     * the new partner (which from now on sees it, and the old one no longer does) and its previous one ends.
     */
    public Connection approveConnection(Actor actor, ConnectionId id) {
        return transactions.inTransaction(() -> {
            Connection approved = decide(actor, id, ConnectionEvent.APPROVE, null);
            moveIfExclusive(records, approved);
            return approved;
        });
    }

    /** The receiving organization declines, saying why if it likes: the requester sees the reason. */
    public Connection rejectConnection(Actor actor, ConnectionId id, String reason) {
        String why = Checks.text("reason", reason, 1000);
        return transactions.inTransaction(() -> decide(actor, id, ConnectionEvent.REJECT, why));
    }

    /** The requesting organization takes a pending request back. */
    public Connection withdrawConnection(Actor actor, ConnectionId id) {
        return transactions.inTransaction(() -> decide(actor, id, ConnectionEvent.WITHDRAW, null));
    }

    /**
     * A page of the connections an organization the actor may view sent or received, oldest first: those
     * after {@code after} (from the first when it is null), at most {@code limit} (up to 1,000).
     */
    public List<Connection> connections(Actor actor, OrgId organization, ConnectionKind kind, ConnectionState state,
                                        ConnectionId after, int limit) {
        return transactions.inTransaction(() -> {
            OrgId owner = Checks.required("organization", organization != null ? organization : actor.organization());
            records.access.require(actor, Permission.VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            return records.store.connections().involving(owner, kind, state, after, Checks.pageSize(limit));
        });
    }

    /**
     * A seller invites a reseller that is not on the list yet, by e-mail: the mail says who invites and links
     * to the registration page. Once the reseller is a partner, the seller sends it a connection request.
     * Invitations are limited per seller and per address ({@link Limit#RESELLER_INVITATION},
     * {@link Limit#MAIL_TO_ADDRESS}).
     */
    public void inviteReseller(Actor actor, OrgId sellerId, String email, String language) {
        String to = Checks.email("email", email);
        Language lang = language == null ? null : Language.parse("language", language);
        OrgId from = Checks.required("fromOrgId", sellerId);
        rateLimiter.spending(Limit.RESELLER_INVITATION, from.toString(), () -> rateLimiter.spending(
                Limit.MAIL_TO_ADDRESS, to, () -> invite(actor, from, to, lang)));
    }

    private void invite(Actor actor, OrgId sellerId, String to, Language lang) {
        transactions.inTransaction(() -> {
            Organization seller = records.organization(actor, sellerId, Permission.CONNECTION_REQUEST);
            if (!seller.isSeller()) {
                throw LatchkeyException.ofField(ErrorCode.NOT_A_SELLER, "fromOrgId", seller.id());
            }
            String link = Portal.link(publicUrl, "/register?invitedBy="
                    + URLEncoder.encode(seller.id().toString(), StandardCharsets.UTF_8));
            outbox.enqueue("reseller.invited/" + seller.id() + "/" + to, new Notification(
                    Templates.RESELLER_INVITED, lang != null ? lang : seller.language(), to, "",
                    Map.of("seller", seller.name(), "link", link), List.of()));
        });
    }

    /** Takes {@code event}: the receiver decides, the requester withdraws; each needs the table's permission. */
    private Connection decide(Actor actor, ConnectionId id, ConnectionEvent event, String reason) {
        Connection connection = records.store.connections().find(id)
                .filter(c -> records.access.sees(actor, c.from()) || records.access.sees(actor, c.to()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.CONNECTION_NOT_FOUND, id));
        OrgId side = event == ConnectionEvent.WITHDRAW ? connection.from() : connection.to();
        return records.steps.checkOver(actor, Holder.of(side), records.connections, connection, event)
                .take((c, to) -> c.decided(to, records.clock.instant(), actor.describe(), reason), reason);
    }

    /**
     * What follows when a company's partner connection is approved: the company's previous partner connection
     * ends and the company moves under the new partner. The kernel takes both steps; the reason names the cause.
     */
    static void moveIfExclusive(PartyRecords records, Connection approved) {
        if (approved.kind() != ConnectionKind.COMPANY_TO_PARTNER) {
            return;
        }
        Actor kernel = Actors.system("connection");
        String cause = "approved " + approved.id();
        for (Connection previous : records.store.connections().involving(approved.from(),
                ConnectionKind.COMPANY_TO_PARTNER, ConnectionState.APPROVED)) {
            if (previous.from().equals(approved.from()) && !previous.id().equals(approved.id())) {
                records.steps.take(kernel, records.connections, previous, ConnectionEvent.END,
                        (c, to) -> c.decided(to, records.clock.instant(), kernel.describe()), cause);
            }
        }
        Organization company = records.store.organizations().find(approved.from()).orElseThrow();
        records.steps.take(kernel, records.organizations, company, OrganizationEvent.MOVE,
                (o, to) -> o.withParent(approved.to()), company.parentId() + " -> " + approved.to() + ", " + cause);
    }
}
