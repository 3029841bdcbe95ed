package io.latchkey.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL 18 server both the SDK and its baselines run on (zonky's embedded binaries, as the tests use):
 * one server per run, a fresh database per figure.
 */
final class Postgres implements AutoCloseable {

    static final String USER = "postgres";

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start() throws IOException {
        // Room for the pgbench clients and two connection pools; the rest is the server's default.
        return new Postgres(EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start());
    }

    int port() {
        return server.getPort();
    }

    /** A new empty database; returns its JDBC URL. */
    String create(String name) throws SQLException {
        execute("postgres", "CREATE DATABASE " + name);
        return url(name);
    }

    /** A copy of {@code template} (nobody may be connected to it). */
    String copy(String template, String name) throws SQLException {
        execute("postgres", "CREATE DATABASE " + name + " TEMPLATE " + template);
        return url(name);
    }

    void drop(String name) throws SQLException {
        execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    String url(String database) {
        return server.getJdbcUrl(USER, database);
    }

    /** Runs statements on {@code database}, each on its own (auto-commit). */
    void execute(String database, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), USER, "");
             Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
