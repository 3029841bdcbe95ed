package io.latchkey.party;

import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for members. E-mail addresses are unique across the deployment; inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#MEMBER_EMAIL_TAKEN}. Every method
 * must be called inside a transaction.
 */
public interface MemberRepository {

    void insert(Member member);

    Member update(Member member);

    Optional<Member> find(MemberId id);

    Optional<Member> findByEmail(String email);

    /** The members of one organization, by e-mail. */
    List<Member> byOrganization(OrgId organization);
}
