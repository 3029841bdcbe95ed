package io.latchkey.party;

import java.time.Instant;
import java.util.Objects;

/**
 * The user agreement as a company's registration accepted it (the seed: "ознакомиться с Пользовательским
 * соглашением и установить галочку Согласен").
 *
 * @param version    the version of the agreement that was shown, as the host names it
 * @param acceptedAt when
 * @param acceptedBy who ({@link io.latchkey.access.Actor#describe()}): the partner's member who registered the
 *                   company, or the company's owner when it registered itself
 */
public record Agreement(String version, Instant acceptedAt, String acceptedBy) {

    /** The longest version name kept. */
    public static final int MAX_VERSION = 32;

    public Agreement {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(acceptedBy, "acceptedBy");
    }
}
