package io.latchkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.credential.Client;
import io.latchkey.credential.CredentialLifecycle;
import io.latchkey.credential.IssuanceView;
import io.latchkey.credential.IssueRequest;
import io.latchkey.credential.PoolTerm;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.notify.OutboxRepository;
import io.latchkey.notify.OutboxStatus;
import io.latchkey.store.IdempotencyRepository;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What is kept only for a while goes after the retention (30 days by default): idempotency records and sent
 * notifications. The journal stays for ever.
 */
class RetentionTest {

    private final Fixture fx = new Fixture(InMemoryStore.create());
    private final Partner partner = fx.partner();

    private long sent() {
        return fx.store.inTransaction(() -> fx.store.port(OutboxRepository.class).countByStatus())
                .get(OutboxStatus.SENT);
    }

    private List<JournalEntry> history(IssuanceView issued) {
        return fx.store.inTransaction(() -> fx.store.port(JournalRepository.class).history(
                CredentialLifecycle.CREDENTIAL_AGGREGATE, issued.issuance().label().toString(), null, 100));
    }

    @Test
    void idempotencyRecordsAndSentMailGoAfterTheRetentionAndTheJournalStays() {
        fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
        Client client = fx.client(partner, "client@example.test");
        Instant now = fx.clock.instant();
        IssuanceView issued = fx.latchkey.issuing().issue(partner.manager(), new IssueRequest(client.id(), now,
                now.plus(Duration.ofDays(90)), null), "request-1");
        fx.runDueWork();
        long mailed = sent();
        List<JournalEntry> journal = history(issued);
        assertTrue(mailed > 0);
        assertTrue(journal.size() >= 2, "made and issued: " + journal);

        fx.clock.advance(Duration.ofDays(30));
        fx.runDueWork();
        assertEquals(mailed, sent(), "nothing goes until the retention has passed");
        assertTrue(fx.store.inTransaction(() -> fx.store.port(IdempotencyRepository.class)
                .find("credential.issue/" + partner.id(), "request-1")).isPresent());

        fx.clock.advance(Duration.ofSeconds(1));
        fx.runDueWork();
        assertEquals(0, sent());
        assertTrue(fx.store.inTransaction(() -> fx.store.port(IdempotencyRepository.class)
                .find("credential.issue/" + partner.id(), "request-1")).isEmpty());
        assertEquals(journal, history(issued), "the journal is never pruned");
    }
}
