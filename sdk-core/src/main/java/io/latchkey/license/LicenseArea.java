package io.latchkey.license;

import io.latchkey.access.Access;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.Sealer;
import io.latchkey.lifecycle.Steps;
import io.latchkey.limits.RateLimiter;
import io.latchkey.notify.Outbox;
import io.latchkey.party.PartyStore;
import io.latchkey.store.Transactions;
import java.time.Clock;

/**
 * The services of licenses, made once by {@link io.latchkey.Latchkey} from what they use. Hosts reach them
 * through {@code Latchkey}: the services have no public constructors.
 */
public final class LicenseArea {

    private final Documents documents;
    private final Licenses licenses;
    private final Activations activations;

    public LicenseArea(Transactions transactions, LicenseStore store, PartyStore party, Steps steps, Access access,
                       Clock clock, Ids ids, RandomSource random, KeyStore keys, Sealer sealer, Outbox outbox,
                       RateLimiter rateLimiter, CodeFormat format) {
        LicenseRecords records = new LicenseRecords(store, party, steps, access, clock, ids, random, sealer, format);
        this.documents = new Documents(transactions, records, outbox);
        this.licenses = new Licenses(transactions, records);
        this.activations = new Activations(transactions, records, keys, outbox, rateLimiter);
    }

    public Documents documents() {
        return documents;
    }

    public Licenses licenses() {
        return licenses;
    }

    public Activations activations() {
        return activations;
    }
}
