/**
 * Who acts and what they may do: the {@link io.latchkey.access.Actor} every command takes and the ids of those
 * who act (organizations, members, customers), the {@link io.latchkey.access.Permission} table (roles within a
 * {@link io.latchkey.access.Scope}, or a {@link io.latchkey.access.Bearer}), the check that applies it over a
 * thing's {@link io.latchkey.access.Holder} ({@link io.latchkey.access.Access}, walking the
 * {@link io.latchkey.access.Channel}).
 *
 * <p>Depends on {@code io.latchkey} and {@code crypto} (password hashes) only.
 */
package io.latchkey.access;
