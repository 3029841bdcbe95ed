package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.access.Role;
import io.latchkey.internal.Actors;
import io.latchkey.internal.Checks;
import io.latchkey.notify.Language;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * Companies come into the channel: registered by themselves (they hang under the licensor, the default partner,
 * until they connect to one) or by a partner for a customer (linked to that partner once the owner confirms).
 * Either way the company gets its first firm and site, and the person registering it is invited as its OWNER
 * and first ADMIN.
 *
 * <p>Thread-safe.
 */
public final class Registrations {

    private final Transactions transactions;
    private final PartyRecords records;
    private final MemberLinks links;

    Registrations(Transactions transactions, PartyRecords records, MemberLinks links) {
        this.transactions = transactions;
        this.records = records;
        this.links = links;
    }

    /** A company registers itself, under the licensor. */
    public Organization registerCompany(CompanyRegistration registration) {
        return transactions.inTransaction(() -> {
            Organization licensor = records.store.organizations().findOperator()
                    .orElseThrow(() -> LatchkeyException.of(ErrorCode.ORGANIZATION_NOT_FOUND, "operator"));
            return company(Actors.system("self-registration"), licensor, licensor, registration);
        });
    }

    /**
     * A partner registers a company for a customer. The company is linked to the partner once its owner
     * confirms the invitation (until then it waits under the licensor, with a pending connection to the
     * partner).
     */
    public Organization createCompany(Actor actor, CompanyRegistration registration) {
        return transactions.inTransaction(() -> {
            Organization partner = records.organization(actor, Checks.required("organization", actor.organization()),
                    Permission.ORGANIZATION_CREATE);
            if (partner.kind() != OrgKind.PARTNER) {
                throw LatchkeyException.ofField(ErrorCode.ORGANIZATION_KIND_INVALID, "kind", OrgKind.COMPANY,
                        partner.kind());
            }
            Organization company = company(actor, records.store.organizations().findOperator().orElseThrow(), partner,
                    registration);
            records.steps.create(actor, records.connections, new Connection(new ConnectionId(records.ids.next()),
                    ConnectionKind.COMPANY_TO_PARTNER, company.id(), partner.id(), ConnectionState.PENDING,
                    records.clock.instant(), null, null, 0), "registered by the partner");
            return company;
        });
    }

    /** A company under {@code parent}, taking its time zone and language from {@code defaults} unless given. */
    private Organization company(Actor actor, Organization parent, Organization defaults, CompanyRegistration r) {
        String firmName = PartyRecords.name(r.firmName());
        String inn = Inn.parse("firmInn", r.firmInn()).digits();
        String siteName = Checks.maxLength("siteName", Checks.required("siteName", r.siteName()), 200);
        String siteAddress = Checks.optional("siteAddress", r.siteAddress(), 500);
        ZoneId zone = r.timezone() == null ? defaults.timezone() : Checks.timezone("timezone", r.timezone());
        Language language = r.language() == null ? defaults.language() : Language.parse("language", r.language());
        Instant now = records.clock.instant();
        Organization company = records.steps.create(actor, records.organizations, new Organization(
                new OrgId(records.ids.next()), OrgKind.COMPANY, PartyRecords.name(r.companyName()), parent.id(), zone,
                language, new Requisites(inn, null, null, null), now, 0), parent.id().toString());
        records.store.firms().insert(new Firm(new FirmId(records.ids.next()), company.id(), firmName, inn, now, 0));
        records.store.sites().insert(new Site(new SiteId(records.ids.next()), company.id(), siteName, siteAddress,
                now, 0));
        Member owner = records.insertMember(actor, company, new Members.MemberDraft(r.ownerEmail(), r.ownerFullName(),
                r.language(), Set.of(Role.OWNER, Role.ADMIN)));
        Members.invite(links, owner, company);
        return company;
    }
}
