package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.notify.Templates;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.ExpectedTable;
import io.latchkey.testkit.ExpectedTables;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.Fixture;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Organizations through their lifecycle: every (state × event) pair as the hand-written table expects, what
 * closing needs (no open organization below, no guard of another area saying no, the right role), and the last
 * administrator, who cannot leave on any path.
 */
class OrganizationLifecycleTest {

    private final Fixture fx = new Fixture(InMemoryStore.create());
    private final Latchkey sdk = fx.latchkey;
    private final Partner partner = fx.partner();

    static Stream<Arguments> pairs() {
        return ExpectedTables.ORGANIZATION.pairs();
    }

    /** A company of the partner with its owner signed in. */
    private record Company(Organization organization, Actor owner) {
    }

    private Company company(String name) {
        String email = "owner@" + name.toLowerCase() + ".test";
        Organization company = sdk.registrations().createCompany(partner.admin(), new CompanyRegistration(name,
                name + " LLC", "7736207543", "Shop", null, email, "Owner", "ru", null, null, "1.3"));
        Member owner = fx.store.inTransaction(() -> fx.partyStore().members().findByEmail(email)).orElseThrow();
        return new Company(company, fx.confirmed(owner, Fixture.MEMBER_PASSWORD));
    }

    private List<JournalEntry> history(Organization organization) {
        return fx.store.inTransaction(() -> fx.store.port(JournalRepository.class)
                .history(OrganizationLifecycle.AGGREGATE, organization.id().toString(), null, 100));
    }

    /** A partner that applied, as a reseller a seller invited would. */
    private Organization applied(String name) {
        String head = "head@" + name.toLowerCase() + ".test";
        sdk.registrations().applyAsPartner(new PartnerApplication(name, new Requisites("7740001454", "Kraków", null,
                null, "PL"), null, "pl", head, "Head of " + name), "198.51.100.20");
        return fx.organizationOf(head);
    }

    /** A partner the operator made, whose first administrator has not confirmed yet; the admin's invitation. */
    private record Pending(Organization organization, Member admin) {
    }

    private Pending pending(String name) {
        Organization made = sdk.organizations().createOrganization(fx.operatorAdmin, new OrganizationDraft(
                OrgKind.PARTNER, name, null, null, null, new Requisites("7707083893", "Москва", null, null)));
        Member admin = sdk.members().addMember(fx.operatorAdmin, made.id(), new MemberDraft("head@"
                + name.toLowerCase() + ".test", "Head of " + name, null, Set.of(Role.ADMIN)));
        return new Pending(made, admin);
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("pairs")
    void everyPairBehavesAsTheTableSays(OrganizationState state, OrganizationEvent event) {
        // Only partners apply or wait for their first administrator; a company of the partner stands for the rest.
        Company company = company("Romashka");
        Pending pending = pending("Dealer");
        Organization subject = state == OrganizationState.APPLIED ? applied("Reseller")
                : state == OrganizationState.PENDING ? pending.organization() : company.organization();
        Partner other = fx.partner();
        if (state == OrganizationState.CLOSED) {
            sdk.organizations().close(partner.admin(), subject.id());
        }
        Runnable take = () -> {
            switch (event) {
                case APPROVE -> sdk.registrations().approvePartner(fx.operatorAdmin, subject.id());
                // The kernel's, when the first administrator of a pending partner confirms (no command names it):
                // elsewhere, see ChannelContractTest.aConfirmationActivatesOnlyAPendingPartnerAndOnlyByAnAdministrator.
                case ACTIVATE -> fx.confirmed(pending.admin(), Fixture.MEMBER_PASSWORD);
                case REJECT -> sdk.registrations().rejectPartner(fx.operatorAdmin, subject.id(), "a duplicate");
                case EDIT_REQUISITES -> sdk.organizations().updateRequisites(fx.operatorAdmin, subject.id(),
                        new Requisites("7707083893", "Москва", null, null));
                case REGISTER_SELLER -> sdk.organizations().registerSeller(
                        subject == company.organization() ? company.owner() : fx.operatorAdmin, subject.id(),
                        new Organizations.SellerDetails("Romashka LLC", "RU", "7736207543", "Москва",
                                "office@romashka.test", "+7 495 123-45-67"));
                // Only companies move, and a company cannot even ask a partner that has not been approved.
                case MOVE -> sdk.connections().approveConnection(other.admin(), sdk.connections().requestConnection(
                        company.owner(), company.organization().id(),
                        state == OrganizationState.APPLIED || state == OrganizationState.PENDING ? subject.id()
                                : other.id(),
                        ConnectionKind.COMPANY_TO_PARTNER).id());
                case CLOSE -> sdk.organizations().close(fx.operatorAdmin, subject.id());
            }
        };
        if (event == OrganizationEvent.ACTIVATE && state != OrganizationState.PENDING) {
            return;
        }
        Optional<ExpectedTable.Row<OrganizationState, OrganizationEvent>> row =
                ExpectedTables.ORGANIZATION.find(state, event);
        int journaled = history(subject).size();
        if (row.isPresent()) {
            take.run();
            List<JournalEntry> history = history(subject);
            JournalEntry last = history.get(history.size() - 1);
            assertEquals(List.of(event.name(), state.name(), row.get().to().name()),
                    List.of(last.event(), last.fromState(), last.toState()), "journaled as the table's step");
        } else {
            // A closed organization is gone from every view, and its people can no longer sign in.
            ErrorCode expected = state == OrganizationState.CLOSED
                    || state != OrganizationState.OPEN && event == OrganizationEvent.MOVE
                    ? ErrorCode.ORGANIZATION_NOT_FOUND : ErrorCode.TRANSITION_NOT_ALLOWED;
            refused(expected, take::run);
            assertEquals(journaled, history(subject).size());
        }
    }

    @Test
    void anOrganizationClosesOnlyWithNothingOpenBelowItAndByAnAdministrator() {
        Company company = company("Lutik");
        refused(ErrorCode.ORGANIZATION_HAS_CHILDREN, () -> sdk.organizations().close(fx.operatorAdmin, partner.id()));
        refused(ErrorCode.ORGANIZATION_HAS_CHILDREN, () -> sdk.organizations().close(fx.operatorAdmin,
                fx.operator.id()));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.organizations().close(partner.manager(),
                company.organization().id()));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().close(fx.partner().admin(),
                company.organization().id()));

        sdk.organizations().close(partner.admin(), company.organization().id());
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate("owner@lutik.test",
                Fixture.MEMBER_PASSWORD.toCharArray(), "ip"));
        sdk.organizations().close(fx.operatorAdmin, partner.id());
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().organization(fx.operatorAdmin,
                partner.id()));
    }

    @Test
    void theLastAdministratorCannotLeaveByTakingUpWorkElsewhere() {
        Organization company = sdk.organizations().createOrganization(partner.admin(),
                new OrganizationDraft(OrgKind.COMPANY, "Solo", null, null, null));
        Member solo = sdk.members().addMember(partner.admin(), company.id(),
                new MemberDraft("solo@solo.test", "Solo Admin", null, Set.of(Role.ADMIN)));
        Actor admin = fx.confirmed(solo, Fixture.MEMBER_PASSWORD);
        sdk.members().inviteEmployee(partner.admin(), partner.id(), "solo@solo.test", Set.of(Role.MANAGER));
        fx.runDueWork();
        String link = fx.mail.last(Templates.EMPLOYEE_INVITED, "solo@solo.test").parameter("link");
        String token = Fixture.token(link);

        refused(ErrorCode.LAST_ADMIN, () -> sdk.members().acceptEmployment(admin, token));
        assertEquals(company.id(), sdk.accounts().actorFor(solo.id()).organization(), "still works for its own");

        Member second = sdk.members().addMember(admin, company.id(),
                new MemberDraft("second@solo.test", "Second Admin", null, Set.of(Role.ADMIN)));
        fx.confirmed(second, Fixture.MEMBER_PASSWORD);
        assertEquals(partner.id(), sdk.members().acceptEmployment(admin, token).organization());
    }
}
