/**
 * The storage port ({@link io.latchkey.store.Store}: every area's repository and the
 * {@link io.latchkey.store.Transactions} boundary), idempotency of write commands, and the
 * {@link io.latchkey.store.InMemoryStore}.
 *
 * <p>Depends on the areas whose repositories it gathers; adapters (adapters-jdbc) implement it.
 */
package io.latchkey.store;
