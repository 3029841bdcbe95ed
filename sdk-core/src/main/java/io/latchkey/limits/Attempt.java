package io.latchkey.limits;

/**
 * One attempt counted against the caller's own limit and a wide one ({@link RateLimiter#attempt(Limit, String,
 * Limit, String)}), so that it can be taken back as a whole.
 *
 * @param wideCount the attempts counted against the wide limit in its window, this one included; 0 when the wide
 *                  budget was used up and the attempt passed as its source's first
 */
public record Attempt(RateLimiter limiter, Limit own, String source, Limit wide, String subject, int wideCount) {

    /** The attempt was good, or did nothing: it no longer counts, against the wide limit only if it counted there. */
    public void uncount() {
        limiter.uncount(own, source);
        if (wideCount > 0) {
            limiter.uncount(wide, subject);
        }
    }
}
