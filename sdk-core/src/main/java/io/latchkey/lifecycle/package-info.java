/**
 * The lifecycle machinery every area uses: {@link io.latchkey.lifecycle.TransitionTable}s of legal
 * {@link io.latchkey.lifecycle.Transition}s (state, event, target, permission, timed), the kernel step
 * {@link io.latchkey.lifecycle.Steps} through which every state changes, and the append-only journal
 * ({@link io.latchkey.lifecycle.JournalRepository}) of every step taken.
 *
 * <p>Depends on {@code io.latchkey}, {@code access}, {@code crypto} (ids), {@code store} (its port) and
 * {@code internal} (the kernel's actor).
 */
package io.latchkey.lifecycle;
