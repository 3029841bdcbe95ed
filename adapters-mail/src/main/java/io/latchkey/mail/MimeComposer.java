package io.latchkey.mail;

import io.latchkey.crypto.Digests;
import io.latchkey.notify.Attachment;
import io.latchkey.notify.DeliveryResult;
import io.latchkey.notify.Notification;
import io.latchkey.notify.TemplateRenderer;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The MIME message both senders send, so that the mailbox folder shows exactly what SMTP would deliver: the
 * template's plain text and an HTML alternative in the recipient's language, images (the provisioning QR code)
 * inline and again as files the phone can save, other attachments as files; subject and names RFC 2047-encoded;
 * a Message-ID derived from the outbox idempotency key, so that a repeat after a crash is the same message.
 */
final class MimeComposer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final InternetAddress from;
    private final String domain;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException if the address is not valid or the name holds a control character
     */
    MimeComposer(String fromAddress, String fromName, Clock clock) {
        this.from = address(fromAddress, fromName);
        this.domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        this.clock = clock;
    }

    /** The domain of the from-address: Message-IDs and the SMTP greeting name it. */
    String domain() {
        return domain;
    }

    /**
     * The message of {@code notification}.
     *
     * @throws AddressException   if the recipient's address is not one a mail server would take
     * @throws MessagingException if the message cannot be built
     */
    MimeMessage compose(Session session, String idempotencyKey, Notification notification)
            throws MessagingException {
        InternetAddress to;
        try {
            // A name reaches the header as one line, encoded: no value can add a header (no CR/LF, no "Bcc:").
            to = new InternetAddress(notification.recipient(),
                    TemplateRenderer.oneLine(notification.recipientName()).strip(), UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        to.validate();
        TemplateRenderer.Rendered text = TemplateRenderer.render(notification);
        MimeMessage message = new KeyedMessage(session, messageId(idempotencyKey));
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(text.subject(), UTF_8);
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", notification.language().tag());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");

        List<Attachment> images = new ArrayList<>();
        List<Attachment> files = new ArrayList<>();
        for (Attachment attachment : notification.attachments()) {
            (attachment.contentType().startsWith("image/") ? images : files).add(attachment);
        }
        List<String> contentIds = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            contentIds.add("image" + i + "." + Digests.sha256Hex(idempotencyKey).substring(0, 16) + "@" + domain);
        }
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text.body(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(HtmlLayout.render(notification, text.subject(), contentIds), UTF_8, "html");
        MimeMultipart content = new MimeMultipart("alternative", plain, html);
        if (!images.isEmpty()) {
            MimeMultipart related = new MimeMultipart("related", wrapped(content));
            for (int i = 0; i < images.size(); i++) {
                MimeBodyPart inline = part(images.get(i), Part.INLINE);
                inline.setContentID("<" + contentIds.get(i) + ">");
                related.addBodyPart(inline);
            }
            content = related;
        }
        if (images.isEmpty() && files.isEmpty()) {
            message.setContent(content);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed", wrapped(content));
            for (Attachment image : images) {
                mixed.addBodyPart(part(image, Part.ATTACHMENT));
            }
            for (Attachment file : files) {
                mixed.addBodyPart(part(file, Part.ATTACHMENT));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** The outcome for a message that could not be made: an address no server takes is declined for good. */
    static DeliveryResult unmade(MessagingException e) {
        return e instanceof AddressException ? new DeliveryResult.Declined("not an address a mail server takes")
                : new DeliveryResult.Unknown("the message could not be made: " + e.getMessage());
    }

    /** The Message-ID of every attempt to deliver the outbox message with this key. */
    String messageId(String idempotencyKey) {
        return "<" + Digests.sha256Hex(idempotencyKey).substring(0, 40) + "@" + domain + ">";
    }

    private static MimeBodyPart wrapped(MimeMultipart multipart) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(multipart);
        return part;
    }

    private static MimeBodyPart part(Attachment attachment, String disposition) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                attachment.contentType())));
        part.setFileName(TemplateRenderer.oneLine(attachment.fileName()));
        part.setDisposition(disposition);
        return part;
    }

    static InternetAddress address(String address, String name) {
        if (name != null && !TemplateRenderer.oneLine(name).equals(name)) {
            throw new IllegalArgumentException("a sender name is one line");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, name, UTF_8);
            parsed.validate();
            return parsed;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("not a valid from-address: " + address, e);
        }
    }

    /** A message whose Message-ID is the one given, not a new one per save. */
    private static final class KeyedMessage extends MimeMessage {
        private final String id;

        KeyedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
