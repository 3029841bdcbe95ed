package io.latchkey.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.latchkey.Latchkey;
import io.latchkey.access.Role;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.Organization;
import io.latchkey.party.PartyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema comes from the migrations alone, once; the embedded H2 file keeps what it stored. */
class SchemaMigrationTest {

    @Test
    void anEmptyDatabaseGetsTheMigrationsOnceAndAgainIsANoOp() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(H2.newDatabase());
        config.setUsername("sa");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            assertEquals(migrations(), JdbcStore.migrate(dataSource));
            assertEquals(0, JdbcStore.migrate(dataSource));
            try (JdbcStore store = JdbcStore.create(dataSource)) {
                assertTrue(store.isReachable());
            }
            assertTrue(!dataSource.isClosed(), "a store on the host's data source leaves it open");
        }
    }

    /** How many migrations the module ships (the files Flyway finds on the class path). */
    static int migrations() {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theEmbeddedFileDatabaseKeepsItsDataAcrossRestarts(@TempDir Path dir) {
        Organization operator;
        try (JdbcStore store = JdbcStore.h2(dir)) {
            operator = Latchkey.builder().store(store).ephemeralKeys().build().organizations().bootstrap("Operator",
                    new MemberDraft("admin@operator.test", "Admin", "en", Set.of(Role.ADMIN)),
                    "admin-password".toCharArray(), "Europe/Warsaw");
        }
        assertTrue(Files.exists(dir.resolve("latchkey.mv.db")));
        try (JdbcStore reopened = JdbcStore.h2(dir)) {
            assertEquals(operator, reopened.inTransaction(() ->
                    reopened.port(PartyStore.class).organizations().findOperator().orElseThrow()));
        }
    }

    @Test
    void onlyH2AndPostgresqlAreSpokenTo() {
        assertEquals(Dialect.H2, Dialect.of("H2"));
        assertEquals(Dialect.POSTGRESQL, Dialect.of("PostgreSQL"));
        assertThrows(IllegalArgumentException.class, () -> Dialect.of("MySQL"));
    }
}
