package io.latchkey.server;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.billing.AddressState;
import io.latchkey.billing.BillingProfiles;
import io.latchkey.billing.Feature;
import io.latchkey.billing.ProfileAddress;
import io.latchkey.billing.ProfileState;
import io.latchkey.billing.ProfileView;
import io.latchkey.billing.SyncCheckpoint;
import io.latchkey.server.Api.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The billing: running the sync of platform profiles with the billing's accounts, and the profiles it keeps,
 * each address with what the resident may do there (the intercom's features). The operator's staff only.
 */
final class BillingRoutes {

    /**
     * One address of a profile: the billing account, the address as the billing keeps it, what it allows
     * ({@code FULL}, {@code DOOR_KEY_ONLY}) and the features that gives.
     */
    record AddressItem(String accountId, String address, AddressState accessState, List<Feature> features) {

        static AddressItem of(ProfileAddress a) {
            return new AddressItem(a.accountId(), a.address(), a.state(),
                    List.copyOf(BillingProfiles.features(a.state())));
        }
    }

    /** A platform profile with the addresses it has now. */
    record ProfileItem(String login, List<AddressItem> addresses) {

        static ProfileItem of(ProfileView v) {
            return new ProfileItem(v.profile().login(), v.addresses().stream()
                    .filter(a -> a.state() != AddressState.REMOVED).map(AddressItem::of).toList());
        }
    }

    record SyncStatus(long pass, boolean midPass, java.time.Instant lastCompletedAt) {
    }

    private BillingRoutes() {
    }

    /**
     * A sync pass now. The server's own background pass (or another node's) may be at the same page: that one
     * gives way (CONCURRENT_MODIFICATION) and this request tries again from where the other got, a few times.
     */
    private static Object sync(Call c) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return c.sdk.billingProfiles().sync(c.actor());
            } catch (LatchkeyException e) {
                if (e.code() != ErrorCode.CONCURRENT_MODIFICATION || attempt == 5) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    static void declare(Api api) {
        api.area("Billing");
        api.post("/api/v1/billing/sync").status(202)
                .summary("Run a sync pass now (the operator); answers what it did: {pass, accounts, changes, refused}")
                .handle(BillingRoutes::sync);
        api.get("/api/v1/billing/status")
                .summary("Where the sync stands: the pass under way, whether it is mid-pass, the last completed pass")
                .handle(c -> {
                    SyncCheckpoint at = c.sdk.billingProfiles().checkpoint(c.actor());
                    return new SyncStatus(at.pass(), at.cursor() != null, at.completedAt());
                });
        api.get("/api/v1/profiles").list().query("q")
                .summary("Platform profiles in login order, those whose login holds q (any case)").handle(c -> {
                    Actor actor = c.actor();
                    String q = c.query("q");
                    int limit = c.limit();
                    List<ProfileItem> items = profiles(c, actor, c.cursor(), limit,
                            q == null ? null : q.toLowerCase(Locale.ROOT));
                    return Page.of(items, limit, ProfileItem::login);
                });
        api.get("/api/v1/profiles/{login}").summary("A platform profile with its addresses (404 once they are gone)")
                .handle(c -> {
                    String login = c.path("login");
                    ProfileView found = find(c, login);
                    if (found == null || !shown(found)) {
                        throw new ApiException(404, "PROFILE_NOT_FOUND", null, "profile " + abbreviated(login)
                                + " not found");
                    }
                    return ProfileItem.of(found);
                });
    }

    /**
     * A page of the profiles shown after {@code after}: the SDK's pages are read on until {@code limit} profiles
     * whose login holds {@code text} are found or the profiles end, so that a short page is the last one.
     */
    private static List<ProfileItem> profiles(Call c, Actor actor, String after, int limit, String text) {
        List<ProfileItem> items = new ArrayList<>();
        String cursor = after;
        int size = text == null ? limit : Call.MAX_LIMIT;
        List<ProfileView> page;
        do {
            page = c.sdk.billingProfiles().profiles(actor, cursor, size);
            for (ProfileView v : page) {
                cursor = v.profile().login();
                if (shown(v) && (text == null || cursor.toLowerCase(Locale.ROOT).contains(text))) {
                    items.add(ProfileItem.of(v));
                    if (items.size() == limit) {
                        return items;
                    }
                }
            }
        } while (page.size() == size);
        return items;
    }

    /** The profile of a login; the SDK has no look-up by login, so its pages are read until the login comes. */
    private static ProfileView find(Call c, String login) {
        String after = null;
        List<ProfileView> page;
        do {
            page = c.sdk.billingProfiles().profiles(c.actor(), after, Call.MAX_LIMIT);
            for (ProfileView v : page) {
                if (v.profile().login().equals(login)) {
                    return v;
                }
                after = v.profile().login();
            }
        } while (page.size() == Call.MAX_LIMIT);
        return null;
    }

    /** A profile exists while it has an address; a removed one is history, not shown. */
    private static boolean shown(ProfileView v) {
        return v.profile().state() == ProfileState.ACTIVE
                && v.addresses().stream().anyMatch(a -> a.state() != AddressState.REMOVED);
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
