package io.latchkey.store;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Makes a host's write requests repeatable as a whole: the answer to the first request with an idempotency key
 * is kept (its body sealed) and given again to a repeat of that request; the same key with another request is
 * refused. What an HTTP server needs for {@code Idempotency-Key}; the SDK's own commands that take a key
 * ({@code issue}, {@code placeOrder}) are repeatable by themselves. Thread-safe.
 */
public final class Replies {

    /** An answer as the host gave it. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    private final Transactions transactions;
    private final ReplyRepository replies;
    private final Clock clock;
    private final UnaryOperator<byte[]> seal;
    private final UnaryOperator<byte[]> open;

    public Replies(Transactions transactions, ReplyRepository replies, Clock clock, UnaryOperator<byte[]> seal,
                   UnaryOperator<byte[]> open) {
        this.transactions = transactions;
        this.replies = replies;
        this.clock = clock;
        this.seal = seal;
        this.open = open;
    }

    /**
     * The answer given to the first request with this key in this scope (the caller: a member, or a source for
     * requests without one), if there was one.
     *
     * @throws LatchkeyException {@link ErrorCode#IDEMPOTENCY_KEY_REUSED} if that was a different request, and
     *                           {@link ErrorCode#FIELD_TOO_LONG} or {@link ErrorCode#FIELD_MALFORMED} for a key that
     *                           is too long or not one line of printable characters
     */
    public Optional<Answer> recall(String scope, String key, String requestHash) {
        Idempotency.check(key);
        Optional<Reply> first = transactions.inTransaction(() -> replies.find(scope, key));
        if (first.isPresent() && !first.get().requestHash().equals(requestHash)) {
            throw LatchkeyException.of(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        return first.map(r -> new Answer(r.status(), r.contentType(), open.apply(r.sealedBody())));
    }

    /**
     * Keeps the answer to the first request with this key. If a twin of the request, sent at the same time,
     * was answered first, its answer stays.
     */
    public void remember(String scope, String key, String requestHash, Answer answer) {
        Reply reply = new Reply(scope, key, requestHash, answer.status(), answer.contentType(),
                seal.apply(answer.body()), clock.instant());
        try {
            transactions.inTransaction(() -> {
                replies.insert(reply);
                return null;
            });
        } catch (LatchkeyException twin) {
            if (twin.code() != ErrorCode.DUPLICATE) {
                throw twin;
            }
        }
    }
}
