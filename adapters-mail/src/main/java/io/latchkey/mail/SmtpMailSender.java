package io.latchkey.mail;

import io.latchkey.notify.DeliveryResult;
import io.latchkey.notify.MailSender;
import io.latchkey.notify.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Delivers notifications over SMTP. Connections are kept open between messages, so that a burst (thousands of
 * credentials a day go out in bursts) pays for one handshake, not one per message; a connection the server
 * dropped while it waited is replaced. Every message has one recipient, so one bad address never holds up
 * another. Outcomes: the server took it (2xx) → delivered; it refused it for good (5xx) → declined, never
 * retried; a 4xx, a time-out or no connection → unknown, and the outbox retries with the same Message-ID.
 *
 * <p>Thread-safe. {@link #close()} closes its connections; after it, each message has a connection of its own.
 */
public final class SmtpMailSender implements MailSender, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpMailSender.class.getName());
    /** A connection idle for longer is asked whether it still stands (NOOP) before it is used. */
    private static final long CHECK_AFTER_NANOS = Duration.ofSeconds(10).toNanos();
    /** A connection idle for longer is closed rather than reused: servers drop them after a few minutes. */
    private static final long CLOSE_AFTER_NANOS = Duration.ofMinutes(1).toNanos();

    /** How the connection to the server is protected. */
    public enum Security {
        /** In clear: a relay on the same host or network only. */
        NONE,
        /** Upgraded with STARTTLS, which the server must offer (the submission port, 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS
    }

    private final Session session;
    private final MimeComposer composer;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final int maxIdle;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong opened = new AtomicLong();
    private volatile boolean closed;

    private SmtpMailSender(Builder b) {
        this.host = b.host;
        this.port = b.port > 0 ? b.port : switch (b.security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
        this.user = b.user;
        this.password = b.password;
        this.maxIdle = b.maxIdleConnections;
        this.composer = new MimeComposer(b.fromAddress, b.fromName, b.clock);
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", Long.toString(b.connectTimeout.toMillis()));
        p.put("mail.smtp.timeout", Long.toString(b.readTimeout.toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(b.readTimeout.toMillis()));
        p.put("mail.smtp.localhost", composer.domain());
        p.put("mail.smtp.quitwait", "false");
        p.put("mail.smtp.auth", Boolean.toString(user != null));
        p.put("mail.smtp.starttls.enable", Boolean.toString(b.security == Security.STARTTLS));
        p.put("mail.smtp.starttls.required", Boolean.toString(b.security == Security.STARTTLS));
        p.put("mail.smtp.ssl.enable", Boolean.toString(b.security == Security.TLS));
        p.put("mail.smtp.ssl.checkserveridentity", Boolean.toString(b.checkServerIdentity));
        p.put("mail.smtp.socketFactory", NoDelaySockets.plain());
        p.put("mail.smtp.ssl.socketFactory", NoDelaySockets.tls(b.sslSocketFactory != null ? b.sslSocketFactory
                : (SSLSocketFactory) SSLSocketFactory.getDefault()));
        this.session = Session.getInstance(p);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public DeliveryResult send(String idempotencyKey, Notification notification) {
        MimeMessage message;
        try {
            message = composer.compose(session, idempotencyKey, notification);
        } catch (MessagingException e) {
            return MimeComposer.unmade(e);
        }
        for (int attempt = 0; ; attempt++) {
            Connection connection;
            try {
                connection = borrow();
            } catch (MessagingException e) {
                return new DeliveryResult.Unknown("no connection to " + host + ":" + port + ": " + cause(e));
            }
            try {
                connection.transport.sendMessage(message, message.getAllRecipients());
                release(connection);
                return DeliveryResult.delivered();
            } catch (MessagingException e) {
                int reply = replyCode(e);
                if (reply > 0 || e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                        && failed.getInvalidAddresses().length > 0) {
                    // The server answered: the connection stands, and the answer is the outcome.
                    release(connection);
                    String why = "the server answered " + (reply > 0 ? reply : "invalid address");
                    return reply >= 400 && reply < 500 ? new DeliveryResult.Unknown(why)
                            : new DeliveryResult.Declined(why);
                }
                discard(connection);
                if (connection.reused && attempt == 0) {
                    // Dropped while it waited: once more, on a new connection. Should the first have gone
                    // through after all, the repeat carries the same Message-ID.
                    continue;
                }
                return new DeliveryResult.Unknown("the connection failed: " + cause(e));
            }
        }
    }

    /** How many connections this sender has opened: one per burst when reuse works. */
    public long connectionsOpened() {
        return opened.get();
    }

    /** Closes the connections kept open, and those in use as their messages finish. */
    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            discard(connection);
        }
    }

    private Connection borrow() throws MessagingException {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            long waited = System.nanoTime() - connection.releasedAt;
            if (waited > CLOSE_AFTER_NANOS || waited > CHECK_AFTER_NANOS && !connection.transport.isConnected()) {
                discard(connection);
                continue;
            }
            connection.reused = true;
            return connection;
        }
        Transport transport = session.getTransport("smtp");
        transport.connect(host, port, user, password);
        opened.incrementAndGet();
        return new Connection(transport);
    }

    private void release(Connection connection) {
        connection.releasedAt = System.nanoTime();
        if (!closed && idle.size() < maxIdle) {
            idle.offerFirst(connection);
        } else {
            discard(connection);
        }
    }

    private static void discard(Connection connection) {
        try {
            connection.transport.close();
        } catch (MessagingException e) {
            LOG.log(Level.FINE, "closing an SMTP connection failed", e);
        }
    }

    /** The server's reply code the failure carries (of the recipient, or of the message), or 0 if none. */
    private static int replyCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (x instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
                return send.getReturnCode();
            }
        }
        return 0;
    }

    private static String cause(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** A connection and when it was last given back. */
    private static final class Connection {
        final Transport transport;
        volatile long releasedAt;
        volatile boolean reused;

        Connection(Transport transport) {
            this.transport = transport;
        }
    }

    /** What an SMTP sender needs: the server, its protection, the login, and whom mail comes from. */
    public static final class Builder {
        private String host;
        private int port;
        private Security security = Security.STARTTLS;
        private String user;
        private String password;
        private String fromAddress;
        private String fromName;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private SSLSocketFactory sslSocketFactory;
        private boolean checkServerIdentity = true;
        private int maxIdleConnections = 4;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The server, and its port; 0 for the usual port of the security chosen (25, 587, 465). */
        public Builder server(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            this.port = port;
            return this;
        }

        /** STARTTLS unless told otherwise. */
        public Builder security(Security value) {
            this.security = Objects.requireNonNull(value, "security");
            return this;
        }

        /** Signs in with this user and password; without, no authentication. */
        public Builder login(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Whom messages come from: an address, and a display name (one line) or null. */
        public Builder from(String address, String name) {
            this.fromAddress = address;
            this.fromName = name;
            return this;
        }

        /** How long to wait for a connection, and for each answer of the server. */
        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = Objects.requireNonNull(connect, "connect");
            this.readTimeout = Objects.requireNonNull(read, "read");
            return this;
        }

        /**
         * The TLS sockets to use (a trust store of one's own), and whether the server's certificate must name its
         * host (on unless a private relay's certificate does not).
         */
        public Builder tls(SSLSocketFactory factory, boolean checkServerIdentity) {
            this.sslSocketFactory = factory;
            this.checkServerIdentity = checkServerIdentity;
            return this;
        }

        /** How many connections to keep open between messages (4 unless told otherwise). */
        public Builder maxIdleConnections(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxIdleConnections must not be negative");
            }
            this.maxIdleConnections = value;
            return this;
        }

        /** The clock of the Date header. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @throws IllegalArgumentException if no server or from-address is given, or the from-address is not
         *                                  valid
         */
        public SmtpMailSender build() {
            if (host == null || fromAddress == null) {
                throw new IllegalArgumentException("an SMTP sender needs a server and a from-address");
            }
            return new SmtpMailSender(this);
        }
    }
}
