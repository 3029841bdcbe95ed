/**
 * The storage port of sdk-core on a relational database: {@link io.latchkey.jdbc.JdbcStore} (jdbi, Flyway,
 * HikariCP) on H2 (the embedded default) or PostgreSQL (production, and shared by several nodes).
 *
 * <p>Concurrency is the database's: free credentials, due transitions and outbox messages are claimed with
 * {@code FOR UPDATE SKIP LOCKED}; updates are optimistic ({@code version}). Depends on sdk-core, jdbi, Flyway,
 * HikariCP and the JDBC drivers.
 */
package io.latchkey.jdbc;
