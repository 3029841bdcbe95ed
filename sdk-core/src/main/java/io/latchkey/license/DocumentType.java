package io.latchkey.license;

/** The documents that move licenses; they are also the events of the holding lifecycle. */
public enum DocumentType {
    /** The licensor creates licenses: the only source of them. */
    MINT,
    /** The holder reveals codes it holds sealed, to bundle or hand them over. */
    REVEAL_TO_SELF,
    /** Sale to a partner below the seller: the licenses stay sealed. */
    SALE_TO_PARTNER,
    /** Sale to a registered company: it sees the codes masked. */
    SALE_TO_COMPANY,
    /** Sale to a buyer outside the channel, whose requisites are typed by hand. */
    SALE_TO_UNREGISTERED
}
