package io.latchkey.subscription;

/**
 * A package to add to the catalog, as received; checked by the service.
 *
 * @param code         required, 1 to 32 of letters, digits, dashes and underscores; unique
 * @param name         required, up to 200 characters
 * @param monthlyPrice required, zero or more, in minor units
 * @param currency     required, three upper-case letters (ISO 4217)
 * @param requiresSim  whether hubs need the operator's SIM
 */
public record PackageDraft(String code, String name, Long monthlyPrice, String currency, boolean requiresSim) {
}
