package io.latchkey.mail;

import io.latchkey.notify.MailSender;
import io.latchkey.notify.MailSenderContractTest;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The mail port's contract, written to a mailbox folder. */
class DirectoryMailSenderContractTest extends MailSenderContractTest {

    @TempDir
    Path folder;
    private DirectoryMailSender sender;

    @BeforeEach
    void makeSender() {
        sender = new DirectoryMailSender(folder.resolve("mail"), "no-reply@latchkey.test", "Latchkey");
    }

    @Override
    protected MailSender sender() {
        return sender;
    }

    @Override
    protected List<String> received(String recipient) {
        return read(sender.directory()).stream().filter(m -> to(m, recipient)).map(m -> {
            try {
                return m.getMessageID();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The messages in a mailbox folder, as a mail client opens them. */
    static List<MimeMessage> read(Path directory) {
        List<MimeMessage> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    messages.add(new MimeMessage(Session.getInstance(new Properties()), in));
                }
            }
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return messages;
    }

    private static boolean to(MimeMessage message, String recipient) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress().equals(recipient);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
