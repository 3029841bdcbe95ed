package io.latchkey.credential;

import io.latchkey.LatchkeyException;
import java.util.HashMap;
import io.latchkey.ErrorCode;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a partner's pool holds, as its viewers see it: credentials with their effective state, their journal,
 * issuances, and the pool's counts.
 *
 * <p>Thread-safe.
 */
public final class Credentials {

    private final Transactions transactions;
    private final PoolRecords records;
    private final JournalRepository journal;

    Credentials(Transactions transactions, PoolRecords records, JournalRepository journal) {
        this.transactions = transactions;
        this.records = records;
        this.journal = journal;
    }

    /** A credential with its effective state and current issuance. */
    public CredentialView credential(Actor actor, Label label) {
        return transactions.inTransaction(() -> {
            Credential credential = viewed(actor, label);
            Optional<Issuance> issuance = Optional.ofNullable(credential.issuanceId())
                    .flatMap(records.store.issuances()::find);
            return new CredentialView(credential, credential.effectiveState(records.clock.instant()), issuance);
        });
    }

    /**
     * A page of the journal of a credential, oldest first: those after {@code after} (from the first when it is null),
     * at most {@code limit} (up to 1,000).
     */
    public List<JournalEntry> history(Actor actor, Label label, UUID after, int limit) {
        return transactions.inTransaction(() -> {
            viewed(actor, label);
            return journal.history(CredentialLifecycle.CREDENTIAL_AGGREGATE, label.toString(), after,
                    Checks.pageSize(limit));
        });
    }

    /**
     * A partner's issued labels, newest first, as {@code filter} narrows them (by client, state now, and a period
     * their window overlaps), each with its client; those before {@code before} (from the newest when null).
     */
    public List<IssuanceView> issuances(Actor actor, IssuanceFilter filter, IssuanceId before, int limit) {
        IssuanceFilter f = Checks.required("filter", filter);
        Instant from = Checks.optionalInstant("from", f.from());
        Instant to = Checks.optionalInstant("to", f.to());
        if (from != null && to != null && !to.isAfter(from)) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "to", "to", "after from");
        }
        return transactions.inTransaction(() -> {
            OrgId owner = records.viewed(actor, f.partner());
            Instant now = records.clock.instant();
            int wanted = Checks.pageSize(limit, PoolRecords.MAX_LIST);
            Map<ClientId, Client> clients = new HashMap<>();
            List<IssuanceView> page = new ArrayList<>();
            IssuanceId cursor = before;
            while (page.size() < wanted) {
                List<Issuance> batch = records.store.issuances().list(owner, f.client(), from, to, cursor, wanted);
                for (Issuance issuance : batch) {
                    CredentialState state = issuance.status(now);
                    if ((f.status() == null || f.status() == state) && page.size() < wanted) {
                        Client client = clients.computeIfAbsent(issuance.clientId(),
                                id -> records.store.clients().find(id).orElseThrow());
                        page.add(IssuanceView.of(issuance, client, now));
                    }
                }
                if (batch.size() < wanted) {
                    break;
                }
                cursor = batch.get(batch.size() - 1).id();
            }
            return page;
        });
    }

    /** A partner's pool by effective state now ({@code partner} null: the actor's own). */
    public PoolSummary pool(Actor actor, OrgId partner) {
        return transactions.inTransaction(() -> {
            OrgId owner = records.viewed(actor, partner);
            Instant now = records.clock.instant();
            Map<CredentialState, Integer> counts = new EnumMap<>(CredentialState.class);
            int expired = 0;
            boolean unlimited = false;
            Instant lastExpiry = null;
            for (Credential c : records.store.credentials().byPartner(owner)) {
                CredentialState state = c.effectiveState(now);
                boolean capacityOver = c.capacityExpiresAt() != null && c.capacityExpiresAt().isBefore(now);
                if (state == CredentialState.FREE && capacityOver) {
                    expired++;
                    continue;
                }
                counts.merge(state, 1, Integer::sum);
                if (c.capacityExpiresAt() == null) {
                    unlimited = true;
                } else if (lastExpiry == null || c.capacityExpiresAt().isAfter(lastExpiry)) {
                    lastExpiry = c.capacityExpiresAt();
                }
            }
            return new PoolSummary(owner, counts.getOrDefault(CredentialState.FREE, 0),
                    counts.getOrDefault(CredentialState.NEW, 0), counts.getOrDefault(CredentialState.ACTIVATED, 0),
                    counts.getOrDefault(CredentialState.DEACTIVATED, 0), expired,
                    unlimited ? Optional.empty() : Optional.ofNullable(lastExpiry));
        });
    }

    private Credential viewed(Actor actor, Label label) {
        Credential credential = records.visibleCredential(actor, label);
        records.access.require(actor, Permission.VIEW, credential.partner(), ErrorCode.CREDENTIAL_NOT_FOUND, label);
        return credential;
    }
}
