package io.latchkey.device;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.CustomerId;
import io.latchkey.access.Holder;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.party.Customer;
import io.latchkey.party.OrgKind;
import io.latchkey.party.PhoneNumber;
import io.latchkey.store.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Device cards and their journals, as each viewer may see them: the operator's staff all devices, a partner's
 * those it is responsible for, an owner its own, a device itself.
 *
 * <p>Thread-safe.
 */
public final class Devices {

    private final Transactions transactions;
    private final DeviceRecords records;
    private final JournalRepository journal;

    Devices(Transactions transactions, DeviceRecords records, JournalRepository journal) {
        this.transactions = transactions;
        this.records = records;
        this.journal = journal;
    }

    /** The card of a device the actor may view (its owner sees its own, with the nickname). */
    public DeviceCard card(Actor actor, String serial) {
        return transactions.inTransaction(() -> records.card(actor, viewed(actor, serial)));
    }

    /**
     * A page of the journal of a device, oldest first: those after {@code after} (from the first when it is null), at
     * most {@code limit} (up to 1,000).
     */
    public List<JournalEntry> history(Actor actor, String serial, UUID after, int limit) {
        return transactions.inTransaction(() -> journal.history(DeviceLifecycle.AGGREGATE,
                viewed(actor, serial).serial(), after, Checks.pageSize(limit)));
    }

    /**
     * Devices by serial, status, responsible partner and owner phone, as the actor may see them: the operator's
     * members all of them, a partner's members those it is responsible for, an owner its own.
     */
    public List<DeviceCard> search(Actor actor, String serialContains, DeviceStatus status, OrgId partner,
                                   String ownerPhone, String afterSerial, int limit) {
        String typed = Checks.optional("serial", serialContains, DeviceRecords.MAX_SERIAL);
        String text = typed == null ? null : typed.toUpperCase(Locale.ROOT);
        String after = Checks.optional("afterSerial", afterSerial, DeviceRecords.MAX_SERIAL);
        return transactions.inTransaction(() -> {
            CustomerId owner = null;
            OrgId scope = partner;
            if (actor.kind() == Actor.Kind.CUSTOMER) {
                owner = CustomerId.parse(actor.subject());
                records.access.requireOnVisible(actor, Permission.DEVICE_VIEW, new Holder(null, null, owner));
            } else {
                OrgId viewed = partner != null ? partner : actor.organization();
                if (viewed == null) {
                    throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.DEVICE_VIEW.name());
                }
                records.access.require(actor, Permission.DEVICE_VIEW, viewed, ErrorCode.ORGANIZATION_NOT_FOUND, viewed);
                boolean operator = records.party.organizations().find(viewed)
                        .map(o -> o.kind() == OrgKind.OPERATOR).orElse(false);
                scope = partner == null && operator ? null : viewed;
            }
            if (ownerPhone != null && !ownerPhone.isBlank()) {
                Optional<CustomerId> found = records.party.customers()
                        .findByPhone(PhoneNumber.parse("ownerPhone", ownerPhone)).map(Customer::id);
                if (found.isEmpty() || owner != null && !owner.equals(found.get())) {
                    return List.<DeviceCard>of();
                }
                owner = found.get();
            }
            List<DeviceCard> cards = new ArrayList<>();
            for (Device d : records.store.devices().search(new DeviceSearch(text, status, scope, owner,
                    after, Checks.pageSize(limit, DeviceRecords.MAX_LIST)))) {
                cards.add(records.card(actor, d));
            }
            return cards;
        });
    }

    private Device viewed(Actor actor, String serial) {
        Device device = records.found(actor, serial);
        records.access.requireOnVisible(actor, Permission.DEVICE_VIEW, DeviceRecords.viewer(device));
        return device;
    }
}
