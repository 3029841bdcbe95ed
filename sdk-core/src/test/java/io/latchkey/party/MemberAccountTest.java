package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.MemberId;
import io.latchkey.access.Role;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.crypto.RandomSource;
import io.latchkey.internal.Actors;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.party.Members.MemberDetails;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.ExpectedTable;
import io.latchkey.testkit.ExpectedTables;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Members' accounts: invitations, sign-in, password change and reset, roles and the last-admin rule. */
class MemberAccountTest {

    private static final char[] PASSWORD = "a long enough secret".toCharArray();

    private final Fixture fx = new Fixture(InMemoryStore.create());
    private final Latchkey sdk = fx.latchkey;
    private final Partner partner = fx.partner();

    private Member invite(String email) {
        return sdk.members().addMember(partner.admin(), partner.id(), new MemberDraft(email, "Новый Сотрудник", null,
                Set.of(Role.MANAGER)));
    }

    private String token(String template, String email) {
        fx.runDueWork();
        String link = fx.mail.last(template, email).parameter("link");
        return Fixture.token(link);
    }

    @Test
    void anInvitationIsConfirmedOnceWithANewPassword() {
        Member invited = invite("new@partner.test");
        assertEquals(MemberStatus.INVITED, invited.status());
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate("new@partner.test", PASSWORD, "ip"));
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().actorFor(invited.id()));

        fx.runDueWork();
        Notification mail = fx.mail.last(Templates.MEMBER_INVITED, "new@partner.test");
        assertEquals(Language.RU, mail.language(), "the organization's language by default");
        assertEquals(partner.organization().name(), mail.parameter("organization"));
        assertTrue(mail.parameter("link").startsWith("https://portal.example.test/confirm?token="));
        assertTrue(mail.parameter("expiresAt").endsWith("(Europe/Moscow)"));

        String token = token(Templates.MEMBER_INVITED, "new@partner.test");
        refused(ErrorCode.PASSWORD_TOO_WEAK, "password", () -> sdk.accounts().confirm(token, "short".toCharArray(),
                "short".toCharArray()));
        refused(ErrorCode.PASSWORD_TOO_WEAK, "password", () -> sdk.accounts().confirm(token,
                "NEW@partner.test".toCharArray(),
                "NEW@partner.test".toCharArray()));
        refused(ErrorCode.PASSWORD_MISMATCH, "passwordRepeat", () -> sdk.accounts().confirm(token, PASSWORD,
                "a long enough secreT".toCharArray()));
        Member active = sdk.accounts().confirm(token, PASSWORD, PASSWORD);
        assertEquals(MemberStatus.ACTIVE, active.status());
        assertEquals(null, active.passwordHash(), "no hash leaves the SDK");
        String stored = fx.store.inTransaction(
                () -> fx.partyStore().members().find(invited.id()).orElseThrow().passwordHash());
        assertTrue(stored.startsWith("$argon2id$"));
        assertFalse(sdk.members().members(partner.admin(), partner.id(), null, 100).stream().anyMatch(m ->
                m.passwordHash() != null));
        refused(ErrorCode.TOKEN_USED, "token", () -> sdk.accounts().confirm(token, PASSWORD, PASSWORD));

        Actor signedIn = sdk.accounts().authenticate(" New@Partner.test ", PASSWORD, "ip");
        assertEquals(Optional.of(invited.id()), signedIn.memberId());
        assertEquals(partner.id(), signedIn.organization());
    }

    @Test
    void aNewInvitationReplacesTheOldLinkAndLinksExpire() {
        Member invited = invite("late@partner.test");
        String first = token(Templates.MEMBER_INVITED, "late@partner.test");
        sdk.members().reinvite(partner.admin(), invited.id());
        String second = token(Templates.MEMBER_INVITED, "late@partner.test");
        assertNotEquals(first, second);
        refused(ErrorCode.TOKEN_USED, () -> sdk.accounts().confirm(first, PASSWORD, PASSWORD));
        refused(ErrorCode.TOKEN_INVALID, "token", () -> sdk.accounts().confirm(second.replace('.', ','), PASSWORD,
                PASSWORD));
        fx.clock.advance(Members.INVITATION_TTL);
        LatchkeyException expired = refused(ErrorCode.TOKEN_EXPIRED, "token",
                () -> sdk.accounts().confirm(second, PASSWORD, PASSWORD));
        assertEquals(ErrorCategory.GONE, expired.category());
    }

    @Test
    void signingInFailsAlikeForEveryReason() {
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate("nobody@partner.test", PASSWORD,
                "ip"));
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate("admin@operator.test", PASSWORD,
                "ip"));
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate("admin@operator.test", null, "ip"));
    }

    @Test
    void aSourceThatGuessesLocksOutOnlyItself() {
        for (int i = 0; i < 20; i++) {
            refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate("admin@operator.test", PASSWORD,
                    "203.0.113.7"));
        }
        LatchkeyException limited = refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.accounts().authenticate(
                "admin@operator.test", Fixture.ADMIN_PASSWORD.toCharArray(), "203.0.113.7"));
        assertEquals(Duration.ofMinutes(15), limited.retryAfter().orElseThrow());
        assertEquals(fx.operatorAdmin, sdk.accounts().authenticate("admin@operator.test",
                Fixture.ADMIN_PASSWORD.toCharArray(), "the admin's office"));
    }

    @Test
    void anAccountGuessedFromManySourcesLetsInOnlySourcesThatHaveNotFailed() {
        for (int i = 0; i < 100; i++) {
            String source = "10.0.0." + i;
            refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate("admin@operator.test", PASSWORD,
                    source));
        }
        // The account's budget is used up: a source that failed on it waits, one that has not gets in.
        LatchkeyException limited = refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.accounts().authenticate(
                "admin@operator.test", Fixture.ADMIN_PASSWORD.toCharArray(), "10.0.0.5"));
        assertEquals(Duration.ofHours(1), limited.retryAfter().orElseThrow());
        assertEquals(fx.operatorAdmin, sdk.accounts().authenticate("admin@operator.test",
                Fixture.ADMIN_PASSWORD.toCharArray(), "the admin's office"));
        // A new source of the attacker's gets one guess a window.
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate("admin@operator.test", PASSWORD,
                "10.0.1.1"));
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.accounts().authenticate("admin@operator.test", PASSWORD,
                "10.0.1.1"));
        assertEquals(partner.manager(), sdk.accounts().authenticate(partner.managerMember().email(),
                Fixture.MEMBER_PASSWORD.toCharArray(), "10.0.1.1"), "other accounts are not touched");
        fx.clock.advance(Duration.ofHours(1));
        assertEquals(fx.operatorAdmin, sdk.accounts().authenticate("admin@operator.test",
                Fixture.ADMIN_PASSWORD.toCharArray(), "10.0.0.5"));
    }

    @Test
    void signingInRightIsNeverCounted() {
        for (int i = 0; i < 25; i++) {
            assertEquals(fx.operatorAdmin, sdk.accounts().authenticate("admin@operator.test",
                    Fixture.ADMIN_PASSWORD.toCharArray(), "203.0.113.7"));
        }
    }

    @Test
    void aSessionSignsInUntilItExpiresOrItsMemberSignsOut() {
        String email = partner.managerMember().email();
        Accounts.SignedIn first = sdk.accounts().signIn(email, Fixture.MEMBER_PASSWORD.toCharArray(), "ip");
        Accounts.SignedIn second = sdk.accounts().signIn(email, Fixture.MEMBER_PASSWORD.toCharArray(), "ip");
        assertNotEquals(first.token(), second.token());
        assertEquals(fx.clock.instant().plus(Duration.ofHours(12)), first.expiresAt());
        assertEquals(partner.manager(), sdk.accounts().session(first.token()));
        assertFalse(first.toString().contains(first.token()), "a token never reaches a log through toString");
        String stored = fx.store.inTransaction(() -> fx.partyStore().sessions()
                .find(io.latchkey.crypto.Digests.sha256Hex(first.token()))).orElseThrow().tokenHash();
        assertFalse(stored.contains(first.token()), "only the token's hash is kept");

        sdk.accounts().signOut(first.token());
        refused(ErrorCode.SESSION_INVALID, () -> sdk.accounts().session(first.token()));
        assertEquals(partner.manager(), sdk.accounts().session(second.token()), "other sessions go on");
        fx.clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertEquals(partner.manager(), sdk.accounts().session(second.token()));
        fx.clock.advance(Duration.ofSeconds(1));
        refused(ErrorCode.SESSION_INVALID, () -> sdk.accounts().session(second.token()));
        fx.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, sdk.accounts().pruneSessions(10), "the expired session is pruned, the ended one is gone");
        refused(ErrorCode.SESSION_INVALID, () -> sdk.accounts().session("lk_made-up"));
        refused(ErrorCode.SESSION_INVALID, () -> sdk.accounts().session(null));
    }

    @Test
    void aSessionNeverOutlivesItsMembersAccessOrPassword() {
        String email = partner.managerMember().email();
        char[] current = Fixture.MEMBER_PASSWORD.toCharArray();
        String token = sdk.accounts().signIn(email, current, "ip").token();
        sdk.members().changeRoles(partner.admin(), partner.managerMember().id(), Set.of(Role.ADMIN));
        assertEquals(Set.of(Role.ADMIN), sdk.accounts().session(token).roles(), "roles as stored now");
        sdk.members().disable(partner.admin(), partner.managerMember().id());
        refused(ErrorCode.SESSION_INVALID, () -> sdk.accounts().session(token));
        sdk.members().enable(partner.admin(), partner.managerMember().id());
        assertEquals(Set.of(Role.ADMIN), sdk.accounts().session(token).roles());

        String other = sdk.accounts().signIn(email, current, "ip").token();
        char[] next = "another long secret".toCharArray();
        sdk.accounts().changePassword(sdk.accounts().session(token), current, next, next);
        refused(ErrorCode.SESSION_INVALID, () -> sdk.accounts().session(token));
        refused(ErrorCode.SESSION_INVALID, () -> sdk.accounts().session(other)); // every session of the member ends

        String afterChange = sdk.accounts().signIn(email, next, "ip").token();
        sdk.accounts().requestPasswordReset(email, "ip");
        char[] reset = "a third long secret".toCharArray();
        sdk.accounts().resetPassword(token(Templates.PASSWORD_RESET, email), reset, reset);
        refused(ErrorCode.SESSION_INVALID, () -> sdk.accounts().session(afterChange)); // a reset ends them too
        String operatorAdmin = sdk.accounts().signIn("admin@operator.test", Fixture.ADMIN_PASSWORD.toCharArray(),
                "ip").token();
        sdk.accounts().requestPasswordReset(email, "ip");
        char[] fourth = "a fourth long secret".toCharArray();
        sdk.accounts().resetPassword(token(Templates.PASSWORD_RESET, email), fourth, fourth);
        assertEquals(fx.operatorAdmin, sdk.accounts().session(operatorAdmin), "other members' sessions go on");
    }

    @Test
    void aMemberChangesItsPasswordWithTheOldOneAndTheNewOneTwice() {
        char[] current = Fixture.MEMBER_PASSWORD.toCharArray();
        char[] next = "another long secret".toCharArray();
        refused(ErrorCode.PASSWORD_WRONG, "oldPassword", () -> sdk.accounts().changePassword(partner.manager(),
                "not it at all".toCharArray(), next, next));
        refused(ErrorCode.PASSWORD_MISMATCH, "passwordRepeat", () -> sdk.accounts().changePassword(partner.manager(),
                current,
                next, "another long secreT".toCharArray()));
        sdk.accounts().changePassword(partner.manager(), current, next, next);
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate(partner.managerMember().email(),
                current, "ip"));
        assertEquals(partner.manager(), sdk.accounts().authenticate(partner.managerMember().email(), next, "ip"));
    }

    @Test
    void aSignInRehashesAPasswordHashedUnderOlderParameters() {
        String email = partner.managerMember().email();
        String before = stored(partner.managerMember()).passwordHash();
        PasswordHasher stronger = PasswordHasher.argon2id(RandomSource.seeded(5), 512, 1, 1);
        Latchkey upgraded = Latchkey.builder().store(fx.store).clock(fx.clock).masterKey(Fixture.MASTER_KEY)
                .passwordHasher(stronger).build();
        assertTrue(stronger.needsRehash(before));

        upgraded.accounts().authenticate(email, Fixture.MEMBER_PASSWORD.toCharArray(), "ip");

        String after = stored(partner.managerMember()).passwordHash();
        assertTrue(after.startsWith("$argon2id$v=19$m=512,t=1,p=1$"), after);
        assertEquals(partner.manager(), upgraded.accounts().authenticate(email,
                Fixture.MEMBER_PASSWORD.toCharArray(), "ip"));
        assertEquals(after, stored(partner.managerMember()).passwordHash(), "hashed again only once");
        assertEquals(MemberStatus.ACTIVE, stored(partner.managerMember()).status());
    }

    @Test
    void aPasswordResetLinkWorksOnceAndSaysNothingAboutUnknownAddresses() {
        sdk.accounts().requestPasswordReset("nobody@partner.test", "198.51.100.20");
        fx.runDueWork();
        assertEquals(List.of(Templates.PASSWORD_RESET_NO_ACCOUNT), fx.mail.deliveredTo("nobody@partner.test").stream()
                .map(n -> n.template()).toList(), "no error, and a note that there is no account, not a link");

        String email = partner.managerMember().email();
        sdk.accounts().requestPasswordReset(email, "198.51.100.20");
        String token = token(Templates.PASSWORD_RESET, email);
        assertTrue(fx.mail.last(Templates.PASSWORD_RESET, email).parameter("link")
                .startsWith("https://portal.example.test/reset-password?token="));
        sdk.accounts().resetPassword(token, PASSWORD, PASSWORD);
        refused(ErrorCode.TOKEN_USED, () -> sdk.accounts().resetPassword(token, PASSWORD, PASSWORD));
        assertEquals(partner.manager(), sdk.accounts().authenticate(email, PASSWORD, "ip"));

        sdk.accounts().requestPasswordReset(email, "198.51.100.20");
        String late = token(Templates.PASSWORD_RESET, email);
        fx.clock.advance(Accounts.RESET_TTL);
        refused(ErrorCode.TOKEN_EXPIRED, () -> sdk.accounts().resetPassword(late, PASSWORD, PASSWORD));
        // A reset link confirms nothing: the purposes are signed apart.
        refused(ErrorCode.TOKEN_INVALID, () -> sdk.accounts().confirm(late, PASSWORD, PASSWORD));
    }

    @Test
    void onlyAdminsManageMembersAndAnOrganizationKeepsAnAdmin() {
        Member invited = invite("someone@partner.test");
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().addMember(partner.manager(), partner.id(),
                new MemberDraft("x@partner.test", "X", null, Set.of(Role.MANAGER))));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().changeRoles(partner.manager(), invited.id(),
                Set.of(Role.ADMIN)));
        refused(ErrorCode.MEMBER_NOT_FOUND, () -> sdk.members().changeRoles(fx.partner().admin(), invited.id(),
                Set.of(Role.ADMIN)));
        MemberId adminId = partner.admin().memberId().orElseThrow();
        refused(ErrorCode.LAST_ADMIN, () -> sdk.members().changeRoles(partner.admin(), adminId, Set.of(Role.MANAGER)));
        refused(ErrorCode.LAST_ADMIN, () -> sdk.members().disable(partner.admin(), adminId));

        assertEquals(Set.of(Role.ADMIN), sdk.members().changeRoles(partner.admin(), partner.managerMember().id(),
                Set.of(Role.ADMIN)).roles());
        sdk.members().disable(partner.admin(), partner.managerMember().id());
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().actorFor(partner.managerMember().id()));
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate(partner.managerMember().email(),
                Fixture.MEMBER_PASSWORD.toCharArray(), "ip"));
        sdk.members().enable(partner.admin(), partner.managerMember().id());
        assertEquals(Set.of(Role.ADMIN), sdk.accounts().actorFor(partner.managerMember().id()).roles());
    }

    static Stream<Arguments> pairs() {
        return ExpectedTables.MEMBER.pairs();
    }

    /** What each event is refused with where the table has no row for it. */
    private static ErrorCode refusal(MemberStatus status, MemberEvent event) {
        return switch (event) {
            case CONFIRM -> ErrorCode.TOKEN_USED;
            case CHANGE_PASSWORD -> status == MemberStatus.INVITED ? ErrorCode.PASSWORD_WRONG
                    : ErrorCode.TRANSITION_NOT_ALLOWED;
            case EMPLOY -> status == MemberStatus.INVITED ? ErrorCode.TOKEN_INVALID : ErrorCode.TRANSITION_NOT_ALLOWED;
            case CONFIRM_EMAIL -> status == MemberStatus.INVITED ? ErrorCode.TOKEN_INVALID
                    : ErrorCode.TRANSITION_NOT_ALLOWED;
            default -> ErrorCode.TRANSITION_NOT_ALLOWED;
        };
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("pairs")
    void everyAccountPairBehavesAsTheTableSays(MemberStatus status, MemberEvent event) {
        if (event == MemberEvent.BOOTSTRAP) {
            return; // the kernel's alone, once: see theFirstAdministratorIsMadeActiveByTheKernel
        }
        Member member = invite("pair@partner.test");
        String token = token(Templates.MEMBER_INVITED, "pair@partner.test");
        Actor self = Actors.member(member.id(), member.organization(), member.roles());
        Partner employer = fx.partner();
        if (status != MemberStatus.INVITED) {
            sdk.accounts().confirm(token, PASSWORD, PASSWORD);
            sdk.members().inviteEmployee(employer.admin(), employer.id(), "pair@partner.test", Set.of(Role.MANAGER));
        }
        if (status == MemberStatus.DISABLED) {
            sdk.members().disable(partner.admin(), member.id());
        }
        char[] next = "another long secret".toCharArray();
        Runnable take = () -> {
            switch (event) {
                case CONFIRM -> sdk.accounts().confirm(token, PASSWORD, PASSWORD);
                case REINVITE -> sdk.members().reinvite(partner.admin(), member.id());
                case CORRECT_EMAIL -> sdk.members().correctEmail(fx.operatorAdmin, member.id(), "typo@partner.test");
                case EDIT_DETAILS -> sdk.members().updateDetails(partner.admin(), member.id(),
                        new MemberDetails("Renamed", null, null));
                case EDIT_OWN_DETAILS -> sdk.members().updateDetails(self, member.id(),
                        new MemberDetails(null, "pl", "+48 22 123 45 67"));
                case CONFIRM_EMAIL -> {
                    if (status == MemberStatus.INVITED) {
                        // Its address is corrected at once (CORRECT_EMAIL): it never gets a link to confirm one.
                        sdk.accounts().confirmEmail("no link was sent");
                    }
                    sdk.members().changeEmail(partner.admin(), member.id(), "moved@partner.test");
                    sdk.accounts().confirmEmail(token(Templates.MEMBER_EMAIL_CHANGE, "moved@partner.test"));
                }
                case CHANGE_ROLES -> sdk.members().changeRoles(partner.admin(), member.id(),
                        Set.of(Role.MANAGER, Role.ENGINEER));
                case CHANGE_PASSWORD -> sdk.accounts().changePassword(self, PASSWORD, next, next);
                case EMPLOY -> {
                    if (status == MemberStatus.INVITED) {
                        // An unconfirmed account is offered nothing, so it has no offer to take up.
                        sdk.members().inviteEmployee(employer.admin(), employer.id(), "pair@partner.test",
                                Set.of(Role.MANAGER));
                        fx.runDueWork();
                        assertEquals(List.of(), fx.mail.deliveredTo("pair@partner.test").stream()
                                .filter(n -> n.template().equals(Templates.EMPLOYEE_INVITED)).toList());
                        sdk.members().acceptEmployment(self, "no offer");
                    }
                    sdk.members().acceptEmployment(self, token(Templates.EMPLOYEE_INVITED, "pair@partner.test"));
                }
                case DISABLE -> sdk.members().disable(partner.admin(), member.id());
                case ENABLE -> sdk.members().enable(partner.admin(), member.id());
                case BOOTSTRAP -> throw new IllegalArgumentException("the kernel's");
            }
        };
        int journaled = history(member).size();
        Optional<ExpectedTable.Row<MemberStatus, MemberEvent>> row = ExpectedTables.MEMBER.find(status, event);
        if (row.isPresent()) {
            take.run();
            assertEquals(row.get().to(), stored(member).status());
            JournalEntry last = history(member).get(history(member).size() - 1);
            assertEquals(List.of(event.name(), status.name(), row.get().to().name()),
                    List.of(last.event(), last.fromState(), last.toState()), "journaled as the table's step");
        } else {
            refused(refusal(status, event), take::run);
            assertEquals(status, stored(member).status());
            assertEquals(journaled, history(member).size());
        }
    }

    @Test
    void theFirstAdministratorIsMadeActiveByTheKernel() {
        Member admin = fx.store.inTransaction(() -> fx.partyStore().members().findByEmail("admin@operator.test"))
                .orElseThrow();
        List<JournalEntry> history = history(admin);
        assertEquals(List.of("system:bootstrap CREATE null INVITED", "system:bootstrap BOOTSTRAP INVITED ACTIVE"),
                history.stream().map(e -> e.actor() + " " + e.event() + " " + e.fromState() + " " + e.toState())
                        .toList());
    }

    private List<JournalEntry> history(Member member) {
        return fx.store.inTransaction(() -> fx.store.port(JournalRepository.class)
                .history(MemberLifecycle.AGGREGATE, member.id().toString(), null, 100));
    }

    private Member stored(Member member) {
        return fx.store.inTransaction(() -> fx.partyStore().members().find(member.id()).orElseThrow());
    }
}
