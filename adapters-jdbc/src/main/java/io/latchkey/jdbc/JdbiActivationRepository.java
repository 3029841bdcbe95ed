package io.latchkey.jdbc;

import io.latchkey.license.Activation;
import io.latchkey.license.ActivationId;
import io.latchkey.license.ActivationRepository;
import io.latchkey.license.ActivationState;
import io.latchkey.license.LicenseId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Activations in the {@code activation} table; a column holding the license while active keeps one at a time. */
final class JdbiActivationRepository extends JdbiRows<ActivationId, Activation> implements ActivationRepository {

    static final Table<Activation> TABLE = Table.<Activation>named("activation")
            .uuid("id", Activation::id)
            .uuid("license_id", Activation::license)
            .text("fingerprint", Activation::fingerprint)
            .text("state", Activation::state)
            .time("activated_at", Activation::activatedAt)
            .time("deactivated_at", Activation::deactivatedAt)
            .uuid("active_license", ONE_ACTIVE.key())
            .version(Activation::version, Activation::withVersion)
            .unique(ONE_ACTIVE)
            .reads(r -> new Activation(r.id("id", ActivationId::new), r.id("license_id", LicenseId::new),
                    r.text("fingerprint"), r.enumOf("state", ActivationState.class), r.time("activated_at"),
                    r.time("deactivated_at"), r.bigint("version")));

    JdbiActivationRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public Optional<Activation> active(LicenseId license) {
        return one("WHERE active_license = :license", Map.of("license", license));
    }

    @Override
    public List<Activation> releasedSince(Instant since) {
        return list("WHERE deactivated_at >= :since ORDER BY deactivated_at, id", Map.of("since", since));
    }
}
