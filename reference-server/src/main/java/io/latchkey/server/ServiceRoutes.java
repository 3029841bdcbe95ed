package io.latchkey.server;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.party.Site;
import io.latchkey.party.SiteId;
import io.latchkey.server.Api.Page;
import io.latchkey.subscription.Hub;
import io.latchkey.subscription.HubId;
import io.latchkey.subscription.HubTile;
import io.latchkey.subscription.PackageDraft;
import io.latchkey.subscription.PackageId;
import io.latchkey.subscription.StatementLine;
import io.latchkey.subscription.Subscription;
import io.latchkey.subscription.SubscriptionId;
import io.latchkey.subscription.SubscriptionState;
import io.latchkey.subscription.Subscriptions.ActivationRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Service packages: the operator's catalog, sellers' sites and the hubs installed there with their tiles,
 * subscriptions on hubs, and the monthly statements per reseller (as JSON, or CSV for a spreadsheet).
 */
final class ServiceRoutes {

    /** The statement's CSV columns, in order. */
    private static final List<String> CSV_HEADER = List.of("subscriptionId", "hubSerial", "packageCode", "sellerId",
            "resellerId", "state", "startedAt", "endsAt", "endedAt", "daysActive", "daysInMonth");

    record NewPackage(String code, String name, Long monthlyPrice, String currency, Boolean requiresSim) {
    }

    record SiteBody(String name, String address) {
    }

    record NewHub(String serial, Boolean simInstalled) {
    }

    record NewSubscription(String hubId, String packageId, String resellerId) {
    }

    /** The live subscription behind a hub's tile: which package, invoiced to which reseller. */
    record LiveSubscription(String id, SubscriptionState state, String packageId, String resellerId,
                            Instant startedAt, Instant endsAt) {

        static LiveSubscription of(Subscription s) {
            return s == null ? null : new LiveSubscription(s.id().toString(), s.state(), s.pkg().toString(),
                    s.reseller().toString(), s.startedAt(), s.endsAt());
        }
    }

    /** A hub as a site's list shows it: the tile under it, and the subscription behind the tile (or null). */
    record HubItem(String id, String serial, boolean simInstalled, String siteId, HubTile.Tile tile,
                   LiveSubscription subscription) {

        static HubItem of(HubTile t) {
            Hub h = t.hub();
            return new HubItem(h.id().toString(), h.serial(), h.simInstalled(), h.site().toString(), t.tile(),
                    LiveSubscription.of(t.subscription()));
        }
    }

    record SubscriptionView(String id, String hubId, String sellerId, String resellerId, String packageId,
                            SubscriptionState state, Instant startedAt, Instant endsAt, Instant endedAt) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id().toString(), s.hub().toString(), s.seller().toString(),
                    s.reseller().toString(), s.pkg().toString(), s.state(), s.startedAt(), s.endsAt(),
                    s.endedAt());
        }
    }

    /** One line of a reseller's statement: a subscription billable in the month, and on how many days. */
    record StatementItem(String subscriptionId, String hubSerial, String packageCode, String sellerId,
                         String resellerId, SubscriptionState state, Instant startedAt, Instant endsAt,
                         Instant endedAt, int daysActive, int daysInMonth) {

        static StatementItem of(StatementLine line) {
            Subscription s = line.subscription();
            return new StatementItem(s.id().toString(), line.hubSerial(), line.packageCode(), s.seller().toString(),
                    s.reseller().toString(), s.state(), s.startedAt(), s.endsAt(), s.endedAt(), line.daysActive(),
                    line.daysInMonth());
        }

        List<Object> cells() {
            return List.of(subscriptionId, hubSerial, packageCode, sellerId, resellerId, state,
                    text(startedAt), text(endsAt), text(endedAt), daysActive, daysInMonth);
        }

        private static String text(Instant time) {
            return time == null ? "" : time.toString();
        }
    }

    private ServiceRoutes() {
    }

    static void declare(Api api) {
        api.area("Service packages");
        api.get("/api/v1/packages").summary("The catalog of service packages, by code").handle(c -> {
            // The SDK's catalog is public like a price list; the API still asks for a signed-in caller.
            c.actor();
            return new Page<>(c.sdk.catalog().packages(), null);
        });
        api.post("/api/v1/packages").body(NewPackage.class).status(201)
                .summary("The operator adds a package to the catalog").handle(c -> {
                    NewPackage b = c.body(NewPackage.class);
                    return c.sdk.catalog().createPackage(c.actor(), new PackageDraft(b.code(), b.name(),
                            b.monthlyPrice(), b.currency(), flag("requiresSim", b.requiresSim())));
                });

        api.post("/api/v1/sites").body(SiteBody.class).status(201).query("organizationId")
                .summary("Add a site (premises) to the caller's organization, or to organizationId").handle(c -> {
                    SiteBody b = c.body(SiteBody.class);
                    return c.sdk.organizations().addSite(c.actor(), organization(c), b.name(), b.address());
                });
        api.patch("/api/v1/sites/{id}").body(SiteBody.class)
                .summary("Rename a site or change its address (an address left out is cleared)").handle(c -> {
                    SiteBody b = c.body(SiteBody.class);
                    return c.sdk.organizations().updateSite(c.actor(), site(c), b.name(), b.address());
                });
        api.get("/api/v1/sites").list().query("organizationId")
                .summary("The sites of the caller's organization, or of organizationId").handle(c -> {
                    int limit = c.limit();
                    List<Site> items = c.sdk.organizations().sites(c.actor(), organization(c),
                            c.cursorId(SiteId::parse), limit);
                    return Page.of(items, limit, Site::id);
                });
        api.post("/api/v1/sites/{id}/hubs").body(NewHub.class).status(201)
                .summary("A seller's installer or service manager adds a hub at a site").handle(c -> {
                    NewHub b = c.body(NewHub.class);
                    Hub hub = c.sdk.hubs().addHub(c.actor(), site(c), b.serial(), flag("simInstalled",
                            b.simInstalled()));
                    // A hub just added has no subscription yet: its tile asks for an activation.
                    return HubItem.of(new HubTile(hub, HubTile.Tile.ACTIVATION_REQUIRED, null));
                });
        api.get("/api/v1/sites/{id}/hubs").list()
                .summary("The hubs at a site with their tiles, packages and resellers").handle(c -> {
                    int limit = c.limit();
                    List<HubItem> items = c.sdk.hubs().siteHubs(c.actor(), site(c), c.cursorId(HubId::parse), limit)
                            .stream().map(HubItem::of).toList();
                    return Page.of(items, limit, HubItem::id);
                });

        api.post("/api/v1/subscriptions").body(NewSubscription.class).status(201)
                .summary("Activate a package on a hub, invoiced to a reseller").handle(c -> {
                    NewSubscription b = c.body(NewSubscription.class);
                    return SubscriptionView.of(c.sdk.subscriptions().activate(c.actor(), new ActivationRequest(
                            Call.id("hubId", b.hubId(), HubId::parse),
                            Call.id("packageId", b.packageId(), PackageId::parse),
                            Call.id("resellerId", b.resellerId(), OrgId::parse))));
                });
        api.post("/api/v1/subscriptions/{id}/deactivate")
                .summary("Deactivate: the subscription runs to the end of the month (EXPIRES_SOON), then ends")
                .handle(c -> SubscriptionView.of(c.sdk.subscriptions().deactivate(c.actor(), subscription(c))));
        api.post("/api/v1/subscriptions/{id}/resume").summary("Take a deactivation back before the month ends")
                .handle(c -> SubscriptionView.of(c.sdk.subscriptions().resume(c.actor(), subscription(c))));
        api.post("/api/v1/subscriptions/{id}/stop").summary("Stop a subscription now (ENDED)")
                .handle(c -> SubscriptionView.of(c.sdk.subscriptions().stop(c.actor(), subscription(c))));
        api.get("/api/v1/subscriptions").list().query("sellerId")
                .summary("The subscriptions the caller's organization (or sellerId) sold, in the order made")
                .handle(c -> {
                    int limit = c.limit();
                    List<SubscriptionView> items = c.sdk.subscriptions().subscriptions(c.actor(),
                            c.queryId("sellerId", OrgId::parse), c.cursorId(SubscriptionId::parse), limit).stream()
                            .map(SubscriptionView::of).toList();
                    return Page.of(items, limit, SubscriptionView::id);
                });
        api.get("/api/v1/statements").list().query("resellerId", "month", "format")
                .summary("A reseller's statement for a month: JSON, or CSV with format=csv or Accept: text/csv")
                .handle(ServiceRoutes::statement);
    }

    /** The statement as a page of JSON, or, for a spreadsheet, every line of it from the cursor on as CSV. */
    private static Object statement(Call c) {
        Actor actor = c.actor();
        OrgId reseller = c.queryId("resellerId", OrgId::parse);
        YearMonth month = month(c.query("month"));
        boolean csv = wantsCsv(c);
        // Caches must not give a CSV answer to a JSON request of the same address.
        c.ctx.header("Vary", "Accept");
        SubscriptionId after = c.cursorId(SubscriptionId::parse);
        if (!csv) {
            int limit = c.limit();
            List<StatementItem> items = c.sdk.statements().statement(actor, reseller, month, after, limit).stream()
                    .map(StatementItem::of).toList();
            return Page.of(items, limit, StatementItem::subscriptionId);
        }
        StringBuilder out = new StringBuilder();
        row(out, CSV_HEADER);
        List<StatementLine> page;
        do {
            page = c.sdk.statements().statement(actor, reseller, month, after, Call.MAX_LIMIT);
            for (StatementLine line : page) {
                row(out, StatementItem.of(line).cells());
                after = line.subscription().id();
            }
        } while (page.size() == Call.MAX_LIMIT);
        c.ctx.header("Content-Disposition", "attachment; filename=\"statement-" + reseller + "-" + month + ".csv\"");
        return new Api.Binary("text/csv; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static YearMonth month(String value) {
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(ErrorCode.FIELD_MALFORMED.name(), "month", "month must be a month like 2026-11");
        }
    }

    /** Whether the client asks for CSV: {@code format=csv}, or an Accept that ranks text/csv at least as JSON. */
    private static boolean wantsCsv(Call c) {
        String format = c.query("format");
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ApiException.invalid(ErrorCode.VALUE_NOT_IN_LIST.name(), "format",
                        "format must be one of [json, csv]");
            };
        }
        String accept = c.ctx.header("Accept");
        if (accept == null) {
            return false;
        }
        double csv = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        // A weight that is no number weighs nothing.
                        q = 0;
                    }
                }
            }
            if (type.equals("text/csv")) {
                csv = Math.max(csv, q);
            } else if (type.equals("application/json")) {
                json = Math.max(json, q);
            }
        }
        return csv > 0 && csv >= json;
    }

    /** One CSV record (RFC 4180, CRLF). */
    private static void row(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * A CSV cell: quoted when it holds a separator, a quote or a line break; and a cell a spreadsheet would take
     * for a formula (leading =, +, -, @, tab or CR: codes and serials are typed by users) gets an apostrophe.
     */
    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** A required true/false of a body: left out is refused, never taken for false. */
    private static boolean flag(String field, Boolean value) {
        if (value == null) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, field, field);
        }
        return value;
    }

    /** The organization a site call is about: {@code organizationId}, or the caller's own. */
    private static OrgId organization(Call c) {
        OrgId given = c.queryId("organizationId", OrgId::parse);
        return given != null ? given : c.actor().organization();
    }

    private static SiteId site(Call c) {
        return c.pathId("id", SiteId::parse, ErrorCode.SITE_NOT_FOUND);
    }

    private static SubscriptionId subscription(Call c) {
        return c.pathId("id", SubscriptionId::parse, ErrorCode.SUBSCRIPTION_NOT_FOUND);
    }
}
