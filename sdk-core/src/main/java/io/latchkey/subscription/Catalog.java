package io.latchkey.subscription;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.store.Transactions;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The operator's catalog of service packages, which sellers activate on hubs.
 *
 * <p>Thread-safe.
 */
public final class Catalog {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final Transactions transactions;
    private final SubscriptionRecords records;

    Catalog(Transactions transactions, SubscriptionRecords records) {
        this.transactions = transactions;
        this.records = records;
    }

    /** The operator adds a package to the catalog. */
    public ServicePackage createPackage(Actor actor, PackageDraft draft) {
        String code = Checks.required("code", draft.code());
        if (!CODE.matcher(code).matches()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "code", "code", "letters, digits, - and _");
        }
        String name = Checks.required("name", draft.name(), 200);
        long price = Checks.required("monthlyPrice", draft.monthlyPrice());
        if (price < 0) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "monthlyPrice", "monthlyPrice", "not negative");
        }
        String currency = Checks.required("currency", draft.currency()).toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "currency", "currency", "ISO 4217");
        }
        return transactions.inTransaction(() -> {
            records.access.requireOperator(actor, Permission.PACKAGE_MANAGE);
            ServicePackage created = new ServicePackage(new PackageId(records.ids.next()), code, name, price, currency,
                    draft.requiresSim(), records.clock.instant(), 0);
            records.store.packages().insert(created);
            return created;
        });
    }

    /** The catalog, by code: public, like a price list. */
    public List<ServicePackage> packages() {
        return transactions.inTransaction(() -> records.store.packages().all());
    }
}
