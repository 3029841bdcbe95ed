package io.latchkey.server;

import io.latchkey.party.Accounts;
import io.latchkey.party.Member;
import io.latchkey.party.Members.MemberDetails;
import io.latchkey.server.Views.MemberView;
import java.time.Instant;

/** Signing in and out, the links e-mails carry (confirmations, resets, employment), passwords, one's own profile. */
final class AccountRoutes {

    record Login(String email, String password) {
    }

    record LoggedIn(String token, Instant expiresAt, MemberView member) {
    }

    record Token(String token) {
    }

    record Confirm(String token, String password) {
    }

    record PasswordChange(String oldPassword, String newPassword, String newPasswordRepeat) {
    }

    record Email(String email) {
    }

    record ResetConfirm(String token, String password) {
    }

    record Profile(String fullName, String language, String phone) {
    }

    private AccountRoutes() {
    }

    static void declare(Api api) {
        api.area("Accounts");
        api.post("/api/v1/auth/login").open().body(Login.class).summary("Sign in; answers a bearer token")
                .handle(c -> {
                    Login body = c.body(Login.class);
                    Accounts.SignedIn in = c.sdk.accounts().signIn(body.email(), Call.secret(body.password()),
                            c.source());
                    return new LoggedIn(in.token(), in.expiresAt(), MemberView.of(c.sdk.members().self(in.actor())));
                });
        api.post("/api/v1/auth/logout").status(204).summary("Sign out: the token stops working").handle(c -> {
            c.actor();
            c.sdk.accounts().signOut(c.bearer());
            return null;
        });
        api.post("/api/v1/auth/confirm").open().body(Confirm.class)
                .summary("Confirm an invitation (with a password) or a self-registration").handle(c -> {
                    Confirm body = c.body(Confirm.class);
                    char[] password = Call.secret(body.password());
                    return MemberView.of(c.sdk.accounts().confirm(body.token(), password, password));
                });
        api.post("/api/v1/auth/confirm-email").open().body(Token.class)
                .summary("Confirm a member's new e-mail address with the link sent to it")
                .handle(c -> MemberView.of(c.sdk.accounts().confirmEmail(c.body(Token.class).token())));
        api.post("/api/v1/auth/accept").body(Token.class).summary("Accept an employment invitation, signed in")
                .handle(c -> MemberView.of(c.sdk.members().acceptEmployment(c.actor(), c.body(Token.class).token())));
        api.post("/api/v1/auth/password").body(PasswordChange.class).status(204)
                .summary("Change one's password; every session of the member ends").handle(c -> {
                    PasswordChange body = c.body(PasswordChange.class);
                    c.sdk.accounts().changePassword(c.actor(), Call.secret(body.oldPassword()),
                            Call.secret(body.newPassword()), Call.secret(body.newPasswordRepeat()));
                    return null;
                });
        api.post("/api/v1/auth/password-reset").open().body(Email.class).status(202)
                .summary("Send a password-reset link (the same answer whether or not the address has an account)")
                .handle(c -> {
                    c.sdk.accounts().requestPasswordReset(c.body(Email.class).email(), c.source());
                    return null;
                });
        api.post("/api/v1/auth/password-reset/confirm").open().body(ResetConfirm.class).status(204)
                .summary("Set a new password with a reset link's token").handle(c -> {
                    ResetConfirm body = c.body(ResetConfirm.class);
                    char[] password = Call.secret(body.password());
                    c.sdk.accounts().resetPassword(body.token(), password, password);
                    return null;
                });

        api.get("/api/v1/me").summary("Own profile").handle(c -> MemberView.of(c.sdk.members().self(c.actor())));
        api.patch("/api/v1/me").body(Profile.class).summary("Change own name, language or phone").handle(c -> {
            Profile body = c.body(Profile.class);
            Member me = c.sdk.members().self(c.actor());
            return MemberView.of(c.sdk.members().updateDetails(c.actor(), me.id(), new MemberDetails(
                    body.fullName() != null ? body.fullName() : me.fullName(),
                    body.language() != null ? body.language() : me.language().tag(),
                    body.phone() != null ? body.phone() : me.phone())));
        });
    }
}
