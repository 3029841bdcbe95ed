package io.latchkey.credential;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Access;
import io.latchkey.access.Actor;
import io.latchkey.access.Holder;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.access.Role;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.RandomSource;
import io.latchkey.internal.Portal;
import io.latchkey.lifecycle.Aggregate;
import io.latchkey.lifecycle.Steps;
import io.latchkey.notify.Attachment;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Outbox;
import io.latchkey.notify.Templates;
import io.latchkey.party.Member;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.PartyStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The credential area's records as its services share them: the stores, the kernel step bound to pool orders
 * and credentials, timed steps caught up on read, the provisioning link and the notifications.
 */
final class PoolRecords {

    static final int MAX_LIST = 1000;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    final CredentialStore store;
    final PartyStore party;
    final Steps steps;
    final Access access;
    final Clock clock;
    final Ids ids;
    final RandomSource random;
    final KeyStore keys;
    final Outbox outbox;
    final CredentialSettings settings;
    final Aggregate<Credential, CredentialState, CredentialEvent> credentials;
    final Aggregate<PoolOrder, PoolOrderStatus, PoolOrderEvent> orders;

    PoolRecords(CredentialStore store, PartyStore party, Steps steps, Access access, Clock clock, Ids ids,
                RandomSource random, KeyStore keys, Outbox outbox, CredentialSettings settings) {
        this.store = store;
        this.party = party;
        this.steps = steps;
        this.access = access;
        this.clock = clock;
        this.ids = ids;
        this.random = random;
        this.keys = keys;
        this.outbox = outbox;
        this.settings = settings;
        this.credentials = new Aggregate<>(CredentialLifecycle.CREDENTIAL, Credential::state, Credential::label,
                c -> Holder.of(c.partner()), store.credentials()::insert, store.credentials()::update);
        this.orders = new Aggregate<>(CredentialLifecycle.POOL_ORDER, PoolOrder::status, PoolOrder::id,
                o -> Holder.of(o.partner()), store.poolOrders()::insert, store.poolOrders()::update);
    }

    /** The actor's own organization, which must be a partner: only partners have pools. */
    OrgId ownPartner(Actor actor, Permission permission) {
        OrgId own = actor.organization();
        if (own == null) {
            throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, permission.name());
        }
        access.require(actor, permission, own, ErrorCode.ORGANIZATION_NOT_FOUND, own);
        Organization organization = party.organizations().find(own).orElseThrow();
        if (organization.kind() != OrgKind.PARTNER) {
            throw LatchkeyException.of(ErrorCode.POOL_NOT_AVAILABLE, organization.kind());
        }
        return own;
    }

    /**
     * The organization whose things a read shows ({@code holder}, else the actor's own), once the actor may view
     * them.
     */
    OrgId viewed(Actor actor, OrgId holder) {
        OrgId owner = holder != null ? holder : actor.organization();
        if (owner == null) {
            throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.VIEW.name());
        }
        access.require(actor, Permission.VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
        return owner;
    }

    /** A credential in the actor's channel (NOT_FOUND outside it), as stored. */
    Credential visibleCredential(Actor actor, Label label) {
        return store.credentials().findByLabel(label).filter(c -> access.sees(actor, c.partner()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.CREDENTIAL_NOT_FOUND, label));
    }

    /** A credential in the actor's channel, with its due timed steps persisted first: what commands act on. */
    Credential currentCredential(Actor actor, Label label) {
        return caughtUp(visibleCredential(actor, label));
    }

    Issuance currentIssuance(Credential credential) {
        return store.issuances().find(credential.issuanceId()).orElseThrow(
                () -> new IllegalStateException("credential " + credential.label() + " lost its issuance"));
    }

    /**
     * Takes every timed step that is due, persisting each with its journal entry. Like every command here, it
     * locks the credential's row before it touches the issuance: that row is the lock of both, taken in one
     * order, so that no two commands wait for each other.
     */
    Credential caughtUp(Credential credential) {
        Instant now = clock.instant();
        Credential current = credential;
        for (Optional<Credential.TimedStep> next = current.nextTimedStep();
             next.isPresent() && !next.get().at().isAfter(now); next = current.nextTimedStep()) {
            Credential.TimedStep timed = next.get();
            Issuance ending = timed.event() == CredentialEvent.EXPIRE ? currentIssuance(current) : null;
            current = steps.takeTimed(credentials, current, timed.event(), (c, to) -> c.taking(timed.event(),
                    timed.at()), "due " + timed.at());
            if (ending != null) {
                store.issuances().update(ending.ended(timed.at(), EndReason.EXPIRED));
            }
        }
        return current;
    }

    /** The provisioning link of the credential's current generation. */
    URI link(Credential credential) {
        String token = ProvisioningToken.mint(keys, credential);
        return URI.create(link("/provision?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    }

    /** The portal's address of {@code path}. */
    String link(String path) {
        return Portal.link(settings.publicUrl(), path);
    }

    /**
     * E-mails the client the provisioning link of the credential's current generation, with its QR code (drawn when
     * the e-mail is sent).
     */
    void sendLink(Client client, Credential credential) {
        URI link = link(credential);
        ZoneId zone = client.timezone();
        outbox.enqueue("credential.issued/" + credential.id() + "/" + credential.generation(),
                new Notification(Templates.CREDENTIAL_ISSUED, client.language(), client.email(), client.fullName(),
                        Map.of("clientName", client.fullName(), "label", credential.label().toString(),
                                "validFrom", shown(credential.validFrom(), zone),
                                "validTo", shown(credential.validTo(), zone), "timezone", zone.getId(),
                                "link", link.toString()),
                        List.of(Attachment.qrCode("provisioning-qr.png", link.toString()))));
    }

    /** Tells the partner's administrators and managers, each in its language, with times in the partner's zone. */
    void notifyManagers(OrgId partner, String template, String key,
                        BiFunction<ZoneId, Language, Map<String, String>> parameters) {
        Organization organization = party.organizations().find(partner).orElseThrow();
        for (Member member : party.members().byOrganization(partner)) {
            if (member.hasAnyRole(Set.of(Role.ADMIN, Role.MANAGER))) {
                outbox.enqueue(key + "/" + member.id(), new Notification(template, member.language(),
                        member.email(), member.fullName(), parameters.apply(organization.timezone(), member.language()),
                        List.of()));
            }
        }
    }

    static String shown(Instant instant, ZoneId zone) {
        return SHOWN.format(instant.atZone(zone));
    }
}
