package io.latchkey.notify;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.crypto.Digests;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.Sealer;
import io.latchkey.store.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transactional outbox: commands {@link #enqueue} notifications inside their transaction, and
 * {@link #dispatchDue(int)} delivers them after commit through the {@link MailSender}, retrying unknown
 * outcomes with exponential back-off. A crash between delivery and bookkeeping leads to one more attempt with
 * the same idempotency key, never to a lost message.
 *
 * <p>Thread-safe; several nodes may dispatch at once (messages are claimed with a lease).
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final String SEAL_CONTEXT = "outbox/notification";
    /** The longest idempotency key kept as it is. */
    static final int MAX_KEY = 200;

    private final Transactions transactions;
    private final OutboxRepository messages;
    private final MailSender sender;
    private final Sealer sealer;
    private final Clock clock;
    private final Ids ids;
    private final RetryPolicy retry;

    /**
     * How deliveries are retried.
     *
     * @param firstDelay  the wait after the first failed attempt; doubled after each further one
     * @param maxDelay    the longest wait between attempts
     * @param maxAttempts attempts before a message is given up as FAILED
     * @param lease       how long a claimed message is reserved for the node delivering it
     */
    public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts, Duration lease) {
        /** 30 s, doubling to at most 1 h, 12 attempts (about 7 hours), 2-minute lease. */
        public static RetryPolicy defaults() {
            return new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 12, Duration.ofMinutes(2));
        }

        Duration delayAfter(int attempts) {
            Duration delay = firstDelay;
            for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /** What one dispatch pass did. */
    public record DispatchReport(int delivered, int retried, int failed) {
        public int handled() {
            return delivered + retried + failed;
        }
    }

    public Outbox(Transactions transactions, OutboxRepository messages, MailSender sender, Sealer sealer, Clock clock,
                  Ids ids, RetryPolicy retry) {
        this.transactions = transactions;
        this.messages = messages;
        this.sender = sender;
        this.sealer = sealer;
        this.clock = clock;
        this.ids = ids;
        this.retry = retry;
    }

    /**
     * Writes a notification to the outbox in the caller's transaction. A repeat with the same idempotency key
     * is dropped, so a retried command does not send twice. Keys are kept to {@value #MAX_KEY} characters: a longer
     * one (an e-mail address in it, say) is kept as its start and the SHA-256 of the whole, still one per key.
     */
    public void enqueue(String idempotencyKey, Notification notification) {
        Instant now = clock.instant();
        byte[] sealed = sealer.seal(NotificationCodec.encode(notification), SEAL_CONTEXT);
        messages.insert(new OutboxMessage(ids.next(), kept(idempotencyKey), sealed, now, OutboxStatus.PENDING, 0, now,
                null, 0));
    }

    static String kept(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        return key.substring(0, MAX_KEY - 65) + "#" + Digests.sha256Hex(key);
    }

    /** Delivers the messages due now, up to {@code limit} of them. */
    public DispatchReport dispatchDue(int limit) {
        List<OutboxMessage> claimed = transactions.inTransaction(
                () -> messages.claimDue(clock.instant(), limit, retry.lease()));
        int delivered = 0;
        int retried = 0;
        int failed = 0;
        for (OutboxMessage message : claimed) {
            DeliveryResult result = deliver(message);
            OutboxMessage next = afterAttempt(message, result);
            try {
                transactions.inTransaction(() -> messages.update(next));
            } catch (LatchkeyException e) {
                if (e.code() != ErrorCode.CONCURRENT_MODIFICATION) {
                    throw e;
                }
                // The lease ran out during the attempt and another dispatcher took the message over; its
                // record stands (the idempotency key keeps the recipient from a second copy).
                continue;
            }
            switch (next.status()) {
                case SENT -> delivered++;
                case PENDING -> retried++;
                case FAILED -> failed++;
            }
        }
        return new DispatchReport(delivered, retried, failed);
    }

    /** How many notifications wait, were sent or failed for good: the backlog an operator watches. */
    public Map<OutboxStatus, Long> counts() {
        return transactions.inTransaction(messages::countByStatus);
    }

    /** Dispatches until nothing is due now; returns the total. */
    public DispatchReport dispatchAllDue() {
        int delivered = 0;
        int retried = 0;
        int failed = 0;
        DispatchReport pass;
        do {
            pass = dispatchDue(100);
            delivered += pass.delivered();
            retried += pass.retried();
            failed += pass.failed();
        } while (pass.handled() == 100);
        return new DispatchReport(delivered, retried, failed);
    }

    private DeliveryResult deliver(OutboxMessage message) {
        try {
            Notification notification = NotificationCodec.decode(sealer.open(message.sealedPayload(), SEAL_CONTEXT));
            return sender.send(message.idempotencyKey(), notification.drawn());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery of outbox message " + message.id() + " failed", e);
            return new DeliveryResult.Unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private OutboxMessage afterAttempt(OutboxMessage message, DeliveryResult result) {
        int attempts = message.attempts() + 1;
        Instant now = clock.instant();
        if (result instanceof DeliveryResult.Delivered) {
            return message.next(OutboxStatus.SENT, attempts, now, null);
        }
        if (result instanceof DeliveryResult.Declined declined) {
            return message.next(OutboxStatus.FAILED, attempts, now, declined.reason());
        }
        String reason = ((DeliveryResult.Unknown) result).reason();
        return attempts >= retry.maxAttempts()
                ? message.next(OutboxStatus.FAILED, attempts, now, reason)
                : message.next(OutboxStatus.PENDING, attempts, now.plus(retry.delayAfter(attempts)), reason);
    }
}
