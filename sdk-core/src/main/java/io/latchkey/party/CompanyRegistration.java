package io.latchkey.party;

/**
 * What is typed to register a company, as received; checked by the service.
 *
 * @param companyName   required, up to 200 characters
 * @param firmName      required: the legal entity it trades through
 * @param firmInn       required: that entity's INN
 * @param siteName      required: its first trade object
 * @param siteAddress   optional
 * @param ownerEmail    required: the person who registers it becomes its OWNER and first ADMIN
 * @param ownerFullName required
 * @param language      ru, en or pl; null: the parent's
 * @param timezone      IANA id; null: the parent's
 * @param country       ISO 3166 alpha-2; null: the parent's (its firm's tax id follows the country's rule)
 * @param agreement     required: the version of the user agreement the person registering accepted ("Согласен")
 */
public record CompanyRegistration(String companyName, String firmName, String firmInn, String siteName,
                                  String siteAddress, String ownerEmail, String ownerFullName, String language,
                                  String timezone, String country, String agreement) {
}
