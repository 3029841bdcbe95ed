/**
 * Who acts and what they may do: the {@link io.latchkey.access.Actor} every command takes, the
 * {@link io.latchkey.access.Permission} table (roles and {@link io.latchkey.access.Scope}), the tenancy check
 * {@link io.latchkey.access.Access}, and {@link io.latchkey.access.RateLimiter}s for guessable things.
 *
 * <p>Depends on {@code io.latchkey} and {@code party} (organization ids and the parent chain).
 */
package io.latchkey.access;
