package io.latchkey.subscription;

import java.util.Objects;

/**
 * A hub as a site's list of devices shows it: the tile under it (the seed: "Wymagana aktywacja", "Aktywowane",
 * "Wygasa wkrótce") and the subscription behind the tile, which names the package and the reseller invoiced.
 *
 * @param hub          the hub
 * @param tile         what its tile says
 * @param subscription its live subscription, as of now; null when activation is required
 */
public record HubTile(Hub hub, Tile tile, Subscription subscription) {

    /** What a hub's tile says. */
    public enum Tile {
        /** No live subscription: a tap activates one. */
        ACTIVATION_REQUIRED,
        /** A subscription is active. */
        ACTIVE,
        /** Deactivated: active to the end of the month, then it ends. */
        EXPIRES_SOON
    }

    public HubTile {
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(tile, "tile");
        if ((tile == Tile.ACTIVATION_REQUIRED) != (subscription == null)) {
            throw new IllegalArgumentException("a live subscription, and only one, is behind an active tile");
        }
    }
}
