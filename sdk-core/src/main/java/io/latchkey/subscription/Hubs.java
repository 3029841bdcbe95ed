package io.latchkey.subscription;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.party.Organization;
import io.latchkey.party.Site;
import io.latchkey.party.SiteId;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hubs a seller installs at its sites: added by its installers and service managers, moved to another
 * site only while no subscription is live on them.
 *
 * <p>Thread-safe.
 */
public final class Hubs {

    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");

    private final Transactions transactions;
    private final SubscriptionRecords records;

    Hubs(Transactions transactions, SubscriptionRecords records) {
        this.transactions = transactions;
        this.records = records;
    }

    /** A seller's installer or service manager adds a hub at one of the seller's sites. */
    public Hub addHub(Actor actor, SiteId siteId, String serial, boolean simInstalled) {
        String normalized = Checks.required("serial", serial).toUpperCase(Locale.ROOT);
        if (!SERIAL.matcher(normalized).matches()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "serial", "serial", "letters, digits, dashes");
        }
        return transactions.inTransaction(() -> {
            Organization seller = records.seller(actor);
            records.site(seller, siteId);
            Hub hub = new Hub(new HubId(records.ids.next()), seller.id(), siteId, normalized, simInstalled,
                    records.clock.instant(), 0);
            records.store.hubs().insert(hub);
            return hub;
        });
    }

    /** Moves a hub's configuration to another site of the seller; refused while it has a live subscription. */
    public Hub transferHub(Actor actor, HubId hubId, SiteId siteId) {
        return transactions.inTransaction(() -> {
            Organization seller = records.seller(actor);
            Hub hub = records.hub(seller, hubId);
            records.site(seller, siteId);
            if (records.live(hub.id()).isPresent()) {
                throw LatchkeyException.of(ErrorCode.ACTIVE_SUBSCRIPTIONS);
            }
            return records.store.hubs().update(hub.movedTo(siteId));
        });
    }

    /**
     * The hubs at a site with their tiles (the seed: "Na liście urządzeń kliknij kafelek ... pod hubem"), for
     * the seller's staff and those above it: each with its live subscription as of now, which names the package
     * and the reseller. A page in id order after {@code after}, at most {@code limit} (up to 1,000).
     */
    public List<HubTile> siteHubs(Actor actor, SiteId siteId, HubId after, int limit) {
        return transactions.inTransaction(() -> {
            Site site = records.party.sites().find(Checks.required("siteId", siteId))
                    .filter(s -> records.access.sees(actor, s.organization()))
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.SITE_NOT_FOUND, "siteId", siteId));
            records.access.require(actor, Permission.SUBSCRIPTION_VIEW, site.organization(),
                    ErrorCode.SITE_NOT_FOUND, siteId);
            Instant now = records.clock.instant();
            List<HubTile> tiles = new ArrayList<>();
            for (Hub hub : records.store.hubs().bySite(site.id(), after, Checks.pageSize(limit))) {
                Subscription live = records.live(hub.id()).map(s -> s.asOf(now)).orElse(null);
                HubTile.Tile tile = live == null ? HubTile.Tile.ACTIVATION_REQUIRED
                        : live.state() == SubscriptionState.EXPIRES_SOON ? HubTile.Tile.EXPIRES_SOON
                        : HubTile.Tile.ACTIVE;
                tiles.add(new HubTile(hub, tile, live));
            }
            return tiles;
        });
    }

    /**
     * A page of a seller's hubs ({@code seller} null: the actor's own), in the order they were registered:
     * those after {@code after} (from the first when it is null), at most {@code limit} (up to 1,000).
     */
    public List<Hub> hubs(Actor actor, OrgId seller, HubId after, int limit) {
        return transactions.inTransaction(() -> {
            OrgId owner = Checks.required("sellerId", seller != null ? seller : actor.organization());
            records.access.require(actor, Permission.SUBSCRIPTION_VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            return records.store.hubs().bySeller(owner, after, Checks.pageSize(limit));
        });
    }
}
