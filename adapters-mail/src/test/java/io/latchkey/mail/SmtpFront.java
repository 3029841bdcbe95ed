package io.latchkey.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP server in front of a {@link Mailbox}, for what GreenMail does not do: it offers STARTTLS (when given a
 * TLS context), refuses recipients at {@code rejected.test} for good (550) and at {@code later.test} for now
 * (451), counts connections, and drops them on demand. Everything else it relays, line by line.
 */
final class SmtpFront implements AutoCloseable {

    private final int upstreamPort;
    private final SSLContext tls;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();

    SmtpFront(int upstreamPort, SSLContext tls) throws IOException {
        this(0, upstreamPort, tls);
    }

    /** A front on {@code port} (0: any free one). */
    SmtpFront(int port, int upstreamPort, SSLContext tls) throws IOException {
        this.upstreamPort = upstreamPort;
        this.tls = tls;
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections clients have opened. */
    int connections() {
        return connections.get();
    }

    /** Closes every open connection, as a server does with idle ones. */
    void dropConnections() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                open.add(client);
                Thread relay = new Thread(() -> serve(client), "smtp-front-relay");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            BufferedReader fromServer = reader(upstream);
            Writer toServer = writer(upstream);
            Socket current = client;
            BufferedReader fromClient = reader(current);
            Writer toClient = writer(current);
            write(toClient, reply(fromServer));
            boolean secured = false;
            boolean data = false;
            String line;
            while ((line = fromClient.readLine()) != null) {
                if (data) {
                    write(toServer, List.of(line));
                    if (line.equals(".")) {
                        data = false;
                        write(toClient, reply(fromServer));
                    }
                    continue;
                }
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("STARTTLS") && tls != null && !secured) {
                    write(toClient, List.of("220 2.0.0 Ready to start TLS"));
                    SSLSocket upgraded = (SSLSocket) tls.getSocketFactory().createSocket(current, null,
                            current.getPort(), true);
                    upgraded.setUseClientMode(false);
                    upgraded.startHandshake();
                    open.add(upgraded);
                    current = upgraded;
                    fromClient = reader(current);
                    toClient = writer(current);
                    secured = true;
                } else if (command.startsWith("RCPT TO:") && command.contains("@REJECTED.TEST")) {
                    write(toClient, List.of("550 5.1.1 No such user here"));
                } else if (command.startsWith("RCPT TO:") && command.contains("@LATER.TEST")) {
                    write(toClient, List.of("451 4.3.0 Mailbox busy, try again later"));
                } else {
                    write(toServer, List.of(line));
                    List<String> reply = reply(fromServer);
                    if (command.startsWith("EHLO") && tls != null && !secured) {
                        String last = reply.remove(reply.size() - 1);
                        reply.add("250-" + last.substring(4));
                        reply.add("250 STARTTLS");
                    }
                    write(toClient, reply);
                    data = command.equals("DATA") && reply.get(reply.size() - 1).startsWith("354");
                    if (command.equals("QUIT")) {
                        break;
                    }
                }
            }
        } catch (IOException gone) {
            // The client, the server or a test dropped the connection.
        } finally {
            try {
                client.close();
            } catch (IOException ignored) {
                // Already closed.
            }
            open.remove(client);
        }
    }

    /** A reply of one or more lines ("250-…" continues, "250 …" ends). */
    private static List<String> reply(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the server closed the connection");
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    private static void write(Writer out, List<String> lines) throws IOException {
        for (String line : lines) {
            out.write(line);
            out.write("\r\n");
        }
        out.flush();
    }

    // Byte for byte: SMTP lines are 7-bit here, and ISO-8859-1 passes any 8-bit octet through unchanged.
    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static Writer writer(Socket socket) throws IOException {
        return new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1);
    }
}
