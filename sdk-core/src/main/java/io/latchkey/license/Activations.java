package io.latchkey.license;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.crypto.KeyStore;
import io.latchkey.internal.Checks;
import io.latchkey.limits.Attempt;
import io.latchkey.limits.Limit;
import io.latchkey.limits.RateLimiter;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Outbox;
import io.latchkey.notify.Templates;
import io.latchkey.party.Member;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A POS device's side of licenses: it activates a license with the code and its fingerprint, and verifies the
 * signed activation file offline; it releases the license before another device may take it. The code is the
 * only proof asked for.
 *
 * <p>Thread-safe.
 */
public final class Activations {

    /** The subject of the budget all sources share. */
    private static final String EVERYONE = "everyone";

    private final Transactions transactions;
    private final LicenseRecords records;
    private final KeyStore keys;
    private final Outbox outbox;
    private final RateLimiter rateLimiter;

    Activations(Transactions transactions, LicenseRecords records, KeyStore keys, Outbox outbox,
                RateLimiter rateLimiter) {
        this.transactions = transactions;
        this.records = records;
        this.keys = keys;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
    }

    /**
     * A device activates a license with its code and fingerprint, and receives the signed activation file. A
     * license is active on one device at a time; activating again on the same device returns a new file.
     * Codes that name no license are counted per source and in a budget of all sources ({@link #withCode}).
     */
    public ActivationFile activate(String code, String fingerprint, String source) {
        String print = fingerprint(fingerprint);
        return withCode(code, source, canonical -> transactions.inTransaction(() -> {
            License license = records.byCode(canonical);
            Instant now = records.clock.instant();
            Optional<Activation> active = records.store.activations().active(license.id());
            if (active.isPresent() && !active.get().fingerprint().equals(print)) {
                throw LatchkeyException.of(ErrorCode.LICENSE_ALREADY_ACTIVATED);
            }
            if (active.isEmpty()) {
                records.steps.create(Actor.anonymous(source), records.activations, new Activation(
                        new ActivationId(records.ids.next()), license.id(), print, ActivationState.ACTIVE, now, null,
                                0), license.id().toString());
            }
            return ActivationFile.sign(keys.currentSigningKey(), license.id().toString(), print,
                    license.holder().toString(), now);
        }));
    }

    /**
     * The signed list of activations released while their files may still be good ({@link RevocationList}), for
     * offline devices: public, like the verification keys. Hosts may cache it for a while.
     */
    public RevocationList revocationList() {
        Instant now = records.clock.instant();
        return transactions.inTransaction(() -> RevocationList.sign(keys.currentSigningKey(),
                records.store.activations().releasedSince(now.minus(ActivationFile.VALIDITY)), now));
    }

    /** The device that activated a license releases it; another device may then activate it. */
    public void deactivate(String code, String fingerprint, String source) {
        String print = fingerprint(fingerprint);
        withCode(code, source, canonical -> transactions.inTransaction(() -> {
            License license = records.byCode(canonical);
            Activation active = records.store.activations().active(license.id())
                    .filter(a -> a.fingerprint().equals(print))
                    .orElseThrow(() -> LatchkeyException.of(ErrorCode.LICENSE_NOT_ACTIVATED_HERE));
            records.steps.checkSecret(Actor.anonymous(source), records.activations, active, ActivationEvent.DEACTIVATE)
                    .take((a, to) -> a.deactivated(to, records.clock.instant()), null);
            return null;
        }));
    }

    /**
     * Runs {@code work} with a typed code in its canonical form, counting a code that names no license: per source
     * ({@link Limit#LICENSE_ACTIVATION}; mistyped codes too, refused before any lookup) and, well-formed ones, in
     * the budget of all sources ({@link Limit#LICENSE_GUESSES}), which bounds guessing spread over many sources.
     * The operator's administrators are told when that budget is used up; each source then has one attempt a
     * window, so that devices that have not failed still activate.
     */
    private <T> T withCode(String typed, String source, Function<String, T> work) {
        String from = Actor.source(source);
        Optional<String> canonical = records.format.normalize(typed);
        if (canonical.isEmpty()) {
            rateLimiter.attempt(Limit.LICENSE_ACTIVATION, from);
            throw LatchkeyException.ofField(ErrorCode.LICENSE_CODE_INVALID, "code");
        }
        Attempt attempt = rateLimiter.attempt(Limit.LICENSE_ACTIVATION, from, Limit.LICENSE_GUESSES, EVERYONE);
        if (attempt.wideCount() == Limit.LICENSE_GUESSES.maxAttempts()) {
            alertOperator();
        }
        try {
            T result = work.apply(canonical.get());
            attempt.uncount();
            return result;
        } catch (LatchkeyException e) {
            if (e.code() != ErrorCode.LICENSE_CODE_INVALID) {
                // The code named a license: whatever went wrong next, it was no guess.
                attempt.uncount();
            }
            throw e;
        }
    }

    /** Tells the operator's administrators that license codes are being guessed; at most once an hour. */
    private void alertOperator() {
        Instant hour = records.clock.instant().truncatedTo(ChronoUnit.HOURS);
        transactions.inTransaction(() -> {
            for (Member admin : records.party.operatorAdministrators()) {
                outbox.enqueue("license.guessing/" + hour + "/" + admin.id(), new Notification(
                        Templates.LICENSE_GUESSING, admin.language(), admin.email(), admin.fullName(),
                        Map.of("attempts", String.valueOf(Limit.LICENSE_GUESSES.maxAttempts()),
                                "minutes", String.valueOf(Limit.LICENSE_GUESSES.window().toMinutes())), List.of()));
            }
        });
    }

    private static String fingerprint(String value) {
        String print = Checks.required("fingerprint", value, ActivationFile.MAX_TEXT);
        // One line already (Checks.required); a lone surrogate has no UTF-8 form, so no signed file could carry it.
        if (print.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "fingerprint", "fingerprint",
                    "no unpaired surrogates");
        }
        return print;
    }
}
