package io.latchkey.mail;

import io.latchkey.crypto.Digests;
import io.latchkey.notify.DeliveryResult;
import io.latchkey.notify.MailSender;
import io.latchkey.notify.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Properties;

/**
 * Writes each notification as an {@code .eml} file into a folder, the same MIME message SMTP would deliver: the
 * embedded default when no mail server is configured, so that a newcomer can open what would have been sent.
 * Each file appears whole (written aside, then renamed); a repeat of a message (same idempotency key) replaces
 * its file, so the folder holds each message once.
 *
 * <p>Thread-safe.
 */
public final class DirectoryMailSender implements MailSender {

    private final Path directory;
    private final MimeComposer composer;
    private final Session session = Session.getInstance(new Properties());

    /**
     * @param directory   the folder; made if missing
     * @param fromAddress whom messages come from
     * @param fromName    a display name (one line), or null
     * @throws UncheckedIOException     if the folder cannot be made
     * @throws IllegalArgumentException if the from-address is not valid
     */
    public DirectoryMailSender(Path directory, String fromAddress, String fromName) {
        this(directory, fromAddress, fromName, Clock.systemUTC());
    }

    /** As {@link #DirectoryMailSender(Path, String, String)}, with the clock of the Date header. */
    public DirectoryMailSender(Path directory, String fromAddress, String fromName, Clock clock) {
        this.composer = new MimeComposer(fromAddress, fromName, clock);
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the mail folder " + directory, e);
        }
    }

    @Override
    public DeliveryResult send(String idempotencyKey, Notification notification) {
        MimeMessage message;
        try {
            message = composer.compose(session, idempotencyKey, notification);
        } catch (MessagingException e) {
            return MimeComposer.unmade(e);
        }
        Path target = directory.resolve(Digests.sha256Hex(idempotencyKey).substring(0, 40) + ".eml");
        Path partial = null;
        try {
            partial = Files.createTempFile(directory, ".", ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return DeliveryResult.delivered();
        } catch (IOException | MessagingException e) {
            deleteQuietly(partial);
            return new DeliveryResult.Unknown("could not write " + target.getFileName() + ": " + e.getMessage());
        }
    }

    /** The folder messages are written to. */
    public Path directory() {
        return directory;
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // A leftover ".partial" file is never taken for a message.
            }
        }
    }
}
