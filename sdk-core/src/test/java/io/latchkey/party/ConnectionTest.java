package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.lifecycle.Transition;
import io.latchkey.party.PartyService.MemberDraft;
import io.latchkey.party.PartyService.OrganizationDraft;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.util.ArrayList;
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
    private final PartyService party = fx.latchkey.party();
    private final Partner oldPartner = fx.partner();
    private final Partner newPartner = fx.partner();
    private final Organization company = party.createOrganization(oldPartner.admin(),
            new OrganizationDraft(OrgKind.COMPANY, "ООО Ромашка", null, null, null));
    private final Actor companyAdmin = fx.confirmed(party.addMember(oldPartner.admin(), company.id(),
            new MemberDraft("boss@romashka.test", "Директор", null, Set.of(Role.ADMIN))), Fixture.MEMBER_PASSWORD);

    private Connection request() {
        return party.requestConnection(companyAdmin, company.id(), newPartner.id(), ConnectionKind.COMPANY_TO_PARTNER);
    }

    @Test
    void theCompanyMovesOnlyWhenTheNewPartnerApprovesAndTheOldOneLosesIt() {
        Connection pending = request();
        assertEquals(ConnectionState.PENDING, pending.state());
        assertEquals(company, party.organization(oldPartner.admin(), company.id()));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> party.organization(newPartner.admin(), company.id()));
        refused(ErrorCode.CONNECTION_EXISTS, "toOrgId", this::request);

        Connection approved = party.approveConnection(newPartner.admin(), pending.id());
        assertEquals(ConnectionState.APPROVED, approved.state());
        assertEquals(newPartner.id(), party.organization(companyAdmin, company.id()).parentId());
        assertEquals(newPartner.id(), party.organization(newPartner.admin(), company.id()).parentId());
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> party.organization(oldPartner.admin(), company.id()));
        refused(ErrorCode.CONNECTION_EXISTS, this::request);

        // Back to the old partner: the connection to the new one ends, exclusively.
        Connection back = party.requestConnection(companyAdmin, company.id(), oldPartner.id(),
                ConnectionKind.COMPANY_TO_PARTNER);
        party.approveConnection(oldPartner.admin(), back.id());
        List<Connection> history = party.connections(companyAdmin, company.id(), ConnectionKind.COMPANY_TO_PARTNER, null);
        assertEquals(List.of(ConnectionState.APPROVED, ConnectionState.ENDED),
                history.stream().map(Connection::state).toList());
        assertEquals(oldPartner.id(), party.organization(companyAdmin, company.id()).parentId());
    }

    @Test
    void onlyTheReceiverDecidesAndOnlyTheRequesterWithdraws() {
        Connection pending = request();
        refused(ErrorCode.PERMISSION_DENIED, () -> party.approveConnection(companyAdmin, pending.id()));
        refused(ErrorCode.PERMISSION_DENIED, () -> party.approveConnection(newPartner.manager(), pending.id()));
        refused(ErrorCode.CONNECTION_NOT_FOUND, () -> party.approveConnection(fx.partner().admin(), pending.id()));
        refused(ErrorCode.PERMISSION_DENIED, () -> party.withdrawConnection(newPartner.admin(), pending.id()));
        assertEquals(ConnectionState.WITHDRAWN, party.withdrawConnection(companyAdmin, pending.id()).state());
        assertEquals(ConnectionState.REJECTED, party.rejectConnection(newPartner.admin(), request().id()).state());
        assertEquals(oldPartner.id(), party.organization(companyAdmin, company.id()).parentId(), "it never moved");
    }

    @Test
    void aRequestFitsItsKindAndComesFromTheActorsOwnOrganization() {
        // Only open partners are on the list: anything else reads as missing.
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, "toOrgId", () -> party.requestConnection(companyAdmin,
                company.id(), fx.operator.id(), ConnectionKind.COMPANY_TO_PARTNER));
        refused(ErrorCode.CONNECTION_EXISTS, "toOrgId", () -> party.requestConnection(companyAdmin, company.id(),
                oldPartner.id(), ConnectionKind.COMPANY_TO_PARTNER));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> party.requestConnection(newPartner.admin(), company.id(),
                newPartner.id(), ConnectionKind.COMPANY_TO_PARTNER));
        refused(ErrorCode.FIELD_REQUIRED, "kind", () -> party.requestConnection(companyAdmin, company.id(),
                newPartner.id(), null));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, "toOrgId", () -> party.requestConnection(companyAdmin, company.id(),
                new OrgId(java.util.UUID.randomUUID()), ConnectionKind.COMPANY_TO_PARTNER));
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (ConnectionState state : ConnectionState.values()) {
            for (ConnectionEvent event : ConnectionEvent.values()) {
                pairs.add(Arguments.of(state, event));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("pairs")
    void everyPairBehavesAsTheTableSays(ConnectionState state, ConnectionEvent event) {
        Connection connection = request();
        switch (state) {
            case PENDING -> { }
            case APPROVED -> party.approveConnection(newPartner.admin(), connection.id());
            case REJECTED -> party.rejectConnection(newPartner.admin(), connection.id());
            case WITHDRAWN -> party.withdrawConnection(companyAdmin, connection.id());
            case ENDED -> {
                party.approveConnection(newPartner.admin(), connection.id());
                Connection back = party.requestConnection(companyAdmin, company.id(), oldPartner.id(),
                        ConnectionKind.COMPANY_TO_PARTNER);
                party.approveConnection(oldPartner.admin(), back.id());
            }
        }
        Runnable take = () -> {
            switch (event) {
                case APPROVE -> party.approveConnection(newPartner.admin(), connection.id());
                case REJECT -> party.rejectConnection(newPartner.admin(), connection.id());
                case WITHDRAW -> party.withdrawConnection(companyAdmin, connection.id());
                // Ending is never a command: it happens when another partner's approval supersedes it.
                case END -> {
                    Partner third = fx.partner();
                    Connection other = party.requestConnection(companyAdmin, company.id(), third.id(),
                            ConnectionKind.COMPANY_TO_PARTNER);
                    party.approveConnection(third.admin(), other.id());
                }
            }
        };
        Optional<Transition<ConnectionState, ConnectionEvent>> legal = ConnectionLifecycle.TABLE.find(state, event);
        if (legal.isPresent() || event == ConnectionEvent.END) {
            take.run();
            assertEquals(legal.map(Transition::to).orElse(state), stored(connection).state());
        } else {
            LatchkeyException refusal = org.junit.jupiter.api.Assertions.assertThrows(LatchkeyException.class,
                    take::run);
            assertEquals(ErrorCode.TRANSITION_NOT_ALLOWED, refusal.code());
            assertEquals(state, stored(connection).state());
        }
    }

    private Connection stored(Connection connection) {
        return fx.latchkey.store().inTransaction(
                () -> fx.latchkey.store().connections().find(connection.id()).orElseThrow());
    }
}
