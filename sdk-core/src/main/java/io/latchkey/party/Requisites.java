package io.latchkey.party;

/**
 * An organization's requisites, as shown on its documents. Every part may be null.
 *
 * @param inn      taxpayer number (digits of a valid {@link Inn})
 * @param address  legal address
 * @param director the director's name
 * @param phone    E.164 phone number
 * @param country  ISO 3166 alpha-2 code of its country (sellers pick resellers by it)
 */
public record Requisites(String inn, String address, String director, String phone, String country) {

    /** No requisites given. */
    public static final Requisites NONE = new Requisites(null, null, null, null, null);

    /** Requisites without a country. */
    public Requisites(String inn, String address, String director, String phone) {
        this(inn, address, director, phone, null);
    }
}
