package io.latchkey.access;

/**
 * Where, relative to the organization that holds a thing, a member's organization must stand for a permission
 * to apply. Outside the member's channel the thing is invisible: refusals say NOT_FOUND.
 */
public enum Scope {
    /** Only the holding organization itself. */
    OWN,
    /** The holding organization or any organization above it in the channel. */
    CHANNEL,
    /**
     * The holding organization itself, or the operator when the holder is not a company: the operator makes
     * partners with their first users, but a company's people are the company's business alone.
     */
    OWN_OR_OPERATOR,
    /** Only the organization directly above the holder (its dealer): deciding on what the holder asked it for. */
    PARENT,
    /** Only the operator at the root of the channel, whatever the thing: minting, the catalog, the factory. */
    OPERATOR
}
