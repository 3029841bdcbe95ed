package io.latchkey.jdbc;

import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import io.latchkey.notify.Language;
import io.latchkey.party.Member;
import io.latchkey.party.MemberRepository;
import io.latchkey.party.MemberStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Members in the {@code member} table; roles are a sorted, comma-separated list of role names. */
final class JdbiMemberRepository extends JdbiRows<MemberId, Member> implements MemberRepository {

    static final Table<Member> TABLE = Table.<Member>named("member")
            .uuid("id", Member::id)
            .uuid("organization_id", Member::organization)
            .text("email", Member::email)
            .text("full_name", Member::fullName)
            .text("language", m -> m.language().tag())
            .text("phone", Member::phone)
            .text("roles", m -> m.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")))
            .text("status", Member::status)
            .text("password_hash", Member::passwordHash)
            .integer("stamp", Member::stamp)
            .time("created_at", Member::createdAt)
            .version(Member::version, Member::withVersion)
            .unique(EMAIL)
            .reads(r -> new Member(r.id("id", MemberId::new), r.id("organization_id", OrgId::new), r.text("email"),
                    r.text("full_name"), r.text("language", tag -> Language.parse("language", tag)), r.text("phone"),
                    r.text("roles", JdbiMemberRepository::roles), r.enumOf("status", MemberStatus.class),
                    r.text("password_hash"), r.integer("stamp"), r.time("created_at"), r.bigint("version")));

    JdbiMemberRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    private static Set<Role> roles(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(names.split(",")).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    @Override
    public Optional<Member> findByEmail(String email) {
        return one("WHERE email = :email", Map.of("email", email));
    }

    @Override
    public List<Member> byOrganization(OrgId organization) {
        return list("WHERE organization_id = :organization ORDER BY email", Map.of("organization", organization));
    }

    @Override
    public List<Member> byOrganization(OrgId organization, MemberId after, int limit) {
        return page("WHERE organization_id = :organization", Map.of("organization", organization), after, limit);
    }
}
