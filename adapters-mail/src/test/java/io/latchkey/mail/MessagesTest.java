package io.latchkey.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.notify.Attachment;
import io.latchkey.notify.DeliveryResult;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.QrCode;
import io.latchkey.notify.TemplateRenderer;
import io.latchkey.notify.Templates;
import io.latchkey.testkit.QrDecoder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What arrives: every template in every language, with hostile values in it, read back from a real SMTP server
 * as a mail client reads it.
 */
class MessagesTest {

    private static final String LINK = "https://portal.example.test/provision?token=a<b>&c\"d";
    private static final String HOSTILE = "<script>alert(1)</script> & \"quotes\" «Żółć»";
    private static final String NAME = "Влад <script>\r\nBcc: evil@example.test";
    /** The button's label, written out per language. */
    private static final Map<Language, String> OPEN = Map.of(Language.RU, "Открыть", Language.EN, "Open",
            Language.PL, "Otwórz");

    private static Mailbox mailbox;
    private static SmtpMailSender sender;

    @BeforeAll
    static void start() {
        mailbox = new Mailbox();
        sender = SmtpMailSender.builder().server("localhost", mailbox.smtpPort())
                .security(SmtpMailSender.Security.NONE).from("no-reply@latchkey.test", "Latchkey — Łódź").build();
    }

    @AfterEach
    void purge() {
        mailbox.purge();
    }

    @AfterAll
    static void stop() {
        sender.close();
        mailbox.close();
    }

    private static Notification hostile(String template, Language language, String recipient) {
        Map<String, String> parameters = new TreeMap<>();
        for (String name : Templates.PARAMETERS.get(template)) {
            parameters.put(name, name.equals("link") ? LINK : name.equals("codes") ? "1234-5678-9012\n<b>0000</b>"
                    : HOSTILE);
        }
        List<Attachment> qr = template.equals(Templates.CREDENTIAL_ISSUED)
                ? List.of(new Attachment("provisioning-qr.png", "image/png", QrCode.png(LINK, 300))) : List.of();
        return new Notification(template, language, recipient, NAME, parameters, qr);
    }

    private static MimeMessage sent(Notification notification) {
        DeliveryResult result = sender.send("messages/" + notification.template() + "/" + notification.language(),
                notification);
        assertInstanceOf(DeliveryResult.Delivered.class, result, notification.toString());
        List<MimeMessage> received = mailbox.to(notification.recipient());
        assertEquals(1, received.size());
        return received.get(0);
    }

    @Test
    public void everyTemplateArrivesInItsLanguageWithNothingUnescaped() throws Exception {
        int n = 0;
        for (String template : Templates.PARAMETERS.keySet()) {
            for (Language language : Language.values()) {
                String where = template + " in " + language;
                Notification notification = hostile(template, language, "to" + (n++) + "@example.test");
                MimeMessage message = sent(notification);
                TemplateRenderer.Rendered expected = TemplateRenderer.render(notification);

                assertEquals(expected.subject(), message.getSubject(), where);
                InternetAddress to = (InternetAddress) message.getAllRecipients()[0];
                assertEquals(List.of(notification.recipient(), "Влад <script>  Bcc: evil@example.test"),
                        List.of(to.getAddress(), to.getPersonal()), where);
                assertNull(message.getHeader("Bcc"), where);
                assertEquals(language.tag(), message.getHeader("Content-Language", null), where);
                assertEquals("auto-generated", message.getHeader("Auto-Submitted", null), where);
                assertEquals("Latchkey — Łódź", ((InternetAddress) message.getFrom()[0]).getPersonal(), where);
                assertTrue(message.getMessageID().matches("<[0-9a-f]{40}@latchkey\\.test>"), where);

                Parts parts = Parts.of(message);
                assertEquals(expected.body(), parts.text(), where);
                assertFalse(parts.html().contains("<script>"), where);
                assertFalse(parts.html().contains("<b>0000"), where);
                assertTrue(parts.html().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;")
                        || !expected.body().contains(HOSTILE), where);
                assertTrue(parts.html().contains("<html lang=\"" + language.tag() + "\">"), where);
                if (expected.body().contains(LINK)) {
                    assertTrue(parts.html().contains("href=\"https://portal.example.test/provision?token="
                            + "a&lt;b&gt;&amp;c&quot;d\""), where);
                    assertTrue(parts.html().contains(">" + OPEN.get(language) + "</a>"), where);
                }
            }
        }
        assertEquals(List.of(), mailbox.to("evil@example.test"), "a name never adds a recipient");
    }

    @Test
    public void theQrCodeIsInlineAndSavableAndDecodesToTheLinkInTheText() throws Exception {
        for (Language language : Language.values()) {
            Notification notification = hostile(Templates.CREDENTIAL_ISSUED, language, "qr-" + language.tag()
                    + "@example.test");
            Parts parts = Parts.of(sent(notification));
            assertTrue(parts.text().contains(LINK));
            assertEquals(2, parts.images().size(), "inline in the HTML, and as a file");
            Parts.Image inline = parts.images().get(0);
            assertEquals("inline", inline.disposition());
            assertTrue(parts.html().contains("src=\"cid:" + inline.contentId().replaceAll("^<|>$", "") + "\""));
            Parts.Image file = parts.images().get(1);
            assertEquals(List.of("attachment", "provisioning-qr.png"), List.of(file.disposition(), file.fileName()));
            assertEquals(LINK, QrDecoder.decode(inline.content()));
            assertEquals(LINK, QrDecoder.decode(file.content()));
        }
    }

    @Test
    public void aDocumentsCodesArriveAsATable() throws Exception {
        Parts parts = Parts.of(sent(hostile(Templates.DOCUMENT_LICENSES, Language.RU, "codes@example.test")));
        String html = parts.html();
        assertTrue(html.contains("<table"), html);
        assertTrue(html.contains(">Код</th>"), html);
        assertTrue(html.contains(">1234-5678-9012</td>"), html);
        assertTrue(html.contains(">&lt;b&gt;0000&lt;/b&gt;</td>"), html);
    }
}
