package io.latchkey.mail;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real SMTP server for the tests (GreenMail, plain and TLS, on free ports) and what its mailboxes received.
 * Its self-signed certificate is the one TLS clients here trust, and the one {@link SmtpFront} offers after
 * STARTTLS.
 */
final class Mailbox implements AutoCloseable {

    private static final char[] KEYSTORE_PASSWORD = "changeit".toCharArray();

    private final GreenMail greenMail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(),
            ServerSetupTest.SMTPS.dynamicPort()});

    Mailbox() {
        greenMail.start();
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    int smtpsPort() {
        return greenMail.getSmtps().getPort();
    }

    /** A mail account the server signs in (AUTH). */
    void user(String login, String password) {
        greenMail.setUser(login + "@latchkey.test", login, password);
    }

    /** Every message received so far, oldest first. */
    List<MimeMessage> all() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** The messages sent to {@code recipient}, oldest first. */
    List<MimeMessage> to(String recipient) {
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                for (Address address : message.getAllRecipients()) {
                    if (((InternetAddress) address).getAddress().equalsIgnoreCase(recipient)) {
                        found.add(message);
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The Message-IDs of the messages sent to {@code recipient}. */
    List<String> messageIds(String recipient) {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : to(recipient)) {
            try {
                ids.add(message.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** TLS sockets that trust GreenMail's certificate, and nothing else. */
    static SSLSocketFactory trusting() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server's TLS with GreenMail's key. */
    static SSLContext serving() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), KEYSTORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore keyStore() {
        return new DummySSLServerSocketFactory().getKeyStore();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
