package io.latchkey.party;

import io.latchkey.access.MemberId;
import java.time.Instant;
import java.util.Optional;

/** Storage port for signed-in sessions, keyed by their token's hash. Must be called inside a transaction. */
public interface SessionRepository {

    void insert(Session session);

    Optional<Session> find(String tokenHash);

    /** Ends one session; returns whether there was one. */
    boolean remove(String tokenHash);

    /** Ends every session of a member (a new password, a sign-out everywhere); returns how many. */
    int removeOfMember(MemberId member);

    /** Deletes up to {@code limit} sessions that expired before {@code cutoff}, earliest first; returns how many. */
    int removeExpired(Instant cutoff, int limit);
}
