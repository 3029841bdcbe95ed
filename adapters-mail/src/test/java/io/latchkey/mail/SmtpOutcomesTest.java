package io.latchkey.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.latchkey.notify.DeliveryResult;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How an SMTP server's answers, its silence and its protection map to the port's three outcomes. */
class SmtpOutcomesTest {

    private static Mailbox mailbox;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void start() {
        mailbox = new Mailbox();
    }

    @AfterAll
    static void stop() {
        mailbox.close();
    }

    @AfterEach
    void closeAndPurge() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        mailbox.purge();
    }

    private SmtpMailSender sender(int port, SmtpMailSender.Security security, SSLSocketFactory tls) {
        SmtpMailSender sender = SmtpMailSender.builder().server("localhost", port).security(security)
                .tls(tls, false).from("no-reply@latchkey.test", "Latchkey")
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).build();
        opened.add(sender);
        return sender;
    }

    private SmtpFront front(boolean offersStartTls) throws IOException {
        SmtpFront front = new SmtpFront(mailbox.smtpPort(), offersStartTls ? Mailbox.serving() : null);
        opened.add(front);
        return front;
    }

    private static Notification to(String recipient) {
        return new Notification(Templates.POOL_ORDER_REJECTED, Language.PL, recipient, "Jan",
                Map.of("orderNumber", "70", "size", "1"), List.of());
    }

    private static String outcome(DeliveryResult result) {
        return result.getClass().getSimpleName();
    }

    @Test
    public void aRefusedRecipientIsDeclinedAndTheRestOfTheBurstGoesOutOnOneConnection() throws IOException {
        SmtpFront front = front(false);
        SmtpMailSender sender = sender(front.port(), SmtpMailSender.Security.NONE, null);
        List<String> outcomes = new ArrayList<>();
        for (String recipient : List.of("a@example.test", "nobody@rejected.test", "c@example.test",
                "busy@later.test", "e@example.test")) {
            outcomes.add(outcome(sender.send("burst/" + recipient, to(recipient))));
        }
        assertEquals(List.of("Delivered", "Declined", "Delivered", "Unknown", "Delivered"), outcomes);
        assertEquals(List.of(1, 1, 1), List.of(mailbox.to("a@example.test").size(),
                mailbox.to("c@example.test").size(), mailbox.to("e@example.test").size()));
        assertEquals(3, mailbox.all().size());
        assertEquals(1, front.connections(), "one connection for the whole burst");
        assertEquals(1, sender.connectionsOpened());
    }

    @Test
    public void aConnectionTheServerDroppedIsReplacedWithoutLosingTheMessage() throws IOException {
        SmtpFront front = front(false);
        SmtpMailSender sender = sender(front.port(), SmtpMailSender.Security.NONE, null);
        assertInstanceOf(DeliveryResult.Delivered.class, sender.send("drop/1", to("first@example.test")));
        front.dropConnections();
        assertInstanceOf(DeliveryResult.Delivered.class, sender.send("drop/2", to("second@example.test")));
        assertEquals(List.of(1, 1), List.of(mailbox.to("first@example.test").size(),
                mailbox.to("second@example.test").size()));
        assertEquals(2, front.connections());
    }

    @Test
    public void noServerListeningIsAnUnknownOutcome() throws IOException {
        int port;
        try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = reserved.getLocalPort();
        }
        DeliveryResult result = sender(port, SmtpMailSender.Security.NONE, null).send("down/1",
                to("down@example.test"));
        assertInstanceOf(DeliveryResult.Unknown.class, result);
    }

    @Test
    public void startTlsUpgradesTheConnectionBeforeAnythingIsSent() throws IOException {
        SmtpFront front = front(true);
        assertInstanceOf(DeliveryResult.Delivered.class, sender(front.port(), SmtpMailSender.Security.STARTTLS,
                Mailbox.trusting()).send("starttls/1", to("secure@example.test")));
        assertEquals(1, mailbox.to("secure@example.test").size());
    }

    @Test
    public void aServerThatDoesNotOfferStartTlsGetsNothingInClear() throws IOException {
        SmtpFront front = front(false);
        assertInstanceOf(DeliveryResult.Unknown.class, sender(front.port(), SmtpMailSender.Security.STARTTLS,
                Mailbox.trusting()).send("starttls/2", to("clear@example.test")));
        assertEquals(List.of(), mailbox.all());
    }

    @Test
    public void tlsFromTheFirstByteWithATrustedCertificateOnly() {
        assertInstanceOf(DeliveryResult.Delivered.class, sender(mailbox.smtpsPort(), SmtpMailSender.Security.TLS,
                Mailbox.trusting()).send("tls/1", to("tls@example.test")));
        assertEquals(1, mailbox.to("tls@example.test").size());
        // The JVM's own trust store does not know GreenMail's self-signed certificate: nothing is sent.
        assertInstanceOf(DeliveryResult.Unknown.class, sender(mailbox.smtpsPort(), SmtpMailSender.Security.TLS,
                null).send("tls/2", to("untrusted@example.test")));
        assertEquals(List.of(), mailbox.to("untrusted@example.test"));
    }

    @Test
    public void aLoginTheServerRefusesSendsNothing() {
        mailbox.user("outbox", "s3cret");
        SmtpMailSender right = SmtpMailSender.builder().server("localhost", mailbox.smtpPort())
                .security(SmtpMailSender.Security.NONE).login("outbox", "s3cret").from("no-reply@latchkey.test", null)
                .build();
        SmtpMailSender wrong = SmtpMailSender.builder().server("localhost", mailbox.smtpPort())
                .security(SmtpMailSender.Security.NONE).login("outbox", "guess").from("no-reply@latchkey.test", null)
                .build();
        opened.add(right);
        opened.add(wrong);
        assertInstanceOf(DeliveryResult.Delivered.class, right.send("auth/1", to("signed@example.test")));
        assertInstanceOf(DeliveryResult.Unknown.class, wrong.send("auth/2", to("refused@example.test")),
                "a wrong password is a configuration to fix, retried meanwhile");
        assertEquals(List.of(), mailbox.to("refused@example.test"));
        assertEquals(0, wrong.connectionsOpened());
    }

    @Test
    public void anAddressNoServerTakesIsDeclinedWithoutAConnection() {
        SmtpMailSender sender = sender(mailbox.smtpPort(), SmtpMailSender.Security.NONE, null);
        assertInstanceOf(DeliveryResult.Declined.class, sender.send("bad/1", to("no at sign")));
        assertEquals(0, sender.connectionsOpened());
    }
}
