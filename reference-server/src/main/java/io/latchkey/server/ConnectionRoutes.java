package io.latchkey.server;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.party.Connection;
import io.latchkey.party.ConnectionId;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.ConnectionState;
import io.latchkey.party.Member;
import io.latchkey.server.AccountRoutes.Email;
import io.latchkey.server.Api.Page;
import io.latchkey.server.Views.OrgView;
import java.util.List;

/** Connection requests between organizations (a company and a partner, a seller and a reseller) and resellers. */
final class ConnectionRoutes {

    record NewConnection(String fromOrgId, String toOrgId, ConnectionKind kind) {
    }

    record Reason(String reason) {
    }

    private ConnectionRoutes() {
    }

    static void declare(Api api) {
        api.area("Connections");
        api.get("/api/v1/resellers").list().query("country", "email").open()
                .summary("Resellers a seller may connect to (by country, or the one with an e-mail)").handle(c -> {
                    String email = c.query("email");
                    if (email != null) {
                        return new Page<>(c.sdk.organizations().resellerByEmail(email).map(o -> List.of(OrgView.of(o)))
                                .orElse(List.of()), null);
                    }
                    int limit = c.limit();
                    return Page.of(c.sdk.organizations().resellers(c.query("country"), c.cursorId(OrgId::parse),
                            limit).stream().map(OrgView::of).toList(), limit, OrgView::id);
                });
        api.post("/api/v1/resellers/invite").body(Email.class).status(202)
                .summary("Invite a company to register as a reseller").handle(c -> {
                    Actor actor = c.actor();
                    Member me = c.sdk.members().self(actor);
                    c.sdk.connections().inviteReseller(actor, actor.organization(), c.body(Email.class).email(),
                            me.language().tag());
                    return null;
                });
        api.post("/api/v1/connections").body(NewConnection.class).status(201)
                .summary("Ask to connect (the other side is e-mailed)").handle(c -> {
                    NewConnection b = c.body(NewConnection.class);
                    if (b.kind() == null) {
                        throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "kind", "kind");
                    }
                    return c.sdk.connections().requestConnection(c.actor(),
                            Call.id("fromOrgId", Call.required("fromOrgId", b.fromOrgId()), OrgId::parse),
                            Call.id("toOrgId", Call.required("toOrgId", b.toOrgId()), OrgId::parse), b.kind());
                });
        api.post("/api/v1/connections/{id}/approve").summary("Approve a connection request")
                .handle(c -> c.sdk.connections().approveConnection(c.actor(), connection(c)));
        api.post("/api/v1/connections/{id}/reject").summary("Reject a connection request (body optional)")
                .handle(c -> {
                    Reason reason = c.ctx.bodyAsBytes().length == 0 ? new Reason(null) : c.body(Reason.class);
                    return c.sdk.connections().rejectConnection(c.actor(), connection(c), reason.reason());
                });
        api.get("/api/v1/connections").list().query("state", "kind")
                .summary("The caller's organization's connection requests, newest first").handle(c -> {
                    int limit = c.limit();
                    List<Connection> items = c.sdk.connections().connections(c.actor(), c.actor().organization(),
                            c.queryEnum("kind", ConnectionKind.class), c.queryEnum("state", ConnectionState.class),
                            c.cursorId(ConnectionId::parse), limit);
                    return Page.of(items, limit, Connection::id);
                });
    }

    private static ConnectionId connection(Call c) {
        return c.pathId("id", ConnectionId::parse, ErrorCode.CONNECTION_NOT_FOUND);
    }
}
