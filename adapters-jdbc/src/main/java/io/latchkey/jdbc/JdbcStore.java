package io.latchkey.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.latchkey.credential.ClientRepository;
import io.latchkey.credential.CredentialRepository;
import io.latchkey.credential.IssuanceRepository;
import io.latchkey.credential.PoolOrderRepository;
import io.latchkey.device.DeviceRepository;
import io.latchkey.license.ActivationRepository;
import io.latchkey.license.DocumentRepository;
import io.latchkey.license.LicenseRepository;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.notify.OutboxRepository;
import io.latchkey.party.ConnectionRepository;
import io.latchkey.party.CustomerRepository;
import io.latchkey.party.FirmRepository;
import io.latchkey.party.SiteRepository;
import io.latchkey.party.MemberRepository;
import io.latchkey.party.OrganizationRepository;
import io.latchkey.store.IdempotencyRepository;
import io.latchkey.subscription.HubRepository;
import io.latchkey.subscription.PackageRepository;
import io.latchkey.subscription.SubscriptionRepository;
import io.latchkey.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The {@link Store} on H2 or PostgreSQL. Creating it migrates the schema (Flyway, the same migrations on
 * both). Several instances, in one process or on several nodes, may share one PostgreSQL database: rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} and updated optimistically, never guarded by JVM locks.
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.h2(Path.of("data"));                          // embedded, no set-up
 * JdbcStore store = JdbcStore.connect("jdbc:postgresql://db/latchkey", user, password);
 * JdbcStore store = JdbcStore.create(dataSource);                           // a pool the host owns
 * }</pre>
 *
 * <p>Thread-safe. Transactions are per thread, READ COMMITTED; a nested call joins the running one.
 * {@link #close()} closes the connection pool if the store made it.
 */
public final class JdbcStore implements Store, AutoCloseable {

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final AutoCloseable ownedPool;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final CustomerRepository customers;
    private final ConnectionRepository connections;
    private final FirmRepository firms;
    private final SiteRepository sites;
    private final LicenseRepository licenses;
    private final DocumentRepository documents;
    private final ActivationRepository activations;
    private final PackageRepository packages;
    private final HubRepository hubs;
    private final SubscriptionRepository subscriptions;
    private final DeviceRepository devices;
    private final PoolOrderRepository poolOrders;
    private final ClientRepository clients;
    private final CredentialRepository credentials;
    private final IssuanceRepository issuances;
    private final JournalRepository journal;
    private final OutboxRepository outbox;
    private final IdempotencyRepository idempotency;

    private JdbcStore(DataSource dataSource, AutoCloseable ownedPool) {
        this.jdbi = Jdbi.create(dataSource);
        this.dialect = dialectOf(dataSource);
        this.ownedPool = ownedPool;
        migrate(dataSource);
        Supplier<Handle> handle = this::handle;
        this.organizations = new JdbiOrganizationRepository(handle);
        this.members = new JdbiMemberRepository(handle);
        this.customers = new JdbiCustomerRepository(handle);
        this.connections = new JdbiConnectionRepository(handle);
        this.firms = new JdbiFirmRepository(handle);
        this.sites = new JdbiSiteRepository(handle);
        this.licenses = new JdbiLicenseRepository(handle);
        this.documents = new JdbiDocumentRepository(handle, dialect);
        this.activations = new JdbiActivationRepository(handle);
        this.packages = new JdbiPackageRepository(handle);
        this.hubs = new JdbiHubRepository(handle);
        this.subscriptions = new JdbiSubscriptionRepository(handle, dialect);
        this.devices = new JdbiDeviceRepository(handle);
        this.poolOrders = new JdbiPoolOrderRepository(handle, dialect);
        this.clients = new JdbiClientRepository(handle);
        this.credentials = new JdbiCredentialRepository(handle, dialect);
        this.issuances = new JdbiIssuanceRepository(handle);
        this.journal = new JdbiJournalRepository(handle);
        this.outbox = new JdbiOutboxRepository(handle, dialect);
        this.idempotency = new JdbiIdempotencyRepository(handle);
    }

    /** A store on a data source the host owns (and closes); migrates its schema first. */
    public static JdbcStore create(DataSource dataSource) {
        return new JdbcStore(Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    /** A store on its own connection pool to {@code jdbcUrl} (H2 or PostgreSQL); {@link #close()} closes it. */
    public static JdbcStore connect(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("latchkey");
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(2);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new JdbcStore(pool, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The embedded default: an H2 database in {@code directory} (created if missing). */
    public static JdbcStore h2(Path directory) {
        Path file = directory.toAbsolutePath().resolve("latchkey");
        return connect("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "latchkey", "");
    }

    /** Applies the schema migrations that are not applied yet; returns how many were applied. */
    static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    private static Dialect dialectOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
            current.set(handle);
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }

    private Handle handle() {
        Handle handle = current.get();
        if (handle == null) {
            throw new IllegalStateException("repositories are used inside Store.inTransaction");
        }
        return handle;
    }

    @Override
    public OrganizationRepository organizations() {
        return organizations;
    }

    @Override
    public MemberRepository members() {
        return members;
    }

    @Override
    public CustomerRepository customers() {
        return customers;
    }

    @Override
    public ConnectionRepository connections() {
        return connections;
    }

    @Override
    public FirmRepository firms() {
        return firms;
    }

    @Override
    public SiteRepository sites() {
        return sites;
    }

    @Override
    public LicenseRepository licenses() {
        return licenses;
    }

    @Override
    public DocumentRepository documents() {
        return documents;
    }

    @Override
    public ActivationRepository activations() {
        return activations;
    }

    @Override
    public PackageRepository packages() {
        return packages;
    }

    @Override
    public HubRepository hubs() {
        return hubs;
    }

    @Override
    public SubscriptionRepository subscriptions() {
        return subscriptions;
    }

    @Override
    public DeviceRepository devices() {
        return devices;
    }

    @Override
    public PoolOrderRepository poolOrders() {
        return poolOrders;
    }

    @Override
    public ClientRepository clients() {
        return clients;
    }

    @Override
    public CredentialRepository credentials() {
        return credentials;
    }

    @Override
    public IssuanceRepository issuances() {
        return issuances;
    }

    @Override
    public JournalRepository journal() {
        return journal;
    }

    @Override
    public OutboxRepository outbox() {
        return outbox;
    }

    @Override
    public IdempotencyRepository idempotency() {
        return idempotency;
    }

    /** Whether the database answers; for health checks. */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the connection pool", e);
            }
        }
    }
}
