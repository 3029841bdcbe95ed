package io.latchkey.party;

/**
 * What a would-be partner types to apply, as received; checked by the service.
 *
 * @param name          required, up to 200 characters
 * @param requisites    INN required; address, director, phone and country as typed
 * @param timezone      IANA id; null: the operator's
 * @param language      ru, en or pl; null: the operator's
 * @param applicantEmail    required: the person applying becomes the partner's first ADMIN once approved
 * @param applicantFullName required
 */
public record PartnerApplication(String name, Requisites requisites, String timezone, String language,
                                 String applicantEmail, String applicantFullName) {
}
