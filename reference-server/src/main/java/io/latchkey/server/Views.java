package io.latchkey.server;

import io.latchkey.access.Role;
import io.latchkey.device.DataRequest;
import io.latchkey.device.DeviceCard;
import io.latchkey.device.Device;
import io.latchkey.device.StageFact;
import io.latchkey.license.LicenseView;
import io.latchkey.license.OrganizationSummary;
import io.latchkey.party.Member;
import io.latchkey.party.Organization;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the API shows of the SDK's records where a record holds more than its reader may see (a password hash,
 * a sealed code, an owner's private nickname); other records are answered as they are.
 */
final class Views {

    private Views() {
    }

    record MemberView(String id, String organizationId, String email, String fullName, String language,
                      String phone, Set<Role> roles, String status, Instant createdAt) {

        static MemberView of(Member m) {
            return new MemberView(m.id().toString(), m.organization().toString(), m.email(), m.fullName(),
                    m.language().tag(), m.phone(), m.roles(), m.status().name(), m.createdAt());
        }
    }

    record OrgView(String id, String kind, String name, String parentId, String timezone, String language,
                   String country, String taxId, String address, String city, String director, String phone,
                   String email, Instant sellerSince, Instant approvedAt, Instant activatedAt, Instant closedAt,
                   Instant createdAt, Integer firms, Integer sites, Integer licenses) {

        static OrgView of(Organization o) {
            return of(o, null, null, null);
        }

        static OrgView of(OrganizationSummary s) {
            return of(s.organization(), s.firms(), s.sites(), s.licenses());
        }

        private static OrgView of(Organization o, Integer firms, Integer sites, Integer licenses) {
            var r = o.requisites();
            return new OrgView(o.id().toString(), o.kind().name(), o.name(),
                    o.parentId() == null ? null : o.parentId().toString(), o.timezone().getId(), o.language().tag(),
                    r.country(), r.inn(), r.address(), r.city(), r.director(), r.phone(), r.email(), o.sellerSince(),
                    o.approvedAt(), o.activatedAt(), o.closedAt(), o.createdAt(), firms, sites, licenses);
        }
    }

    /** A license: its code in full only where the SDK reveals it, masked otherwise. */
    record LicenseItem(String id, String holderId, String state, String code, boolean activated, boolean printed,
                       boolean sent, Instant mintedAt) {

        static LicenseItem of(LicenseView v) {
            var l = v.license();
            return new LicenseItem(l.id().toString(), l.holder() == null ? null : l.holder().toString(),
                    l.state().name(), v.code().orElse(null), v.activated(), l.printed(), l.sent(), l.mintedAt());
        }
    }

    /** The device card: status, stages, connectivity, alarms, manual and data request; never its password. */
    record DeviceView(String id, String serial, String model, String status, String responsiblePartnerId,
                      String country, String region, String objectType, String owner, String note, String nickname,
                      String timezone, Instant lastDataAt, Instant lastConnectAt, Instant lastDisconnectAt,
                      boolean online, String connectivity, List<String> alarms, List<StageFact> stages,
                      DataRequest dataRequest, List<String> missingFields, URI manual, Instant createdAt) {

        /** The card as {@code reader} sees it; the owner's nickname is for the owner's app only. */
        static DeviceView of(DeviceCard card, boolean owner) {
            Device d = card.device();
            return new DeviceView(d.id().toString(), d.serial(), d.model(), d.status().name(),
                    d.responsiblePartner() == null ? null : d.responsiblePartner().toString(), d.country(),
                    d.region(), d.objectType(), d.ownerText(), d.note(), owner ? d.ownerNickname() : null,
                    d.timezone() == null ? null : d.timezone().getId(), d.lastDataAt(), d.lastConnectAt(),
                    d.lastDisconnectAt(), card.online(), d.connectivity() == null ? null : d.connectivity().name(),
                    card.activeAlarms(), d.facts(), d.dataRequest(), card.missingFields(),
                    card.manual().orElse(null), d.createdAt());
        }
    }
}
