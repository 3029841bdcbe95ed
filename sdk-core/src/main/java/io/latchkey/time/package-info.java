/**
 * Time: the {@link io.latchkey.time.MutableClock} for tests, and the {@link io.latchkey.time.Scheduler} that
 * persists due timed transitions ({@link io.latchkey.time.DueWork}) of every area.
 *
 * <p>Depends on the JDK only. The domain takes its time from an injected {@link java.time.Clock}.
 */
package io.latchkey.time;
