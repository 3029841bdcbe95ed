package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.ExpectedTable;
import io.latchkey.testkit.ExpectedTables;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Connection requests: a company moves to another partner only when that partner approves. */
class ConnectionTest {

    private final Fixture fx = new Fixture(InMemoryStore.create());
    private final Latchkey sdk = fx.latchkey;
    private final Partner oldPartner = fx.partner();
    private final Partner newPartner = fx.partner();
    private final Organization company = sdk.organizations().createOrganization(oldPartner.admin(),
            new OrganizationDraft(OrgKind.COMPANY, "ООО Ромашка", null, null, null));
    private final Actor companyAdmin = fx.confirmed(sdk.members().addMember(oldPartner.admin(), company.id(),
            new MemberDraft("boss@romashka.test", "Директор", null, Set.of(Role.ADMIN))), Fixture.MEMBER_PASSWORD);

    private Connection request() {
        return sdk.connections().requestConnection(companyAdmin, company.id(), newPartner.id(),
                ConnectionKind.COMPANY_TO_PARTNER);
    }

    @Test
    void theCompanyMovesOnlyWhenTheNewPartnerApprovesAndTheOldOneLosesIt() {
        Connection pending = request();
        assertEquals(ConnectionState.PENDING, pending.state());
        assertEquals(company, sdk.organizations().organization(oldPartner.admin(), company.id()));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().organization(newPartner.admin(),
                company.id()));
        refused(ErrorCode.CONNECTION_EXISTS, "toOrgId", this::request);

        Connection approved = sdk.connections().approveConnection(newPartner.admin(), pending.id());
        assertEquals(ConnectionState.APPROVED, approved.state());
        assertEquals(newPartner.id(), sdk.organizations().organization(companyAdmin, company.id()).parentId());
        assertEquals(newPartner.id(), sdk.organizations().organization(newPartner.admin(), company.id()).parentId());
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().organization(oldPartner.admin(),
                company.id()));
        refused(ErrorCode.CONNECTION_EXISTS, this::request);

        // Back to the old partner: the connection to the new one ends, exclusively.
        Connection back = sdk.connections().requestConnection(companyAdmin, company.id(), oldPartner.id(),
                ConnectionKind.COMPANY_TO_PARTNER);
        sdk.connections().approveConnection(oldPartner.admin(), back.id());
        List<Connection> history = sdk.connections().connections(companyAdmin, company.id(),
                ConnectionKind.COMPANY_TO_PARTNER, null, null, 100);
        assertEquals(List.of(ConnectionState.ENDED, ConnectionState.APPROVED),
                history.stream().map(Connection::state).toList(), "oldest first");
        assertEquals(oldPartner.id(), sdk.organizations().organization(companyAdmin, company.id()).parentId());
    }

    @Test
    void onlyTheReceiverDecidesAndOnlyTheRequesterWithdraws() {
        Connection pending = request();
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.connections().approveConnection(companyAdmin, pending.id()));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.connections().approveConnection(newPartner.manager(),
                pending.id()));
        refused(ErrorCode.CONNECTION_NOT_FOUND, () -> sdk.connections().approveConnection(fx.partner().admin(),
                pending.id()));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.connections().withdrawConnection(newPartner.admin(),
                pending.id()));
        assertEquals(ConnectionState.WITHDRAWN, sdk.connections().withdrawConnection(companyAdmin,
                pending.id()).state());
        Connection rejected = sdk.connections().rejectConnection(newPartner.admin(), request().id(),
                "Мы не работаем в вашем регионе");
        assertEquals(List.of(ConnectionState.REJECTED, "Мы не работаем в вашем регионе"), List.of(rejected.state(),
                rejected.reason()));
        // A company may ask the same partner again once its request is decided.
        assertEquals(ConnectionState.PENDING, request().state());
        assertEquals(oldPartner.id(), sdk.organizations().organization(companyAdmin, company.id()).parentId(),
                "it never moved");
    }

    @Test
    void aRequestFitsItsKindAndComesFromTheActorsOwnOrganization() {
        // Only open partners (and the licensor) are on the list: anything else reads as missing.
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, "toOrgId", () -> sdk.connections().requestConnection(companyAdmin,
                company.id(), company.id(), ConnectionKind.COMPANY_TO_PARTNER));
        refused(ErrorCode.CONNECTION_EXISTS, "toOrgId", () -> sdk.connections().requestConnection(companyAdmin,
                company.id(),
                oldPartner.id(), ConnectionKind.COMPANY_TO_PARTNER));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.connections().requestConnection(newPartner.admin(),
                company.id(),
                newPartner.id(), ConnectionKind.COMPANY_TO_PARTNER));
        refused(ErrorCode.FIELD_REQUIRED, "kind", () -> sdk.connections().requestConnection(companyAdmin, company.id(),
                newPartner.id(), null));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, "toOrgId", () -> sdk.connections().requestConnection(companyAdmin,
                company.id(),
                new OrgId(java.util.UUID.randomUUID()), ConnectionKind.COMPANY_TO_PARTNER));
    }

    static Stream<Arguments> pairs() {
        return ExpectedTables.CONNECTION.pairs();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("pairs")
    void everyPairBehavesAsTheTableSays(ConnectionState state, ConnectionEvent event) {
        if (event == ConnectionEvent.CONSENT) {
            consent(state);
            return;
        }
        Connection connection = request();
        switch (state) {
            case PENDING -> { }
            case APPROVED -> sdk.connections().approveConnection(newPartner.admin(), connection.id());
            case REJECTED -> sdk.connections().rejectConnection(newPartner.admin(), connection.id(), null);
            case WITHDRAWN -> sdk.connections().withdrawConnection(companyAdmin, connection.id());
            case ENDED -> {
                sdk.connections().approveConnection(newPartner.admin(), connection.id());
                Connection back = sdk.connections().requestConnection(companyAdmin, company.id(), oldPartner.id(),
                        ConnectionKind.COMPANY_TO_PARTNER);
                sdk.connections().approveConnection(oldPartner.admin(), back.id());
            }
        }
        Runnable take = () -> {
            switch (event) {
                case APPROVE -> sdk.connections().approveConnection(newPartner.admin(), connection.id());
                case REJECT -> sdk.connections().rejectConnection(newPartner.admin(), connection.id(), null);
                case WITHDRAW -> sdk.connections().withdrawConnection(companyAdmin, connection.id());
                // Ending is never a command: it happens when another partner's approval supersedes it.
                case END -> {
                    Partner third = fx.partner();
                    Connection other = sdk.connections().requestConnection(companyAdmin, company.id(), third.id(),
                            ConnectionKind.COMPANY_TO_PARTNER);
                    sdk.connections().approveConnection(third.admin(), other.id());
                }
                case CONSENT -> throw new IllegalArgumentException("the owner's confirmation");
            }
        };
        Optional<ExpectedTable.Row<ConnectionState, ConnectionEvent>> row = ExpectedTables.CONNECTION.find(state,
                event);
        if (row.isPresent() || event == ConnectionEvent.END) {
            take.run();
            assertEquals(row.map(ExpectedTable.Row::to).orElse(state), stored(connection).state());
        } else {
            refused(ErrorCode.TRANSITION_NOT_ALLOWED, take::run);
            assertEquals(state, stored(connection).state());
        }
    }

    /**
     * The owner's confirmation consents to the partner that registered the company, when that request is still
     * pending; it leaves a decided one as it is. (A company withdraws or moves on only once its owner has
     * confirmed, so WITHDRAWN and ENDED requests meet no later confirmation.)
     */
    private void consent(ConnectionState state) {
        if (state == ConnectionState.WITHDRAWN || state == ConnectionState.ENDED) {
            assertEquals(Optional.empty(), ExpectedTables.CONNECTION.find(state, ConnectionEvent.CONSENT));
            return;
        }
        Organization registered = sdk.registrations().createCompany(newPartner.admin(), new CompanyRegistration(
                "ООО Лютик", "ООО Лютик", "7707083893", "Склад", null, "owner@lutik.test", "Владелец", "ru", null, null,
                        "1.3"));
        Connection offered = sdk.connections().connections(newPartner.admin(), newPartner.id(),
                ConnectionKind.COMPANY_TO_PARTNER, ConnectionState.PENDING, null, 100).stream()
                .filter(c -> c.from().equals(registered.id())).findFirst().orElseThrow();
        switch (state) {
            case APPROVED -> sdk.connections().approveConnection(newPartner.admin(), offered.id());
            case REJECTED -> sdk.connections().rejectConnection(newPartner.admin(), offered.id(), null);
            default -> { }
        }
        fx.confirmed(fx.store.inTransaction(() -> fx.partyStore().members().findByEmail("owner@lutik.test"))
                .orElseThrow(), Fixture.MEMBER_PASSWORD);
        ConnectionState expected = ExpectedTables.CONNECTION.find(state, ConnectionEvent.CONSENT)
                .map(ExpectedTable.Row::to).orElse(state);
        assertEquals(expected, stored(offered).state());
    }

    private Connection stored(Connection connection) {
        return fx.store.inTransaction(
                () -> fx.partyStore().connections().find(connection.id()).orElseThrow());
    }
}
