package io.latchkey.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.ExpectedTable;
import io.latchkey.testkit.ExpectedTables;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.Fixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The license ledger: the holding table walked pair by pair, and random sequences of documents whose replay
 * must give exactly the stored holdings.
 */
class LicenseLedgerTest {

    /** A channel: the licensor, a partner with a sub-partner, and a company of the partner. */
    private static final class Channel {
        final Fixture fx = new Fixture(InMemoryStore.create());
        final Latchkey sdk = fx.latchkey;
        final Partner partner = fx.partner();
        final Organization subPartner = fx.latchkey.organizations().createOrganization(fx.operatorAdmin,
                new OrganizationDraft(OrgKind.PARTNER, "Sub-partner", partner.id(), null, null,
                        new io.latchkey.party.Requisites("7728168971", null, null, null)));
        final Actor subAdmin = fx.confirmed(fx.latchkey.members().addMember(fx.operatorAdmin, subPartner.id(),
                new MemberDraft("sub@partner.test", "Sub", null, Set.of(Role.ADMIN))), Fixture.MEMBER_PASSWORD);
        final Organization company = fx.latchkey.organizations().createOrganization(partner.admin(),
                new OrganizationDraft(OrgKind.COMPANY, "Company", null, null, null));
        final Actor companyAdmin = fx.confirmed(fx.latchkey.members().addMember(partner.admin(), company.id(),
                new MemberDraft("boss@company.test", "Boss", null, Set.of(Role.ADMIN))), Fixture.MEMBER_PASSWORD);

        Document post(Actor seller, DocumentType type, OrgId buyer, List<LicenseId> ids, Integer count) {
            return sdk.documents().post(seller, new DocumentRequest(type, buyer, null,
                    type == DocumentType.SALE_TO_UNREGISTERED ? new BuyerRequisites("Buyer", null, null) : null,
                    count, ids));
        }

        License stored(LicenseId id) {
            return fx.store.inTransaction(() -> fx.licenseStore().licenses().find(id).orElseThrow());
        }
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (LicenseState state : LicenseState.values()) {
            for (DocumentType type : DocumentType.values()) {
                if (type != DocumentType.MINT) {
                    pairs.add(Arguments.of(state, type));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("pairs")
    void everyHoldingPairBehavesAsTheTableSays(LicenseState state, DocumentType type) {
        Channel c = new Channel();
        LicenseId id = c.sdk.documents().mint(c.fx.operatorAdmin, 1).licenses().get(0);
        c.post(c.fx.operatorAdmin, DocumentType.SALE_TO_PARTNER, c.partner.id(), List.of(id), null);
        Actor holder = c.partner.admin();
        switch (state) {
            case SEALED -> { }
            case REVEALED -> c.post(holder, DocumentType.REVEAL_TO_SELF, null, List.of(id), null);
            case ASSIGNED -> {
                c.post(holder, DocumentType.SALE_TO_COMPANY, c.company.id(), List.of(id), null);
                holder = c.companyAdmin;
            }
            case SOLD -> c.post(holder, DocumentType.SALE_TO_UNREGISTERED, null, List.of(id), null);
        }
        assertEquals(state, c.stored(id).state());
        OrgId buyer = switch (type) {
            case SALE_TO_PARTNER -> c.subPartner.id();
            case SALE_TO_COMPANY -> c.company.id();
            default -> null;
        };
        Actor seller = holder;
        Optional<ExpectedTable.Row<LicenseState, DocumentType>> legal = ExpectedTables.LICENSE.find(state, type);
        if (legal.isPresent()) {
            c.post(seller, type, buyer, List.of(id), null);
            assertEquals(legal.get().to(), c.stored(id).state());
        } else {
            LatchkeyException refusal = assertThrows(LatchkeyException.class,
                    () -> c.post(seller, type, buyer, List.of(id), null));
            assertTrue(Set.of(ErrorCode.LICENSES_NOT_AVAILABLE, ErrorCode.ORGANIZATION_NOT_FOUND,
                    ErrorCode.BUYER_INVALID).contains(refusal.code()), refusal.code().toString());
            assertEquals(state, c.stored(id).state());
        }
    }

    @Test
    void anActivationEndsOnlyByItsOwnDevice() {
        Channel c = new Channel();
        c.sdk.documents().mint(c.fx.operatorAdmin, 1);
        c.post(c.fx.operatorAdmin, DocumentType.REVEAL_TO_SELF, null, null, 1);
        String code = c.sdk.licenses().licenses(c.fx.operatorAdmin, null, null, null, 1).get(0).code().orElseThrow();
        c.sdk.activations().activate(code, "pos-1", "ip");
        for (ActivationState state : ActivationState.values()) {
            for (ActivationEvent event : ActivationEvent.values()) {
                Optional<ExpectedTable.Row<ActivationState, ActivationEvent>> legal =
                        ExpectedTables.ACTIVATION.find(state, event);
                if (state == ActivationState.ACTIVE) {
                    assertTrue(legal.isPresent());
                    c.sdk.activations().deactivate(code, "pos-1", "ip");
                } else {
                    assertTrue(legal.isEmpty());
                    LatchkeyException refusal = assertThrows(LatchkeyException.class,
                            () -> c.sdk.activations().deactivate(code, "pos-1", "ip"));
                    assertEquals(ErrorCode.LICENSE_NOT_ACTIVATED_HERE, refusal.code());
                }
            }
        }
    }

    /** Holdings as the documents say, replayed from the first: the ledger is the truth. */
    private static Map<LicenseId, Map.Entry<OrgId, LicenseState>> replay(List<Document> documents) {
        Map<LicenseId, Map.Entry<OrgId, LicenseState>> holdings = new HashMap<>();
        for (Document d : documents) {
            for (LicenseId id : d.licenses()) {
                Map.Entry<OrgId, LicenseState> next = switch (d.type()) {
                    case MINT -> Map.entry(d.seller(), LicenseState.SEALED);
                    case REVEAL_TO_SELF -> Map.entry(d.seller(), LicenseState.REVEALED);
                    case SALE_TO_PARTNER -> Map.entry(d.buyer(), LicenseState.SEALED);
                    case SALE_TO_COMPANY -> Map.entry(d.buyer(), LicenseState.ASSIGNED);
                    case SALE_TO_UNREGISTERED -> Map.entry(d.seller(), LicenseState.SOLD);
                };
                holdings.put(id, next);
            }
        }
        return holdings;
    }

    @Test
    void replayingTheLedgerGivesTheStoredHoldings() {
        qt().withExamples(40).forAll(lists().of(integers().between(0, 99)).ofSizeBetween(1, 25)).checkAssert(steps -> {
            Channel c = new Channel();
            List<Actor> sellers = List.of(c.fx.operatorAdmin, c.partner.admin(), c.subAdmin, c.companyAdmin);
            List<OrgId> partnerBuyers = List.of(c.partner.id(), c.subPartner.id(), c.partner.id(), c.subPartner.id());
            Set<LicenseId> soldAway = new HashSet<>();
            for (int step : steps) {
                int who = step % 4;
                int kind = (step / 4) % 5;
                int count = 1 + (step / 20) % 3;
                try {
                    if (kind == 0) {
                        c.sdk.documents().mint(c.fx.operatorAdmin, count);
                        continue;
                    }
                    DocumentType type = DocumentType.values()[kind];
                    OrgId buyer = type == DocumentType.SALE_TO_PARTNER ? partnerBuyers.get(who)
                            : type == DocumentType.SALE_TO_COMPANY ? c.company.id() : null;
                    Document posted = c.post(sellers.get(who), type, buyer, null, count);
                    for (LicenseId id : posted.licenses()) {
                        assertFalse(soldAway.contains(id), "a license sold away was moved again: " + id);
                    }
                    if (type == DocumentType.SALE_TO_UNREGISTERED || type == DocumentType.SALE_TO_COMPANY) {
                        soldAway.addAll(posted.licenses());
                    }
                } catch (LatchkeyException refused) {
                    // Not enough licenses, or a buyer outside the seller's channel: a typed refusal, nothing moved.
                }
                List<Document> ledger = new ArrayList<>(c.fx.store.inTransaction(() -> c.fx.licenseStore()
                        .documents().search(new DocumentSearch(null, null, null, null, null, null, null, null,
                                10_000))));
                java.util.Collections.reverse(ledger);
                Map<LicenseId, Map.Entry<OrgId, LicenseState>> replayed = replay(ledger);
                for (Map.Entry<LicenseId, Map.Entry<OrgId, LicenseState>> e : replayed.entrySet()) {
                    License stored = c.stored(e.getKey());
                    assertEquals(e.getValue(), Map.entry(stored.holder(), stored.state()), "license " + e.getKey());
                }
            }
        });
    }
}
