/**
 * What several areas share but is not API: input checks, the factory of actors that hold something, the retry
 * of transactions that lost an optimistic race, and links into the host's portal. The module does not export it;
 * it may change without notice.
 *
 * <p>Depends on {@code io.latchkey}, {@code access} and {@code store}.
 */
package io.latchkey.internal;
