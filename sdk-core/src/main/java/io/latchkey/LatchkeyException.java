package io.latchkey;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An expected business refusal: a typed {@link ErrorCode}, the request field it concerns (if any) and a
 * human-readable message. A command that throws it has changed nothing.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LatchkeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;
    private final transient Duration retryAfter;

    private LatchkeyException(ErrorCode code, String field, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.retryAfter = retryAfter;
    }

    /** A refusal that concerns no single field. */
    public static LatchkeyException of(ErrorCode code, Object... args) {
        return new LatchkeyException(code, null, null, code.format(args));
    }

    /** A refusal of the request field {@code field} (named as in the API, e.g. {@code "validTo"}). */
    public static LatchkeyException ofField(ErrorCode code, String field, Object... args) {
        return new LatchkeyException(code, Objects.requireNonNull(field, "field"), null, code.format(args));
    }

    /** A {@link ErrorCategory#RATE_LIMITED} refusal that tells when to try again. */
    public static LatchkeyException rateLimited(ErrorCode code, Duration retryAfter, Object... args) {
        return new LatchkeyException(code, null, Objects.requireNonNull(retryAfter, "retryAfter"), code.format(args));
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorCategory category() {
        return code.category();
    }

    /** The request field this refusal concerns, if it concerns one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** For rate-limited refusals: how long to wait before the next attempt. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
