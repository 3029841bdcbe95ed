package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Role;
import io.latchkey.notify.Language;
import io.latchkey.party.Member;
import io.latchkey.access.MemberId;
import io.latchkey.party.MemberRepository;
import io.latchkey.party.MemberStatus;
import io.latchkey.access.OrgId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Members in the {@code member} table; roles are a sorted, comma-separated list of role names. */
final class JdbiMemberRepository implements MemberRepository {

    private static final String COLUMNS = "id, organization_id, email, full_name, language, roles, status, "
            + "password_hash, stamp, created_at, version";

    private final Supplier<Handle> handle;

    JdbiMemberRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    private static Map<String, Supplier<LatchkeyException>> unique(Member m) {
        return Map.of("member_email_unique", () -> LatchkeyException.ofField(ErrorCode.MEMBER_EMAIL_TAKEN, "email",
                m.email()));
    }

    @Override
    public void insert(Member m) {
        Update insert = handle.get().createUpdate("INSERT INTO member (" + COLUMNS + ") VALUES (:id, :organization, "
                + ":email, :fullName, :language, :roles, :status, :passwordHash, :stamp, :createdAt, :version)");
        Sql.execute(bind(insert, m), unique(m));
    }

    @Override
    public Member update(Member m) {
        Update update = handle.get().createUpdate("UPDATE member SET organization_id = :organization, email = :email, "
                + "full_name = :fullName, language = :language, roles = :roles, status = :status, "
                + "password_hash = :passwordHash, stamp = :stamp, created_at = :createdAt, "
                + "version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, m), "member", m.id(), unique(m));
        return m.withVersion(m.version() + 1);
    }

    private static Update bind(Update update, Member m) {
        return update.bind("id", Sql.uuid(m.id().value()))
                .bind("organization", Sql.uuid(m.organization().value()))
                .bind("email", m.email())
                .bind("fullName", m.fullName())
                .bind("language", m.language().tag())
                .bind("roles", m.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .bind("status", m.status().name())
                .bind("passwordHash", Sql.text(m.passwordHash()))
                .bind("stamp", m.stamp())
                .bind("createdAt", Sql.instant(m.createdAt()))
                .bind("version", m.version());
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM member WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public Optional<Member> findByEmail(String email) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM member WHERE email = :email")
                .bind("email", email).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Member> byOrganization(OrgId organization) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM member WHERE organization_id = :organization "
                        + "ORDER BY email")
                .bind("organization", Sql.uuid(organization.value())).map((rs, ctx) -> read(rs)).list();
    }

    private static Member read(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).map(Role::valueOf).forEach(roles::add);
        return new Member(new MemberId(Sql.uuid(rs, "id")), new OrgId(Sql.uuid(rs, "organization_id")),
                rs.getString("email"), rs.getString("full_name"), Language.parse("language", rs.getString("language")),
                roles, MemberStatus.valueOf(rs.getString("status")), rs.getString("password_hash"), rs.getInt("stamp"),
                Sql.instant(rs, "created_at"), rs.getLong("version"));
    }
}
