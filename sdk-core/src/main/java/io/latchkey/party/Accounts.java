package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.CustomerId;
import io.latchkey.access.Holder;
import io.latchkey.access.MemberId;
import io.latchkey.access.Permission;
import io.latchkey.access.Role;
import io.latchkey.crypto.Digests;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.crypto.RandomSource;
import io.latchkey.internal.Actors;
import io.latchkey.internal.Checks;
import io.latchkey.limits.Attempt;
import io.latchkey.limits.Limit;
import io.latchkey.limits.RateLimiter;
import io.latchkey.notify.Language;
import io.latchkey.notify.Templates;
import io.latchkey.store.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and the accounts behind it: confirming an invitation, sign-in by e-mail and password, sessions
 * ({@link #signIn}, {@link #session}, {@link #signOut}), changing and resetting passwords, and the customers of
 * the app. Passwords are kept only as Argon2id hashes; failures are rate-limited and say nothing about which part
 * was wrong.
 *
 * <p>Thread-safe.
 */
public final class Accounts {

    /** How long a password-reset link stays good. */
    public static final Duration RESET_TTL = Duration.ofHours(1);

    /** A session token: the bearer token a host hands to a signed-in client, and when it stops working. */
    public record SignedIn(String token, Instant expiresAt, Actor actor) {

        @Override
        public String toString() {
            return "SignedIn[" + actor.describe() + " until " + expiresAt + "]";
        }
    }

    private static final int TOKEN_BYTES = 32;

    private final Transactions transactions;
    private final PartyRecords records;
    private final MemberLinks links;
    private final PasswordHasher hasher;
    private final RateLimiter rateLimiter;
    private final RandomSource random;
    private final Duration sessionTtl;
    /** Verified when no account matches, so that a failed sign-in costs the same either way. */
    private final String decoy;

    Accounts(Transactions transactions, PartyRecords records, MemberLinks links, PasswordHasher hasher,
             RateLimiter rateLimiter, RandomSource random, Duration sessionTtl) {
        this.transactions = transactions;
        this.records = records;
        this.links = links;
        this.hasher = hasher;
        this.rateLimiter = rateLimiter;
        this.random = random;
        this.sessionTtl = sessionTtl;
        this.decoy = hasher.hash("no account has this password".toCharArray());
    }

    /**
     * Confirms an invitation with the link's token and sets the member's password (null for an owner who chose
     * it when registering the company: it stays); returns the member, now ACTIVE. A link works once, until a
     * newer invitation replaces it or it expires. A company owner's confirmation is also the company's consent to
     * the partner that registered it.
     */
    public Member confirm(String token, char[] password, char[] repeat) {
        Member invited = transactions.inTransaction(() -> links.open(token, MemberLinks.CONFIRM).member());
        // An owner who chose a password when registering the company confirms without one.
        String hash = password == null && invited.passwordHash() != null ? invited.passwordHash()
                : hasher.hash(checkedPassword(invited.email(), password, repeat));
        return transactions.inTransaction(() -> {
            Member member = links.open(token, MemberLinks.CONFIRM).member();
            if (records.members.table().find(member.status(), MemberEvent.CONFIRM).isEmpty()) {
                throw LatchkeyException.ofField(ErrorCode.TOKEN_USED, "token");
            }
            Actor confirming = Actors.member(member.id(), member.organization(), member.roles());
            Member active = records.steps.checkSecret(confirming, records.members, member, MemberEvent.CONFIRM)
                    .take((m, to) -> m.withStatus(to).withPassword(hash), null);
            Organization organization = records.store.organizations().find(member.organization()).orElseThrow();
            if (organization.state() == OrganizationState.PENDING && member.roles().contains(Role.ADMIN)) {
                records.steps.take(Actors.system("first-administrator"), records.organizations, organization,
                        OrganizationEvent.ACTIVATE, (o, to) -> o.activated(records.clock.instant()),
                        "confirmed by " + confirming.describe());
            }
            if (member.roles().contains(Role.OWNER)) {
                // The owner consents to the partner that registered the company (the request made with it), and to
                // nothing else that may be pending.
                Instant registered = records.store.organizations().find(member.organization()).orElseThrow()
                        .createdAt();
                for (Connection offered : records.store.connections().involving(member.organization(),
                        ConnectionKind.COMPANY_TO_PARTNER, ConnectionState.PENDING)) {
                    if (offered.from().equals(member.organization()) && offered.createdAt().equals(registered)) {
                        Connection approved = records.steps.checkSecret(confirming, records.connections, offered,
                                ConnectionEvent.CONSENT).take((c, to) -> c.decided(to, records.clock.instant(),
                                confirming.describe()), null);
                        Connections.moveIfExclusive(records, approved);
                    }
                }
            }
            return active.withoutSecrets();
        });
    }

    /**
     * Signs a member in by e-mail and password. Failures say nothing about which part was wrong; attempts are
     * counted per source and, more loosely, per address ({@link Limit#SIGN_IN_SOURCE},
     * {@link Limit#SIGN_IN_ACCOUNT}): an account under attack from many sources still lets in a source that has
     * not failed.
     */
    public Actor authenticate(String email, char[] password, String source) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        // No address is longer than 254 characters: a longer one is counted under its first 254, never stored.
        boolean plausible = address.length() <= Checks.MAX_EMAIL;
        String account = plausible ? address : address.substring(0, Checks.MAX_EMAIL);
        String from = Actor.source(source);
        Attempt attempt = rateLimiter.attempt(Limit.SIGN_IN_SOURCE, from, Limit.SIGN_IN_ACCOUNT, account);
        Optional<Member> member = !plausible ? Optional.empty()
                : transactions.inTransaction(() -> records.store.members().findByEmail(address)
                        .filter(m -> records.open(m.organization())));
        String hash = member.map(Member::passwordHash).orElse(null);
        boolean matches = password != null && hasher.verify(password, hash != null ? hash : decoy);
        boolean good = matches && hash != null && member.get().status() == MemberStatus.ACTIVE;
        if (!good) {
            throw LatchkeyException.of(ErrorCode.CREDENTIALS_INVALID);
        }
        attempt.uncount();
        hasher.rehashed(password, hash).ifPresent(rehashed -> transactions.inTransaction(
                () -> records.store.members().find(member.get().id()).filter(m -> hash.equals(m.passwordHash()))
                        .ifPresent(m -> records.store.members().update(m.withPassword(rehashed)))));
        return Actors.member(member.get().id(), member.get().organization(), member.get().roles());
    }

    /**
     * Signs a member in ({@link #authenticate}) and opens a session: a random bearer token, stored only as its
     * hash, good until it expires, the member signs out, or changes or resets the password.
     */
    public SignedIn signIn(String email, char[] password, String source) {
        return openSession(authenticate(email, password, source));
    }

    /**
     * Opens a session for an actor the SDK gave the host: a member's, or a customer's made by
     * {@code owners().registerOwner}.
     */
    public SignedIn openSession(Actor actor) {
        String token = "lk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(TOKEN_BYTES));
        Instant now = records.clock.instant();
        Session session = switch (actor.kind()) {
            case MEMBER -> new Session(Digests.sha256Hex(token), actor.memberId().orElseThrow(), null, now,
                    now.plus(sessionTtl));
            case CUSTOMER -> new Session(Digests.sha256Hex(token), null, CustomerId.parse(actor.subject()), now,
                    now.plus(sessionTtl));
            default -> throw new IllegalArgumentException("only members and customers sign in: " + actor.kind());
        };
        transactions.inTransaction(() -> {
            records.store.sessions().insert(session);
            return null;
        });
        return new SignedIn(token, session.expiresAt(), actor);
    }

    /**
     * The actor behind a session token, with its organization and roles as stored now: a session never outlives
     * its holder's access.
     *
     * @throws LatchkeyException {@link ErrorCode#SESSION_INVALID} if the token is unknown, expired or ended, or
     *                           its member was disabled or its organization closed since
     */
    public Actor session(String token) {
        if (token == null || token.length() > 100) {
            throw LatchkeyException.of(ErrorCode.SESSION_INVALID);
        }
        return transactions.inTransaction(() -> {
            Session session = records.store.sessions().find(Digests.sha256Hex(token))
                    .filter(s -> records.clock.instant().isBefore(s.expiresAt()))
                    .orElseThrow(() -> LatchkeyException.of(ErrorCode.SESSION_INVALID));
            if (session.customer() != null) {
                return records.store.customers().find(session.customer()).map(c -> Actors.customer(c.id()))
                        .orElseThrow(() -> LatchkeyException.of(ErrorCode.SESSION_INVALID));
            }
            Member member = records.store.members().find(session.member())
                    .filter(m -> m.status() == MemberStatus.ACTIVE).filter(m -> records.open(m.organization()))
                    .orElseThrow(() -> LatchkeyException.of(ErrorCode.SESSION_INVALID));
            return Actors.member(member.id(), member.organization(), member.roles());
        });
    }

    /** Ends a session; a token that is unknown or ended already is ignored. */
    public void signOut(String token) {
        if (token != null && token.length() <= 100) {
            transactions.inTransaction(() -> records.store.sessions().remove(Digests.sha256Hex(token)));
        }
    }

    /** Deletes up to {@code limit} expired sessions; returns how many. */
    public int pruneSessions(int limit) {
        return transactions.inTransaction(() -> records.store.sessions().removeExpired(records.clock.instant(),
                limit));
    }

    /**
     * The actor of a signed-in member (a session the host keeps): its organization and roles as stored now.
     * A member that was disabled since, or never confirmed, is refused.
     */
    public Actor actorFor(MemberId id) {
        return transactions.inTransaction(() -> {
            Member member = records.store.members().find(id).filter(m -> m.status() == MemberStatus.ACTIVE)
                    .filter(m -> records.open(m.organization()))
                    .orElseThrow(() -> LatchkeyException.of(ErrorCode.CREDENTIALS_INVALID));
            return Actors.member(member.id(), member.organization(), member.roles());
        });
    }

    /**
     * The actor of a known customer of the app, once the host has proved the customer's phone itself (with a
     * one-time code it sent there): a phone number alone proves nothing.
     */
    public Actor customerActor(CustomerId id) {
        return transactions.inTransaction(() -> records.store.customers().find(id).map(c -> Actors.customer(c.id()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.CREDENTIALS_INVALID)));
    }

    /** A member changes its own password: the current one, then the new one twice. */
    public void changePassword(Actor actor, char[] oldPassword, char[] newPassword, char[] repeat) {
        MemberId id = actor.memberId().orElseThrow(
                () -> LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.PASSWORD_CHANGE.name()));
        rateLimiter.attempt(Limit.PASSWORD_CHANGE, id.toString());
        Member member = transactions.inTransaction(() -> records.store.members().find(id)).orElseThrow(
                () -> LatchkeyException.of(ErrorCode.MEMBER_NOT_FOUND, id));
        if (oldPassword == null || member.passwordHash() == null || !hasher.verify(oldPassword,
                member.passwordHash())) {
            throw LatchkeyException.ofField(ErrorCode.PASSWORD_WRONG, "oldPassword");
        }
        rateLimiter.uncount(Limit.PASSWORD_CHANGE, id.toString());
        String hash = hasher.hash(checkedPassword(member.email(), newPassword, repeat));
        transactions.inTransaction(() -> records.steps.checkSecret(actor, records.members,
                        records.store.members().find(id).orElseThrow(), MemberEvent.CHANGE_PASSWORD)
                .take((m, to) -> {
                    records.store.sessions().removeOfMember(id);
                    return m.withPassword(hash);
                }, "with the current password"));
    }

    /**
     * Sends a password-reset link to an active member with this e-mail, and to an address without one a note
     * that there is none. Says nothing either way, so that it cannot be used to find out who has an account;
     * requests are limited per source ({@link Limit#MAIL_FROM_SOURCE}). An address that was sent its budget of
     * e-mails this hour ({@link Limit#MAIL_TO_ADDRESS}) is sent nothing more, with the same answer: the links it
     * has still work, and no one can lock its holder out of a reset.
     *
     * @param source where the request came from (an IP address), for rate limiting
     */
    public void requestPasswordReset(String email, String source) {
        String address = Checks.email("email", email);
        rateLimiter.spending(Limit.MAIL_FROM_SOURCE, Actor.source(source), () -> {
            try {
                rateLimiter.attempt(Limit.MAIL_TO_ADDRESS, address);
            } catch (LatchkeyException enough) {
                if (enough.code() == ErrorCode.TOO_MANY_ATTEMPTS) {
                    return;
                }
                throw enough;
            }
            sendReset(address);
        });
    }

    private void sendReset(String address) {
        transactions.inTransaction(() -> {
            Optional<Member> account = records.store.members().findByEmail(address)
                    .filter(m -> m.status() == MemberStatus.ACTIVE);
            if (account.isPresent()) {
                links.send(account.get(), MemberLinks.RESET, RESET_TTL, Templates.PASSWORD_RESET, "/reset-password",
                        List.of(), Map.of());
            } else {
                // The same answer, and an e-mail all the same, so that neither tells whether the address has one.
                Language language = records.store.organizations().findOperator().map(Organization::language)
                        .orElse(Language.EN);
                links.notice(address, "", language, Templates.PASSWORD_RESET_NO_ACCOUNT, "/register", Map.of());
            }
        });
    }

    /**
     * Confirms a member's new address with the link sent to it ({@code members().changeEmail}); returns the
     * member, who signs in with the new address from now on. The link works once; a change of address or
     * password since makes it stale.
     */
    public Member confirmEmail(String token) {
        return transactions.inTransaction(() -> {
            MemberLinks.Opened opened = links.open(token, MemberLinks.EMAIL_CHANGE);
            Member member = opened.member();
            String address = opened.claims().get(0);
            Actor confirming = Actors.member(member.id(), member.organization(), member.roles());
            return records.steps.checkSecret(confirming, records.members, member, MemberEvent.CONFIRM_EMAIL)
                    .take((m, to) -> m.withEmail(address), member.email() + " -> " + address).withoutSecrets();
        });
    }

    /** Sets a new password with a reset link's token; the link works once and for {@link #RESET_TTL}. */
    public Member resetPassword(String token, char[] password, char[] repeat) {
        Member holder = transactions.inTransaction(() -> links.open(token, MemberLinks.RESET).member());
        String hash = hasher.hash(checkedPassword(holder.email(), password, repeat));
        return transactions.inTransaction(() -> {
            Member member = links.open(token, MemberLinks.RESET).member();
            if (member.status() != MemberStatus.ACTIVE) {
                throw LatchkeyException.ofField(ErrorCode.TOKEN_USED, "token");
            }
            Actor resetting = Actors.member(member.id(), member.organization(), member.roles());
            return records.steps.checkSecret(resetting, records.members, member, MemberEvent.CHANGE_PASSWORD)
                    .take((m, to) -> {
                        records.store.sessions().removeOfMember(m.id());
                        return m.withPassword(hash);
                    }, "with a reset link").withoutSecrets();
        });
    }

    /** Attaches the e-mail a customer gave with a feedback message to the customer. */
    public Customer attachEmail(Actor customer, String email) {
        String checked = Checks.email("email", email);
        return transactions.inTransaction(() -> {
            CustomerId id = customer.kind() == Actor.Kind.CUSTOMER ? CustomerId.parse(customer.subject()) : null;
            records.access.requireOnVisible(customer, Permission.CUSTOMER_EDIT, new Holder(null, null, id));
            Customer found = records.store.customers().find(id).orElseThrow(
                    () -> LatchkeyException.of(ErrorCode.FIELD_MALFORMED, "customer", "unknown customer"));
            return records.store.customers().update(found.withEmail(checked));
        });
    }

    /** The new password, if it is strong enough and typed the same twice. */
    static char[] checkedPassword(String email, char[] password, char[] repeat) {
        if (password == null || password.length < 10 || password.length > 128
                || sameIgnoringCase(password, email == null ? "" : email.strip())) {
            throw LatchkeyException.ofField(ErrorCode.PASSWORD_TOO_WEAK, "password");
        }
        if (!Arrays.equals(password, repeat)) {
            throw LatchkeyException.ofField(ErrorCode.PASSWORD_MISMATCH, "passwordRepeat");
        }
        return password;
    }

    /** Compares without making a String of the password, which would outlive the array the caller wipes. */
    private static boolean sameIgnoringCase(char[] password, String text) {
        if (password.length != text.length()) {
            return false;
        }
        for (int i = 0; i < password.length; i++) {
            if (Character.toLowerCase(password[i]) != Character.toLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
