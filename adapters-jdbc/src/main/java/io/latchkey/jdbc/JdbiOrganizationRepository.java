package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.notify.Language;
import io.latchkey.party.Agreement;
import io.latchkey.party.OrgKind;
import io.latchkey.party.OrgSearch;
import io.latchkey.party.Organization;
import io.latchkey.party.OrganizationRepository;
import io.latchkey.party.Requisites;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Organizations in the {@code organization} table; a marker column keeps one operator. */
final class JdbiOrganizationRepository extends JdbiRows<OrgId, Organization> implements OrganizationRepository {

    static final Table<Organization> TABLE = Table.<Organization>named("organization")
            .uuid("id", Organization::id)
            .text("kind", Organization::kind)
            .text("name", Organization::name)
            .uuid("parent_id", Organization::parentId)
            .bool("operator_marker", ONE_OPERATOR.key())
            .text("timezone", o -> o.timezone().getId())
            .text("language", o -> o.language().tag())
            .text("inn", o -> o.requisites().inn())
            .text("address", o -> o.requisites().address())
            .text("director", o -> o.requisites().director())
            .text("phone", o -> o.requisites().phone())
            .text("country", o -> o.requisites().country())
            .text("email", o -> o.requisites().email())
            .text("legal_name", o -> o.requisites().legalName())
            .text("city", o -> o.requisites().city())
            .time("seller_since", Organization::sellerSince)
            .time("approved_at", Organization::approvedAt)
            .time("activated_at", Organization::activatedAt)
            .time("closed_at", Organization::closedAt)
            .text("agreement_version", o -> o.agreement() == null ? null : o.agreement().version())
            .time("agreement_accepted_at", o -> o.agreement() == null ? null : o.agreement().acceptedAt())
            .text("agreement_accepted_by", o -> o.agreement() == null ? null : o.agreement().acceptedBy())
            .time("created_at", Organization::createdAt)
            .version(Organization::version, Organization::withVersion)
            .unique(ONE_OPERATOR)
            .reads(r -> new Organization(r.id("id", OrgId::new), r.enumOf("kind", OrgKind.class), r.text("name"),
                    r.id("parent_id", OrgId::new), r.text("timezone", ZoneId::of),
                    r.text("language", tag -> Language.parse("language", tag)), new Requisites(r.text("inn"),
                    r.text("address"), r.text("director"), r.text("phone"), r.text("country"), r.text("email"),
                    r.text("legal_name"), r.text("city")),
                    r.time("seller_since"), r.time("approved_at"), r.time("activated_at"), r.time("closed_at"),
                    r.text("agreement_version") == null ? null : new Agreement(r.text("agreement_version"),
                            r.time("agreement_accepted_at"), r.text("agreement_accepted_by")),
                    r.time("created_at"), r.bigint("version")));

    JdbiOrganizationRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public Optional<Organization> findOperator() {
        return one("WHERE operator_marker = TRUE", Map.of());
    }

    @Override
    public List<Organization> search(OrgSearch search) {
        String needle = search.text() == null ? "" : search.text().strip().toLowerCase(Locale.ROOT);
        Map<String, Object> binds = new HashMap<>(Map.of("kind", search.kind()));
        String where = "WHERE kind = :kind AND activated_at IS NOT NULL AND closed_at IS NULL";
        if (!needle.isEmpty()) {
            binds.put("like", Sql.containing(needle));
            where += " AND (LOWER(name) LIKE :like" + Sql.LIKE_ESCAPE + " OR inn LIKE :like" + Sql.LIKE_ESCAPE
                    + " OR LOWER(address) LIKE :like" + Sql.LIKE_ESCAPE;
            try {
                binds.put("id", UUID.fromString(needle));
                where += " OR id = :id)";
            } catch (IllegalArgumentException notAnId) {
                where += ")";
            }
        }
        if (search.parent() != null) {
            binds.put("parent", search.parent());
            where += search.outside() ? " AND (parent_id IS NULL OR parent_id <> :parent)" : " AND parent_id = :parent";
        }
        return page(where, binds, search.after(), search.limit());
    }

    @Override
    public List<Organization> children(OrgId parent) {
        return list("WHERE parent_id = :parent ORDER BY name, id", Map.of("parent", parent));
    }

    @Override
    public List<Organization> children(OrgId parent, OrgId after, int limit) {
        return page("WHERE parent_id = :parent", Map.of("parent", parent), after, limit);
    }

    @Override
    public List<Organization> openPartners(String country, OrgId after, int limit) {
        return page("WHERE kind = 'PARTNER' AND country = :country AND activated_at IS NOT NULL AND closed_at IS NULL",
                Map.of("country", country), after, limit);
    }

    @Override
    public Optional<Organization> openPartnerByEmail(String email) {
        return one("WHERE kind = 'PARTNER' AND email = :email AND activated_at IS NOT NULL AND closed_at IS NULL",
                Map.of("email", email));
    }

    @Override
    public List<Organization> applications(int limit) {
        return list("WHERE approved_at IS NULL AND closed_at IS NULL ORDER BY created_at, id LIMIT :limit",
                Map.of("limit", limit));
    }
}
