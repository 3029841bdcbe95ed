package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A reference server on a free port over a fresh data directory (H2, e-mails as files), and a client that speaks
 * to it over real HTTP. E-mails are read back from the folder the server writes them to.
 */
final class TestServer implements AutoCloseable {

    static final String ADMIN = "admin@test.latchkey.local";
    static final String PASSWORD = "admin-password-2026";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+token=([A-Za-z0-9._~%+-]+)");

    final Path dir;
    final LatchkeyServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    record Response(int status, JsonNode json, byte[] bytes, java.net.http.HttpHeaders headers) {

        String code() {
            return json == null ? null : json.path("error").path("code").asText(null);
        }

        String field() {
            return json == null ? null : json.path("error").path("field").asText(null);
        }

        Response expect(int expected) {
            assertEquals(expected, status, () -> "answer: " + new String(bytes, StandardCharsets.UTF_8));
            return this;
        }

        /** Asserts a refusal with its status and code. */
        Response refused(int expected, String expectedCode) {
            expect(expected);
            assertEquals(expectedCode, code(), () -> "answer: " + new String(bytes, StandardCharsets.UTF_8));
            return this;
        }
    }

    private TestServer(Path dir, Map<String, String> env) {
        this.dir = dir;
        Map<String, String> all = new HashMap<>(Map.of("LATCHKEY_PORT", "0", "LATCHKEY_HOST", "127.0.0.1",
                "LATCHKEY_DATA_DIR", dir.toString(), "LATCHKEY_ADMIN_EMAIL", ADMIN,
                "LATCHKEY_ADMIN_PASSWORD", PASSWORD));
        all.putAll(env);
        this.server = LatchkeyServer.start(Settings.from(all));
    }

    static TestServer start() {
        return start(Map.of());
    }

    static TestServer start(Map<String, String> env) {
        try {
            return new TestServer(Files.createTempDirectory("latchkey-server"), env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another server on the same data directory (after this one stopped): a restart. */
    static TestServer restart(Path dir, Map<String, String> env) {
        return new TestServer(dir, env);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        byte[] bytes = body == null ? new byte[0] : body instanceof byte[] b ? b : body instanceof String s
                ? s.getBytes(StandardCharsets.UTF_8) : Json.write(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (bytes.length > 0) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.startsWith("application/json") && response.body().length > 0
                    ? Json.MAPPER.readTree(response.body()) : null;
            return new Response(response.statusCode(), json, response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    Response post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body, Map.of());
    }

    Response put(String path, String token, Object body) {
        return send("PUT", path, token, body, Map.of());
    }

    Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    String login(String email, String password) {
        return post("/api/v1/auth/login", null, Map.of("email", email, "password", password)).expect(200).json()
                .path("token").asText();
    }

    String admin() {
        return login(ADMIN, PASSWORD);
    }

    /** Delivers what waits in the outbox now, as the background work would. */
    void deliverMail() {
        server.sdk().outbox().dispatchAllDue();
    }

    /** The token of the link in the newest e-mail to {@code recipient} that has one. */
    String token(String recipient) {
        Matcher m = LINK.matcher(mail(recipient, text -> LINK.matcher(text).find()));
        if (!m.find()) {
            throw new AssertionError("no link in the e-mail to " + recipient);
        }
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    /** The text of the newest e-mail to {@code recipient}. */
    String mail(String recipient) {
        return mail(recipient, text -> true);
    }

    /**
     * The newest e-mail to {@code recipient} that {@code wanted}, delivering what waits first. The server's own
     * background work may be delivering it at this moment (it holds the message while it does), so this waits for
     * the file until a deadline.
     */
    private String mail(String recipient, java.util.function.Predicate<String> wanted) {
        return new org.openqa.selenium.support.ui.FluentWait<>(this).withTimeout(java.time.Duration.ofSeconds(5))
                .pollingEvery(java.time.Duration.ofMillis(100))
                .withMessage(() -> "no e-mail to " + recipient + " among " + mails())
                .until(server -> {
                    server.deliverMail();
                    return server.mails().stream().map(TestServer::text)
                            .filter(text -> text.contains(recipient) && wanted.test(text)).findFirst().orElse(null);
                });
    }

    /** The e-mails written so far, newest first. */
    List<Path> mails() {
        try (Stream<Path> files = Files.list(dir.resolve("mail"))) {
            return files.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(TestServer::modified).reversed()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** An e-mail's headers and text parts, decoded. */
    static String text(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            StringBuilder out = new StringBuilder(String.join(",", List.of(
                    java.util.Arrays.toString(message.getAllRecipients())))).append('\n');
            collect(message, out);
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + eml, e);
        }
    }

    private static void collect(Part part, StringBuilder out) throws Exception {
        if (part.isMimeType("text/*")) {
            out.append(part.getContent()).append('\n');
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), out);
            }
        }
    }

    /** An organization and a signed-in administrator of it. */
    record Party(String id, String token) {
    }

    static final String MEMBER_PASSWORD = "member-password-2026";
    private final java.util.concurrent.atomic.AtomicInteger partners = new java.util.concurrent.atomic.AtomicInteger();

    /** A Russian partner the operator creates, whose first administrator confirms and signs in. */
    Party partner(String operatorToken, String name) {
        String email = "admin." + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
                + partners.incrementAndGet() + "@test.latchkey.local";
        String id = post("/api/v1/orgs", operatorToken, Map.of("kind", "PARTNER", "name", name + " Partner",
                "taxId", "7707083893", "admin", Map.of("email", email, "fullName", name + " Admin"))).expect(201)
                .json().path("id").asText();
        return new Party(id, confirmed(email, MEMBER_PASSWORD));
    }

    /** A member invited by e-mail confirms and signs in; answers the token. */
    String confirmed(String email, String password) {
        post("/api/v1/auth/confirm", null, Map.of("token", token(email), "password", password)).expect(200);
        return login(email, password);
    }

    @Override
    public void close() {
        server.close();
    }
}
