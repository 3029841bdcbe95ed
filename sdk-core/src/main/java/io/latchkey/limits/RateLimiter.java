package io.latchkey.limits;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.util.function.Supplier;

/**
 * Counts attempts at guessable things (passwords, provisioning links, device passwords, license codes) and
 * things anyone may make the SDK do (send e-mail), per {@link Limit} and subject, and refuses an attempt once
 * its subject has used up the limit's budget in the current window.
 *
 * <p>An attempt is counted <em>before</em> it is checked, so that parallel attempts cannot all pass; a good
 * one is then uncounted. Counts must outlive the command that failed (never call inside a store transaction)
 * and, for the limit to hold across nodes, be shared by them: {@link StoredRateLimiter} keeps them in the
 * deployment's store. Implementations are thread-safe.
 */
public interface RateLimiter {

    /**
     * Counts one attempt of {@code subject} against {@code limit}.
     *
     * @return the attempts counted in the current window, this one included
     * @throws io.latchkey.LatchkeyException {@link io.latchkey.ErrorCode#TOO_MANY_ATTEMPTS} (category
     *                                       RATE_LIMITED, with the time until the window ends) if the budget is
     *                                       used up; the refused attempt is not counted
     */
    int attempt(Limit limit, String subject);

    /**
     * The attempt counted last for {@code subject} no longer counts: it was good (a right password), or it did
     * nothing (a form refused before any e-mail went out).
     */
    void uncount(Limit limit, String subject);

    /**
     * Counts an attempt against the caller's {@code own} limit (per source or member) and against a {@code wide}
     * one over many of them (an account, a device, everyone). When the wide budget is used up, the first attempt
     * of a caller's window still passes: an attacker spread over many sources cannot lock out a caller that has
     * not failed, and gets one attempt per source and window. A refusal counts nothing.
     */
    default Attempt attempt(Limit own, String source, Limit wide, String subject) {
        int mine = attempt(own, source);
        try {
            return new Attempt(this, own, source, wide, subject, attempt(wide, subject));
        } catch (LatchkeyException e) {
            if (mine == 1 && e.code() == ErrorCode.TOO_MANY_ATTEMPTS) {
                return new Attempt(this, own, source, wide, subject, 0);
            }
            uncount(own, source);
            throw e;
        }
    }

    /** Counts an attempt at a guess, runs {@code work}, and uncounts the attempt if the work returns: good. */
    default <T> T guarded(Limit limit, String subject, Supplier<T> work) {
        attempt(limit, subject);
        T result = work.get();
        uncount(limit, subject);
        return result;
    }

    /**
     * Counts an attempt that does something (sends e-mail) and runs {@code work}; if the work throws, nothing was
     * done, and the attempt is uncounted.
     */
    default void spending(Limit limit, String subject, Runnable work) {
        attempt(limit, subject);
        try {
            work.run();
        } catch (RuntimeException e) {
            uncount(limit, subject);
            throw e;
        }
    }
}
