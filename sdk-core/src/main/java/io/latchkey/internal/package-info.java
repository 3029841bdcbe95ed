/**
 * What several areas share but is not API: input checks and the factory of actors that hold something. The
 * module does not export it; it may change without notice.
 *
 * <p>Depends on {@code io.latchkey} and {@code access}.
 */
package io.latchkey.internal;
