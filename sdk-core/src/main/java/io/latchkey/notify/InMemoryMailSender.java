package io.latchkey.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MailSender} that keeps what it is sent, once per idempotency key: for tests, demos and hosts that
 * read notifications themselves. {@link #failNext(int)} makes the next attempts end as
 * {@link DeliveryResult.Unknown}, to exercise retries.
 *
 * <p>Thread-safe.
 */
public final class InMemoryMailSender implements MailSender {

    private final Map<String, Notification> delivered = new LinkedHashMap<>();
    private int failuresToGive;
    private int attempts;

    @Override
    public synchronized DeliveryResult send(String idempotencyKey, Notification notification) {
        attempts++;
        if (failuresToGive > 0) {
            failuresToGive--;
            return new DeliveryResult.Unknown("simulated outage");
        }
        delivered.putIfAbsent(idempotencyKey, notification);
        return DeliveryResult.delivered();
    }

    /** Every notification delivered, once each, in delivery order. */
    public synchronized List<Notification> delivered() {
        return new ArrayList<>(delivered.values());
    }

    /** Those delivered to {@code recipient}. */
    public synchronized List<Notification> deliveredTo(String recipient) {
        return delivered.values().stream().filter(n -> n.recipient().equalsIgnoreCase(recipient)).toList();
    }

    /** The idempotency keys of the notifications delivered to {@code recipient}, in delivery order. */
    public synchronized List<String> keysDeliveredTo(String recipient) {
        return delivered.entrySet().stream().filter(e -> e.getValue().recipient().equalsIgnoreCase(recipient))
                .map(Map.Entry::getKey).toList();
    }

    /** The last notification of {@code template} to {@code recipient}; {@link IllegalStateException} if none. */
    public synchronized Notification last(String template, String recipient) {
        List<Notification> matching = deliveredTo(recipient).stream().filter(n ->
                n.template().equals(template)).toList();
        if (matching.isEmpty()) {
            throw new IllegalStateException("no " + template + " was delivered to " + recipient);
        }
        return matching.get(matching.size() - 1);
    }

    /** How many times {@link #send} was called, repeats and failures included. */
    public synchronized int attempts() {
        return attempts;
    }

    /** Makes the next {@code n} attempts fail as unknown outcomes. */
    public synchronized void failNext(int n) {
        failuresToGive = n;
    }

    public synchronized void clear() {
        delivered.clear();
        attempts = 0;
    }
}
