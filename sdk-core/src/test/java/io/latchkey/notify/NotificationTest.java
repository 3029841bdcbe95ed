package io.latchkey.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final String LINK = "https://latchkey.example/p?token=djF8c2VjcmV0.c2lnbmF0dXJl";

    private static Notification issued() {
        return new Notification(Templates.CREDENTIAL_ISSUED, Language.RU, "anna@example.test", "Анна",
                Map.of("clientName", "Анна Петрова", "label", "L-000017", "link", LINK),
                List.of(new Attachment("provisioning-qr.png", "image/png", QrCode.png(LINK, 120))));
    }

    @Test
    void toStringNamesParametersButNeverTheirValues() {
        String text = issued().toString();

        for (String value : issued().parameters().values()) {
            assertFalse(text.contains(value), () -> "toString shows " + value + ": " + text);
        }
        assertFalse(text.contains("token"), text);
        assertTrue(text.contains("link"), "parameter names are fine to log: " + text);
        assertTrue(text.contains(Templates.CREDENTIAL_ISSUED), text);
    }

    @Test
    void attachmentToStringDoesNotShowItsContent() {
        Attachment qr = issued().attachments().get(0);
        assertEquals("Attachment[provisioning-qr.png, image/png, " + qr.content().length + " bytes]", qr.toString());
    }

    @Test
    void parametersAreSortedCopiedAndReadOnly() {
        Map<String, String> given = new HashMap<>(Map.of("b", "2", "a", "1"));
        Notification n = new Notification(Templates.POOL_NEARLY_EMPTY, Language.EN, "m@example.test", null, given,
                null);
        given.put("c", "3");

        assertEquals(List.of("a", "b"), List.copyOf(n.parameters().keySet()));
        assertEquals("", n.recipientName());
        assertEquals(List.of(), n.attachments());
        assertThrows(UnsupportedOperationException.class, () -> n.parameters().put("x", "y"));
        assertEquals("1", n.parameter("a"));
        assertThrows(IllegalArgumentException.class, () -> n.parameter("missing"));
    }
}
