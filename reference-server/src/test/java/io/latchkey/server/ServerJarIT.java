package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar as a user runs it: {@code java -jar latchkey-server.jar} on a free port with the demo world,
 * ready, serving it, and stopping cleanly on SIGTERM; on H2 and on PostgreSQL.
 */
class ServerJarIT {

    private static final Pattern LISTENING = Pattern.compile("Listening on http://[^:]+:(\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theJarServesTheDemoWorldOnH2AndStopsOnSigterm() throws Exception {
        Path dir = Files.createTempDirectory("latchkey-jar");
        run(Map.of("LATCHKEY_DATA_DIR", dir.toString()));
        assertTrue(Files.exists(dir.resolve("master.key")), "the master key file is made on first start");
        assertTrue(Files.exists(dir.resolve("latchkey.mv.db")), "the H2 database lives in the data dir");
    }

    @Test
    void theJarServesTheDemoWorldOnPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Path dir = Files.createTempDirectory("latchkey-jar-pg");
            run(Map.of("LATCHKEY_DATA_DIR", dir.toString(),
                    "LATCHKEY_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "LATCHKEY_DB_USER", "postgres", "LATCHKEY_DB_PASSWORD", "postgres",
                    "LATCHKEY_MASTER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
            assertTrue(!Files.exists(dir.resolve("latchkey.mv.db")), "no H2 database when PostgreSQL is given");
        }
    }

    private void run(Map<String, String> env) throws Exception {
        Path jar = Path.of("target", "latchkey-server.jar");
        assertTrue(Files.exists(jar), "mvn package makes the runnable jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().putAll(Map.of("LATCHKEY_PORT", "0", "LATCHKEY_DEMO", "true",
                "LATCHKEY_ADMIN_EMAIL", "admin@jar.latchkey.local", "LATCHKEY_ADMIN_PASSWORD", "jar-admin-2026"));
        Process process = builder.start();
        List<String> log = new CopyOnWriteArrayList<>();
        BlockingQueue<Integer> port = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    log.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.add(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        try {
            Integer chosen = port.poll(120, TimeUnit.SECONDS);
            assertTrue(chosen != null, () -> "the server says where it listens:\n" + String.join("\n", log));
            URI base = URI.create("http://127.0.0.1:" + chosen);
            assertEquals(200, get(base.resolve("/health/ready"), null).statusCode());
            String token = Json.MAPPER.readTree(post(base.resolve("/api/v1/auth/login"), Map.of("email",
                    "admin@jar.latchkey.local", "password", "jar-admin-2026")).body()).path("token").asText();
            JsonNode devices = Json.MAPPER.readTree(get(base.resolve("/api/v1/devices"), token).body());
            assertTrue(devices.path("items").size() >= 3, () -> "the demo world's heat pumps: " + devices);
            JsonNode partners = Json.MAPPER.readTree(get(base.resolve("/api/v1/orgs?kind=PARTNER"), token).body());
            assertTrue(partners.path("items").size() >= 2, () -> "the demo world's partners: " + partners);
            assertTrue(log.stream().noneMatch(l -> l.contains("jar-admin-2026")), "no password in the log");
        } finally {
            // SIGTERM; Process.destroy() would also close our end of its output before the last lines are read.
            process.toHandle().destroy();
            boolean stopped = process.waitFor(30, TimeUnit.SECONDS);
            if (!stopped) {
                process.destroyForcibly();
            }
            reader.join(5_000);
            assertTrue(stopped, "SIGTERM stops the server within 30 s");
        }
        Files.write(Path.of("target", "server-jar-" + env.containsKey("LATCHKEY_DB_URL") + ".log"), log);
        assertTrue(List.of(0, 143).contains(process.exitValue()), "ended by the signal: " + process.exitValue());
        assertTrue(log.stream().anyMatch(l -> l.contains("Stopped")), () -> "a graceful stop (exit "
                + process.exitValue() + "):\n" + String.join("\n", log.subList(Math.max(0, log.size() - 5),
                log.size())));
    }

    private HttpResponse<String> get(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
