package io.latchkey.credential;

import io.latchkey.store.Transactions;
import io.latchkey.time.DueWork;
import java.time.Instant;
import java.util.List;

/** The scheduler's work in credential pools: activation, expiry and return to the pool, when they fall due. */
final class CredentialTimers implements DueWork {

    private final Transactions transactions;
    private final PoolRecords records;

    CredentialTimers(Transactions transactions, PoolRecords records) {
        this.transactions = transactions;
        this.records = records;
    }

    @Override
    public String name() {
        return "credentials";
    }

    @Override
    public int applyDue(Instant now, int limit) {
        return transactions.inTransaction(() -> {
            List<Credential> due = records.store.credentials().claimDue(now, limit);
            due.forEach(records::caughtUp);
            return due.size();
        });
    }
}
