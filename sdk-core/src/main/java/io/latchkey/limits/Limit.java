package io.latchkey.limits;

import java.time.Duration;

/**
 * Every rate limit of the SDK: what is counted, per what, how many attempts a window allows, and whether a
 * subject that used up one window right away gets a longer next one. Attempts are counted before they are
 * checked, and a good one is uncounted, so that only failures (and attempts in flight) use a budget up.
 *
 * <p>Limits are per source or per acting member, so that an attacker locks out only itself. Wide limits over
 * many sources (an account, a device, a partner, everyone) bound guessing spread over a botnet; they are loose,
 * never back off, and when one is used up the first attempt of a source's window still passes
 * ({@link RateLimiter#attempt(Limit, String, Limit, String)}), so that no one is locked out who has not failed.
 */
public enum Limit {

    /** Sign-in attempts from one source. */
    SIGN_IN_SOURCE(20, Duration.ofMinutes(15), true),
    /** Sign-in attempts at one e-mail address, from any source (wide). */
    SIGN_IN_ACCOUNT(100, Duration.ofHours(1), false),
    /** A signed-in member's attempts at its current password, to change it. */
    PASSWORD_CHANGE(10, Duration.ofMinutes(15), true),
    /** A signed-in member's attempts at its own password, to confirm a step (step-up). */
    STEP_UP(10, Duration.ofMinutes(15), true),
    /** Provisioning links tried from one source. */
    PROVISIONING(20, Duration.ofMinutes(15), true),
    /** Device sign-ins (serial and printed password) from one source. */
    DEVICE_SIGN_IN(10, Duration.ofMinutes(15), true),
    /** Sign-ins at one device, from any source (wide). */
    DEVICE_SIGN_IN_DEVICE(100, Duration.ofHours(1), false),
    /** A member's attempts to claim devices with their printed passwords; apart from device sign-in. */
    DEVICE_CLAIM(10, Duration.ofMinutes(15), true),
    /** Claims by all the members of one partner (wide). */
    DEVICE_CLAIM_PARTNER(30, Duration.ofMinutes(15), false),
    /** License codes tried (activate, deactivate) from one source. */
    LICENSE_ACTIVATION(10, Duration.ofMinutes(15), true),
    /**
     * Well-formed license codes that named no license, from every source together (wide). When it is used up the
     * operator's administrators are told, and each source has one attempt a window.
     */
    LICENSE_GUESSES(1000, Duration.ofHours(1), false),
    /** E-mails anyone may make the SDK send (registrations, applications, resets) to one address. */
    MAIL_TO_ADDRESS(5, Duration.ofHours(1), false),
    /** E-mails anyone may make the SDK send, from one source. */
    MAIL_FROM_SOURCE(20, Duration.ofHours(1), true),
    /** Partner applications from everyone together, each of which mails the operator's administrators (wide). */
    PARTNER_APPLICATIONS(50, Duration.ofHours(1), false),
    /** Reseller invitations one seller sends. */
    RESELLER_INVITATION(50, Duration.ofDays(1), false);

    /** How many times at most a window is doubled for a subject that keeps using its budget up. */
    static final int MAX_DOUBLINGS = 6;

    private final int maxAttempts;
    private final Duration window;
    private final boolean backsOff;

    Limit(int maxAttempts, Duration window, boolean backsOff) {
        this.maxAttempts = maxAttempts;
        this.window = window;
        this.backsOff = backsOff;
    }

    /** Attempts a window allows. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** How long a window lasts, from its first attempt, before any back-off. */
    public Duration window() {
        return window;
    }

    /**
     * Whether a subject that used up its budget and comes straight back gets a window twice as long, up to
     * {@value #MAX_DOUBLINGS} times (15 minutes become 16 hours).
     */
    public boolean backsOff() {
        return backsOff;
    }

    /** The window after {@code strikes} windows in a row used up. */
    Duration window(int strikes) {
        return backsOff ? window.multipliedBy(1L << Math.min(strikes, MAX_DOUBLINGS)) : window;
    }

    /** The longest base window of all limits: how long a counter is kept after its window ends. */
    static Duration longestWindow() {
        Duration longest = Duration.ZERO;
        for (Limit limit : values()) {
            longest = limit.window.compareTo(longest) > 0 ? limit.window : longest;
        }
        return longest;
    }
}
