package io.latchkey.license;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.crypto.KeyStore;
import io.latchkey.internal.Checks;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.util.Optional;

/**
 * A POS device's side of licenses: it activates a license with the code and its fingerprint, and verifies the
 * signed activation file offline; it releases the license before another device may take it. The code is the
 * only proof asked for.
 *
 * <p>Thread-safe.
 */
public final class Activations {

    private final Transactions transactions;
    private final LicenseRecords records;
    private final KeyStore keys;

    Activations(Transactions transactions, LicenseRecords records, KeyStore keys) {
        this.transactions = transactions;
        this.records = records;
        this.keys = keys;
    }

    /**
     * A device activates a license with its code and fingerprint, and receives the signed activation file. A
     * license is active on one device at a time; activating again on the same device returns a new file.
     * Mistyped codes are refused before any lookup; failures are rate-limited per source and per code.
     */
    public ActivationFile activate(String code, String fingerprint, String source) {
        String print = fingerprint(fingerprint);
        return transactions.inTransaction(() -> {
            License license = records.byCode(code, source);
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
        });
    }

    /** The device that activated a license releases it; another device may then activate it. */
    public void deactivate(String code, String fingerprint, String source) {
        String print = fingerprint(fingerprint);
        transactions.inTransaction(() -> {
            License license = records.byCode(code, source);
            Activation active = records.store.activations().active(license.id())
                    .filter(a -> a.fingerprint().equals(print))
                    .orElseThrow(() -> LatchkeyException.of(ErrorCode.LICENSE_NOT_ACTIVATED_HERE));
            records.steps.checkSecret(Actor.anonymous(source), records.activations, active, ActivationEvent.DEACTIVATE)
                    .take((a, to) -> a.deactivated(to, records.clock.instant()), null);
        });
    }

    private static String fingerprint(String value) {
        String print = Checks.maxLength("fingerprint", Checks.required("fingerprint", value), ActivationFile.MAX_TEXT);
        if (print.chars().anyMatch(Character::isISOControl)) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "fingerprint", "fingerprint",
                    "no control characters");
        }
        return print;
    }
}
