package io.latchkey.subscription;

import io.latchkey.ErrorCode;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly statements per reseller, so that the operator can invoice resellers: which subscriptions were
 * billable in a month, and on how many of its days.
 *
 * <p>Thread-safe.
 */
public final class Statements {

    private final Transactions transactions;
    private final SubscriptionRecords records;

    Statements(Transactions transactions, SubscriptionRecords records) {
        this.transactions = transactions;
        this.records = records;
    }

    /**
     * The statement of a reseller for a month: every subscription invoiced to it that was ACTIVE or
     * EXPIRES_SOON on any day of that month (in its seller's zone), once, with the days it was. A page of it, in
     * the order subscriptions were made: the lines of subscriptions after {@code after} (from the first when it is
     * null), at most {@code limit} (up to 1,000).
     */
    public List<StatementLine> statement(Actor actor, OrgId resellerId, YearMonth month, SubscriptionId after,
                                         int limit) {
        int size = Checks.pageSize(limit);
        OrgId reseller = Checks.required("resellerId", resellerId);
        YearMonth checkedMonth = Checks.month("month", month);
        return transactions.inTransaction(() -> {
            records.access.require(actor, Permission.VIEW, reseller, ErrorCode.ORGANIZATION_NOT_FOUND, reseller);
            // Seller zones differ by at most a day: ask the store for a wider window, then cut per seller.
            Instant from = checkedMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(86_400);
            Instant to = checkedMonth.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(86_400);
            Instant now = records.clock.instant();
            List<StatementLine> lines = new ArrayList<>();
            SubscriptionId cursor = after;
            List<Subscription> batch;
            // What the wider window found but the seller's month did not is skipped: read on to fill the page.
            do {
                batch = records.store.subscriptions().byReseller(reseller, from, to, cursor, size);
                for (Subscription s : batch) {
                    cursor = s.id();
                    ZoneId zone = records.party.organizations().find(s.seller()).orElseThrow().timezone();
                    int days = daysActive(s, checkedMonth, zone);
                    if (days > 0 && lines.size() < size) {
                        Hub hub = records.store.hubs().find(s.hub()).orElseThrow();
                        ServicePackage pkg = records.store.packages().find(s.pkg()).orElseThrow();
                        lines.add(new StatementLine(s.asOf(now), hub.serial(), pkg.code(), days,
                                checkedMonth.lengthOfMonth()));
                    }
                }
            } while (batch.size() == size && lines.size() < size);
            return lines;
        });
    }

    /** The days of {@code month} in {@code zone} on which the subscription was billable. */
    static int daysActive(Subscription s, YearMonth month, ZoneId zone) {
        Instant until = s.billableUntil();
        int days = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            if (s.startedAt().isBefore(dayEnd) && (until == null || until.isAfter(dayStart))) {
                days++;
            }
        }
        return days;
    }
}
