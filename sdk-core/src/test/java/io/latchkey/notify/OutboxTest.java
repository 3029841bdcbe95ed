package io.latchkey.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.crypto.Ids;
import io.latchkey.crypto.InMemoryKeyStore;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.Sealer;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Bytes;
import io.latchkey.time.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final Outbox.RetryPolicy POLICY = new Outbox.RetryPolicy(Duration.ofSeconds(30),
            Duration.ofMinutes(10), 4, Duration.ofMinutes(2));
    private static final String RECIPIENT = "anna.petrova@example.test";
    private static final String LINK = "https://latchkey.example/p?token=djF8Y3JlZGVudGlhbHw0Mg.c2lnbmF0dXJl";

    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    private final RandomSource random = RandomSource.seeded(21);
    private final InMemoryStore store = InMemoryStore.create();
    private final NotingRepository messages = new NotingRepository(store.port(OutboxRepository.class));
    private final InMemoryMailSender sender = new InMemoryMailSender();
    /** One key for every dispatcher, as on nodes that share a key store. */
    private final Sealer sealer = new Sealer(InMemoryKeyStore.generate(random), random);
    private final Outbox outbox = outbox(sender, POLICY);

    private Outbox outbox(MailSender mailSender, Outbox.RetryPolicy policy) {
        return new Outbox(store, messages, mailSender, sealer, clock, new Ids(clock, random), policy);
    }

    private static Notification notification(String recipient) {
        return new Notification(Templates.CREDENTIAL_ISSUED, Language.EN, recipient, "Anna Petrova",
                Map.of("clientName", "Anna Petrova", "label", "17", "link", LINK),
                List.of(new Attachment("provisioning-qr.png", "image/png", new byte[] {1, 2, 3})));
    }

    private void enqueue(String key, Notification notification) {
        store.inTransaction(() -> outbox.enqueue(key, notification));
    }

    /** The row of the message enqueued last. */
    private OutboxMessage lastRow() {
        UUID id = messages.inserted.get(messages.inserted.size() - 1);
        return store.inTransaction(() -> store.port(OutboxRepository.class).find(id)).orElseThrow();
    }

    private Map<OutboxStatus, Long> counts() {
        return store.inTransaction(() -> store.port(OutboxRepository.class).countByStatus());
    }

    @Test
    void aQrCodeIsKeptAsItsTextAndDrawnWhenTheMessageIsSent() {
        Notification n = new Notification(Templates.CREDENTIAL_ISSUED, Language.EN, RECIPIENT, "Anna Petrova",
                Map.of("link", LINK), List.of(Attachment.qrCode("provisioning-qr.png", LINK)));
        enqueue("issue-qr", n);
        byte[] kept = NotificationCodec.decode(sealer.open(lastRow().sealedPayload(), "outbox/notification"))
                .attachments().get(0).content();
        assertEquals(LINK, new String(kept, StandardCharsets.UTF_8), "the outbox keeps the link, not a picture");

        outbox.dispatchDue(10);

        Attachment sent = sender.delivered().get(0).attachments().get(0);
        assertEquals("provisioning-qr.png", sent.fileName());
        assertEquals("image/png", sent.contentType());
        assertEquals(LINK, io.latchkey.testkit.QrDecoder.decode(sent.content()));
    }

    @Test
    void aCommittedMessageIsDeliveredOnce() {
        Notification n = notification(RECIPIENT);
        enqueue("issue-1", n);
        assertEquals(List.of(), sender.delivered(), "nothing is sent before dispatch");

        Outbox.DispatchReport report = outbox.dispatchDue(10);

        assertEquals(new Outbox.DispatchReport(1, 0, 0), report);
        assertEquals(List.of(n), sender.delivered());
        OutboxMessage row = lastRow();
        assertEquals(OutboxStatus.SENT, row.status());
        assertEquals(1, row.attempts());
        assertNull(row.lastError());

        clock.advance(Duration.ofDays(1));
        assertEquals(0, outbox.dispatchDue(10).handled());
        assertEquals(1, sender.attempts());
    }

    @Test
    void theSameIdempotencyKeyIsStoredOnce() {
        enqueue("issue-1", notification(RECIPIENT));
        enqueue("issue-1", notification("someone.else@example.test"));

        assertEquals(1L, counts().get(OutboxStatus.PENDING));
        assertEquals(1, outbox.dispatchAllDue().delivered());
        assertEquals(List.of(notification(RECIPIENT)), sender.delivered());
    }

    @Test
    void aRolledBackTransactionLeavesNoMessage() {
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            outbox.enqueue("issue-1", notification(RECIPIENT));
            throw new IllegalStateException("the command fails after enqueueing");
        }));

        assertEquals(Map.of(OutboxStatus.PENDING, 0L, OutboxStatus.SENT, 0L, OutboxStatus.FAILED, 0L), counts());
        assertEquals(0, outbox.dispatchDue(10).handled());
        // The key went with the rollback: a retried command can enqueue it.
        enqueue("issue-1", notification(RECIPIENT));
        assertEquals(1L, counts().get(OutboxStatus.PENDING));
    }

    @Test
    void anUnknownOutcomeIsRetriedAfterTheFirstDelay() {
        enqueue("issue-1", notification(RECIPIENT));
        Instant start = clock.instant();
        sender.failNext(1);

        assertEquals(new Outbox.DispatchReport(0, 1, 0), outbox.dispatchDue(10));
        OutboxMessage row = lastRow();
        assertEquals(OutboxStatus.PENDING, row.status());
        assertEquals(1, row.attempts());
        assertEquals(start.plusSeconds(30), row.nextAttemptAt());
        assertEquals("simulated outage", row.lastError());

        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertEquals(0, outbox.dispatchDue(10).handled(), "not due yet");
        clock.advance(Duration.ofMillis(1));
        assertEquals(new Outbox.DispatchReport(1, 0, 0), outbox.dispatchDue(10));
        assertEquals(OutboxStatus.SENT, lastRow().status());
        assertEquals(2, lastRow().attempts());
        assertEquals(1, sender.delivered().size());
    }

    @Test
    void backOffDoublesUpToTheMaximumDelay() {
        Outbox patient = outbox(sender, new Outbox.RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), 10,
                Duration.ofMinutes(2)));
        store.inTransaction(() -> patient.enqueue("issue-1", notification(RECIPIENT)));
        sender.failNext(100);

        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt < 10; attempt++) {
            assertEquals(1, patient.dispatchDue(10).retried(), "attempt " + attempt);
            OutboxMessage row = lastRow();
            delays.add(Duration.between(clock.instant(), row.nextAttemptAt()));
            clock.set(row.nextAttemptAt());
        }

        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofMinutes(10)), delays);
        assertEquals(1, patient.dispatchDue(10).failed(), "the tenth attempt is the last");
    }

    @Test
    void afterMaxAttemptsUnknownOutcomesTheMessageFails() {
        enqueue("issue-1", notification(RECIPIENT));
        sender.failNext(4);

        for (int attempt = 1; attempt < 4; attempt++) {
            assertEquals(1, outbox.dispatchDue(10).retried());
            clock.set(lastRow().nextAttemptAt());
        }
        assertEquals(new Outbox.DispatchReport(0, 0, 1), outbox.dispatchDue(10));

        OutboxMessage row = lastRow();
        assertEquals(OutboxStatus.FAILED, row.status());
        assertEquals(4, row.attempts());
        assertEquals("simulated outage", row.lastError());
        clock.advance(Duration.ofDays(1));
        assertEquals(0, outbox.dispatchDue(10).handled(), "a failed message is not retried");
        assertEquals(List.of(), sender.delivered());
        assertEquals(1L, counts().get(OutboxStatus.FAILED));
    }

    @Test
    void aDeclinedMessageFailsAtOnce() {
        Outbox declining = outbox((key, n) -> new DeliveryResult.Declined("550 no such mailbox"), POLICY);
        store.inTransaction(() -> declining.enqueue("issue-1", notification(RECIPIENT)));

        assertEquals(new Outbox.DispatchReport(0, 0, 1), declining.dispatchDue(10));

        OutboxMessage row = lastRow();
        assertEquals(OutboxStatus.FAILED, row.status());
        assertEquals(1, row.attempts());
        assertEquals("550 no such mailbox", row.lastError());
    }

    @Test
    void aSenderThatThrowsCountsAsAnUnknownOutcome() {
        Outbox crashing = outbox((key, n) -> {
            throw new IllegalStateException("connection reset");
        }, POLICY);
        store.inTransaction(() -> crashing.enqueue("issue-1", notification(RECIPIENT)));

        assertEquals(1, crashing.dispatchDue(10).retried());
        assertTrue(lastRow().lastError().contains("connection reset"), lastRow().lastError());
    }

    @Test
    void aClaimedMessageIsNotClaimedAgainDuringItsLease() {
        enqueue("issue-1", notification(RECIPIENT));
        Duration lease = POLICY.lease();

        assertEquals(1, store.inTransaction(() -> store.port(OutboxRepository.class).claimDue(clock.instant(), 10,
                lease)).size());
        assertEquals(0, store.inTransaction(() -> store.port(OutboxRepository.class).claimDue(clock.instant(), 10,
                lease)).size());
        assertEquals(0, outbox.dispatchDue(10).handled());

        clock.advance(lease.minusNanos(1));
        assertEquals(0, store.inTransaction(() -> store.port(OutboxRepository.class).claimDue(clock.instant(), 10,
                lease)).size());
        // A node that claimed it and died does not lose it: after the lease it is due again.
        clock.advance(Duration.ofNanos(1));
        assertEquals(1, outbox.dispatchDue(10).delivered());
    }

    @Test
    void aDispatcherWhoseLeaseRanOutLeavesTheMessageToItsSuccessorAndGoesOn() {
        enqueue("slow", notification("slow@example.test"));
        enqueue("next", notification("next@example.test"));
        InMemoryMailSender quick = new InMemoryMailSender();
        Outbox successor = outbox(quick, POLICY);
        // The first delivery takes longer than the lease: meanwhile another dispatcher takes both messages.
        MailSender slow = (key, n) -> {
            if (n.recipient().equals("slow@example.test")) {
                clock.advance(POLICY.lease().plusSeconds(1));
                assertEquals(2, successor.dispatchDue(10).delivered());
            }
            return sender.send(key, n);
        };
        assertEquals(new Outbox.DispatchReport(0, 0, 0), outbox(slow, POLICY).dispatchDue(10),
                "both records are the successor's");
        assertEquals(2, quick.delivered().size());
        assertEquals(Map.of(OutboxStatus.PENDING, 0L, OutboxStatus.SENT, 2L, OutboxStatus.FAILED, 0L), counts());
    }

    @Test
    void dispatchHonoursTheLimitAndDispatchAllDueTakesEverything() {
        for (int i = 0; i < 250; i++) {
            enqueue("issue-" + i, notification("client" + i + "@example.test"));
        }
        assertEquals(2, outbox.dispatchDue(2).delivered());
        assertEquals(248, outbox.dispatchAllDue().delivered());
        assertEquals(250, sender.delivered().size());
        assertEquals(250L, counts().get(OutboxStatus.SENT));
    }

    @Test
    void theStoredPayloadIsSealed() {
        Notification n = notification(RECIPIENT);
        enqueue("issue-1", n);

        byte[] sealed = lastRow().sealedPayload();
        assertEquals(-1, Bytes.indexOf(sealed, RECIPIENT.getBytes(StandardCharsets.UTF_8)), "recipient in clear");
        assertEquals(-1, Bytes.indexOf(sealed, "token=".getBytes(StandardCharsets.UTF_8)), "token in clear");
        assertEquals(-1, Bytes.indexOf(sealed, LINK.getBytes(StandardCharsets.UTF_8)), "link in clear");
        // And it does carry the whole notification: what is delivered is what was enqueued.
        outbox.dispatchDue(10);
        assertEquals(Optional.of(n), sender.delivered().stream().findFirst());
    }

    /**
     * The store's own outbox repository, noting the ids of inserted messages so that the test can read the rows
     * back (the port has no listing). A plain delegate, not a mock: every call reaches the in-memory store.
     */
    private static final class NotingRepository implements OutboxRepository {
        private final OutboxRepository delegate;
        private final List<UUID> inserted = new ArrayList<>();

        NotingRepository(OutboxRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public void insert(OutboxMessage message) {
            delegate.insert(message);
            inserted.add(message.id());
        }

        @Override
        public List<OutboxMessage> claimDue(Instant now, int limit, Duration lease) {
            return delegate.claimDue(now, limit, lease);
        }

        @Override
        public OutboxMessage update(OutboxMessage message) {
            return delegate.update(message);
        }

        @Override
        public Optional<OutboxMessage> find(UUID id) {
            return delegate.find(id);
        }

        @Override
        public Map<OutboxStatus, Long> countByStatus() {
            return delegate.countByStatus();
        }

        @Override
        public int deleteSentBefore(Instant cutoff, int limit) {
            return delegate.deleteSentBefore(cutoff, limit);
        }
    }

    @Test
    void aLongKeyIsKeptAsItsStartAndAHashOfTheWhole() {
        String address = "a".repeat(64) + "@" + "b".repeat(185) + ".test";
        String key = "member.password-reset-no-account/" + address + "/2026-11-23T10:00:00.123456789Z";
        enqueue(key, notification(RECIPIENT));
        String kept = lastRow().idempotencyKey();
        assertEquals(200, kept.length());
        assertEquals(key.substring(0, 135) + "#", kept.substring(0, 136));
        String shortKey = "credential.issued/42";
        enqueue(shortKey, notification(RECIPIENT));
        assertEquals(shortKey, lastRow().idempotencyKey());
        enqueue(key, notification(RECIPIENT));
        enqueue(key.replace("10:00:00.123456789Z", "10:00:01Z"), notification(RECIPIENT));
        // The repeat of the long key was dropped; the key alike in its first 135 characters was not.
        assertEquals(3, outbox.dispatchAllDue().delivered());
    }

    @Test
    void aLongErrorIsCutToTwoThousandCharacters() {
        Outbox declining = outbox((key, n) -> new DeliveryResult.Declined("550 " + "x".repeat(10_000)), POLICY);
        enqueue("credential.issued/1", notification(RECIPIENT));
        declining.dispatchDue(10);
        String error = lastRow().lastError();
        assertEquals(2000, error.length());
        assertTrue(error.startsWith("550 xxx"));
    }
}
