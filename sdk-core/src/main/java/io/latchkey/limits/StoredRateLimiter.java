package io.latchkey.limits;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.crypto.Sealer;
import io.latchkey.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link RateLimiter} in the deployment's store, through the {@link AttemptRepository} port: every node on
 * one database counts in the same rows. Each count is its own short transaction, taken before the command's,
 * so that it stays when the command fails and never holds a second connection.
 *
 * <p>A window starts at its subject's first attempt and lasts the limit's window; a subject that used up one
 * window and comes back within a window of its end gets one twice as long ({@link Limit#backsOff()}). Keys
 * are keyed hashes, so that no subject (an e-mail address, a source) is stored; subjects are cut to
 * {@value #MAX_SUBJECT} characters first, and a counter is pruned by {@link #prune} once its window is over.
 */
public final class StoredRateLimiter implements RateLimiter {

    static final int MAX_SUBJECT = 256;
    private static final String CONTEXT = "latchkey/rate-limit";

    private final Store store;
    private final Sealer sealer;
    private final Clock clock;

    public StoredRateLimiter(Store store, Sealer sealer, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Override
    public int attempt(Limit limit, String subject) {
        String key = key(limit, subject);
        try {
            return counted(() -> count(limit, key));
        } catch (LatchkeyException e) {
            if (e.code() != ErrorCode.DUPLICATE) {
                throw e;
            }
            // Another node made this key's first counter at the same moment: it is there to count now.
            return counted(() -> count(limit, key));
        }
    }

    @Override
    public void uncount(Limit limit, String subject) {
        String key = key(limit, subject);
        counted(() -> {
            Instant now = clock.instant();
            repository().lock(key).filter(c -> now.isBefore(c.endsAt()) && c.attempts() > 0)
                    .ifPresent(c -> repository().update(c.withAttempts(c.attempts() - 1)));
            return null;
        });
    }

    /** Deletes up to {@code batch} counters whose windows, and the back-off memory after them, are over. */
    public int prune(int batch) {
        Instant cutoff = clock.instant().minus(Limit.longestWindow());
        return counted(() -> repository().deleteEndedBefore(cutoff, batch));
    }

    private int count(Limit limit, String key) {
        Instant now = clock.instant();
        Optional<AttemptCounter> found = repository().lock(key);
        if (found.isPresent() && now.isBefore(found.get().endsAt())) {
            AttemptCounter counter = found.get();
            if (counter.attempts() >= limit.maxAttempts()) {
                throw LatchkeyException.rateLimited(ErrorCode.TOO_MANY_ATTEMPTS,
                        Duration.between(now, counter.endsAt()));
            }
            return repository().update(counter.withAttempts(counter.attempts() + 1)).attempts();
        }
        int strikes = found.filter(c -> c.attempts() >= limit.maxAttempts())
                .filter(c -> now.isBefore(c.endsAt().plus(limit.window())))
                .map(c -> c.strikes() + 1).orElse(0);
        AttemptCounter fresh = new AttemptCounter(key, 1, now, now.plus(limit.window(strikes)), strikes,
                found.map(AttemptCounter::version).orElse(0L));
        if (found.isPresent()) {
            repository().update(fresh);
        } else {
            repository().insert(fresh);
        }
        return 1;
    }

    private <T> T counted(Supplier<T> work) {
        if (store.insideTransaction()) {
            // Joined to a command's transaction, a count would vanish with the command it was meant to limit.
            throw new IllegalStateException("attempts are counted in their own transaction, before the command's");
        }
        return store.inTransaction(work);
    }

    private AttemptRepository repository() {
        return store.port(AttemptRepository.class);
    }

    private String key(Limit limit, String subject) {
        String capped = subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
        return sealer.keyedHash(limit.name() + "\n" + capped, CONTEXT);
    }
}
