package io.latchkey.device;

/**
 * What the owner types in the mobile app to register a device, as received: checked by the service.
 *
 * @param phone    required: the owner's phone, any common form (normalized to E.164)
 * @param sim      required: the SIM number of the device's modem (digits, up to 22)
 * @param country  required: a country code of the catalog
 * @param region   required: a region of that country; the time zone follows from it
 * @param nickname optional: what the owner calls the device (shown to the owner only)
 * @param email    optional: given with a feedback message
 */
public record OwnerRegistration(String phone, String sim, String country, String region, String nickname,
                                String email) {
}
