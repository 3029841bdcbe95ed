package io.latchkey.license;

/**
 * A buyer's requisites as a document of sale keeps them: typed by hand for a buyer outside the channel, copied
 * from the buyer firm's for a registered company (at the time of sale: the document shows them later even if
 * the firm changes).
 *
 * @param name     required, up to 200 characters
 * @param inn      optional; a valid INN when given
 * @param address  optional, up to 500 characters
 * @param director optional (the director, or the owner of a natural person's firm), up to 200 characters
 */
public record BuyerRequisites(String name, String inn, String address, String director) {

    /** Requisites without a director. */
    public BuyerRequisites(String name, String inn, String address) {
        this(name, inn, address, null);
    }
}
