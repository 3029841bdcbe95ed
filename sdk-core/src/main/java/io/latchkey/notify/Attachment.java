package io.latchkey.notify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file sent with a notification, such as the QR code of a provisioning link.
 *
 * @param fileName    e.g. {@code provisioning-qr.png}
 * @param contentType e.g. {@code image/png}
 * @param content     the bytes
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    /** The side of a QR code in an e-mail, in pixels. */
    public static final int QR_CODE_SIZE = 300;
    /** The type of a QR code not drawn yet: its content is the text it will encode. */
    private static final String QR_CODE_TO_DRAW = "application/x.latchkey.qr-code-text";

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        content = Objects.requireNonNull(content, "content").clone();
    }

    /**
     * A PNG QR code of {@code text}, drawn when the message is delivered ({@link #drawn()}): the outbox keeps the
     * short text, and the issuing transaction does not spend its time drawing.
     */
    public static Attachment qrCode(String fileName, String text) {
        return new Attachment(fileName, QR_CODE_TO_DRAW, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The attachment as it is sent: a QR code still to draw is drawn now, anything else is itself. */
    public Attachment drawn() {
        if (!contentType.equals(QR_CODE_TO_DRAW)) {
            return this;
        }
        return new Attachment(fileName, "image/png",
                QrCode.png(new String(content, StandardCharsets.UTF_8), QR_CODE_SIZE));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && fileName.equals(a.fileName) && contentType.equals(a.contentType)
                && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
