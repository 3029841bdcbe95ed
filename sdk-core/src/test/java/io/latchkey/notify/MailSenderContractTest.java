package io.latchkey.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link MailSender} port: every template in every language is delivered, and a repeat
 * with the same idempotency key is recognizable as one message. Implementations extend this class and say
 * how to read what a recipient received.
 */
public abstract class MailSenderContractTest {

    /** A sender of the implementation under test, delivering to a mailbox the test can read. */
    protected abstract MailSender sender();

    /** One identifier per message {@code recipient} received (its Message-ID, say): repeats share one. */
    protected abstract List<String> received(String recipient);

    private static Notification sample(String template, Language language, String recipient) {
        Map<String, String> parameters = new TreeMap<>();
        for (String name : Templates.PARAMETERS.get(template)) {
            parameters.put(name,
                    name.equals("link") ? "https://portal.example.test/provision?token=abc" : "«" + name + "»");
        }
        return new Notification(template, language, recipient, "Влад Żółć", parameters, List.of());
    }

    @Test
    public void everyTemplateIsDeliveredInEveryLanguage() {
        int n = 0;
        for (String template : Templates.PARAMETERS.keySet()) {
            for (Language language : Language.values()) {
                String recipient = "r" + (n++) + "@example.test";
                DeliveryResult result = sender().send("contract/" + template + "/" + language, sample(template,
                        language, recipient));
                assertInstanceOf(DeliveryResult.Delivered.class, result, template + " in " + language);
                assertEquals(1, received(recipient).size(), template + " in " + language);
            }
        }
    }

    @Test
    public void aRepeatWithTheSameKeyIsOneMessage() {
        Notification notification = sample(Templates.POOL_ORDER_COMPLETED, Language.PL, "repeat@example.test");
        sender().send("contract/repeat", notification);
        sender().send("contract/repeat", notification);
        assertEquals(1, received("repeat@example.test").stream().distinct().count());
        sender().send("contract/other", notification);
        assertEquals(2, received("repeat@example.test").stream().distinct().count());
    }
}
