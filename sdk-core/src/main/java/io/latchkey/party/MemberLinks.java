package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.MemberId;
import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.SignedToken;
import io.latchkey.internal.Portal;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Outbox;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The links members get by e-mail (invitations, password resets, offers of employment): signed, expiring
 * tokens that name the member and its stamp, so that a link stops working once used or replaced.
 */
final class MemberLinks {

    /** The purpose of an invitation to confirm an account. */
    static final String CONFIRM = "confirm";
    /** The purpose of a password reset. */
    static final String RESET = "password-reset";
    /** The purpose of an offer to work for another organization. */
    static final String EMPLOYMENT = "employment";
    /** The purpose of a new address confirming itself. */
    static final String EMAIL_CHANGE = "email-change";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PartyStore store;
    private final KeyStore keys;
    private final Outbox outbox;
    private final Clock clock;
    private final URI publicUrl;

    MemberLinks(PartyStore store, KeyStore keys, Outbox outbox, Clock clock, URI publicUrl) {
        this.store = store;
        this.keys = keys;
        this.outbox = outbox;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** A token opened and checked against the member it names. */
    record Opened(Member member, List<String> claims) {
    }

    /** E-mails a member a link with a signed token: the member's id and current stamp first, then {@code more}. */
    void send(Member member, String purpose, Duration ttl, String template, String path, List<String> more,
              Map<String, String> parameters) {
        send(member, member.email(), purpose, ttl, template, path, more, parameters);
    }

    /** The same, to another address than the member's own (a new one that is to confirm itself). */
    void send(Member member, String to, String purpose, Duration ttl, String template, String path,
              List<String> more, Map<String, String> parameters) {
        Instant expires = clock.instant().plus(ttl);
        List<String> claims = new java.util.ArrayList<>(List.of(member.id().toString(),
                Integer.toString(member.stamp())));
        claims.addAll(more);
        String token = new SignedToken(purpose, claims, expires).sign(keys.currentSigningKey());
        Map<String, String> all = new HashMap<>(parameters);
        all.put("fullName", member.fullName());
        all.put("link", link(path, token));
        ZoneId zone = store.organizations().find(member.organization()).map(Organization::timezone)
                .orElse(ZoneOffset.UTC);
        all.put("expiresAt", SHOWN.format(expires.atZone(zone)) + " (" + zone.getId() + ")");
        outbox.enqueue(purpose + "/" + member.id() + "/" + member.stamp() + "/" + claims.hashCode(),
                new Notification(template, member.language(), to, member.fullName(), all, List.of()));
    }

    /**
     * E-mails a notice that carries no token, with a link to a page of the portal ({@code path}): to an
     * address the SDK answered for exactly as if it had no account, or as if it were new.
     */
    void notice(String email, String fullName, Language language, String template, String path,
                Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("link", Portal.link(publicUrl, path));
        outbox.enqueue(template + "/" + email + "/" + clock.instant(),
                new Notification(template, language, email, fullName, all, List.of()));
    }

    /** A page of the portal, e.g. {@code /register}, with query parameters. */
    String link(String path, String token) {
        return Portal.link(publicUrl, path + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** The member a link's token was made for, if the token is good and not yet used or replaced. */
    Opened open(String token, String purpose) {
        SignedToken opened = SignedToken.open(token, purpose, keys::verificationKey)
                .filter(t -> t.claims().size() >= 2)
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.TOKEN_INVALID, "token"));
        if (opened.expiredAt(clock.instant())) {
            throw LatchkeyException.ofField(ErrorCode.TOKEN_EXPIRED, "token");
        }
        Member member;
        try {
            member = store.members().find(MemberId.parse(opened.claims().get(0)))
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.TOKEN_INVALID, "token"));
        } catch (IllegalArgumentException malformed) {
            throw LatchkeyException.ofField(ErrorCode.TOKEN_INVALID, "token");
        }
        if (!Integer.toString(member.stamp()).equals(opened.claims().get(1))) {
            throw LatchkeyException.ofField(ErrorCode.TOKEN_USED, "token");
        }
        return new Opened(member, opened.claims().subList(2, opened.claims().size()));
    }
}
