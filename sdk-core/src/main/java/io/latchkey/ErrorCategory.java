package io.latchkey;

/**
 * The kind of a refusal, which tells a caller how to react and an HTTP layer which status to answer.
 */
public enum ErrorCategory {
    /** The input is well-formed but breaks a rule (HTTP 422). */
    INVALID,
    /** The thing does not exist, or lies outside the caller's tenancy (HTTP 404). */
    NOT_FOUND,
    /** The caller may see the thing but lacks the role to do this (HTTP 403). */
    FORBIDDEN,
    /** The thing's state or a uniqueness rule forbids this now (HTTP 409). */
    CONFLICT,
    /** A token or link that was once good is used up or expired (HTTP 410). */
    GONE,
    /** Too many attempts; try again later (HTTP 429). */
    RATE_LIMITED,
    /** The caller could not be identified (HTTP 401). */
    UNAUTHENTICATED,
    /** A system Latchkey relies on (the billing) could not be reached or answered nonsense; try later (HTTP 503). */
    UNAVAILABLE
}
