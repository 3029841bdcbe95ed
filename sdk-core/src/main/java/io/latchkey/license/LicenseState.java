package io.latchkey.license;

/** How a license is held. */
public enum LicenseState {
    /** Held with its code hidden from the holder; it can be sold on to a partner. */
    SEALED,
    /** Held with its code visible to the holder: for bundling with hardware or handing to a buyer. */
    REVEALED,
    /** Held by a company, which sees its code only masked ({@code ••••-••••-JKMN}). */
    ASSIGNED,
    /** Handed to a buyer outside the channel; the seller keeps the record. */
    SOLD
}
