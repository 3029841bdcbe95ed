package io.latchkey.jdbc;

import io.latchkey.access.CustomerId;
import io.latchkey.access.MemberId;
import io.latchkey.party.Session;
import io.latchkey.party.SessionRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The {@code auth_session} table, keyed by the token's hash. */
final class JdbiSessionRepository implements SessionRepository {

    static final Table<Session> TABLE = Table.<Session>named("auth_session")
            .text("token_hash", Session::tokenHash)
            .uuid("member_id", Session::member)
            .uuid("customer_id", Session::customer)
            .time("created_at", Session::createdAt)
            .time("expires_at", Session::expiresAt)
            .reads(r -> new Session(r.text("token_hash"), r.id("member_id", MemberId::new),
                    r.id("customer_id", CustomerId::new), r.time("created_at"), r.time("expires_at")));

    private final Supplier<Handle> handle;

    JdbiSessionRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Session session) {
        TABLE.insert(handle.get(), session);
    }

    @Override
    public Optional<Session> find(String tokenHash) {
        return TABLE.one(handle.get(), "WHERE token_hash = :hash", Map.of("hash", tokenHash));
    }

    @Override
    public boolean remove(String tokenHash) {
        return handle.get().createUpdate("DELETE FROM auth_session WHERE token_hash = :hash")
                .bind("hash", tokenHash).execute() > 0;
    }

    @Override
    public int removeOfMember(MemberId member) {
        return handle.get().createUpdate("DELETE FROM auth_session WHERE member_id = :member")
                .bind("member", member.value()).execute();
    }

    @Override
    public int removeExpired(Instant cutoff, int limit) {
        return Table.bind(handle.get().createUpdate("DELETE FROM auth_session WHERE token_hash IN "
                + "(SELECT token_hash FROM auth_session WHERE expires_at < :cutoff ORDER BY expires_at LIMIT :limit)"),
                Map.of("cutoff", cutoff, "limit", limit)).execute();
    }
}
