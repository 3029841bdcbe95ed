package io.latchkey.subscription;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.Site;
import io.latchkey.store.InMemoryStore;
import io.latchkey.subscription.Subscriptions.ActivationRequest;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.RoleTable;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command of a seller's services against every role of the Ajax seed's seller company, written out: the
 * owner (who is also its first administrator), the senior and the plain service manager, the installer, and an
 * administrator and a manager who hold no service role. Each cell runs the real command on a fresh world.
 */
class AjaxRolesTest {

    private static final String TABLE = """
            command             OWNER SSM SVM INS ADM MGR
            addHub                x    x   x   x   .   .
            activate              x    x   x   x   .   .
            deactivate            x    x   x   x   .   .
            resume                x    x   x   x   .   .
            stopNow               x    x   x   x   .   .
            transferHub           x    x   x   x   .   .
            askReseller           x    x   x   .   x   .
            grantServiceRole      x    .   .   .   .   .
            registerSeller        x    .   .   .   .   .
            seeMembers            x    x   x   .   x   x
            seeSites              x    x   x   x   x   x
            seeHubTiles           x    x   x   x   x   x
            """;

    /** A seller with one member of each role, a hub with an active subscription, one expiring, a free one. */
    private static final class World {
        final Fixture fx = new Fixture(InMemoryStore.create());
        final Latchkey sdk = fx.latchkey;
        final Sellers s = new Sellers(fx, "Europe/Warsaw");
        final Map<String, Actor> roles;
        final Hub free;
        final Subscription active;
        final Subscription expiring;
        final Site otherSite;

        World() {
            sdk.catalog().createPackage(fx.operatorAdmin, new PackageDraft("PRO", "Ajax PRO", 4900L, "PLN", true));
            roles = Map.of("OWNER", s.owner, "SSM", member(Role.SENIOR_SERVICE_MANAGER), "SVM",
                    member(Role.SERVICE_MANAGER), "INS", s.installer, "ADM", member(Role.ADMIN), "MGR",
                    member(Role.MANAGER));
            free = s.hub("HUB-FREE");
            active = sdk.subscriptions().activate(s.installer, new ActivationRequest(s.hub("HUB-ON").id(), null,
                    null));
            expiring = sdk.subscriptions().activate(s.installer, new ActivationRequest(s.hub("HUB-OFF").id(), null,
                    null));
            sdk.subscriptions().deactivate(s.installer, expiring.id());
            otherSite = sdk.organizations().addSite(s.owner, s.seller.id(), "Second house", null);
        }

        private Actor member(Role role) {
            String email = role.name().toLowerCase(java.util.Locale.ROOT) + "@seller.test";
            return fx.confirmed(sdk.members().addMember(s.owner, s.seller.id(), new MemberDraft(email, role.name(),
                    null, Set.of(role))), Fixture.MEMBER_PASSWORD);
        }
    }

    private static final Map<String, BiConsumer<World, Actor>> COMMANDS = Map.ofEntries(
            Map.entry("addHub", (w, a) -> w.sdk.hubs().addHub(a, w.s.site.id(), "HUB-NEW", true)),
            Map.entry("activate", (w, a) -> w.sdk.subscriptions().activate(a, new ActivationRequest(w.free.id(),
                    null, null))),
            Map.entry("deactivate", (w, a) -> w.sdk.subscriptions().deactivate(a, w.active.id())),
            Map.entry("resume", (w, a) -> w.sdk.subscriptions().resume(a, w.expiring.id())),
            Map.entry("stopNow", (w, a) -> w.sdk.subscriptions().stop(a, w.active.id())),
            Map.entry("transferHub", (w, a) -> w.sdk.hubs().transferHub(a, w.free.id(), w.otherSite.id())),
            Map.entry("askReseller", (w, a) -> w.sdk.connections().requestConnection(a, w.s.seller.id(),
                    w.fx.partner().id(), ConnectionKind.SELLER_TO_RESELLER)),
            Map.entry("grantServiceRole", (w, a) -> w.sdk.members().addMember(a, w.s.seller.id(), new MemberDraft(
                    "new@seller.test", "New", null, Set.of(Role.SERVICE_MANAGER)))),
            Map.entry("registerSeller", (w, a) -> w.sdk.organizations().registerSeller(a, w.s.seller.id(),
                    Sellers.details(7))),
            Map.entry("seeMembers", (w, a) -> w.sdk.members().members(a, w.s.seller.id(), null, 10)),
            Map.entry("seeSites", (w, a) -> w.sdk.organizations().sites(a, w.s.seller.id(), null, 10)),
            Map.entry("seeHubTiles", (w, a) -> w.sdk.hubs().siteHubs(a, w.s.site.id(), null, 10)));

    static Stream<Arguments> cells() {
        return RoleTable.cells(TABLE);
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @MethodSource("cells")
    void everyRoleMayDoExactlyWhatTheTableSays(String command, String role, boolean allowed) {
        World world = new World();
        RoleTable.check(allowed, () -> COMMANDS.get(command).accept(world, world.roles.get(role)));
    }
}
