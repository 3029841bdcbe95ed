/**
 * Notifications: what to tell whom ({@link io.latchkey.notify.Notification}, template keys in
 * {@link io.latchkey.notify.Templates}, the three {@link io.latchkey.notify.Language}s), the
 * {@link io.latchkey.notify.MailSender} port, and the transactional {@link io.latchkey.notify.Outbox} that
 * delivers after commit with retries.
 *
 * <p>Depends on {@code io.latchkey}, {@code crypto}, {@code store} (the transaction boundary) and ZXing.
 */
package io.latchkey.notify;
