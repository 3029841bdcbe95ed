package io.latchkey.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.credential.Client;
import io.latchkey.credential.IssueRequest;
import io.latchkey.credential.PoolTerm;
import io.latchkey.jdbc.JdbcStore;
import io.latchkey.notify.Templates;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.QrDecoder;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK's outbox delivering through SMTP: a credential's e-mail, a working QR code, and an outage survived. */
class OutboxOverSmtpTest {

    private static final Pattern LINK = Pattern.compile("https://\\S+");

    private Mailbox mailbox;
    private Fixture fx;
    private SmtpMailSender smtp;

    @BeforeEach
    void start() {
        mailbox = new Mailbox();
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.close();
        }
        if (fx != null) {
            fx.close();
        }
        mailbox.close();
    }

    private void fixture(Store store, int port) {
        smtp = SmtpMailSender.builder().server("localhost", port).security(SmtpMailSender.Security.NONE)
                .from("no-reply@latchkey.test", "Latchkey").timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .build();
        fx = new Fixture(store, Duration.ZERO, smtp);
    }

    /** Issues a credential to a client in Moscow for a window from now; returns the client. */
    private Client issued() {
        Fixture.Partner partner = fx.partner();
        Client client = fx.client(partner, "sav@elics.ru");
        fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
        Instant now = fx.clock.instant();
        fx.latchkey.issuing().issue(partner.manager(), new IssueRequest(client.id(), now,
                now.plus(Duration.ofDays(1)), null), null);
        return client;
    }

    @Test
    public void anIssuedCredentialArrivesByRealMailWithAQrCodeThatWorks() throws Exception {
        fixture(JdbcStore.connect("jdbc:h2:mem:mail_end_to_end;DB_CLOSE_DELAY=-1", "sa", ""), mailbox.smtpPort());
        issued();
        fx.runDueWork();

        List<MimeMessage> received = mailbox.to("sav@elics.ru");
        assertEquals(1, received.size());
        Parts parts = Parts.of(received.get(0));
        assertTrue(parts.text().contains("2026-11-23 13:00"), "the window in the client's zone: " + parts.text());
        Matcher link = LINK.matcher(parts.text());
        assertTrue(link.find());
        assertEquals(link.group(), QrDecoder.decode(parts.images().get(0).content()), "the QR code is the link");
        assertEquals(fx.mail.last(Templates.CREDENTIAL_ISSUED, "sav@elics.ru").parameter("link"), link.group());
        // The phone takes the link from the QR code and gets its credential.
        fx.latchkey.provisioning().provision(Fixture.token(link.group()), "phone");
    }

    @Test
    public void mailWaitsWhileTheServerIsDownAndGoesOutOnceWhenItIsBack() throws IOException {
        int port;
        try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = reserved.getLocalPort();
        }
        fixture(InMemoryStore.create(), port);
        issued();
        fx.runDueWork();
        assertEquals(List.of(), mailbox.all(), "the server is down");

        try (SmtpFront back = new SmtpFront(port, mailbox.smtpPort(), null)) {
            fx.clock.advance(Duration.ofHours(1));
            fx.runDueWork();
            assertEquals(1, mailbox.to("sav@elics.ru").size());
            fx.clock.advance(Duration.ofHours(1));
            fx.runDueWork();
            assertEquals(1, mailbox.to("sav@elics.ru").size(), "sent once");
        }
    }
}
