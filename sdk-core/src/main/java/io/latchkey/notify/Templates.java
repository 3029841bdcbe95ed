package io.latchkey.notify;

import java.util.List;
import java.util.Map;

/**
 * Every notification template the SDK sends, with the parameters each is given. Each has a subject and a
 * body in every {@link Language} ({@link TemplateRenderer}); a {@link MailSender} renders them, and its
 * contract test sends each in each language.
 */
public final class Templates {

    /** To a client: a credential was issued. Attachment: the QR code of {@code link}. */
    public static final String CREDENTIAL_ISSUED = "credential.issued";
    /** To the partner's managers: a credential was issued to a client. */
    public static final String CREDENTIAL_ISSUED_MANAGER = "credential.issued.manager";
    /** To the dealer's managers: a partner below it placed a pool order that waits for their decision. */
    public static final String POOL_ORDER_PLACED = "pool.order.placed";
    /** To the partner's managers: their pool order was completed. */
    public static final String POOL_ORDER_COMPLETED = "pool.order.completed";
    /** To the partner's managers: their pool order was rejected. */
    public static final String POOL_ORDER_REJECTED = "pool.order.rejected";
    /** To the partner's managers: few free credentials are left. */
    public static final String POOL_NEARLY_EMPTY = "pool.nearly-empty";

    /** To a new member: confirm the invitation and set a password. */
    public static final String MEMBER_INVITED = "member.invited";
    /** To a member's new address: a link that confirms it. */
    public static final String MEMBER_EMAIL_CHANGE = "member.email-change";
    /** To a member's old address: a change to a new one was asked. */
    public static final String MEMBER_EMAIL_CHANGING = "member.email-changing";
    /** To a member who asked: a link to set a new password. */
    public static final String PASSWORD_RESET = "member.password-reset";

    /** To whom a document's licenses are e-mailed: the codes, one per line. */
    public static final String DOCUMENT_LICENSES = "license.document";

    /** To the operator's administrators: deactivate the SIM of a hub whose subscription was stopped. */
    public static final String SIM_DEACTIVATION = "subscription.sim-deactivation";

    /** To a would-be reseller a seller invites by e-mail. */
    public static final String RESELLER_INVITED = "subscription.reseller-invited";

    /** To the operator's administrators: license codes are being guessed, and activations wait. */
    public static final String LICENSE_GUESSING = "license.guessing";

    /** To the operator's administrators: a would-be partner applied and waits for their answer. */
    public static final String PARTNER_APPLIED = "party.partner-applied";

    /** To the administrators of a partner or reseller: an organization asks to be connected to it. */
    public static final String CONNECTION_REQUESTED = "party.connection-requested";

    /** To a person with an account: an organization invites them to work for it. */
    public static final String EMPLOYEE_INVITED = "member.employee-invited";
    /** To an address with no account that an organization invited to work for it: register first. */
    public static final String EMPLOYEE_NEEDS_ACCOUNT = "member.employee-needs-account";
    /** To a person with an account, when someone registers an organization with its address again. */
    public static final String REGISTRATION_REPEATED = "member.registration-repeated";
    /** To an address with no account for which someone asked a password reset. */
    public static final String PASSWORD_RESET_NO_ACCOUNT = "member.password-reset-no-account";

    /**
     * To the members who answer for a device: its new status needs data it lacks. The status and the fields are
     * given in the recipient's language.
     */
    public static final String DEVICE_DATA_REQUESTED = "device.data-requested";

    /** The parameters each template is given. */
    public static final Map<String, List<String>> PARAMETERS = Map.ofEntries(
            Map.entry(CREDENTIAL_ISSUED, List.of("clientName", "label", "validFrom", "validTo", "timezone", "link")),
            Map.entry(CREDENTIAL_ISSUED_MANAGER, List.of("clientName", "clientEmail", "label", "validFrom",
                    "validTo", "timezone")),
            Map.entry(POOL_ORDER_PLACED, List.of("orderNumber", "partner", "size", "term", "link")),
            Map.entry(POOL_ORDER_COMPLETED, List.of("orderNumber", "size", "validUntil")),
            Map.entry(POOL_ORDER_REJECTED, List.of("orderNumber", "size")),
            Map.entry(POOL_NEARLY_EMPTY, List.of("free", "capacity")),
            Map.entry(MEMBER_INVITED, List.of("fullName", "organization", "link", "expiresAt")),
            Map.entry(PASSWORD_RESET, List.of("fullName", "link", "expiresAt")),
            Map.entry(MEMBER_EMAIL_CHANGE, List.of("fullName", "organization", "email", "link", "expiresAt")),
            Map.entry(MEMBER_EMAIL_CHANGING, List.of("fullName", "email", "link")),
            Map.entry(DOCUMENT_LICENSES, List.of("documentNumber", "documentType", "seller", "codes")),
            Map.entry(LICENSE_GUESSING, List.of("attempts", "minutes")),
            Map.entry(SIM_DEACTIVATION, List.of("hubSerial", "seller")),
            Map.entry(RESELLER_INVITED, List.of("seller", "link")),
            Map.entry(PARTNER_APPLIED, List.of("partner", "inn", "applicant", "applicantEmail")),
            Map.entry(CONNECTION_REQUESTED, List.of("requester", "organization", "link")),
            Map.entry(EMPLOYEE_INVITED, List.of("fullName", "organization", "link", "expiresAt")),
            Map.entry(EMPLOYEE_NEEDS_ACCOUNT, List.of("organization", "link")),
            Map.entry(REGISTRATION_REPEATED, List.of("fullName", "organization", "link")),
            Map.entry(PASSWORD_RESET_NO_ACCOUNT, List.of("link")),
            Map.entry(DEVICE_DATA_REQUESTED, List.of("serial", "model", "status", "fields", "link")));

    private Templates() {
    }
}
