package io.latchkey.subscription;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.party.CompanyRegistration;
import io.latchkey.party.Connection;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.Member;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.SellerDetails;
import io.latchkey.party.Site;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.Fixture;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A seller company with its owner, an installer, a site and an approved reseller, for subscription tests. */
final class Sellers {

    private static final AtomicInteger NAMES = new AtomicInteger();

    final Fixture fx;
    final Latchkey sdk;
    final Partner reseller;
    final Organization seller;
    final Actor owner;
    final Actor installer;
    final Site site;

    Sellers(Fixture fx, String timezone) {
        this.fx = fx;
        this.sdk = fx.latchkey;
        this.reseller = fx.partner();
        int n = NAMES.incrementAndGet();
        sdk.registrations().registerCompany(new CompanyRegistration("Seller " + n,
                "Seller " + n + " Sp. z o.o.",
                "7736207543", "Office", null, "owner" + n + "@seller.test", "Owner " + n, "pl", timezone, null, "1.3"),
                "seller-" + n);
        Organization company = fx.organizationOf("owner" + n + "@seller.test");
        Member ownerMember = fx.store.inTransaction(
                () -> fx.partyStore().members().findByEmail("owner" + n + "@seller.test").orElseThrow());
        this.owner = fx.confirmed(ownerMember, Fixture.MEMBER_PASSWORD);
        this.seller = sdk.organizations().registerSeller(owner, company.id(), details(n));
        this.installer = fx.confirmed(sdk.members().addMember(owner, seller.id(), new MemberDraft(
                "installer" + n + "@seller.test", "Installer " + n, null, Set.of(Role.INSTALLER))),
                Fixture.MEMBER_PASSWORD);
        Connection request = sdk.connections().requestConnection(owner, seller.id(), reseller.id(),
                ConnectionKind.SELLER_TO_RESELLER);
        sdk.connections().approveConnection(reseller.admin(), request.id());
        this.site = sdk.organizations().addSite(owner, seller.id(), "Customer house " + n, "ul. Długa 1");
    }

    /** What a Polish seller gives to register. */
    static SellerDetails details(int n) {
        return new SellerDetails("Seller " + n + " Sp. z o.o.", "PL", "774-000-14-54", "ul. Długa " + n + ", Kraków",
                "office" + n + "@seller.test", "+48 12 345 67 89");
    }

    /** A hub with the operator's SIM at the seller's site. */
    Hub hub(String serial) {
        return sdk.hubs().addHub(installer, site.id(), serial, true);
    }
}
