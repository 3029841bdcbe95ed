/**
 * What several areas share but is not API: input checks, the factory of actors that hold something, and the
 * retry of transactions that lost an optimistic race. The module does not export it; it may change without
 * notice.
 *
 * <p>Depends on {@code io.latchkey}, {@code access} and {@code store}.
 */
package io.latchkey.internal;
