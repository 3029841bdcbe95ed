package io.latchkey.license;

import io.latchkey.ErrorCode;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.party.OrgKind;
import io.latchkey.party.OrgSearch;
import io.latchkey.store.Transactions;
import java.util.EnumSet;
import java.util.List;

/**
 * The licenses an organization holds, as a viewer may see them: codes in full only to their holder, and only
 * once revealed or sold; masked to the company they were assigned to; hidden from everyone else.
 *
 * <p>Thread-safe.
 */
public final class Licenses {

    private final Transactions transactions;
    private final LicenseRecords records;

    Licenses(Transactions transactions, LicenseRecords records) {
        this.transactions = transactions;
        this.records = records;
    }

    /**
     * The licensor's list of partners, each with the licenses it holds now (the seed: "количество находящихся в
     * настоящее время у него лицензий (доступно только лицензиату)"): the open partners whose name, tax id or
     * address holds {@code text}, a page in id order after {@code after}, at most {@code limit} (up to 100).
     */
    public List<OrganizationSummary> partners(Actor actor, String text, OrgId after, int limit) {
        return overview(actor, OrgKind.PARTNER, text, null, after, limit);
    }

    /**
     * The licensor's separate list "companies of other partners" (the seed: "Компании других партнеров"): the
     * open companies connected to a partner rather than to the licensor itself, whose name or tax id holds
     * {@code text}, each with its firms, trade objects and licenses; a page in id order after {@code after}, at
     * most {@code limit} (up to 100).
     */
    public List<OrganizationSummary> companiesOfOtherPartners(Actor actor, String text, OrgId after, int limit) {
        return overview(actor, OrgKind.COMPANY, text, actor.organization(), after, limit);
    }

    private List<OrganizationSummary> overview(Actor actor, OrgKind kind, String text, OrgId outside, OrgId after,
                                               int limit) {
        String typed = Checks.optional("text", text, 200);
        return transactions.inTransaction(() -> {
            records.access.requireOperator(actor, Permission.CHANNEL_OVERVIEW);
            return records.party.organizations().search(new OrgSearch(kind, typed, outside, outside != null, after,
                    Checks.pageSize(limit, 100))).stream().map(o -> new OrganizationSummary(o,
                    records.party.firms().count(o.id()), records.party.sites().count(o.id()),
                    records.store.licenses().countHeldBy(o.id()))).toList();
        });
    }

    /** The licenses an organization the actor may view holds, by id, optionally in one state. */
    public List<LicenseView> licenses(Actor actor, OrgId holder, LicenseState state, LicenseId after, int limit) {
        return transactions.inTransaction(() -> {
            OrgId owner = holder != null ? holder : Checks.required("holderId", actor.organization());
            records.access.require(actor, Permission.VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            return records.store.licenses().heldBy(owner, state == null ? null : EnumSet.of(state), after,
                    Checks.pageSize(limit, LicenseRecords.MAX_LIST)).stream().map(l -> records.view(actor, l)).toList();
        });
    }
}
