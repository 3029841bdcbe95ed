package io.latchkey.party;

/**
 * An organization's requisites, as shown on its documents. Every part may be null.
 *
 * @param inn       taxpayer number, by its country's rule ({@link TaxId}: an INN in Russia, a NIP in Poland, an
 *                  EDRPOU in Ukraine)
 * @param address   legal address
 * @param director  the director's name
 * @param phone     E.164 phone number
 * @param country   ISO 3166 alpha-2 code of its country (sellers pick resellers by it)
 * @param email     its contact address (sellers find a reseller by it)
 * @param legalName its legal name, where it differs from the name it goes by
 * @param city      the city it works from, as the list of partners shows it (the seed's partner list)
 */
public record Requisites(String inn, String address, String director, String phone, String country, String email,
                         String legalName, String city) {

    /** No requisites given. */
    public static final Requisites NONE = new Requisites(null, null, null, null, null);

    /** Requisites without a contact address, legal name or city. */
    public Requisites(String inn, String address, String director, String phone, String country) {
        this(inn, address, director, phone, country, null, null, null);
    }

    /** Requisites without a country. */
    public Requisites(String inn, String address, String director, String phone) {
        this(inn, address, director, phone, null);
    }
}
