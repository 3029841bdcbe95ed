/**
 * The generic lifecycle machinery every area uses: {@link io.latchkey.lifecycle.TransitionTable}s of legal
 * {@link io.latchkey.lifecycle.Transition}s (state, event, target, permission, timed), and the append-only
 * {@link io.latchkey.lifecycle.Journal} of every step taken.
 *
 * <p>Depends on {@code io.latchkey}, {@code access} and {@code crypto} (ids) only.
 */
package io.latchkey.lifecycle;
