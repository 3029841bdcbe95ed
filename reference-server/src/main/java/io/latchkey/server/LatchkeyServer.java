package io.latchkey.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyBuilder;
import io.latchkey.access.Role;
import io.latchkey.billing.BillingGateway;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.RandomSource;
import io.latchkey.jdbc.JdbcStore;
import io.latchkey.lanbilling.LanBillingGateway;
import io.latchkey.mail.DirectoryMailSender;
import io.latchkey.mail.SmtpMailSender;
import io.latchkey.notify.MailSender;
import io.latchkey.notify.OutboxStatus;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.Organization;
import io.latchkey.time.Scheduler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: the SDK on its adapters (H2 or PostgreSQL, a folder of e-mails or SMTP, LANBilling when
 * configured) behind the REST API, with the background work (timed transitions, e-mail delivery, the billing
 * sync) on threads of its own. {@link #close()} stops it gracefully: no new requests, those in flight finish,
 * background work stops, the pool closes. Several servers may share one PostgreSQL.
 */
public final class LatchkeyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LatchkeyServer.class);

    private final Settings settings;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> background = new ArrayList<>();
    private final AtomicLong lastDueWork = new AtomicLong(System.nanoTime());
    private final HikariDataSource pool;
    private final JdbcStore store;
    private final Latchkey sdk;
    private final Javalin app;

    private LatchkeyServer(Settings settings) {
        this.settings = settings;
        int port = settings.port() == 0 ? freePort() : settings.port();
        createDirectories();
        this.pool = pool();
        JdbcStore opened;
        try {
            opened = JdbcStore.create(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        this.store = opened;
        URI publicUrl = settings.publicUrl() != null ? settings.publicUrl() : URI.create("http://localhost:" + port);
        // The demo world confirms its members with the links it mails them, so it reads them on the way out.
        MailSender mail = settings.demo() ? new Demo.Mailbox(mailSender()) : mailSender();
        LatchkeyBuilder builder = Latchkey.builder().store(store).masterKey(masterKey()).mailSender(mail)
                .publicUrl(publicUrl);
        if (settings.lanBilling() != null) {
            builder.billingGateway(lanBilling(settings.lanBilling()));
        }
        this.sdk = builder.build();
        Instant started = sdk.clock().instant();
        bootstrap(started, mail);
        Api api = new Api(sdk);
        Operations.declare(api, this);
        AccountRoutes.declare(api);
        PartyRoutes.declare(api);
        ConnectionRoutes.declare(api);
        CredentialRoutes.declare(api);
        LicenseRoutes.declare(api);
        ServiceRoutes.declare(api);
        DeviceRoutes.declare(api);
        BillingRoutes.declare(api);
        bindMetrics();
        this.app = Javalin.create(cfg -> {
            cfg.startup.startupWatcherEnabled = false;
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = settings.host();
            cfg.jetty.port = port;
            cfg.http.maxRequestSize = settings.maxBodyBytes();
            // Graceful stop: the connector closes, requests in flight get up to 10 s to finish.
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                server.insertHandler(new GracefulHandler());
            });
            if (settings.trustProxy()) {
                // Behind a reverse proxy, the client's address (for rate limits and logs) is the one it forwards.
                cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ForwardedRequestCustomizer()));
            }
            cfg.staticFiles.enableWebjars();
            // The portal: its files, and its page for every other path a browser asks for (links in e-mails).
            cfg.staticFiles.add("/public", Location.CLASSPATH);
            cfg.spaRoot.addHandler("/", Portal::page);
            Errors.install(cfg);
            AccessLog.install(cfg, metrics, settings.maxBodyBytes());
            api.install(cfg);
        });
        this.api = api;
    }

    private final Api api;

    /** Starts a server with these settings: migrates the database, bootstraps the operator, starts listening. */
    public static LatchkeyServer start(Settings settings) {
        LatchkeyServer server = new LatchkeyServer(settings);
        try {
            server.app.start();
            server.startBackgroundWork();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("Listening on http://{}:{}", settings.host(), server.port());
        return server;
    }

    public int port() {
        return app.port();
    }

    Latchkey sdk() {
        return sdk;
    }

    Api api() {
        return api;
    }

    Javalin app() {
        return app;
    }

    /** The connection pool, for tests that look at the database itself. */
    javax.sql.DataSource dataSource() {
        return pool;
    }

    PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /** Whether the database answers (its schema was migrated before the server started listening). */
    boolean ready() {
        return store.isReachable();
    }

    private void startBackgroundWork() {
        Timer dueWork = Timer.builder("latchkey.due.work").description("one pass of timed transitions, e-mail "
                + "delivery and pruning").register(metrics);
        background.add(Scheduler.every(settings.dueWorkEvery(), "latchkey-due-work", () -> dueWork.record(() -> {
            sdk.runDueWork();
            lastDueWork.set(System.nanoTime());
        })));
        if (settings.lanBilling() != null) {
            background.add(Scheduler.every(settings.lanBilling().every(), "latchkey-billing-sync", sdk::syncBilling));
        }
    }

    private void bindMetrics() {
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ClassLoaderMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        for (OutboxStatus status : OutboxStatus.values()) {
            Gauge.builder("latchkey.outbox.messages", sdk, s -> s.outbox().counts().getOrDefault(status, 0L))
                    .tag("status", status.name()).description("notifications by status: the backlog and failures")
                    .register(metrics);
        }
        Gauge.builder("latchkey.due.work.lag.seconds", lastDueWork, t -> (System.nanoTime() - t.get()) / 1e9)
                .description("time since the last completed pass of due work").register(metrics);
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        if (settings.dbUrl() != null) {
            config.setJdbcUrl(settings.dbUrl());
            config.setUsername(settings.dbUser());
            config.setPassword(settings.dbPassword());
        } else {
            config.setJdbcUrl(JdbcStore.h2Url(settings.dataDir()));
            config.setUsername("latchkey");
            config.setPassword("");
        }
        config.setPoolName("latchkey");
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(5_000);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        return new HikariDataSource(config);
    }

    private MasterKey masterKey() {
        if (settings.masterKey() != null && !settings.masterKey().isBlank()) {
            return MasterKey.fromBase64(settings.masterKey().strip());
        }
        return MasterKey.fromFile(settings.dataDir().resolve("master.key"), RandomSource.secure());
    }

    private MailSender mailSender() {
        Settings.Smtp smtp = settings.smtp();
        if (smtp == null) {
            return new DirectoryMailSender(settings.dataDir().resolve("mail"), "no-reply@localhost", "Latchkey");
        }
        SmtpMailSender.Builder builder = SmtpMailSender.builder().server(smtp.host(), smtp.port())
                .security(SmtpMailSender.Security.valueOf(smtp.security().toUpperCase(java.util.Locale.ROOT)))
                .from(smtp.from(), "Latchkey");
        if (smtp.user() != null) {
            builder.login(smtp.user(), smtp.password() == null ? "" : smtp.password());
        }
        return builder.build();
    }

    private static BillingGateway lanBilling(Settings.LanBilling billing) {
        return LanBillingGateway.builder().endpoint(billing.url()).login(billing.login(), billing.password())
                .loginField(billing.loginField()).intercomService(billing.tariff(), billing.category()).build();
    }

    /** The operator and its first administrator, on the first start; a generated password is logged once. */
    private void bootstrap(Instant started, MailSender mail) {
        String email = settings.adminEmail() != null ? settings.adminEmail() : "admin@latchkey.local";
        boolean generated = settings.adminPassword() == null || settings.adminPassword().isEmpty();
        char[] password = generated ? generatedPassword() : settings.adminPassword().toCharArray();
        Organization operator = sdk.organizations().bootstrap("Operator", new MemberDraft(email, "Administrator",
                "en", Set.of(Role.ADMIN)), password, "UTC");
        boolean fresh = !operator.createdAt().isBefore(started);
        if (fresh && generated) {
            LOG.warn("First start: the operator administrator is {} with the password {} (shown once; change it)",
                    email, new String(password));
        }
        if (fresh && settings.demo()) {
            Demo.load(sdk, (Demo.Mailbox) mail, email, password);
        }
    }

    private static char[] generatedPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    private void createDirectories() {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + settings.dataDir(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops gracefully: no new requests, those in flight finish, background work stops, the pool closes. */
    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        for (AutoCloseable task : background) {
            try {
                task.close();
            } catch (Exception e) {
                LOG.warn("background work did not stop cleanly", e);
            }
        }
        sdk.close();
        store.close();
        pool.close();
        LOG.info("Stopped");
    }
}
