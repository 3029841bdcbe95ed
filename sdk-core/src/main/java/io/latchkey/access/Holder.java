package io.latchkey.access;

/**
 * Whom a thing belongs to, as a permission check sees it: an organization of the channel, and, for a device,
 * also the device itself and the customer who owns it.
 *
 * @param organization the organization that holds it; null if none
 * @param device       the serial of the device it is (or concerns); null if none
 * @param customer     the customer who owns it; null if none
 */
public record Holder(OrgId organization, String device, CustomerId customer) {

    /** Nobody: for things no organization, device or customer holds (what only the operator acts on). */
    public static final Holder NOBODY = new Holder(null, null, null);

    /** A thing an organization holds. */
    public static Holder of(OrgId organization) {
        return new Holder(organization, null, null);
    }
}
