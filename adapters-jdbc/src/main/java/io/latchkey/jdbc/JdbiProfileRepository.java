package io.latchkey.jdbc;

import io.latchkey.billing.Profile;
import io.latchkey.billing.ProfileId;
import io.latchkey.billing.ProfileRepository;
import io.latchkey.billing.ProfileState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Platform profiles in the {@code billing_profile} table. */
final class JdbiProfileRepository extends JdbiRows<ProfileId, Profile> implements ProfileRepository {

    static final Table<Profile> TABLE = Table.<Profile>named("billing_profile")
            .uuid("id", Profile::id)
            .text("login", Profile::login)
            .text("state", Profile::state)
            .time("created_at", Profile::createdAt)
            .version(Profile::version, Profile::withVersion)
            .unique(LOGIN)
            .reads(r -> new Profile(r.id("id", ProfileId::new), r.text("login"), r.enumOf("state", ProfileState.class),
                    r.time("created_at"), r.bigint("version")));

    JdbiProfileRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public Optional<Profile> findByLogin(String login) {
        return one("WHERE login = :login", Map.of("login", login));
    }

    @Override
    public List<Profile> page(String afterLogin, int limit) {
        Map<String, Object> binds = new HashMap<>(Map.of("limit", limit));
        if (afterLogin != null) {
            binds.put("after", afterLogin);
        }
        return list((afterLogin == null ? "" : "WHERE login > :after") + " ORDER BY login LIMIT :limit", binds);
    }
}
