package io.latchkey.notify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outbox's binary form of a {@link Notification}, before sealing. Versioned by its first byte. */
final class NotificationCodec {

    private static final int VERSION = 1;

    private NotificationCodec() {
    }

    static byte[] encode(Notification n) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(n.template());
            out.writeUTF(n.language().tag());
            out.writeUTF(n.recipient());
            out.writeUTF(n.recipientName());
            out.writeInt(n.parameters().size());
            for (Map.Entry<String, String> p : n.parameters().entrySet()) {
                out.writeUTF(p.getKey());
                out.writeUTF(p.getValue());
            }
            out.writeInt(n.attachments().size());
            for (Attachment a : n.attachments()) {
                out.writeUTF(a.fileName());
                out.writeUTF(a.contentType());
                byte[] content = a.content();
                out.writeInt(content.length);
                out.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Notification decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown notification encoding " + version);
            }
            String template = in.readUTF();
            Language language = Language.parse("language", in.readUTF());
            String recipient = in.readUTF();
            String recipientName = in.readUTF();
            int parameterCount = in.readInt();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < parameterCount; i++) {
                parameters.put(in.readUTF(), in.readUTF());
            }
            int attachmentCount = in.readInt();
            List<Attachment> attachments = new ArrayList<>();
            for (int i = 0; i < attachmentCount; i++) {
                String name = in.readUTF();
                String type = in.readUTF();
                byte[] content = new byte[in.readInt()];
                in.readFully(content);
                attachments.add(new Attachment(name, type, content));
            }
            return new Notification(template, language, recipient, recipientName, parameters, attachments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
