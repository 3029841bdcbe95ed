package io.latchkey.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The server's configuration, read from {@code LATCHKEY_*} environment variables (the table in the README and in
 * API.md), with the embedded defaults: port 7070, H2 and a folder of e-mails under {@code ./data}.
 */
record Settings(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                Smtp smtp, String adminEmail, String adminPassword, URI publicUrl, LanBilling lanBilling,
                String masterKey, boolean demo, long maxBodyBytes, boolean trustProxy, Duration dueWorkEvery) {

    /** SMTP, when {@code LATCHKEY_SMTP_HOST} is set. */
    record Smtp(String host, int port, String user, String password, String from, String security) {

        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", user=" + user + ", security=" + security + "]";
        }
    }

    /** The LANBilling sync, when {@code LATCHKEY_LANBILLING_URL} is set. */
    record LanBilling(URI url, String login, String password, String loginField, long tariff, long category,
                      Duration every) {

        @Override
        public String toString() {
            return "LanBilling[" + url + ", login=" + login + ", every " + every + "]";
        }
    }

    static Settings from(Map<String, String> env, String... args) {
        Map<String, String> e = env;
        int port = integer(e, "LATCHKEY_PORT", 7070);
        Path dataDir = Path.of(e.getOrDefault("LATCHKEY_DATA_DIR", "data"));
        Smtp smtp = null;
        if (set(e, "LATCHKEY_SMTP_HOST")) {
            String user = e.get("LATCHKEY_SMTP_USER");
            String tls = e.getOrDefault("LATCHKEY_SMTP_TLS", user == null ? "none" : "starttls")
                    .toLowerCase(Locale.ROOT);
            if (!Arrays.asList("none", "starttls", "tls").contains(tls)) {
                throw new IllegalArgumentException("LATCHKEY_SMTP_TLS is none, starttls or tls, not " + tls);
            }
            smtp = new Smtp(e.get("LATCHKEY_SMTP_HOST"), integer(e, "LATCHKEY_SMTP_PORT",
                    tls.equals("tls") ? 465 : tls.equals("starttls") ? 587 : 25), user, e.get("LATCHKEY_SMTP_PASSWORD"),
                    e.getOrDefault("LATCHKEY_SMTP_FROM", "no-reply@localhost"), tls);
        }
        LanBilling billing = null;
        if (set(e, "LATCHKEY_LANBILLING_URL")) {
            String service = e.getOrDefault("LATCHKEY_LANBILLING_INTERCOM_TARIFFS", "");
            String[] parts = service.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("LATCHKEY_LANBILLING_INTERCOM_TARIFFS names the intercom service "
                        + "as TARIFF_ID:CATEGORY_INDEX");
            }
            billing = new LanBilling(URI.create(e.get("LATCHKEY_LANBILLING_URL")),
                    required(e, "LATCHKEY_LANBILLING_LOGIN"), e.getOrDefault("LATCHKEY_LANBILLING_PASSWORD", ""),
                    e.getOrDefault("LATCHKEY_LANBILLING_ADDON", "isvyaz_login"), Long.parseLong(parts[0].strip()),
                    Long.parseLong(parts[1].strip()),
                    Duration.ofSeconds(integer(e, "LATCHKEY_LANBILLING_SYNC_SECONDS", 60)));
        }
        String publicUrl = e.get("LATCHKEY_PUBLIC_URL");
        boolean demo = Boolean.parseBoolean(e.getOrDefault("LATCHKEY_DEMO", "false"))
                || Arrays.asList(args).contains("--demo");
        return new Settings(e.getOrDefault("LATCHKEY_HOST", "0.0.0.0"), port, dataDir, e.get("LATCHKEY_DB_URL"),
                e.get("LATCHKEY_DB_USER"), e.get("LATCHKEY_DB_PASSWORD"), smtp, e.get("LATCHKEY_ADMIN_EMAIL"),
                e.get("LATCHKEY_ADMIN_PASSWORD"), publicUrl == null ? null : URI.create(publicUrl), billing,
                e.get("LATCHKEY_MASTER_KEY"), demo, integer(e, "LATCHKEY_MAX_BODY_BYTES", 1_000_000),
                Boolean.parseBoolean(e.getOrDefault("LATCHKEY_TRUST_PROXY", "false")),
                Duration.ofSeconds(integer(e, "LATCHKEY_DUE_WORK_SECONDS", 5)));
    }

    @Override
    public String toString() {
        // Passwords and the master key never reach a log.
        return "Settings[port=" + port + ", dataDir=" + dataDir + ", db=" + (dbUrl == null ? "H2" : dbUrl)
                + ", smtp=" + smtp + ", publicUrl=" + publicUrl + ", lanBilling=" + lanBilling + ", demo=" + demo + "]";
    }

    private static boolean set(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    private static String required(Map<String, String> env, String name) {
        if (!set(env, name)) {
            throw new IllegalArgumentException(name + " is required");
        }
        return env.get(name);
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not " + value);
        }
    }
}
