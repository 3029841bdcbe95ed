package io.latchkey.license;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.party.Member;
import io.latchkey.party.Members.MemberDetails;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.party.Requisites;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture.Partner;
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
 * Every command of the MyPOS partner cabinet against every role of the seed, written out: a partner's
 * administrator and manager ("Права Пользователя – администратор или менеджер"), and the licensor's. Each cell
 * runs the real command on a fresh world.
 */
class MyPosRolesTest {

    private static final String TABLE = """
            command               P_ADM P_MGR L_ADM L_MGR
            addUser                 x     .     x     .
            editUsersDetails        x     .     x     .
            correctUsersEmail       x     .     x     .
            editRequisites          x     .     x     .
            createPartner           .     .     x     .
            createCompany           x     .     x     .
            mint                    .     .     x     .
            revealToSelf            x     x     x     x
            seeHoldingsOfPartners   .     .     x     x
            seeListOfPartners       x     x     x     x
            seeCompanyCard          x     x     x     x
            """;

    /** A partner holding two sealed licenses, with a company; the licensor holding two more. */
    private static final class World {
        final Fixture fx = new Fixture(InMemoryStore.create());
        final Latchkey sdk = fx.latchkey;
        final Partner partner = fx.partner();
        final Organization company = sdk.organizations().createOrganization(partner.admin(),
                new OrganizationDraft(OrgKind.COMPANY, "ООО Ромашка", null, null, null));
        final Map<String, Actor> roles;
        /** A user of the partner other than the actors, whose details are edited. */
        final Member clerk;

        World() {
            clerk = sdk.members().addMember(partner.admin(), partner.id(), new MemberDraft("clerk@partner.test",
                    "Clerk", null, Set.of(Role.MANAGER)));
            sdk.documents().mint(fx.operatorAdmin, 4);
            sdk.documents().post(fx.operatorAdmin, new DocumentRequest(DocumentType.SALE_TO_PARTNER, partner.id(),
                    null, null, 2, null));
            Actor licensorManager = fx.confirmed(sdk.members().addMember(fx.operatorAdmin, fx.operator.id(),
                    new MemberDraft("manager@operator.test", "Licensor Manager", null, Set.of(Role.MANAGER))),
                    Fixture.MEMBER_PASSWORD);
            roles = Map.of("P_ADM", partner.admin(), "P_MGR", partner.manager(), "L_ADM", fx.operatorAdmin,
                    "L_MGR", licensorManager);
        }
    }

    private static final Map<String, BiConsumer<World, Actor>> COMMANDS = Map.ofEntries(
            Map.entry("addUser", (w, a) -> w.sdk.members().addMember(a, w.partner.id(), new MemberDraft(
                    "new@partner.test", "New", null, Set.of(Role.MANAGER)))),
            Map.entry("editUsersDetails", (w, a) -> w.sdk.members().updateDetails(a, w.clerk.id(),
                    new MemberDetails("Renamed", null, null))),
            Map.entry("correctUsersEmail", (w, a) -> w.sdk.members().changeEmail(a, w.clerk.id(),
                    "fixed@partner.test")),
            Map.entry("editRequisites", (w, a) -> w.sdk.organizations().updateRequisites(a, w.partner.id(),
                    new Requisites("7728168971", "Москва", null, null, "RU"))),
            Map.entry("createPartner", (w, a) -> w.sdk.organizations().createOrganization(a, new OrganizationDraft(
                    OrgKind.PARTNER, "ООО ЦТО ККТ", null, null, null, new Requisites("7707083893", null, null,
                    null)))),
            Map.entry("createCompany", (w, a) -> w.sdk.organizations().createOrganization(a, new OrganizationDraft(
                    OrgKind.COMPANY, "ООО Лютик", w.partner.id(), null, null, null))),
            Map.entry("mint", (w, a) -> w.sdk.documents().mint(a, 1)),
            Map.entry("revealToSelf", (w, a) -> w.sdk.documents().post(a, new DocumentRequest(
                    DocumentType.REVEAL_TO_SELF, null, null, null, 1, null))),
            Map.entry("seeHoldingsOfPartners", (w, a) -> w.sdk.licenses().partners(a, null, null, 10)),
            Map.entry("seeListOfPartners", (w, a) -> w.sdk.organizations().searchPartners(a, null, null, 10)),
            Map.entry("seeCompanyCard", (w, a) -> {
                w.sdk.organizations().firms(a, w.company.id(), null, 10);
                w.sdk.members().members(a, w.company.id(), null, 10);
                w.sdk.licenses().licenses(a, w.company.id(), null, null, 10);
            }));

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
