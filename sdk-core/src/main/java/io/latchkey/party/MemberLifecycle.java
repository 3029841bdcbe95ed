package io.latchkey.party;

import io.latchkey.access.Permission;
import io.latchkey.lifecycle.TransitionTable;

/** The member account lifecycle as data. */
public final class MemberLifecycle {

    /** Journal name of members. */
    public static final String AGGREGATE = "member";

    /**
     * INVITED → ACTIVE ⇄ DISABLED; an invitation may be sent again, or to a corrected address; roles and details
     * change in any status; only an active member changes its password, its own details or its address (which
     * the new address confirms), or takes up work elsewhere.
     */
    public static final TransitionTable<MemberStatus, MemberEvent> TABLE =
            TransitionTable.builder(AGGREGATE, MemberStatus.class, MemberEvent.class)
                    .on(MemberStatus.INVITED, MemberEvent.CONFIRM, MemberStatus.ACTIVE, Permission.ACCOUNT_CONFIRM)
                    .on(MemberStatus.INVITED, MemberEvent.BOOTSTRAP, MemberStatus.ACTIVE, Permission.CONSEQUENCE)
                    .on(MemberStatus.INVITED, MemberEvent.REINVITE, MemberStatus.INVITED, Permission.MEMBER_MANAGE)
                    .on(MemberStatus.INVITED, MemberEvent.CORRECT_EMAIL, MemberStatus.INVITED,
                            Permission.MEMBER_MANAGE)
                    .on(MemberStatus.INVITED, MemberEvent.EDIT_DETAILS, MemberStatus.INVITED, Permission.MEMBER_MANAGE)
                    .on(MemberStatus.ACTIVE, MemberEvent.EDIT_DETAILS, MemberStatus.ACTIVE, Permission.MEMBER_MANAGE)
                    .on(MemberStatus.DISABLED, MemberEvent.EDIT_DETAILS, MemberStatus.DISABLED,
                            Permission.MEMBER_MANAGE)
                    .on(MemberStatus.ACTIVE, MemberEvent.EDIT_OWN_DETAILS, MemberStatus.ACTIVE,
                            Permission.PROFILE_EDIT)
                    .on(MemberStatus.ACTIVE, MemberEvent.CONFIRM_EMAIL, MemberStatus.ACTIVE, Permission.ACCOUNT_CONFIRM)
                    .on(MemberStatus.INVITED, MemberEvent.CHANGE_ROLES, MemberStatus.INVITED, Permission.MEMBER_MANAGE)
                    .on(MemberStatus.ACTIVE, MemberEvent.CHANGE_ROLES, MemberStatus.ACTIVE, Permission.MEMBER_MANAGE)
                    .on(MemberStatus.DISABLED, MemberEvent.CHANGE_ROLES, MemberStatus.DISABLED,
                            Permission.MEMBER_MANAGE)
                    .on(MemberStatus.ACTIVE, MemberEvent.CHANGE_PASSWORD, MemberStatus.ACTIVE,
                            Permission.PASSWORD_CHANGE)
                    .on(MemberStatus.ACTIVE, MemberEvent.EMPLOY, MemberStatus.ACTIVE, Permission.EMPLOYMENT_ACCEPT)
                    .on(MemberStatus.INVITED, MemberEvent.DISABLE, MemberStatus.DISABLED, Permission.MEMBER_MANAGE)
                    .on(MemberStatus.ACTIVE, MemberEvent.DISABLE, MemberStatus.DISABLED, Permission.MEMBER_MANAGE)
                    .on(MemberStatus.DISABLED, MemberEvent.ENABLE, MemberStatus.ACTIVE, Permission.MEMBER_MANAGE)
                    .build();

    private MemberLifecycle() {
    }
}
