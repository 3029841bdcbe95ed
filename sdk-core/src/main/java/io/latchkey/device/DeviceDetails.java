package io.latchkey.device;

/**
 * What a partner (or the service) says about where a device stands, as received: checked by the service.
 *
 * @param country    required: a country code of the catalog
 * @param region     required: a region of that country in the catalog
 * @param objectType required: a building type of the catalog
 * @param owner      optional: the owner, in any form (up to 200 characters)
 * @param note       optional: any comment (up to 1000 characters)
 */
public record DeviceDetails(String country, String region, String objectType, String owner, String note) {
}
