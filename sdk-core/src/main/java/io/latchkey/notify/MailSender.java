package io.latchkey.notify;

/**
 * The port that delivers notifications: renders the template in the notification's language and sends it.
 * Called by the outbox after commit, possibly more than once for one message (after a crash or an unknown
 * outcome) with the same idempotency key; implementations pass the key on (as the Message-ID) so that a
 * repeat is recognizable, or drop repeats they know of.
 *
 * <p>Implementations must be thread-safe and should not throw: report failures as a {@link DeliveryResult}.
 */
public interface MailSender {

    /**
     * Delivers one notification.
     *
     * @param idempotencyKey the same for every attempt to deliver this message
     */
    DeliveryResult send(String idempotencyKey, Notification notification);
}
