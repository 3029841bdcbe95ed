package io.latchkey.access;

import io.latchkey.crypto.PasswordHasher;
import java.util.Optional;
import java.util.function.Function;

/**
 * The port that checks a member's own password again before a step that needs confirmation (step-up), such
 * as moving a device to its next status. The host implements it against its accounts; the SDK never trusts
 * a "confirmed" flag instead.
 *
 * <p>Implementations must be thread-safe and must not reveal why a check failed.
 */
@FunctionalInterface
public interface PasswordVerifier {

    /** Whether {@code password} is the current password of {@code member}. */
    boolean verify(MemberId member, char[] password);

    /** A verifier over Argon2id hashes (PHC strings) that {@code hashes} looks up. */
    static PasswordVerifier argon2id(Function<MemberId, Optional<String>> hashes, PasswordHasher hasher) {
        return (member, password) -> hashes.apply(member).map(hash -> hasher.verify(password, hash)).orElse(false);
    }
}
