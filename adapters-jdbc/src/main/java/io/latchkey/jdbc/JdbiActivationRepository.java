package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.license.Activation;
import io.latchkey.license.ActivationId;
import io.latchkey.license.ActivationRepository;
import io.latchkey.license.ActivationState;
import io.latchkey.license.LicenseId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Activations in the {@code activation} table; a unique column keeps one active activation per license. */
final class JdbiActivationRepository implements ActivationRepository {

    private static final String COLUMNS = "id, license_id, fingerprint, state, activated_at, deactivated_at, version";

    private final Supplier<Handle> handle;

    JdbiActivationRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    private static Map<String, Supplier<LatchkeyException>> unique() {
        return Map.of("activation_one_active", () -> LatchkeyException.of(ErrorCode.LICENSE_ALREADY_ACTIVATED));
    }

    @Override
    public void insert(Activation a) {
        Update insert = handle.get().createUpdate("INSERT INTO activation (" + COLUMNS + ", active_license) VALUES "
                + "(:id, :license, :fingerprint, :state, :activatedAt, :deactivatedAt, :version, :active)");
        Sql.execute(bind(insert, a), unique());
    }

    @Override
    public Activation update(Activation a) {
        Update update = handle.get().createUpdate("UPDATE activation SET state = :state, deactivated_at = :deactivatedAt, "
                + "active_license = :active, version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, a), "activation", a.id(), unique());
        return a.withVersion(a.version() + 1);
    }

    private static Update bind(Update update, Activation a) {
        return update.bind("id", Sql.uuid(a.id().value()))
                .bind("license", Sql.uuid(a.license().value()))
                .bind("fingerprint", a.fingerprint())
                .bind("state", a.state().name())
                .bind("activatedAt", Sql.instant(a.activatedAt()))
                .bind("deactivatedAt", Sql.instant(a.deactivatedAt()))
                .bind("active", Sql.uuid(a.activeLicense() == null ? null : a.activeLicense().value()))
                .bind("version", a.version());
    }

    @Override
    public Optional<Activation> active(LicenseId license) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM activation WHERE active_license = :license")
                .bind("license", Sql.uuid(license.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    private static Activation read(ResultSet rs) throws SQLException {
        return new Activation(new ActivationId(Sql.uuid(rs, "id")), new LicenseId(Sql.uuid(rs, "license_id")),
                rs.getString("fingerprint"), ActivationState.valueOf(rs.getString("state")),
                Sql.instant(rs, "activated_at"), Sql.instant(rs, "deactivated_at"), rs.getLong("version"));
    }
}
