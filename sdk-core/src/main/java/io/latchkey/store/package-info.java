/**
 * The storage boundary: the {@link io.latchkey.store.Store} (a {@link io.latchkey.store.Transactions} boundary
 * and the set of {@link io.latchkey.store.Port}s that run in it), idempotency of write commands, and the
 * {@link io.latchkey.store.InMemoryStore} with the transactional tables that in-memory ports are made of.
 *
 * <p>Imports no area: each area owns its port and that port's in-memory implementation. Depends on
 * {@code io.latchkey} only.
 */
package io.latchkey.store;
