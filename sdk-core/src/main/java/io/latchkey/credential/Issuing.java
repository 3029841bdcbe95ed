package io.latchkey.credential;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.notify.Attachment;
import io.latchkey.notify.QrCode;
import io.latchkey.notify.Templates;
import io.latchkey.store.Idempotency;
import io.latchkey.store.Transactions;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issuing credentials from a partner's pool to its clients for a window, e-mailing the provisioning link, and
 * taking them back: revoking, re-sending (which kills the older link). A credential is never issued twice at
 * once, also under concurrent issuers on several nodes.
 *
 * <p>Thread-safe.
 */
public final class Issuing {

    private final Transactions transactions;
    private final PoolRecords records;
    private final Idempotency idempotency;

    Issuing(Transactions transactions, PoolRecords records, Idempotency idempotency) {
        this.transactions = transactions;
        this.records = records;
        this.idempotency = idempotency;
    }

    /**
     * Issues a free credential of the actor's pool to a client for a window, and e-mails the client a
     * provisioning link with its QR code. Repeating the call with the same idempotency key returns the first
     * issuance.
     */
    public IssuanceView issue(Actor actor, IssueRequest request, String idempotencyKey) {
        return transactions.inTransaction(() -> {
            OrgId partner = records.ownPartner(actor, Permission.CREDENTIAL_ISSUE);
            Instant now = records.clock.instant();
            ClientId clientId = Checks.required("clientId", request.clientId());
            Instant from = Checks.instant("validFrom", request.validFrom());
            Instant to = Checks.instant("validTo", request.validTo());
            if (!to.isAfter(from)) {
                throw LatchkeyException.ofField(ErrorCode.CREDENTIAL_WINDOW_INVALID, "validTo");
            }
            if (!to.isAfter(now)) {
                throw LatchkeyException.ofField(ErrorCode.CREDENTIAL_WINDOW_IN_PAST, "validTo");
            }
            String description = Checks.text("description", request.description(), 1000);
            String scope = "credential.issue/" + partner;
            String hash = Idempotency.hash(clientId, from, to, description);
            Optional<String> first = idempotency.replay(scope, idempotencyKey, hash);
            Client client = records.store.clients().find(clientId).filter(c -> c.partner().equals(partner))
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.CLIENT_NOT_FOUND, "clientId", clientId));
            if (first.isPresent()) {
                return IssuanceView.of(records.store.issuances().find(IssuanceId.parse(first.get())).orElseThrow(),
                        client, now);
            }

            Credential free = claimFree(partner, now, to);
            var issue = records.steps.check(actor, records.credentials, free, CredentialEvent.ISSUE);
            Issuance issuance = new Issuance(new IssuanceId(records.ids.next()), free.id(), free.label(), partner,
                    clientId, from, to, description, now, actor.describe(), null, null, null, 0);
            records.store.issuances().insert(issuance);
            Credential issued = issue.take((c, state) -> c.issued(state, issuance.id(), from, to,
                    to.plus(records.settings.cooldown())), "issuance " + issuance.id());

            records.sendLink(client, issued);
            records.notifyManagers(partner, Templates.CREDENTIAL_ISSUED_MANAGER,
                    "credential.issued.manager/" + issuance.id(),
                    (zone, language) -> Map.of("clientName", client.fullName(), "clientEmail", client.email(),
                            "label", issued.label().toString(), "validFrom", PoolRecords.shown(from, zone),
                            "validTo", PoolRecords.shown(to, zone), "timezone", zone.getId()));
            warnIfNearlyEmpty(partner, now, issuance.id());
            idempotency.remember(scope, idempotencyKey, hash, issuance.id().toString());
            return IssuanceView.of(issuance, client, now);
        });
    }

    /** Ends an issued credential now; it returns to the pool after the cool-down. */
    public IssuanceView revoke(Actor actor, Label label, String reason) {
        String why = Checks.text("reason", reason, 1000);
        return transactions.inTransaction(() -> {
            Credential credential = records.currentCredential(actor, label);
            var revoke = records.steps.check(actor, records.credentials, credential, CredentialEvent.REVOKE);
            Instant now = records.clock.instant();
            Issuance ending = records.currentIssuance(credential);
            revoke.take((c, state) -> c.revoked(state, now.plus(records.settings.cooldown())), why);
            Issuance issuance = records.store.issuances().update(ending.ended(now, EndReason.REVOKED));
            return IssuanceView.of(issuance, records.store.clients().find(issuance.clientId()).orElseThrow(), now);
        });
    }

    /** Sends the client a new provisioning link; the previous link stops working. */
    public IssuanceView resend(Actor actor, Label label) {
        return transactions.inTransaction(() -> {
            Credential credential = records.steps.take(actor, records.credentials,
                    records.currentCredential(actor, label), CredentialEvent.RESEND, (c, state) -> c.resent(), null);
            Issuance issuance = records.currentIssuance(credential);
            Client client = records.store.clients().find(issuance.clientId()).orElseThrow();
            records.sendLink(client, credential);
            return IssuanceView.of(issuance, client, records.clock.instant());
        });
    }

    /** The current provisioning link of an issued credential (the one last e-mailed): for whoever may re-send it. */
    public URI provisioningLink(Actor actor, Label label) {
        return transactions.inTransaction(() -> {
            Credential credential = records.currentCredential(actor, label);
            // The table's RESEND row says when there is a link, and who may have it.
            records.steps.check(actor, records.credentials, credential, CredentialEvent.RESEND);
            return records.link(credential);
        });
    }

    /** The QR code (PNG) of {@link #provisioningLink}. */
    public byte[] provisioningQr(Actor actor, Label label) {
        return QrCode.png(provisioningLink(actor, label).toString(), Attachment.QR_CODE_SIZE);
    }

    private Credential claimFree(OrgId partner, Instant now, Instant until) {
        while (true) {
            List<Credential> claimed = records.store.credentials().claimFree(partner, now, until, 1);
            if (!claimed.isEmpty()) {
                return records.caughtUp(claimed.get(0));
            }
            // None fits once the holders have committed. Empty pool, or capacity too short? One snapshot answers
            // both. A credential that fits may have come back in between: then it is claimed after all. Nothing
            // is held while asking, so two issuers never wait for each other.
            switch (records.store.credentials().availability(partner, now, until)) {
                case NONE -> throw LatchkeyException.of(ErrorCode.CREDENTIAL_POOL_EMPTY);
                case TOO_SHORT -> throw LatchkeyException.ofField(ErrorCode.CREDENTIAL_WINDOW_OUTSIDE_CAPACITY,
                        "validTo", until);
                case FITTING -> {
                }
            }
        }
    }

    private void warnIfNearlyEmpty(OrgId partner, Instant now, IssuanceId cause) {
        // Capacity from the completed orders (a few rows); the free ones from the store's stock, not counted.
        long capacity = records.store.poolOrders().list(partner, Integer.MAX_VALUE).stream()
                .filter(o -> o.status() == PoolOrderStatus.COMPLETED)
                .filter(o -> o.validUntil() == null || !o.validUntil().isBefore(now))
                .mapToLong(PoolOrder::size).sum();
        long threshold = records.settings.nearlyEmptyAt(capacity);
        long free = records.store.credentials().countIssuable(partner, now);
        if (free == threshold) {
            records.notifyManagers(partner, Templates.POOL_NEARLY_EMPTY, "pool.nearly-empty/" + cause,
                    (zone, language) -> Map.of("free", Long.toString(free), "capacity", Long.toString(capacity)));
        }
    }
}
