package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.lifecycle.Transition;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.party.PartyService.MemberDraft;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
    private final PartyService party = fx.latchkey.party();
    private final Partner partner = fx.partner();

    private Member invite(String email) {
        return party.addMember(partner.admin(), partner.id(), new MemberDraft(email, "Новый Сотрудник", null,
                Set.of(Role.MANAGER)));
    }

    private String token(String template, String email) {
        fx.runDueWork();
        String link = fx.mail.last(template, email).parameter("link");
        return URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
    }

    @Test
    void anInvitationIsConfirmedOnceWithANewPassword() {
        Member invited = invite("new@partner.test");
        assertEquals(MemberStatus.INVITED, invited.status());
        refused(ErrorCode.CREDENTIALS_INVALID, () -> party.authenticate("new@partner.test", PASSWORD, "ip"));
        refused(ErrorCode.CREDENTIALS_INVALID, () -> party.actorFor(invited.id()));

        fx.runDueWork();
        Notification mail = fx.mail.last(Templates.MEMBER_INVITED, "new@partner.test");
        assertEquals(Language.RU, mail.language(), "the organization's language by default");
        assertEquals(partner.organization().name(), mail.parameter("organization"));
        assertTrue(mail.parameter("link").startsWith("https://portal.example.test/confirm?token="));
        assertTrue(mail.parameter("expiresAt").endsWith("(Europe/Moscow)"));

        String token = token(Templates.MEMBER_INVITED, "new@partner.test");
        refused(ErrorCode.PASSWORD_TOO_WEAK, "password", () -> party.confirm(token, "short".toCharArray(),
                "short".toCharArray()));
        refused(ErrorCode.PASSWORD_TOO_WEAK, "password", () -> party.confirm(token, "NEW@partner.test".toCharArray(),
                "NEW@partner.test".toCharArray()));
        refused(ErrorCode.PASSWORD_MISMATCH, "passwordRepeat", () -> party.confirm(token, PASSWORD,
                "a long enough secreT".toCharArray()));
        Member active = party.confirm(token, PASSWORD, PASSWORD);
        assertEquals(MemberStatus.ACTIVE, active.status());
        assertEquals(null, active.passwordHash(), "no hash leaves the SDK");
        String stored = fx.latchkey.store().inTransaction(
                () -> fx.latchkey.store().members().find(invited.id()).orElseThrow().passwordHash());
        assertTrue(stored.startsWith("$argon2id$"));
        assertFalse(party.members(partner.admin(), partner.id()).stream().anyMatch(m -> m.passwordHash() != null));
        refused(ErrorCode.TOKEN_USED, "token", () -> party.confirm(token, PASSWORD, PASSWORD));

        Actor signedIn = party.authenticate(" New@Partner.test ", PASSWORD, "ip");
        assertEquals(Optional.of(invited.id()), signedIn.memberId());
        assertEquals(partner.id(), signedIn.organization());
    }

    @Test
    void aNewInvitationReplacesTheOldLinkAndLinksExpire() {
        Member invited = invite("late@partner.test");
        String first = token(Templates.MEMBER_INVITED, "late@partner.test");
        party.reinvite(partner.admin(), invited.id());
        String second = token(Templates.MEMBER_INVITED, "late@partner.test");
        assertNotEquals(first, second);
        refused(ErrorCode.TOKEN_USED, () -> party.confirm(first, PASSWORD, PASSWORD));
        refused(ErrorCode.TOKEN_INVALID, "token", () -> party.confirm(second.replace('.', ','), PASSWORD, PASSWORD));
        fx.clock.advance(PartyService.INVITATION_TTL);
        LatchkeyException expired = refused(ErrorCode.TOKEN_EXPIRED, "token",
                () -> party.confirm(second, PASSWORD, PASSWORD));
        assertEquals(ErrorCategory.GONE, expired.category());
    }

    @Test
    void signingInFailsAlikeForEveryReasonAndIsRateLimited() {
        refused(ErrorCode.CREDENTIALS_INVALID, () -> party.authenticate("nobody@partner.test", PASSWORD, "ip"));
        refused(ErrorCode.CREDENTIALS_INVALID, () -> party.authenticate("admin@operator.test", PASSWORD, "ip"));
        for (int i = 0; i < 9; i++) {
            String source = "ip" + i;
            refused(ErrorCode.CREDENTIALS_INVALID, () -> party.authenticate("admin@operator.test", PASSWORD, source));
        }
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> party.authenticate("admin@operator.test",
                Fixture.ADMIN_PASSWORD.toCharArray(), "elsewhere"));
        fx.clock.advance(Duration.ofMinutes(16));
        assertEquals(fx.operatorAdmin, party.authenticate("admin@operator.test", Fixture.ADMIN_PASSWORD.toCharArray(),
                "elsewhere"));
    }

    @Test
    void aMemberChangesItsPasswordWithTheOldOneAndTheNewOneTwice() {
        char[] current = Fixture.MEMBER_PASSWORD.toCharArray();
        char[] next = "another long secret".toCharArray();
        refused(ErrorCode.PASSWORD_WRONG, "oldPassword", () -> party.changePassword(partner.manager(),
                "not it at all".toCharArray(), next, next));
        refused(ErrorCode.PASSWORD_MISMATCH, "passwordRepeat", () -> party.changePassword(partner.manager(), current,
                next, "another long secreT".toCharArray()));
        party.changePassword(partner.manager(), current, next, next);
        refused(ErrorCode.CREDENTIALS_INVALID, () -> party.authenticate(partner.managerMember().email(), current, "ip"));
        assertEquals(partner.manager(), party.authenticate(partner.managerMember().email(), next, "ip"));
    }

    @Test
    void aPasswordResetLinkWorksOnceAndSaysNothingAboutUnknownAddresses() {
        int before = fx.mail.delivered().size();
        party.requestPasswordReset("nobody@partner.test");
        fx.runDueWork();
        assertEquals(before, fx.mail.delivered().size(), "no account, no mail, and no error either");

        String email = partner.managerMember().email();
        party.requestPasswordReset(email);
        String token = token(Templates.PASSWORD_RESET, email);
        assertTrue(fx.mail.last(Templates.PASSWORD_RESET, email).parameter("link")
                .startsWith("https://portal.example.test/reset-password?token="));
        party.resetPassword(token, PASSWORD, PASSWORD);
        refused(ErrorCode.TOKEN_USED, () -> party.resetPassword(token, PASSWORD, PASSWORD));
        assertEquals(partner.manager(), party.authenticate(email, PASSWORD, "ip"));

        party.requestPasswordReset(email);
        String late = token(Templates.PASSWORD_RESET, email);
        fx.clock.advance(PartyService.RESET_TTL);
        refused(ErrorCode.TOKEN_EXPIRED, () -> party.resetPassword(late, PASSWORD, PASSWORD));
        // A reset link confirms nothing: the purposes are signed apart.
        refused(ErrorCode.TOKEN_INVALID, () -> party.confirm(late, PASSWORD, PASSWORD));
    }

    @Test
    void onlyAdminsManageMembersAndAnOrganizationKeepsAnAdmin() {
        Member invited = invite("someone@partner.test");
        refused(ErrorCode.PERMISSION_DENIED, () -> party.addMember(partner.manager(), partner.id(),
                new MemberDraft("x@partner.test", "X", null, Set.of(Role.MANAGER))));
        refused(ErrorCode.PERMISSION_DENIED, () -> party.changeRoles(partner.manager(), invited.id(), Set.of(Role.ADMIN)));
        refused(ErrorCode.MEMBER_NOT_FOUND, () -> party.changeRoles(fx.partner().admin(), invited.id(),
                Set.of(Role.ADMIN)));
        MemberId adminId = partner.admin().memberId().orElseThrow();
        refused(ErrorCode.LAST_ADMIN, () -> party.changeRoles(partner.admin(), adminId, Set.of(Role.MANAGER)));
        refused(ErrorCode.LAST_ADMIN, () -> party.disable(partner.admin(), adminId));

        assertEquals(Set.of(Role.ADMIN), party.changeRoles(partner.admin(), partner.managerMember().id(),
                Set.of(Role.ADMIN)).roles());
        party.disable(partner.admin(), partner.managerMember().id());
        refused(ErrorCode.CREDENTIALS_INVALID, () -> party.actorFor(partner.managerMember().id()));
        refused(ErrorCode.CREDENTIALS_INVALID, () -> party.authenticate(partner.managerMember().email(),
                Fixture.MEMBER_PASSWORD.toCharArray(), "ip"));
        party.enable(partner.admin(), partner.managerMember().id());
        assertEquals(Set.of(Role.ADMIN), party.actorFor(partner.managerMember().id()).roles());
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (MemberStatus status : MemberStatus.values()) {
            for (MemberEvent event : MemberEvent.values()) {
                pairs.add(Arguments.of(status, event));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("pairs")
    void everyAccountPairBehavesAsTheTableSays(MemberStatus status, MemberEvent event) {
        Member member = invite("pair@partner.test");
        String token = token(Templates.MEMBER_INVITED, "pair@partner.test");
        switch (status) {
            case INVITED -> { }
            case ACTIVE -> party.confirm(token, PASSWORD, PASSWORD);
            case DISABLED -> party.disable(partner.admin(), member.id());
        }
        Runnable take = () -> {
            switch (event) {
                case CONFIRM -> party.confirm(token, PASSWORD, PASSWORD);
                case REINVITE -> party.reinvite(partner.admin(), member.id());
                case DISABLE -> party.disable(partner.admin(), member.id());
                case ENABLE -> party.enable(partner.admin(), member.id());
            }
        };
        Optional<Transition<MemberStatus, MemberEvent>> legal = MemberLifecycle.TABLE.find(status, event);
        if (legal.isPresent()) {
            take.run();
            assertEquals(legal.get().to(), stored(member).status());
        } else {
            LatchkeyException refusal = org.junit.jupiter.api.Assertions.assertThrows(LatchkeyException.class,
                    take::run);
            assertTrue(Set.of(ErrorCode.TRANSITION_NOT_ALLOWED, ErrorCode.TOKEN_USED).contains(refusal.code()),
                    refusal.code().toString());
            assertEquals(status, stored(member).status());
        }
    }

    private Member stored(Member member) {
        return fx.latchkey.store().inTransaction(() -> fx.latchkey.store().members().find(member.id()).orElseThrow());
    }
}
