package io.latchkey.license;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Access;
import io.latchkey.access.Actor;
import io.latchkey.access.Holder;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.Sealer;
import io.latchkey.lifecycle.Aggregate;
import io.latchkey.lifecycle.Steps;
import io.latchkey.party.OrgKind;
import io.latchkey.party.PartyStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * The license area's records as its services share them: the stores, the kernel step bound to licenses and
 * activations, and codes: made, sealed, found by their keyed hash, and shown as each viewer may see them.
 */
final class LicenseRecords {

    static final String CODE_CONTEXT = "license/code";

    /** What a license's sealed code is bound to: its own row, so a sealed code copied to another one does not open. */
    static String sealedFor(LicenseId license) {
        return CODE_CONTEXT + "/" + license;
    }
    static final int MAX_BATCH = 10_000;
    static final int MAX_LIST = 1000;

    final LicenseStore store;
    final PartyStore party;
    final Steps steps;
    final Access access;
    final Clock clock;
    final Ids ids;
    final RandomSource random;
    final Sealer sealer;
    final CodeFormat format;
    final Aggregate<License, LicenseState, DocumentType> licenses;
    final Aggregate<Activation, ActivationState, ActivationEvent> activations;

    LicenseRecords(LicenseStore store, PartyStore party, Steps steps, Access access, Clock clock, Ids ids,
                   RandomSource random, Sealer sealer, CodeFormat format) {
        this.store = store;
        this.party = party;
        this.steps = steps;
        this.access = access;
        this.clock = clock;
        this.ids = ids;
        this.random = random;
        this.sealer = sealer;
        this.format = format;
        this.licenses = new Aggregate<>(LicenseLifecycle.HOLDING, License::state, License::id,
                l -> Holder.of(l.holder()), store.licenses()::insert, store.licenses()::update);
        this.activations = new Aggregate<>(LicenseLifecycle.ACTIVATION, Activation::state, Activation::id,
                a -> Holder.of(store.licenses().find(a.license()).orElseThrow().holder()),
                store.activations()::insert, store.activations()::update);
    }

    /** The journal event of a code shown in full to the company that holds it. */
    static final String CODE_SHOWN = "CODE_SHOWN";

    /**
     * A license as {@code actor} may see it (the caller has checked that it may see the holder's licenses): its
     * holder sees a code in full once it is out of its seal (revealed, assigned or sold); those above a company
     * that holds it (its partner, the licensor) see it masked to the last four; nobody sees a sealed code. A
     * company (the end user, whose POS needs the code) is shown its codes in full, and each time is journaled.
     */
    LicenseView view(Actor actor, License license) {
        boolean active = store.activations().active(license.id()).isPresent();
        Optional<String> code = Optional.empty();
        if (license.state() != LicenseState.SEALED) {
            boolean holder = license.holder().equals(actor.organization());
            boolean company = party.organizations().find(license.holder()).map(o -> o.kind() == OrgKind.COMPANY)
                    .orElse(false);
            if (holder) {
                code = Optional.of(license.format().display(reveal(license)));
                if (company) {
                    steps.note(actor, licenses, license, CODE_SHOWN, null);
                }
            } else if (company) {
                code = Optional.of(license.format().masked(reveal(license)));
            }
        }
        return new LicenseView(license.withoutSecrets(), code, active);
    }

    private String reveal(License license) {
        return new String(sealer.open(license.sealedCode(), sealedFor(license.id())), StandardCharsets.UTF_8);
    }

    /**
     * The license a well-formed code names, if its code is out in the world (revealed, assigned or sold): a sealed
     * code has been shown to no one, so a device that types it guessed it and is answered as for no license.
     */
    License byCode(String canonical) {
        return store.licenses().findByHash(sealer.keyedHashes(canonical, CODE_CONTEXT))
                .filter(l -> l.state() != LicenseState.SEALED)
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.LICENSE_CODE_INVALID, "code"));
    }

    /** A new code no license has yet. */
    String uniqueCode() {
        for (int attempt = 0; attempt < 16; attempt++) {
            String code = format.generate(random);
            if (store.licenses().findByHash(sealer.keyedHashes(code, CODE_CONTEXT)).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("the random source keeps repeating license codes");
    }
}
