package io.latchkey.limits;

import java.time.Instant;
import java.util.Objects;

/**
 * One subject's attempts against one limit in its current window.
 *
 * @param key       the keyed hash of the limit and the subject (subjects, e-mail addresses among them, are
 *                  never stored)
 * @param attempts  attempts counted in the window
 * @param startedAt when the window began: at its first attempt
 * @param endsAt    when it ends
 * @param strikes   how many windows in a row before this one were used up (the back-off)
 * @param version   the optimistic version
 */
public record AttemptCounter(String key, int attempts, Instant startedAt, Instant endsAt, int strikes,
                             long version) {

    public AttemptCounter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (attempts < 0 || strikes < 0) {
            throw new IllegalArgumentException("attempts and strikes count from 0");
        }
    }

    AttemptCounter withAttempts(int count) {
        return new AttemptCounter(key, count, startedAt, endsAt, strikes, version);
    }
}
