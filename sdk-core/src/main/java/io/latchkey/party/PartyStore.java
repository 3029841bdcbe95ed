package io.latchkey.party;

import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import io.latchkey.store.Port;
import java.util.List;

/**
 * The storage port of the channel: organizations, members, end customers, connection requests, firms, sites
 * and signed-in sessions. Every repository must be used inside
 * {@link io.latchkey.store.Transactions#inTransaction}.
 */
@Port(inMemory = InMemoryPartyStore.class)
public interface PartyStore {

    OrganizationRepository organizations();

    MemberRepository members();

    CustomerRepository customers();

    ConnectionRepository connections();

    FirmRepository firms();

    SiteRepository sites();

    SessionRepository sessions();

    /** The operator's active administrators: whom the SDK tells of what needs the operator. */
    default List<Member> operatorAdministrators() {
        return organizations().findOperator().map(operator -> administrators(operator.id())).orElse(List.of());
    }

    /** An organization's active administrators: whom the SDK tells of what needs the organization. */
    default List<Member> administrators(OrgId organization) {
        return members().byOrganization(organization).stream()
                .filter(m -> m.roles().contains(Role.ADMIN) && m.status() == MemberStatus.ACTIVE).toList();
    }
}
