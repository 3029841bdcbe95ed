package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.notify.Language;
import io.latchkey.access.OrgId;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.OrganizationRepository;
import io.latchkey.party.Requisites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Organizations in the {@code organization} table. */
final class JdbiOrganizationRepository implements OrganizationRepository {

    private static final String COLUMNS = "id, kind, name, parent_id, timezone, language, inn, address, director, "
            + "phone, country, seller_since, closed_at, created_at, version";

    private final Supplier<Handle> handle;

    JdbiOrganizationRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Organization o) {
        Update insert = handle.get().createUpdate("INSERT INTO organization (" + COLUMNS + ", operator_marker) VALUES "
                        + "(:id, :kind, :name, :parent, :timezone, :language, :inn, :address, :director, :phone, "
                        + ":country, :sellerSince, :closedAt, :createdAt, :version, :marker)")
                .bind("marker", o.kind() == OrgKind.OPERATOR ? Boolean.TRUE : null);
        Sql.execute(bind(insert, o), Map.of("organization_one_operator",
                () -> LatchkeyException.of(ErrorCode.DUPLICATE, "the operator")));
    }

    @Override
    public Organization update(Organization o) {
        Update update = handle.get().createUpdate("UPDATE organization SET kind = :kind, name = :name, "
                + "parent_id = :parent, timezone = :timezone, language = :language, inn = :inn, address = :address, "
                + "director = :director, phone = :phone, country = :country, seller_since = :sellerSince, "
                + "closed_at = :closedAt, "
                + "created_at = :createdAt, "
                + "version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, o), "organization", o.id());
        return o.withVersion(o.version() + 1);
    }

    private static Update bind(Update update, Organization o) {
        return update.bind("id", Sql.uuid(o.id().value()))
                .bind("kind", o.kind().name())
                .bind("name", o.name())
                .bind("parent", Sql.uuid(o.parentId() == null ? null : o.parentId().value()))
                .bind("timezone", o.timezone().getId())
                .bind("language", o.language().tag())
                .bind("inn", Sql.text(o.requisites().inn()))
                .bind("address", Sql.text(o.requisites().address()))
                .bind("director", Sql.text(o.requisites().director()))
                .bind("phone", Sql.text(o.requisites().phone()))
                .bind("country", Sql.text(o.requisites().country()))
                .bind("sellerSince", Sql.instant(o.sellerSince()))
                .bind("closedAt", Sql.instant(o.closedAt()))
                .bind("createdAt", Sql.instant(o.createdAt()))
                .bind("version", o.version());
    }

    @Override
    public Optional<Organization> find(OrgId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM organization WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public Optional<Organization> findOperator() {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM organization WHERE operator_marker = TRUE")
                .map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Organization> search(OrgKind kind, String text, int limit) {
        String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.UUID id = null;
        try {
            id = needle.isEmpty() ? null : java.util.UUID.fromString(needle);
        } catch (IllegalArgumentException notAnId) {
            // Not an id: the name is searched alone.
        }
        String match = needle.isEmpty() ? "" : " AND (LOWER(name) LIKE :like ESCAPE '\\'"
                + (id == null ? ")" : " OR id = :id)");
        org.jdbi.v3.core.statement.Query query = handle.get().createQuery("SELECT " + COLUMNS + " FROM organization "
                + "WHERE kind = :kind" + match + " ORDER BY name, id LIMIT :limit");
        if (!needle.isEmpty()) {
            query.bind("like", Sql.containing(needle));
        }
        if (id != null) {
            query.bind("id", Sql.uuid(id));
        }
        return query.bind("kind", kind.name()).bind("limit", limit).map((rs, ctx) -> read(rs)).list();
    }

    @Override
    public List<Organization> children(OrgId parent) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM organization WHERE parent_id = :parent "
                        + "ORDER BY name, id")
                .bind("parent", Sql.uuid(parent.value())).map((rs, ctx) -> read(rs)).list();
    }

    static Organization read(ResultSet rs) throws SQLException {
        java.util.UUID parent = Sql.uuid(rs, "parent_id");
        return new Organization(new OrgId(Sql.uuid(rs, "id")), OrgKind.valueOf(rs.getString("kind")),
                rs.getString("name"), parent == null ? null : new OrgId(parent), ZoneId.of(rs.getString("timezone")),
                Language.parse("language", rs.getString("language")), new Requisites(rs.getString("inn"),
                        rs.getString("address"), rs.getString("director"), rs.getString("phone"),
                        rs.getString("country")),
                Sql.instant(rs, "seller_since"), Sql.instant(rs, "closed_at"), Sql.instant(rs, "created_at"),
                rs.getLong("version"));
    }
}
