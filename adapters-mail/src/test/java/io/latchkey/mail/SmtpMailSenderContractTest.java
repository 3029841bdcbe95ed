package io.latchkey.mail;

import io.latchkey.notify.MailSender;
import io.latchkey.notify.MailSenderContractTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The mail port's contract, over SMTP to a real server. */
class SmtpMailSenderContractTest extends MailSenderContractTest {

    private static Mailbox mailbox;
    private static SmtpMailSender sender;

    @BeforeAll
    static void start() {
        mailbox = new Mailbox();
        sender = SmtpMailSender.builder().server("localhost", mailbox.smtpPort())
                .security(SmtpMailSender.Security.NONE).from("no-reply@latchkey.test", "Latchkey").build();
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

    @Override
    protected MailSender sender() {
        return sender;
    }

    @Override
    protected List<String> received(String recipient) {
        return mailbox.messageIds(recipient);
    }
}
