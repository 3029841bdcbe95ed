package io.latchkey;

import static io.latchkey.ErrorCategory.CONFLICT;
import static io.latchkey.ErrorCategory.FORBIDDEN;
import static io.latchkey.ErrorCategory.GONE;
import static io.latchkey.ErrorCategory.INVALID;
import static io.latchkey.ErrorCategory.NOT_FOUND;
import static io.latchkey.ErrorCategory.RATE_LIMITED;
import static io.latchkey.ErrorCategory.UNAUTHENTICATED;
import static io.latchkey.ErrorCategory.UNAVAILABLE;

/**
 * Every refusal the SDK can give, each with a unique number (stable across releases, so clients may store
 * it), a category and a message template ({@link String#format} style).
 *
 * <p>Numbers are grouped by area: 1xxx general, 2xxx party and access, 3xxx credential pools, 4xxx licenses,
 * 5xxx devices, 6xxx subscriptions, 7xxx billing.
 */
public enum ErrorCode {
    /** A required field is missing or blank. */
    FIELD_REQUIRED(1001, INVALID, "%s is required"),
    /** A field is longer than allowed. */
    FIELD_TOO_LONG(1002, INVALID, "%s is longer than %d characters"),
    /** A field is not of the expected form. */
    FIELD_MALFORMED(1003, INVALID, "%s is not valid: %s"),
    /** The thing was changed by someone else since it was read; read it again and retry. */
    CONCURRENT_MODIFICATION(1004, CONFLICT, "%s was changed concurrently; retry"),
    /** The event is not allowed in the thing's current state. */
    TRANSITION_NOT_ALLOWED(1005, CONFLICT, "cannot %s a %s that is %s"),
    /** An idempotency key was reused for a different request. */
    IDEMPOTENCY_KEY_REUSED(1006, CONFLICT, "the idempotency key was already used for another request"),
    /** A unique value is already taken. */
    DUPLICATE(1007, CONFLICT, "%s already exists"),
    /** A value that must come from a list does not. */
    VALUE_NOT_IN_LIST(1008, INVALID, "%s '%s' is not one of the allowed values"),

    /** The actor's role does not allow the action. */
    PERMISSION_DENIED(2001, FORBIDDEN, "%s is not allowed for this user"),
    /** No organization with that id is visible to the actor. */
    ORGANIZATION_NOT_FOUND(2002, NOT_FOUND, "organization %s not found"),
    /** No member with that id is visible to the actor. */
    MEMBER_NOT_FOUND(2003, NOT_FOUND, "member %s not found"),
    /** The e-mail address is not valid. */
    EMAIL_INVALID(2004, INVALID, "'%s' is not a valid e-mail address"),
    /** The time zone is not an IANA region id. */
    TIMEZONE_UNKNOWN(2005, INVALID, "'%s' is not a known IANA time zone"),
    /** The language is not one the SDK speaks. */
    LANGUAGE_UNSUPPORTED(2006, INVALID, "language '%s' is not supported (ru, en, pl)"),
    /** The organization kind cannot be created here or by this actor. */
    ORGANIZATION_KIND_INVALID(2007, INVALID, "an organization of kind %s cannot be created under %s"),
    /** An e-mail address is already used by a member. */
    MEMBER_EMAIL_TAKEN(2008, CONFLICT, "a member with e-mail %s already exists"),
    /** Too many failed attempts. */
    TOO_MANY_ATTEMPTS(2009, RATE_LIMITED, "too many failed attempts; try again later"),
    /** The phone number is not a valid international number. */
    PHONE_INVALID(2010, INVALID, "%s is not a valid international phone number"),
    /** The taxpayer number (INN) has the wrong length or check digits. */
    INN_INVALID(2011, INVALID, "%s is not a valid INN"),
    /** The new password is too short, too long, or the e-mail address itself. */
    PASSWORD_TOO_WEAK(2012, INVALID, "the password must have 10 to 128 characters and not be the e-mail address"),
    /** The new password and its repetition differ. */
    PASSWORD_MISMATCH(2013, INVALID, "the passwords do not match"),
    /** The current password given to change it is wrong. */
    PASSWORD_WRONG(2014, INVALID, "the current password is wrong"),
    /** Sign-in failed: unknown e-mail, wrong password, or an account that cannot sign in. */
    CREDENTIALS_INVALID(2015, UNAUTHENTICATED, "the e-mail or password is wrong"),
    /** A confirmation or password-reset link that the SDK did not make. */
    TOKEN_INVALID(2016, INVALID, "the link is not valid"),
    /** A confirmation or password-reset link that has expired. */
    TOKEN_EXPIRED(2017, GONE, "the link has expired"),
    /** A confirmation or password-reset link that was used already or replaced. */
    TOKEN_USED(2018, GONE, "the link was used already or replaced by a newer one"),
    /** The change would leave an organization without an active administrator. */
    LAST_ADMIN(2019, CONFLICT, "an organization keeps at least one active administrator"),
    /** No connection request with that id is visible to the actor. */
    CONNECTION_NOT_FOUND(2020, NOT_FOUND, "connection request %s not found"),
    /** A request to the same organization is pending or approved already. */
    CONNECTION_EXISTS(2021, CONFLICT, "a connection to this organization is pending or approved already"),
    /** The organizations' kinds do not fit the kind of connection. */
    CONNECTION_KIND_INVALID(2022, INVALID, "a %s connection goes from a %s to a %s"),
    /** The owner of a company never changes, and no one else becomes one. */
    OWNER_FIXED(2023, CONFLICT, "a company's owner is fixed at its creation, and is never switched off or leaves"),
    /** The organization is not a registered seller. */
    NOT_A_SELLER(2024, INVALID, "organization %s is not a registered seller"),
    /** The organization still has organizations below it. */
    ORGANIZATION_HAS_CHILDREN(2025, CONFLICT, "organization %s still has organizations below it"),
    /** A partner that applied is only viewed, approved or turned down until the operator approves it. */
    ORGANIZATION_NOT_APPROVED(2027, CONFLICT, "organization %s has applied to be a partner and waits for approval"),
    /** A seller asks a reseller once: this one rejected the request (when, and why), and the operator may help. */
    CONNECTION_REJECTED(2028, CONFLICT, "the reseller rejected this request on %s (%s); a seller asks a reseller "
            + "once: ask the operator"),
    /** No firm or site with that id is visible to the actor (or it is not the buyer company's). */
    FIRM_NOT_FOUND(2029, NOT_FOUND, "firm %s not found"),
    SITE_NOT_FOUND(2030, NOT_FOUND, "site %s not found"),
    /** A company registers only with the user agreement accepted. */
    AGREEMENT_REQUIRED(2031, INVALID, "the user agreement must be accepted to register"),
    /** A tax id that fails its country's rule (a Polish NIP, a Ukrainian EDRPOU, a free id elsewhere). */
    TAX_ID_INVALID(2032, INVALID, "%s is not a valid tax id of %s"),
    /** A session token that is unknown, expired, signed out, or whose holder has since lost access. */
    SESSION_INVALID(2033, UNAUTHENTICATED, "the session has ended; sign in again"),

    /** No pool order with that id is visible to the actor. */
    POOL_ORDER_NOT_FOUND(3001, NOT_FOUND, "pool order %s not found"),
    /** The pool order size is out of range. */
    POOL_ORDER_SIZE_INVALID(3002, INVALID, "size must be between 1 and %d"),
    /** No client with that id is visible to the actor. */
    CLIENT_NOT_FOUND(3003, NOT_FOUND, "client %s not found"),
    /** The partner already has a client with this e-mail. */
    CLIENT_EMAIL_TAKEN(3004, CONFLICT, "a client with e-mail %s already exists"),
    /** No credential with that label is visible to the actor. */
    CREDENTIAL_NOT_FOUND(3005, NOT_FOUND, "credential %s not found"),
    /** The pool has no free credential. */
    CREDENTIAL_POOL_EMPTY(3006, CONFLICT, "the pool has no free credential"),
    /** The window does not end after it starts. */
    CREDENTIAL_WINDOW_INVALID(3007, INVALID, "validTo must be after validFrom"),
    /** The window ends already. */
    CREDENTIAL_WINDOW_IN_PAST(3008, INVALID, "validTo must be in the future"),
    /** No free credential's capacity lasts until the end of the window. */
    CREDENTIAL_WINDOW_OUTSIDE_CAPACITY(3009, CONFLICT,
            "no free credential is valid until %s; the pool capacity ends earlier"),
    /** The provisioning token is not one the SDK issued. */
    PROVISIONING_TOKEN_INVALID(3010, INVALID, "the provisioning link is not valid"),
    /** The provisioning token was used already, or a newer link replaced it. */
    PROVISIONING_TOKEN_USED(3011, GONE, "the provisioning link was used already or replaced by a newer one"),
    /** The provisioning token expired. */
    PROVISIONING_TOKEN_EXPIRED(3012, GONE, "the provisioning link has expired"),
    /** The order's validity ended before it was completed. */
    POOL_ORDER_EXPIRED(3013, CONFLICT, "pool order %s expired before it was completed"),
    /** Only partners have credential pools. */
    POOL_NOT_AVAILABLE(3014, INVALID, "an organization of kind %s has no credential pool"),

    /** The license code is mistyped: wrong length, characters or check character. */
    LICENSE_CODE_INVALID(4001, INVALID, "the license code is not valid; check it for typing mistakes"),
    /** No license with that id is visible to the actor. */
    LICENSE_NOT_FOUND(4002, NOT_FOUND, "license %s not found"),
    /** The license is active on another device. */
    LICENSE_ALREADY_ACTIVATED(4003, CONFLICT, "the license is active on another device"),
    /** The license is not active on this device. */
    LICENSE_NOT_ACTIVATED_HERE(4004, CONFLICT, "the license is not active on this device"),
    /** The seller does not hold enough licenses in a state the document can move. */
    LICENSES_NOT_AVAILABLE(4005, CONFLICT, "only %d license(s) can be moved by this document"),
    /** No document with that id is visible to the actor. */
    DOCUMENT_NOT_FOUND(4006, NOT_FOUND, "document %s not found"),
    /** The buyer does not fit the document type. */
    BUYER_INVALID(4007, INVALID, "a %s needs a buyer that is %s"),

    /** No device with that serial is visible to the actor. */
    DEVICE_NOT_FOUND(5001, NOT_FOUND, "device %s not found"),
    /** The serial number is taken. */
    DEVICE_SERIAL_TAKEN(5002, CONFLICT, "a device with serial %s already exists"),
    /** The password printed on the device does not match. */
    DEVICE_PASSWORD_WRONG(5003, FORBIDDEN, "the device password is wrong"),
    /** Another partner is responsible for the device already. */
    DEVICE_ALREADY_CLAIMED(5004, CONFLICT, "device %s is claimed by another partner"),
    /** The acting engineer's password, asked again to confirm the step, is wrong. */
    STEP_UP_FAILED(5005, FORBIDDEN, "the password confirming this step is wrong"),
    /** The named organization is not a partner. */
    NOT_A_PARTNER(5007, INVALID, "organization %s is not a partner"),
    /** The device has another owner already. */
    DEVICE_HAS_OWNER(5008, CONFLICT, "device %s has another owner"),
    /** The device has as many alarms raised as a device may have; one must clear before another is raised. */
    DEVICE_ALARMS_FULL(5009, CONFLICT, "a device keeps at most %d alarms raised at once"),
    /** What a stage adds cannot be recorded before the device reaches that stage; or a step stamps it. */
    DEVICE_STAGE_NOT_REACHED(5010, INVALID, "%s is recorded from the %s stage on"),

    /** No service package with that id or code. */
    PACKAGE_NOT_FOUND(6001, NOT_FOUND, "service package %s not found"),
    /** No hub with that id is visible to the actor. */
    HUB_NOT_FOUND(6002, NOT_FOUND, "hub %s not found"),
    /** No subscription with that id is visible to the actor. */
    SUBSCRIPTION_NOT_FOUND(6003, NOT_FOUND, "subscription %s not found"),
    /** The package needs the operator's SIM in the hub, and it has none. */
    SIM_REQUIRED(6004, INVALID, "the package needs the operator's SIM card installed in the hub"),
    /** Several resellers are approved: one must be chosen. */
    RESELLER_REQUIRED(6005, INVALID, "choose the reseller to invoice"),
    /** The hub has a live subscription already. */
    SUBSCRIPTION_EXISTS(6006, CONFLICT, "the hub has an active subscription already"),
    /** Live subscriptions prevent this. */
    ACTIVE_SUBSCRIPTIONS(6007, CONFLICT, "stop the active subscriptions first"),
    /** The reseller is not an approved reseller of the seller. */
    RESELLER_NOT_APPROVED(6008, INVALID, "organization %s is not an approved reseller of this seller"),

    /** The billing could not be read (down, session lost, or an answer that makes no sense); the sync resumes. */
    BILLING_UNAVAILABLE(7001, UNAVAILABLE, "the billing could not be read: %s");

    private final int number;
    private final ErrorCategory category;
    private final String template;

    ErrorCode(int number, ErrorCategory category, String template) {
        this.number = number;
        this.category = category;
        this.template = template;
    }

    /** The stable, unique number of this code. */
    public int number() {
        return number;
    }

    public ErrorCategory category() {
        return category;
    }

    /** The message template, with {@link String#format} placeholders. */
    public String template() {
        return template;
    }

    String format(Object... args) {
        return args.length == 0 ? template : String.format(java.util.Locale.ROOT, template, args);
    }
}
