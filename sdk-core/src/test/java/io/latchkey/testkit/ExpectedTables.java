package io.latchkey.testkit;

import static io.latchkey.access.Permission.ACCOUNT_CONFIRM;
import static io.latchkey.access.Permission.BILLING_SYNC;
import static io.latchkey.access.Permission.CONNECTION_CONSENT;
import static io.latchkey.access.Permission.CONNECTION_DECIDE;
import static io.latchkey.access.Permission.CONNECTION_REQUEST;
import static io.latchkey.access.Permission.CONSEQUENCE;
import static io.latchkey.access.Permission.CREDENTIAL_ISSUE;
import static io.latchkey.access.Permission.CREDENTIAL_PROVISION;
import static io.latchkey.access.Permission.CREDENTIAL_REVOKE;
import static io.latchkey.access.Permission.DEVICE_ADVANCE;
import static io.latchkey.access.Permission.DEVICE_ASSIGN;
import static io.latchkey.access.Permission.DEVICE_CLAIM;
import static io.latchkey.access.Permission.DEVICE_EDIT;
import static io.latchkey.access.Permission.DEVICE_OWNER_REGISTER;
import static io.latchkey.access.Permission.DEVICE_RENAME;
import static io.latchkey.access.Permission.DEVICE_REPORT;
import static io.latchkey.access.Permission.DEVICE_SET_STATUS;
import static io.latchkey.access.Permission.EMPLOYMENT_ACCEPT;
import static io.latchkey.access.Permission.LICENSE_ACTIVATE;
import static io.latchkey.access.Permission.LICENSE_TRADE;
import static io.latchkey.access.Permission.MEMBER_MANAGE;
import static io.latchkey.access.Permission.ORGANIZATION_CLOSE;
import static io.latchkey.access.Permission.PARTNER_CREATE;
import static io.latchkey.access.Permission.PASSWORD_CHANGE;
import static io.latchkey.access.Permission.POOL_ORDER_DECIDE;
import static io.latchkey.access.Permission.PROFILE_EDIT;
import static io.latchkey.access.Permission.REQUISITES_EDIT;
import static io.latchkey.access.Permission.SELLER_MANAGE;
import static io.latchkey.access.Permission.SUBSCRIPTION_MANAGE;

import io.latchkey.billing.AddressEvent;
import io.latchkey.billing.AddressState;
import io.latchkey.billing.ProfileEvent;
import io.latchkey.billing.ProfileState;
import io.latchkey.credential.CredentialEvent;
import io.latchkey.credential.CredentialState;
import io.latchkey.credential.PoolOrderEvent;
import io.latchkey.credential.PoolOrderStatus;
import io.latchkey.device.DeviceEvent;
import io.latchkey.device.DeviceStatus;
import io.latchkey.license.ActivationEvent;
import io.latchkey.license.ActivationState;
import io.latchkey.license.DocumentType;
import io.latchkey.license.LicenseState;
import io.latchkey.party.ConnectionEvent;
import io.latchkey.party.ConnectionState;
import io.latchkey.party.MemberEvent;
import io.latchkey.party.MemberStatus;
import io.latchkey.party.OrganizationEvent;
import io.latchkey.party.OrganizationState;
import io.latchkey.subscription.SubscriptionEvent;
import io.latchkey.subscription.SubscriptionState;

/**
 * Every lifecycle as the seeds and the design describe it, written out by hand. The production tables must
 * equal these ({@code LifecycleTablesTest}), and the walks through the services expect what these say.
 */
public final class ExpectedTables {

    private ExpectedTables() {
    }

    /** A credential: FREE → NEW → ACTIVATED → DEACTIVATED → FREE (PW-ID RT). */
    public static final ExpectedTable<CredentialState, CredentialEvent> CREDENTIAL =
            ExpectedTable.of("credential", CredentialState.class, CredentialEvent.class)
                    .row(CredentialState.FREE, CredentialEvent.ISSUE, CredentialState.NEW, CREDENTIAL_ISSUE)
                    .row(CredentialState.NEW, CredentialEvent.PROVISION, CredentialState.NEW, CREDENTIAL_PROVISION)
                    .row(CredentialState.ACTIVATED, CredentialEvent.PROVISION, CredentialState.ACTIVATED,
                            CREDENTIAL_PROVISION)
                    .row(CredentialState.NEW, CredentialEvent.RESEND, CredentialState.NEW, CREDENTIAL_ISSUE)
                    .row(CredentialState.ACTIVATED, CredentialEvent.RESEND, CredentialState.ACTIVATED, CREDENTIAL_ISSUE)
                    .timed(CredentialState.NEW, CredentialEvent.ACTIVATE, CredentialState.ACTIVATED)
                    .timed(CredentialState.NEW, CredentialEvent.EXPIRE, CredentialState.DEACTIVATED)
                    .timed(CredentialState.ACTIVATED, CredentialEvent.EXPIRE, CredentialState.DEACTIVATED)
                    .row(CredentialState.NEW, CredentialEvent.REVOKE, CredentialState.DEACTIVATED, CREDENTIAL_REVOKE)
                    .row(CredentialState.ACTIVATED, CredentialEvent.REVOKE, CredentialState.DEACTIVATED,
                            CREDENTIAL_REVOKE)
                    .timed(CredentialState.DEACTIVATED, CredentialEvent.RETURN, CredentialState.FREE);

    /** A pool order: NEW → COMPLETED or REJECTED, by the organization above the partner. */
    public static final ExpectedTable<PoolOrderStatus, PoolOrderEvent> POOL_ORDER =
            ExpectedTable.of("pool-order", PoolOrderStatus.class, PoolOrderEvent.class)
                    .row(PoolOrderStatus.NEW, PoolOrderEvent.COMPLETE, PoolOrderStatus.COMPLETED, POOL_ORDER_DECIDE)
                    .row(PoolOrderStatus.NEW, PoolOrderEvent.REJECT, PoolOrderStatus.REJECTED, POOL_ORDER_DECIDE);

    /** An organization: OPEN, changed in place, until CLOSED. */
    public static final ExpectedTable<OrganizationState, OrganizationEvent> ORGANIZATION =
            ExpectedTable.of("organization", OrganizationState.class, OrganizationEvent.class)
                    .row(OrganizationState.APPLIED, OrganizationEvent.APPROVE, OrganizationState.PENDING,
                            PARTNER_CREATE)
                    .row(OrganizationState.APPLIED, OrganizationEvent.REJECT, OrganizationState.CLOSED, PARTNER_CREATE)
                    .row(OrganizationState.PENDING, OrganizationEvent.ACTIVATE, OrganizationState.OPEN, CONSEQUENCE)
                    .row(OrganizationState.PENDING, OrganizationEvent.EDIT_REQUISITES, OrganizationState.PENDING,
                            REQUISITES_EDIT)
                    .row(OrganizationState.PENDING, OrganizationEvent.CLOSE, OrganizationState.CLOSED,
                            ORGANIZATION_CLOSE)
                    .row(OrganizationState.OPEN, OrganizationEvent.EDIT_REQUISITES, OrganizationState.OPEN,
                            REQUISITES_EDIT)
                    .row(OrganizationState.OPEN, OrganizationEvent.REGISTER_SELLER, OrganizationState.OPEN,
                            SELLER_MANAGE)
                    .row(OrganizationState.OPEN, OrganizationEvent.MOVE, OrganizationState.OPEN, CONSEQUENCE)
                    .row(OrganizationState.OPEN, OrganizationEvent.CLOSE, OrganizationState.CLOSED, ORGANIZATION_CLOSE);

    /** A member's account: INVITED → ACTIVE ⇄ DISABLED. */
    public static final ExpectedTable<MemberStatus, MemberEvent> MEMBER =
            ExpectedTable.of("member", MemberStatus.class, MemberEvent.class)
                    .row(MemberStatus.INVITED, MemberEvent.CONFIRM, MemberStatus.ACTIVE, ACCOUNT_CONFIRM)
                    .row(MemberStatus.INVITED, MemberEvent.BOOTSTRAP, MemberStatus.ACTIVE, CONSEQUENCE)
                    .row(MemberStatus.INVITED, MemberEvent.REINVITE, MemberStatus.INVITED, MEMBER_MANAGE)
                    .row(MemberStatus.INVITED, MemberEvent.CORRECT_EMAIL, MemberStatus.INVITED, MEMBER_MANAGE)
                    .row(MemberStatus.INVITED, MemberEvent.EDIT_DETAILS, MemberStatus.INVITED, MEMBER_MANAGE)
                    .row(MemberStatus.ACTIVE, MemberEvent.EDIT_DETAILS, MemberStatus.ACTIVE, MEMBER_MANAGE)
                    .row(MemberStatus.DISABLED, MemberEvent.EDIT_DETAILS, MemberStatus.DISABLED, MEMBER_MANAGE)
                    .row(MemberStatus.ACTIVE, MemberEvent.EDIT_OWN_DETAILS, MemberStatus.ACTIVE, PROFILE_EDIT)
                    .row(MemberStatus.ACTIVE, MemberEvent.CONFIRM_EMAIL, MemberStatus.ACTIVE, ACCOUNT_CONFIRM)
                    .row(MemberStatus.INVITED, MemberEvent.CHANGE_ROLES, MemberStatus.INVITED, MEMBER_MANAGE)
                    .row(MemberStatus.ACTIVE, MemberEvent.CHANGE_ROLES, MemberStatus.ACTIVE, MEMBER_MANAGE)
                    .row(MemberStatus.DISABLED, MemberEvent.CHANGE_ROLES, MemberStatus.DISABLED, MEMBER_MANAGE)
                    .row(MemberStatus.ACTIVE, MemberEvent.CHANGE_PASSWORD, MemberStatus.ACTIVE, PASSWORD_CHANGE)
                    .row(MemberStatus.ACTIVE, MemberEvent.EMPLOY, MemberStatus.ACTIVE, EMPLOYMENT_ACCEPT)
                    .row(MemberStatus.INVITED, MemberEvent.DISABLE, MemberStatus.DISABLED, MEMBER_MANAGE)
                    .row(MemberStatus.ACTIVE, MemberEvent.DISABLE, MemberStatus.DISABLED, MEMBER_MANAGE)
                    .row(MemberStatus.DISABLED, MemberEvent.ENABLE, MemberStatus.ACTIVE, MEMBER_MANAGE);

    /** A connection request: PENDING → APPROVED | REJECTED | WITHDRAWN; APPROVED → ENDED when superseded. */
    public static final ExpectedTable<ConnectionState, ConnectionEvent> CONNECTION =
            ExpectedTable.of("connection", ConnectionState.class, ConnectionEvent.class)
                    .row(ConnectionState.PENDING, ConnectionEvent.APPROVE, ConnectionState.APPROVED, CONNECTION_DECIDE)
                    .row(ConnectionState.PENDING, ConnectionEvent.CONSENT, ConnectionState.APPROVED, CONNECTION_CONSENT)
                    .row(ConnectionState.PENDING, ConnectionEvent.REJECT, ConnectionState.REJECTED, CONNECTION_DECIDE)
                    .row(ConnectionState.PENDING, ConnectionEvent.WITHDRAW, ConnectionState.WITHDRAWN,
                            CONNECTION_REQUEST)
                    .row(ConnectionState.APPROVED, ConnectionEvent.END, ConnectionState.ENDED, CONSEQUENCE);

    /** How a license is held: moved only by documents (MyPOS). */
    public static final ExpectedTable<LicenseState, DocumentType> LICENSE =
            ExpectedTable.of("license", LicenseState.class, DocumentType.class)
                    .row(LicenseState.SEALED, DocumentType.REVEAL_TO_SELF, LicenseState.REVEALED, LICENSE_TRADE)
                    .row(LicenseState.SEALED, DocumentType.SALE_TO_PARTNER, LicenseState.SEALED, LICENSE_TRADE)
                    .row(LicenseState.SEALED, DocumentType.SALE_TO_COMPANY, LicenseState.ASSIGNED, LICENSE_TRADE)
                    .row(LicenseState.REVEALED, DocumentType.SALE_TO_COMPANY, LicenseState.ASSIGNED, LICENSE_TRADE)
                    .row(LicenseState.SEALED, DocumentType.SALE_TO_UNREGISTERED, LicenseState.SOLD, LICENSE_TRADE)
                    .row(LicenseState.REVEALED, DocumentType.SALE_TO_UNREGISTERED, LicenseState.SOLD, LICENSE_TRADE);

    /** An activation: ACTIVE until the same device releases it. */
    public static final ExpectedTable<ActivationState, ActivationEvent> ACTIVATION =
            ExpectedTable.of("activation", ActivationState.class, ActivationEvent.class)
                    .row(ActivationState.ACTIVE, ActivationEvent.DEACTIVATE, ActivationState.DEACTIVATED,
                            LICENSE_ACTIVATE);

    /** A subscription: ACTIVE ⇄ EXPIRES_SOON → ENDED on the 1st; a stop ends either at once (Ajax). */
    /** A platform profile: it goes with its last address and comes back with one; only the billing sync moves it. */
    public static final ExpectedTable<ProfileState, ProfileEvent> BILLING_PROFILE =
            ExpectedTable.of("billing-profile", ProfileState.class, ProfileEvent.class)
                    .row(ProfileState.ACTIVE, ProfileEvent.REMOVE, ProfileState.REMOVED, BILLING_SYNC)
                    .row(ProfileState.REMOVED, ProfileEvent.RESTORE, ProfileState.ACTIVE, BILLING_SYNC);

    /**
     * An address of a profile (seed 001): blocked ⇒ the door key only, active again ⇒ every feature, disabled or
     * service ended ⇒ removed, and back; it moves (address text, login) in place.
     */
    public static final ExpectedTable<AddressState, AddressEvent> BILLING_ADDRESS =
            ExpectedTable.of("billing-address", AddressState.class, AddressEvent.class)
                    .row(AddressState.FULL, AddressEvent.RESTRICT, AddressState.DOOR_KEY_ONLY, BILLING_SYNC)
                    .row(AddressState.DOOR_KEY_ONLY, AddressEvent.RESTORE, AddressState.FULL, BILLING_SYNC)
                    .row(AddressState.FULL, AddressEvent.REMOVE, AddressState.REMOVED, BILLING_SYNC)
                    .row(AddressState.DOOR_KEY_ONLY, AddressEvent.REMOVE, AddressState.REMOVED, BILLING_SYNC)
                    .row(AddressState.REMOVED, AddressEvent.RELINK_FULL, AddressState.FULL, BILLING_SYNC)
                    .row(AddressState.REMOVED, AddressEvent.RELINK_DOOR_KEY_ONLY, AddressState.DOOR_KEY_ONLY,
                            BILLING_SYNC)
                    .row(AddressState.FULL, AddressEvent.MOVE, AddressState.FULL, BILLING_SYNC)
                    .row(AddressState.DOOR_KEY_ONLY, AddressEvent.MOVE, AddressState.DOOR_KEY_ONLY, BILLING_SYNC);

    public static final ExpectedTable<SubscriptionState, SubscriptionEvent> SUBSCRIPTION =
            ExpectedTable.of("subscription", SubscriptionState.class, SubscriptionEvent.class)
                    .row(SubscriptionState.ACTIVE, SubscriptionEvent.DEACTIVATE, SubscriptionState.EXPIRES_SOON,
                            SUBSCRIPTION_MANAGE)
                    .row(SubscriptionState.EXPIRES_SOON, SubscriptionEvent.RESUME, SubscriptionState.ACTIVE,
                            SUBSCRIPTION_MANAGE)
                    .row(SubscriptionState.ACTIVE, SubscriptionEvent.STOP, SubscriptionState.ENDED, SUBSCRIPTION_MANAGE)
                    .row(SubscriptionState.EXPIRES_SOON, SubscriptionEvent.STOP, SubscriptionState.ENDED,
                            SUBSCRIPTION_MANAGE)
                    .timed(SubscriptionState.EXPIRES_SOON, SubscriptionEvent.END, SubscriptionState.ENDED);

    /**
     * A heat pump, seed 003 written out: the line Создан → Произведен → Выпущен → Отгружен → Эксплуатируется →
     * В сервисе → Выведен, one "next status" step at a time; put into operation from the warehouse by hand or by
     * its first connection; the server administrator's hand from any status to any other; claims, assignments,
     * details, owners and their names in any status; stage data from PRODUCED on.
     */
    public static final ExpectedTable<DeviceStatus, DeviceEvent> DEVICE = device();

    private static ExpectedTable<DeviceStatus, DeviceEvent> device() {
        ExpectedTable<DeviceStatus, DeviceEvent> t = ExpectedTable.of("device", DeviceStatus.class, DeviceEvent.class)
                .row(DeviceStatus.CREATED, DeviceEvent.ADVANCE, DeviceStatus.PRODUCED, DEVICE_ADVANCE)
                .row(DeviceStatus.PRODUCED, DeviceEvent.ADVANCE, DeviceStatus.RELEASED, DEVICE_ADVANCE)
                .row(DeviceStatus.RELEASED, DeviceEvent.ADVANCE, DeviceStatus.SHIPPED, DEVICE_ADVANCE)
                .row(DeviceStatus.SHIPPED, DeviceEvent.ADVANCE, DeviceStatus.IN_OPERATION, DEVICE_ADVANCE)
                .row(DeviceStatus.IN_OPERATION, DeviceEvent.ADVANCE, DeviceStatus.IN_SERVICE, DEVICE_ADVANCE)
                .row(DeviceStatus.IN_SERVICE, DeviceEvent.ADVANCE, DeviceStatus.DECOMMISSIONED, DEVICE_ADVANCE)
                .row(DeviceStatus.RELEASED, DeviceEvent.COMMISSION, DeviceStatus.IN_OPERATION, DEVICE_ADVANCE)
                .row(DeviceStatus.SHIPPED, DeviceEvent.COMMISSION, DeviceStatus.IN_OPERATION, DEVICE_ADVANCE)
                .row(DeviceStatus.RELEASED, DeviceEvent.FIRST_CONNECT, DeviceStatus.IN_OPERATION, DEVICE_REPORT)
                .row(DeviceStatus.SHIPPED, DeviceEvent.FIRST_CONNECT, DeviceStatus.IN_OPERATION, DEVICE_REPORT);
        DeviceEvent[] setTo = {DeviceEvent.SET_CREATED, DeviceEvent.SET_PRODUCED, DeviceEvent.SET_RELEASED,
                DeviceEvent.SET_SHIPPED, DeviceEvent.SET_IN_OPERATION, DeviceEvent.SET_IN_SERVICE,
                DeviceEvent.SET_DECOMMISSIONED};
        DeviceStatus[] target = {DeviceStatus.CREATED, DeviceStatus.PRODUCED, DeviceStatus.RELEASED,
                DeviceStatus.SHIPPED, DeviceStatus.IN_OPERATION, DeviceStatus.IN_SERVICE, DeviceStatus.DECOMMISSIONED};
        for (DeviceStatus from : DeviceStatus.values()) {
            for (int i = 0; i < setTo.length; i++) {
                if (target[i] != from) {
                    t.row(from, setTo[i], target[i], DEVICE_SET_STATUS);
                }
            }
            t.row(from, DeviceEvent.CLAIM, from, DEVICE_CLAIM)
                    .row(from, DeviceEvent.ASSIGN, from, DEVICE_ASSIGN)
                    .row(from, DeviceEvent.EDIT_DETAILS, from, DEVICE_EDIT)
                    .row(from, DeviceEvent.REGISTER_OWNER, from, DEVICE_OWNER_REGISTER)
                    .row(from, DeviceEvent.RENAME, from, DEVICE_RENAME);
            if (from != DeviceStatus.CREATED) {
                t.row(from, DeviceEvent.FILL_DATA, from, DEVICE_EDIT);
            }
        }
        return t;
    }
}
