package io.latchkey.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The mail sender contract on the in-memory sender, and its failure switch. */
class InMemoryMailSenderTest extends MailSenderContractTest {

    private final InMemoryMailSender sender = new InMemoryMailSender();

    @Override
    protected MailSender sender() {
        return sender;
    }

    @Override
    protected List<String> received(String recipient) {
        return sender.keysDeliveredTo(recipient);
    }

    @Test
    void failNextMakesThatManyAttemptsUnknown() {
        Notification n = new Notification(Templates.POOL_NEARLY_EMPTY, Language.RU, "a@b.test", "", null, null);
        sender.failNext(2);
        assertInstanceOf(DeliveryResult.Unknown.class, sender.send("k", n));
        assertInstanceOf(DeliveryResult.Unknown.class, sender.send("k", n));
        assertInstanceOf(DeliveryResult.Delivered.class, sender.send("k", n));
        assertEquals(3, sender.attempts());
        assertEquals(List.of(n), sender.delivered());
    }
}
