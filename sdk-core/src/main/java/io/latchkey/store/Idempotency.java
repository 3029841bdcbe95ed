package io.latchkey.store;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Makes write commands repeatable: the first request with a key records what it created; a repeat of the
 * same request returns that, and the same key with a different request is refused. Call inside the
 * command's transaction. Thread-safe.
 */
public final class Idempotency {

    /** The longest idempotency key a client may send. */
    public static final int MAX_KEY = 200;

    private final IdempotencyRepository records;
    private final Clock clock;

    public Idempotency(IdempotencyRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * The id of what the first request with this key created, if there was one.
     *
     * @throws LatchkeyException {@link ErrorCode#IDEMPOTENCY_KEY_REUSED} if that request was a different one
     */
    public Optional<String> replay(String scope, String key, String requestHash) {
        if (key == null) {
            return Optional.empty();
        }
        check(key);
        Optional<IdempotencyRecord> first = records.find(scope, key);
        if (first.isPresent() && !first.get().requestHash().equals(requestHash)) {
            throw LatchkeyException.of(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        return first.map(IdempotencyRecord::resultId);
    }

    /** Refuses a key that is too long or not one line of printable characters. */
    static void check(String key) {
        if (key.length() > MAX_KEY) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_TOO_LONG, "idempotencyKey", "idempotencyKey", MAX_KEY);
        }
        if (key.isBlank() || key.chars().anyMatch(Character::isISOControl)) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "idempotencyKey", "idempotencyKey",
                    "one line of printable characters");
        }
    }

    /** Records the outcome of the first request with this key; does nothing without a key. */
    public void remember(String scope, String key, String requestHash, String resultId) {
        if (key != null) {
            records.insert(new IdempotencyRecord(scope, key, requestHash, resultId, clock.instant()));
        }
    }

    /** A digest of the request's parts, to tell a repeat from a different request. */
    public static String hash(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
