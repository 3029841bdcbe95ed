package io.latchkey.access;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.internal.Actors;
import io.latchkey.notify.Language;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.OrganizationRepository;
import io.latchkey.party.PartyStore;
import io.latchkey.store.InMemoryStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The channel: operator → partner A → company A1, and operator → partner B. */
class AccessTest {

    private static final String THING = "order-17";

    private final InMemoryStore store = InMemoryStore.create();
    private final OrganizationRepository organizations = store.port(PartyStore.class).organizations();
    private final Access access = new Access(organizations);

    private final OrgId operator = orgId(1);
    private final OrgId partnerA = orgId(2);
    private final OrgId companyA1 = orgId(3);
    private final OrgId partnerB = orgId(4);

    AccessTest() {
        store.inTransaction(() -> {
            organizations.insert(org(operator, OrgKind.OPERATOR, null));
            organizations.insert(org(partnerA, OrgKind.PARTNER, operator));
            organizations.insert(org(companyA1, OrgKind.COMPANY, partnerA));
            organizations.insert(org(partnerB, OrgKind.PARTNER, operator));
        });
    }

    private static OrgId orgId(int n) {
        return new OrgId(new UUID(0x0190_0000_0000_7000L, n));
    }

    private static Organization org(OrgId id, OrgKind kind, OrgId parent) {
        return new Organization(id, kind, "org " + id.value().getLeastSignificantBits(), parent,
                ZoneId.of("Europe/Moscow"), Language.EN, Instant.parse("2026-01-01T00:00:00Z"), 0);
    }

    private int members;

    private Actor member(OrgId org, Role... roles) {
        return Actors.member(new MemberId(new UUID(0x0190_0000_0000_7000L, 1000 + ++members)), org, Set.of(roles));
    }

    private boolean sees(Actor actor, OrgId owner) {
        return store.inTransaction(() -> access.sees(actor, owner));
    }

    private void require(Actor actor, Permission permission, OrgId owner) {
        require(actor, permission, Holder.of(owner));
    }

    private void require(Actor actor, Permission permission, Holder holder) {
        store.inTransaction(() -> access.require(actor, permission, holder, ErrorCode.POOL_ORDER_NOT_FOUND, THING));
    }

    // --- sees ----------------------------------------------------------------------------------------------

    @Test
    void anOrganizationSeesItselfAndWhatLiesBelow() {
        Actor a = member(partnerA, Role.MANAGER);
        assertAll(
                () -> assertTrue(sees(a, partnerA), "itself"),
                () -> assertTrue(sees(a, companyA1), "its company"),
                () -> assertFalse(sees(a, partnerB), "a sibling"),
                () -> assertFalse(sees(a, operator), "its parent"),
                () -> assertFalse(sees(member(companyA1, Role.ADMIN), partnerA), "a company its partner"),
                () -> assertTrue(sees(member(operator, Role.ADMIN), companyA1), "the operator everything"));
    }

    @Test
    void onlyMembersSeeOrganizations() {
        OrgId unknown = orgId(99);
        for (OrgId org : List.of(operator, partnerA, companyA1, partnerB, unknown)) {
            assertFalse(sees(Actors.system("scheduler"), org), org::toString);
            assertFalse(sees(Actor.anonymous("203.0.113.7"), org), org::toString);
            assertFalse(sees(Actors.device("HP-1"), org), org::toString);
        }
    }

    @Test
    void anUnknownOrganizationIsNotSeen() {
        assertFalse(sees(member(operator, Role.ADMIN), orgId(99)));
        assertFalse(sees(member(operator, Role.ADMIN), null));
    }

    @Test
    void aParentCycleEndsTheWalkInsteadOfLooping() {
        OrgId x = orgId(10);
        OrgId y = orgId(11);
        store.inTransaction(() -> {
            organizations.insert(org(x, OrgKind.PARTNER, y));
            organizations.insert(org(y, OrgKind.PARTNER, x));
        });
        assertFalse(sees(member(partnerA, Role.ADMIN), x));
        assertTrue(sees(member(y, Role.ADMIN), x));
    }

    // --- require ---------------------------------------------------------------------------------------------

    @Test
    void ownScopeAppliesOnlyInTheOwnOrganization() {
        Permission own = Permission.CLIENT_MANAGE;
        assertEquals(Scope.OWN, own.scope());
        Actor admin = member(partnerA, Role.ADMIN);
        assertAll(
                () -> assertPasses(() -> require(admin, own, partnerA)),
                () -> assertForbidden(() -> require(admin, own, companyA1)),
                () -> assertForbidden(() -> require(member(partnerA), own, partnerA)),
                () -> assertNotFound(() -> require(admin, own, partnerB)),
                () -> assertNotFound(() -> require(admin, own, operator)));
    }

    @Test
    void channelScopeAppliesInTheOwnOrganizationAndBelow() {
        Permission channel = Permission.COMPANY_CREATE;
        assertEquals(Scope.CHANNEL, channel.scope());
        Actor admin = member(partnerA, Role.ADMIN);
        assertAll(
                () -> assertPasses(() -> require(admin, channel, partnerA)),
                () -> assertPasses(() -> require(admin, channel, companyA1)),
                () -> assertPasses(() -> require(member(operator, Role.ADMIN), channel, companyA1)),
                () -> assertForbidden(() -> require(member(partnerA, Role.MANAGER), channel, companyA1)),
                () -> assertNotFound(() -> require(admin, channel, partnerB)),
                () -> assertNotFound(() -> require(admin, channel, operator)));
    }

    @Test
    void ownOrOperatorScopeLetsTheOperatorInForPartnersButNoOneAboveACompany() {
        Permission staff = Permission.MEMBER_MANAGE;
        assertEquals(Scope.OWN_OR_OPERATOR, staff.scope());
        assertAll(
                () -> assertPasses(() -> require(member(partnerA, Role.ADMIN), staff, partnerA)),
                () -> assertPasses(() -> require(member(companyA1, Role.ADMIN), staff, companyA1)),
                () -> assertPasses(() -> require(member(operator, Role.ADMIN), staff, partnerA)),
                () -> assertForbidden(() -> require(member(operator, Role.ADMIN), staff, companyA1)),
                () -> assertForbidden(() -> require(member(partnerA, Role.ADMIN), staff, companyA1)),
                () -> assertForbidden(() -> require(member(operator, Role.MANAGER), staff, partnerA)),
                () -> assertNotFound(() -> require(member(partnerB, Role.ADMIN), staff, partnerA)));
    }

    @Test
    void parentScopeAppliesOnlyToTheOrganizationDirectlyAbove() {
        Permission parent = Permission.POOL_ORDER_DECIDE;
        assertEquals(Scope.PARENT, parent.scope());
        assertAll(
                () -> assertPasses(() -> require(member(operator, Role.MANAGER), parent, partnerA)),
                () -> assertPasses(() -> require(member(partnerA, Role.ADMIN), parent, companyA1)),
                // The operator sees company A1, but A1 deals with partner A.
                () -> assertForbidden(() -> require(member(operator, Role.ADMIN), parent, companyA1)),
                () -> assertForbidden(() -> require(member(partnerA, Role.ADMIN), parent, partnerA)),
                () -> assertForbidden(() -> require(member(operator, Role.ENGINEER), parent, partnerA)),
                () -> assertNotFound(() -> require(member(companyA1, Role.ADMIN), parent, partnerA)),
                () -> assertNotFound(() -> require(member(partnerB, Role.ADMIN), parent, partnerA)));
    }

    @Test
    void aPermissionThatNoRoleGrantsIsForbiddenToMembers() {
        assertForbidden(() -> require(member(partnerA, Role.ADMIN, Role.MANAGER), Permission.CREDENTIAL_PROVISION,
                partnerA));
    }

    @Test
    void theKernelHoldsOnlyWhatIsGrantedToItAndAnonymousCallersNothing() {
        for (Permission permission : Permission.values()) {
            // The kernel's own: the consequences of others' steps, and the billing sync it runs in the background.
            if (permission == Permission.CONSEQUENCE || permission == Permission.BILLING_SYNC) {
                assertPasses(() -> require(Actors.system("scheduler"), permission, companyA1));
            } else {
                assertForbidden(() -> require(Actors.system("scheduler"), permission, companyA1));
            }
            assertForbidden(() -> require(Actor.anonymous("203.0.113.7"), permission, companyA1));
        }
    }

    @Test
    void theOperatorScopeIsTheOperatorsOwnMembersWhateverTheThing() {
        Permission operatorOnly = Permission.LICENSE_MINT;
        assertEquals(Scope.OPERATOR, operatorOnly.scope());
        assertAll(
                () -> assertPasses(() -> store.inTransaction(() -> access.requireOperator(member(operator, Role.ADMIN),
                        operatorOnly))),
                () -> assertForbidden(() -> store.inTransaction(() -> access.requireOperator(
                        member(operator, Role.MANAGER), operatorOnly))),
                () -> assertForbidden(() -> store.inTransaction(() -> access.requireOperator(
                        member(partnerA, Role.ADMIN), operatorOnly))),
                () -> assertForbidden(() -> store.inTransaction(() -> access.requireOperator(
                        Actors.system("scheduler"), operatorOnly))));
    }

    @Test
    void aDeviceActsOnItselfAndACustomerOnWhatItOwns() {
        CustomerId anna = new CustomerId(new UUID(0x0190_0000_0000_7000L, 500));
        CustomerId boris = new CustomerId(new UUID(0x0190_0000_0000_7000L, 501));
        Holder pump = new Holder(partnerA, "HP-1", anna);
        Permission view = Permission.DEVICE_VIEW;
        assertAll(
                () -> assertPasses(() -> require(Actors.device("HP-1"), view, pump)),
                () -> assertNotFound(() -> require(Actors.device("HP-2"), view, pump)),
                () -> assertForbidden(() -> require(Actors.device("HP-1"), Permission.DEVICE_ADVANCE, pump)),
                () -> assertPasses(() -> require(Actors.customer(anna), view, pump)),
                () -> assertNotFound(() -> require(Actors.customer(boris), view, pump)),
                () -> assertForbidden(() -> require(Actors.customer(anna), Permission.DEVICE_REPORT, pump)),
                () -> assertPasses(() -> require(member(partnerA, Role.MANAGER), view, pump)),
                () -> assertNotFound(() -> require(member(partnerB, Role.MANAGER), view, pump)));
    }

    @Test
    void onAThingAlreadyShownEveryRefusalIsForbidden() {
        Actor b = member(partnerB, Role.ADMIN);
        assertForbidden(() -> store.inTransaction(() -> access.requireOnVisible(b, Permission.VIEW,
                Holder.of(partnerA))));
        assertPasses(() -> store.inTransaction(() -> access.requireOnVisible(b, Permission.VIEW, Holder.of(partnerB))));
    }

    private static void assertPasses(Executable check) {
        assertDoesNotThrow(check);
    }

    private static void assertForbidden(Executable check) {
        LatchkeyException e = assertThrows(LatchkeyException.class, check);
        assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
        assertEquals(ErrorCategory.FORBIDDEN, e.category());
    }

    /** Outside the channel the refusal uses the caller's code and says nothing but the thing's id. */
    private static void assertNotFound(Executable check) {
        LatchkeyException e = assertThrows(LatchkeyException.class, check);
        assertEquals(ErrorCode.POOL_ORDER_NOT_FOUND, e.code());
        assertEquals(ErrorCategory.NOT_FOUND, e.category());
        assertEquals("pool order " + THING + " not found", e.getMessage());
    }
}
