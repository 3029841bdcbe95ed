package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for members. E-mail addresses are unique across the deployment; inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#MEMBER_EMAIL_TAKEN}. Every method
 * must be called inside a transaction.
 */
public interface MemberRepository extends VersionedRows<MemberId, Member> {

    /** An e-mail address is one member's, across the deployment. */
    UniqueKey<Member> EMAIL = new UniqueKey<>("member_email_unique", Member::email,
            m -> LatchkeyException.ofField(ErrorCode.MEMBER_EMAIL_TAKEN, "email", m.email()));

    Optional<Member> findByEmail(String email);

    /** The members of one organization, by e-mail. */
    List<Member> byOrganization(OrgId organization);

    /**
     * A page of an organization's members, in id order: those after {@code after} (from the first when it is null), at
     * most {@code limit}.
     */
    List<Member> byOrganization(OrgId organization, MemberId after, int limit);
}
