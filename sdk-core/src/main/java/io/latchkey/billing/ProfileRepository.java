package io.latchkey.billing;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.util.List;
import java.util.Optional;

/** Storage port for platform profiles. Must be called inside a transaction. */
public interface ProfileRepository extends VersionedRows<ProfileId, Profile> {

    /** A login is one profile's. */
    UniqueKey<Profile> LOGIN = new UniqueKey<>("billing_profile_login_unique", Profile::login,
            p -> LatchkeyException.of(ErrorCode.DUPLICATE, "profile " + p.login()));

    Optional<Profile> findByLogin(String login);

    /** Profiles in login order after {@code afterLogin} (from the first when null). */
    List<Profile> page(String afterLogin, int limit);
}
