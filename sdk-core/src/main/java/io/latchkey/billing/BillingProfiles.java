package io.latchkey.billing;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Access;
import io.latchkey.access.Actor;
import io.latchkey.access.Holder;
import io.latchkey.access.Permission;
import io.latchkey.crypto.Ids;
import io.latchkey.internal.Checks;
import io.latchkey.lifecycle.Aggregate;
import io.latchkey.lifecycle.Steps;
import io.latchkey.store.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Platform profiles kept in step with the billing (seed 001): the sync reads every billing account page by page,
 * links each account that names a platform login to that login's profile (made the first time), and decides what
 * the resident may do at its address; the intercom asks {@link #features}. The sync is idempotent and resumable:
 * each page's effects commit with the checkpoint; a completed pass removes what the billing no longer has.
 *
 * <p>Thread-safe; two syncs at once (on two nodes) are safe, one of them gives way.
 */
public final class BillingProfiles {

    private static final int PAGE = 100;
    private static final String RECONCILING = "";
    /** The longest cursor a checkpoint keeps. */
    private static final int MAX_CURSOR = 200;

    private final Transactions transactions;
    private final BillingStore store;
    private final BillingGateway gateway;
    private final Steps steps;
    private final Access access;
    private final Clock clock;
    private final Ids ids;
    private final Aggregate<Profile, ProfileState, ProfileEvent> profiles;
    private final Aggregate<ProfileAddress, AddressState, AddressEvent> addresses;

    BillingProfiles(Transactions transactions, BillingStore store, BillingGateway gateway, Steps steps,
                    Access access, Clock clock, Ids ids) {
        this.transactions = transactions;
        this.store = store;
        this.gateway = gateway;
        this.steps = steps;
        this.access = access;
        this.clock = clock;
        this.ids = ids;
        this.profiles = new Aggregate<>(BillingLifecycle.PROFILE, Profile::state, Profile::login,
                p -> Holder.NOBODY, store.profiles()::insert, store.profiles()::update);
        this.addresses = new Aggregate<>(BillingLifecycle.ADDRESS, ProfileAddress::state, ProfileAddress::accountId,
                a -> Holder.NOBODY, store.addresses()::insert, store.addresses()::update);
    }

    /**
     * Runs the sync until the pass under way is complete: reads the billing's accounts from where the last run
     * stopped, applies each page with the checkpoint, then removes what the pass did not see.
     *
     * @throws LatchkeyException {@link ErrorCode#BILLING_UNAVAILABLE} if the billing cannot be read; what was
     *                           applied stays, and the next run resumes there
     */
    public SyncReport sync(Actor actor) {
        transactions.inTransaction(() -> {
            access.requireOperator(actor, Permission.BILLING_SYNC);
            return null;
        });
        int read = 0;
        int changes = 0;
        List<String> refused = new ArrayList<>();
        SyncCheckpoint at = transactions.inTransaction(() -> store.checkpoint().current());
        while (!RECONCILING.equals(at.cursor())) {
            AccountPage page = page(at.cursor());
            Applied applied = applied(actor, at, page);
            at = applied.checkpoint();
            read += page.accounts().size();
            changes += applied.changes();
            refused.addAll(applied.refused());
        }
        long pass = at.pass();
        int removed;
        do {
            removed = transactions.inTransaction(() -> {
                List<ProfileAddress> unseen = store.addresses().unseenSince(pass, PAGE);
                for (ProfileAddress address : unseen) {
                    remove(actor, address, pass, "not in the billing any more");
                }
                return unseen.size();
            });
            changes += removed;
        } while (removed == PAGE);
        SyncCheckpoint done = at;
        transactions.inTransaction(() -> store.checkpoint().save(new SyncCheckpoint(pass + 1, null,
                clock.instant(), done.version())));
        return new SyncReport(pass, read, changes, refused);
    }

    /** What a page did: the checkpoint after it, the changes it made, the accounts it refused. */
    private record Applied(SyncCheckpoint checkpoint, int changes, List<String> refused) {
    }

    /**
     * Applies a page with the checkpoint after it, in one transaction, if the checkpoint is still where the page
     * was read from. Another sync at the same page (another node) makes this one give way.
     */
    private Applied applied(Actor actor, SyncCheckpoint from, AccountPage page) {
        try {
            return transactions.inTransaction(() -> {
                SyncCheckpoint stored = store.checkpoint().current();
                if (!stored.equals(from)) {
                    throw LatchkeyException.of(ErrorCode.CONCURRENT_MODIFICATION, "billing sync");
                }
                int changes = 0;
                List<String> refused = new ArrayList<>();
                for (BillingAccount account : page.accounts()) {
                    String unfit = unfit(account);
                    if (unfit == null) {
                        changes += apply(actor, account, stored.pass());
                    } else {
                        refused.add(account.accountId() + ": " + unfit);
                    }
                }
                return new Applied(store.checkpoint().save(new SyncCheckpoint(stored.pass(),
                        page.next() == null ? RECONCILING : page.next(), stored.completedAt(), stored.version())),
                        changes, refused);
            });
        } catch (LatchkeyException e) {
            if (e.code() == ErrorCode.DUPLICATE) {
                // The other sync made the same profile or address first.
                throw LatchkeyException.of(ErrorCode.CONCURRENT_MODIFICATION, "billing sync");
            }
            throw e;
        }
    }

    /**
     * What a platform login may do at an address, as the intercom asks: every feature with an active account and a
     * running service, the door key only while the account is blocked, nothing where the profile has no such
     * address (or no profile). The address is matched as the billing keeps it, ignoring case and outer spaces.
     */
    public Set<Feature> features(String login, String address) {
        String wanted = Checks.required("address", address, 500).toLowerCase(Locale.ROOT);
        String name = Checks.required("login", login, 200);
        return transactions.inTransaction(() -> {
            Set<Feature> features = EnumSet.noneOf(Feature.class);
            store.profiles().findByLogin(name).filter(p -> p.state() == ProfileState.ACTIVE).ifPresent(p -> {
                for (ProfileAddress a : store.addresses().byProfile(p.id())) {
                    if (a.address().strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                        features.addAll(features(a.state()));
                    }
                }
            });
            return features;
        });
    }

    /** The features an address in {@code state} gives. */
    public static Set<Feature> features(AddressState state) {
        return switch (state) {
            case FULL -> EnumSet.allOf(Feature.class);
            case DOOR_KEY_ONLY -> EnumSet.of(Feature.DOOR_KEY);
            case REMOVED -> EnumSet.noneOf(Feature.class);
        };
    }

    /**
     * Where the sync stands: the pass under way, the cursor of its next page (null between passes) and when the
     * last full pass completed; the operator's staff.
     */
    public SyncCheckpoint checkpoint(Actor actor) {
        return transactions.inTransaction(() -> {
            access.requireOperator(actor, Permission.BILLING_VIEW);
            return store.checkpoint().current();
        });
    }

    /** A page of profiles in login order after {@code afterLogin}, with their addresses: the operator's staff. */
    public List<ProfileView> profiles(Actor actor, String afterLogin, int limit) {
        String after = Checks.optional("afterLogin", afterLogin, 200);
        return transactions.inTransaction(() -> {
            access.requireOperator(actor, Permission.BILLING_VIEW);
            List<ProfileView> views = new ArrayList<>();
            for (Profile p : store.profiles().page(after, Checks.pageSize(limit))) {
                views.add(new ProfileView(p, store.addresses().byProfile(p.id())));
            }
            return views;
        });
    }

    private AccountPage page(String cursor) {
        try {
            AccountPage page = gateway.accounts(cursor, PAGE);
            if (page == null || page.next() != null && (page.next().equals(cursor) || page.accounts().isEmpty()
                    || page.next().length() > MAX_CURSOR)) {
                throw new IllegalStateException("a page that does not move on from " + cursor);
            }
            return page;
        } catch (LatchkeyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw LatchkeyException.of(ErrorCode.BILLING_UNAVAILABLE, e.getMessage());
        }
    }

    /**
     * Why an account cannot be taken as it is, or null: what a profile keeps is bounded (account ids 100, logins
     * 200, addresses 500 characters) and one line, and one bad account must not hold up the rest of the pass.
     */
    private static String unfit(BillingAccount account) {
        if (account.accountId().length() > 100 || account.accountId().isBlank()) {
            return "account id empty or longer than 100";
        }
        if (account.login() != null && (account.login().length() > 200 || !oneLine(account.login()))) {
            return "login longer than 200 or not one line";
        }
        if (account.address().length() > 500 || !oneLine(account.address())) {
            return "address longer than 500 or not one line";
        }
        return null;
    }

    private static boolean oneLine(String text) {
        return text.codePoints().noneMatch(Character::isISOControl);
    }

    /** What an account allows at its address: nothing without a login, a running service and an open account. */
    private static AddressState target(BillingAccount account) {
        if (account.login() == null || !account.serviceActive() || account.state() == AccessState.DISABLED) {
            return AddressState.REMOVED;
        }
        return account.state().blocked() ? AddressState.DOOR_KEY_ONLY : AddressState.FULL;
    }

    /** Applies one account; returns how many profiles and addresses it changed. */
    private int apply(Actor actor, BillingAccount account, long pass) {
        AddressState target = target(account);
        Instant now = clock.instant();
        ProfileAddress known = store.addresses().findByAccount(account.accountId()).orElse(null);
        if (known == null || known.state() == AddressState.REMOVED) {
            if (target == AddressState.REMOVED) {
                return 0;
            }
            int[] changed = {1};
            Profile profile = profileOf(actor, account.login(), changed);
            if (known == null) {
                steps.create(actor, addresses, new ProfileAddress(new AddressId(ids.next()), account.accountId(),
                        profile.id(), account.address(), target, pass, now, 0), account.login());
            } else {
                steps.take(actor, addresses, known, target == AddressState.FULL ? AddressEvent.RELINK_FULL
                                : AddressEvent.RELINK_DOOR_KEY_ONLY,
                        (a, to) -> a.with(profile.id(), account.address(), to, pass, now), account.login());
            }
            return changed[0];
        }
        if (target == AddressState.REMOVED) {
            return remove(actor, known, pass, account.login() == null ? "no platform login"
                    : account.state() == AccessState.DISABLED ? "account disabled" : "service ended");
        }
        int[] changed = {0};
        Profile profile = profileOf(actor, account.login(), changed);
        ProfileAddress current = known;
        if (!known.profile().equals(profile.id()) || !known.address().equals(account.address())) {
            current = steps.take(actor, addresses, known, AddressEvent.MOVE,
                    (a, to) -> a.with(profile.id(), account.address(), to, pass, now), account.login());
            changed[0]++;
            changed[0] += profileLeft(actor, known.profile());
        }
        if (current.state() != target) {
            current = steps.take(actor, addresses, current, target == AddressState.FULL ? AddressEvent.RESTORE
                    : AddressEvent.RESTRICT, (a, to) -> a.with(a.profile(), a.address(), to, pass, now),
                    account.state().name());
            changed[0]++;
        }
        if (current.seenPass() != pass) {
            store.addresses().update(current.with(current.profile(), current.address(), current.state(), pass, now));
        }
        return changed[0];
    }

    /** Removes an address, and its profile with its last address; returns how many it changed. */
    private int remove(Actor actor, ProfileAddress address, long pass, String why) {
        Instant now = clock.instant();
        steps.take(actor, addresses, address, AddressEvent.REMOVE, (a, to) -> a.with(a.profile(), a.address(), to,
                pass, now), why);
        return 1 + profileLeft(actor, address.profile());
    }

    /** Removes a profile that has no address left (its user disappears); returns 1 if it did. */
    private int profileLeft(Actor actor, ProfileId id) {
        boolean empty = store.addresses().byProfile(id).stream().allMatch(a -> a.state() == AddressState.REMOVED);
        Profile profile = store.profiles().find(id).orElseThrow();
        if (!empty || profile.state() == ProfileState.REMOVED) {
            return 0;
        }
        steps.take(actor, profiles, profile, ProfileEvent.REMOVE, (p, to) -> p.withState(to), "no address left");
        return 1;
    }

    /** The profile of a login: made the first time, brought back if it was removed. */
    private Profile profileOf(Actor actor, String login, int[] changed) {
        Profile found = store.profiles().findByLogin(login).orElse(null);
        if (found == null) {
            changed[0]++;
            return steps.create(actor, profiles, new Profile(new ProfileId(ids.next()), login, ProfileState.ACTIVE,
                    clock.instant(), 0), null);
        }
        if (found.state() == ProfileState.REMOVED) {
            changed[0]++;
            return steps.take(actor, profiles, found, ProfileEvent.RESTORE, (p, to) -> p.withState(to), null);
        }
        return found;
    }
}
