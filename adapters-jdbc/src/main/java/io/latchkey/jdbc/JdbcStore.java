package io.latchkey.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.credential.ClientRepository;
import io.latchkey.credential.CredentialRepository;
import io.latchkey.credential.CredentialStore;
import io.latchkey.credential.IssuanceRepository;
import io.latchkey.credential.PoolOrderRepository;
import io.latchkey.device.DeviceRepository;
import io.latchkey.billing.AddressRepository;
import io.latchkey.billing.BillingStore;
import io.latchkey.billing.CheckpointRepository;
import io.latchkey.billing.ProfileRepository;
import io.latchkey.device.DeviceStore;
import io.latchkey.keys.KeyRepository;
import io.latchkey.license.ActivationRepository;
import io.latchkey.license.DocumentRepository;
import io.latchkey.license.LicenseRepository;
import io.latchkey.license.LicenseStore;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.limits.AttemptRepository;
import io.latchkey.notify.OutboxRepository;
import io.latchkey.party.ConnectionRepository;
import io.latchkey.party.CustomerRepository;
import io.latchkey.party.FirmRepository;
import io.latchkey.party.MemberRepository;
import io.latchkey.party.OrganizationRepository;
import io.latchkey.party.PartyStore;
import io.latchkey.party.SessionRepository;
import io.latchkey.party.SiteRepository;
import io.latchkey.store.IdempotencyRepository;
import io.latchkey.store.ReplyRepository;
import io.latchkey.store.Store;
import io.latchkey.subscription.HubRepository;
import io.latchkey.subscription.PackageRepository;
import io.latchkey.subscription.SubscriptionRepository;
import io.latchkey.subscription.SubscriptionStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.JdbiException;
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
    private static final int H2_LOCK_TIMEOUT_MS = 10_000;
    /** SQL states of a transaction the database rolled back whole: serialization failure, deadlock victim. */
    private static final Set<String> ROLLED_BACK_WHOLE = Set.of("40001", "40P01");

    private final Dialect dialect;
    /** Whether the data source's connections are READ COMMITTED already, so that no transaction has to ask. */
    private final boolean readCommitted;
    private final AutoCloseable ownedPool;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    private final BeforeCommit beforeCommit = new BeforeCommit();

    private final Map<Class<?>, Object> ports;

    private JdbcStore(DataSource dataSource, AutoCloseable ownedPool) {
        this.jdbi = Jdbi.create(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            this.dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
            this.readCommitted = connection.getTransactionIsolation() == Connection.TRANSACTION_READ_COMMITTED;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
        this.ownedPool = ownedPool;
        migrate(dataSource);
        Supplier<Handle> handle = this::handle;
        this.ports = Map.ofEntries(
                Map.entry(PartyStore.class, new Party(new JdbiOrganizationRepository(handle),
                        new JdbiMemberRepository(handle), new JdbiCustomerRepository(handle),
                        new JdbiConnectionRepository(handle), new JdbiFirmRepository(handle),
                        new JdbiSiteRepository(handle), new JdbiSessionRepository(handle))),
                Map.entry(CredentialStore.class, new Credentials(new JdbiPoolOrderRepository(handle, dialect),
                        new JdbiClientRepository(handle), new JdbiCredentialRepository(handle, dialect, beforeCommit),
                        new JdbiIssuanceRepository(handle))),
                Map.entry(LicenseStore.class, new Licenses(new JdbiLicenseRepository(handle),
                        new JdbiDocumentRepository(handle, dialect), new JdbiActivationRepository(handle))),
                Map.entry(SubscriptionStore.class, new Subscriptions(new JdbiPackageRepository(handle),
                        new JdbiHubRepository(handle), new JdbiSubscriptionRepository(handle, dialect))),
                Map.entry(DeviceStore.class, new Devices(new JdbiDeviceRepository(handle))),
                Map.entry(BillingStore.class, new Billing(new JdbiProfileRepository(handle),
                        new JdbiAddressRepository(handle), new JdbiCheckpointRepository(handle))),
                Map.entry(JournalRepository.class, new JdbiJournalRepository(handle)),
                Map.entry(OutboxRepository.class, new JdbiOutboxRepository(handle, dialect)),
                Map.entry(IdempotencyRepository.class, new JdbiIdempotencyRepository(handle)),
                Map.entry(ReplyRepository.class, new JdbiReplyRepository(handle)),
                Map.entry(KeyRepository.class, new JdbiKeyRepository(handle)),
                Map.entry(AttemptRepository.class, new JdbiAttemptRepository(handle)));
    }

    /** Each area's store: its repositories on this store's connection. */
    private record Party(OrganizationRepository organizations, MemberRepository members, CustomerRepository customers,
                         ConnectionRepository connections, FirmRepository firms, SiteRepository sites,
                         SessionRepository sessions) implements PartyStore {
    }

    private record Credentials(PoolOrderRepository poolOrders, ClientRepository clients,
                               CredentialRepository credentials, IssuanceRepository issuances)
            implements CredentialStore {
    }

    private record Licenses(LicenseRepository licenses, DocumentRepository documents,
                            ActivationRepository activations) implements LicenseStore {
    }

    private record Subscriptions(PackageRepository packages, HubRepository hubs,
                                 SubscriptionRepository subscriptions) implements SubscriptionStore {
    }

    private record Devices(DeviceRepository devices) implements DeviceStore {
    }

    private record Billing(ProfileRepository profiles, AddressRepository addresses, CheckpointRepository checkpoint)
            implements BillingStore {
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
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
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
        return connect(h2Url(directory), "latchkey", "");
    }

    /** The JDBC URL of the embedded H2 database in {@code directory}, for hosts that make their own pool. */
    public static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("latchkey") + ";DB_CLOSE_ON_EXIT=FALSE";
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

    /**
     * {@inheritDoc} A transaction the database chose as a deadlock victim, or could not serialize, was rolled
     * back whole: it ends in {@link ErrorCode#CONCURRENT_MODIFICATION}, which the SDK retries. (PostgreSQL keeps
     * the locks a waiting {@code FOR UPDATE} took on rows it then skipped, so two issuers on one pool can deadlock
     * however carefully they order their locks.)
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try {
            return transaction(work);
        } catch (JdbiException e) {
            SQLException sql = Sql.sqlCause(e);
            if (sql != null && ROLLED_BACK_WHOLE.contains(sql.getSQLState())) {
                throw LatchkeyException.of(ErrorCode.CONCURRENT_MODIFICATION, "a transaction the database rolled back ("
                        + sql.getSQLState() + ")");
            }
            throw e;
        }
    }

    private <T> T transaction(Supplier<T> work) {
        // Asking for the level costs two round trips per transaction (the driver reads it before and after):
        // only a data source whose connections start at another level pays them.
        HandleCallback<T, RuntimeException> body = handle -> {
            if (dialect == Dialect.H2) {
                // H2 gives up waiting for a row lock after a second; an issuer may wait for a scheduler's batch.
                // Set here, not on the pool, so that a data source the host made gets it too.
                handle.execute("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MS);
            }
            current.set(handle);
            beforeCommit.begin();
            try {
                T result = work.get();
                beforeCommit.writeAll();
                return result;
            } finally {
                beforeCommit.end();
                current.remove();
            }
        };
        return readCommitted ? jdbi.inTransaction(body)
                : jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, body);
    }

    @Override
    public boolean insideTransaction() {
        return current.get() != null;
    }

    private Handle handle() {
        Handle handle = current.get();
        if (handle == null) {
            throw new IllegalStateException("repositories are used inside Store.inTransaction");
        }
        return handle;
    }

    /** A database outlives the process: keys must too. */
    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public <P> P port(Class<P> port) {
        Object implementation = ports.get(port);
        if (implementation == null) {
            throw new IllegalArgumentException("JdbcStore does not provide " + port.getName());
        }
        return port.cast(implementation);
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
