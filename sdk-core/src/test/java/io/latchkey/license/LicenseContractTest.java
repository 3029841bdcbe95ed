package io.latchkey.license;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.Sealer;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.party.Firm;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.FirmDraft;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.store.Store;
import io.latchkey.testkit.Bytes;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.Fixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Licenses from the licensor through partners to companies and devices (seed 002), on any {@link Store}. */
public abstract class LicenseContractTest {

    protected Fixture fx;
    protected Latchkey sdk;
    protected Partner partner;
    protected Organization company;
    protected Actor companyAdmin;

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    @BeforeEach
    public void setUp() {
        fx = new Fixture(newStore());
        sdk = fx.latchkey;
        partner = fx.partner();
        company = fx.latchkey.organizations().createOrganization(partner.admin(),
                new OrganizationDraft(OrgKind.COMPANY, "ООО Ромашка", null, null, null));
        companyAdmin = fx.confirmed(fx.latchkey.members().addMember(partner.admin(), company.id(),
                new MemberDraft("boss@romashka.test", "Директор", null, Set.of(Role.ADMIN))), Fixture.MEMBER_PASSWORD);
    }

    private Document sell(Actor seller, DocumentType type, Organization buyer, int count) {
        return sdk.documents().post(seller, new DocumentRequest(type, buyer == null ? null : buyer.id(), null, null,
                count,
                null));
    }

    private String codeOf(LicenseView view) {
        return view.code().orElseThrow();
    }

    @Test
    public void codesAreStoredOnlyHashedAndSealed() {
        Document minted = sdk.documents().mint(fx.operatorAdmin, 3);
        assertEquals(DocumentType.MINT, minted.type());
        assertEquals(3, minted.licenses().size());
        List<LicenseView> held = sdk.licenses().licenses(fx.operatorAdmin, null, null, null, 10);
        assertEquals(3, held.size());
        assertTrue(held.stream().allMatch(v -> v.license().state() == LicenseState.SEALED && v.code().isEmpty()),
                "sealed codes are hidden from the holder");
        // Reveal to self shows them; the stored record still holds neither the code nor its plain bytes.
        sell(fx.operatorAdmin, DocumentType.REVEAL_TO_SELF, null, 1);
        LicenseView revealed = sdk.licenses().licenses(fx.operatorAdmin, null, LicenseState.REVEALED, null, 10).get(0);
        String code = codeOf(revealed);
        assertTrue(code.matches("[0-9]{4}-[0-9]{4}-[0-9]{4}"), "a 12-digit code by default (the seed): " + code);
        assertEquals(CodeFormat.NUMERIC_12, revealed.license().format());
        assertFalse(revealed.toString().contains(code), "a view in a log line shows no code");
        String canonical = code.replace("-", "");
        assertEquals("", revealed.license().codeHash(), "no hash leaves the SDK");
        assertEquals(0, revealed.license().sealedCode().length, "nor the sealed code");
        License stored = fx.store.inTransaction(
                () -> fx.licenseStore().licenses().find(revealed.license().id()).orElseThrow());
        assertFalse(stored.codeHash().contains(canonical));
        assertFalse(Bytes.indexOf(stored.sealedCode(), canonical.getBytes(StandardCharsets.UTF_8)) >= 0);
        assertFalse(stored.toString().contains(stored.codeHash()));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.documents().mint(partner.admin(), 1));
        refused(ErrorCode.FIELD_MALFORMED, "count", () -> sdk.documents().mint(fx.operatorAdmin, 0));
    }

    @Test
    public void aDocumentNamesAtMostOneBatchOfLicenses() {
        List<LicenseId> tooMany = java.util.stream.IntStream.rangeClosed(0, LicenseRecords.MAX_BATCH)
                .mapToObj(i -> new LicenseId(new java.util.UUID(0x0190_0000_0000_7000L, i))).toList();

        refused(ErrorCode.FIELD_MALFORMED, "licenseIds", () -> sdk.documents().post(partner.manager(),
                new DocumentRequest(DocumentType.REVEAL_TO_SELF, null, null, null, null, tooMany)));
        refused(ErrorCode.LICENSE_NOT_FOUND, "licenseIds", () -> sdk.documents().post(partner.manager(),
                new DocumentRequest(DocumentType.REVEAL_TO_SELF, null, null, null, null, tooMany.subList(0, 1))));
    }

    @Test
    public void aSealedCodeCopiedToAnotherLicenseDoesNotOpen() {
        sdk.documents().mint(fx.operatorAdmin, 2);
        sell(fx.operatorAdmin, DocumentType.REVEAL_TO_SELF, null, 2);
        List<LicenseView> views = sdk.licenses().licenses(fx.operatorAdmin, null, null, null, 2);
        License a = fx.store.inTransaction(() -> fx.licenseStore().licenses().find(views.get(0).license().id()))
                .orElseThrow();
        License b = fx.store.inTransaction(() -> fx.licenseStore().licenses().find(views.get(1).license().id()))
                .orElseThrow();
        fx.store.inTransaction(() -> fx.licenseStore().licenses().update(new License(b.id(), b.format(),
                b.codeHash(), a.sealedCode(), b.holder(), b.state(), b.printed(), b.sent(), b.mintedAt(),
                b.version())));

        assertThrows(IllegalStateException.class, () -> sdk.licenses().licenses(fx.operatorAdmin, null, null, null,
                2));
    }

    @Test
    public void aSealedCodeHasBeenShownToNoOneSoTypingItActivatesNothing() {
        sdk.documents().mint(fx.operatorAdmin, 1);
        LicenseId id = sdk.licenses().licenses(fx.operatorAdmin, null, null, null, 1).get(0).license().id();
        License stored = fx.store.inTransaction(() -> fx.licenseStore().licenses().find(id).orElseThrow());
        String code = new String(new Sealer(sdk.keys(), RandomSource.seeded(1)).open(stored.sealedCode(),
                LicenseRecords.sealedFor(id)), StandardCharsets.UTF_8);

        refused(ErrorCode.LICENSE_CODE_INVALID, "code", () -> sdk.activations().activate(code, "pos-1", "10.0.0.1"));

        sell(fx.operatorAdmin, DocumentType.REVEAL_TO_SELF, null, 1);
        assertEquals("pos-1", sdk.activations().activate(code, "pos-1", "10.0.0.1").fingerprint(),
                "revealed, it is out in the world");
    }

    @Test
    public void licensesTravelTheChannelByDocumentsAndCompaniesSeeTheirsInFull() {
        sdk.documents().mint(fx.operatorAdmin, 5);
        Document toPartner = sell(fx.operatorAdmin, DocumentType.SALE_TO_PARTNER, partner.organization(), 4);
        assertEquals(partner.id(), toPartner.buyer());
        assertEquals(4, sdk.licenses().licenses(partner.manager(), null, LicenseState.SEALED, null, 10).size());
        assertEquals(1, sdk.licenses().licenses(fx.operatorAdmin, null, null, null, 10).size());

        Document toCompany = sell(partner.manager(), DocumentType.SALE_TO_COMPANY, company, 2);
        // The end user sees its codes in full (its POS needs them), and each showing is journaled; the partner
        // looking at the company's card sees them "в частично скрытом виде".
        List<LicenseView> companyView = sdk.licenses().licenses(companyAdmin, null, null, null, 10);
        assertEquals(2, companyView.size());
        String full = codeOf(companyView.get(0));
        assertTrue(full.matches("[0-9]{4}-[0-9]{4}-[0-9]{4}"), full);
        List<JournalEntry> shown = fx.store.inTransaction(() -> fx.store.port(JournalRepository.class).history(
                "license", companyView.get(0).license().id().toString(), null, 100));
        JournalEntry last = shown.get(shown.size() - 1);
        assertEquals(List.of("CODE_SHOWN", "ASSIGNED", "ASSIGNED", companyAdmin.describe()), List.of(last.event(),
                last.fromState(), last.toState(), last.actor()));
        List<LicenseView> partnerView = sdk.licenses().licenses(partner.manager(), company.id(), null, null, 10);
        assertEquals("••••-••••-" + full.substring(10), codeOf(partnerView.get(0)));
        assertEquals(shown.size(), fx.store.inTransaction(() -> fx.store.port(JournalRepository.class).history(
                "license", companyView.get(0).license().id().toString(), null, 100)).size(), "a mask is no showing");
        assertEquals(toCompany, sdk.documents().document(companyAdmin, toCompany.id()));

        Document outside = sdk.documents().post(partner.manager(),
                new DocumentRequest(DocumentType.SALE_TO_UNREGISTERED, null, null,
                new BuyerRequisites("ИП Иванов", "7707083893", "Москва"), 1, null));
        assertEquals("7707083893", outside.buyerRequisites().inn());
        List<LicenseView> sold = sdk.documents().documentLicenses(partner.manager(), outside.id());
        assertTrue(codeOf(sold.get(0)).matches("[0-9]{4}-[0-9]{4}-[0-9]{4}"), "the seller hands it over");

        // What was sold away cannot be sold again: one sealed license is left with the partner.
        LatchkeyException short_ = refused(ErrorCode.LICENSES_NOT_AVAILABLE, "count",
                () -> sell(partner.manager(), DocumentType.SALE_TO_COMPANY, company, 2));
        assertTrue(short_.getMessage().contains("1"), short_.getMessage());
        refused(ErrorCode.LICENSE_NOT_FOUND, "licenseIds", () -> sdk.documents().post(partner.manager(),
                new DocumentRequest(DocumentType.SALE_TO_COMPANY, company.id(), null, null, null,
                        toCompany.licenses())));
        refused(ErrorCode.BUYER_INVALID, "buyerOrgId",
                () -> sell(partner.manager(), DocumentType.SALE_TO_PARTNER, company, 1));
        refused(ErrorCode.INN_INVALID, "buyer.inn", () -> sdk.documents().post(partner.manager(), new DocumentRequest(
                DocumentType.SALE_TO_UNREGISTERED, null, null, new BuyerRequisites("X", "7707083894", null), 1, null)));
        refused(ErrorCode.FIELD_REQUIRED, "buyer.name", () -> sdk.documents().post(partner.manager(),
                new DocumentRequest(
                DocumentType.SALE_TO_UNREGISTERED, null, null, new BuyerRequisites(" ", null, null), 1, null)));
    }

    @Test
    public void documentsAreSearchedAndSentAndPrintedOnlyByTheSeller() {
        sdk.documents().mint(fx.operatorAdmin, 3);
        Document first = sell(fx.operatorAdmin, DocumentType.SALE_TO_PARTNER, partner.organization(), 3);
        fx.clock.advance(java.time.Duration.ofDays(2));
        Document second = sdk.documents().post(partner.manager(), new DocumentRequest(DocumentType.REVEAL_TO_SELF,
                null, null, null, 2, null));
        assertEquals(List.of(second, first), sdk.documents().documents(partner.admin(), new DocumentSearch(null, null,
                null,
                null, null, null, null, null, 10)));
        assertEquals(List.of(first), sdk.documents().documents(partner.admin(), new DocumentSearch(null, null,
                partner.id(),
                null, null, null, null, null, 10)));
        assertEquals(List.of(second), sdk.documents().documents(partner.admin(), new DocumentSearch(null, null, null,
                partner.manager().describe(), null, null, null, null, 10)));
        assertEquals(List.of(first), sdk.documents().documents(partner.admin(), new DocumentSearch(null, null, null,
                null,
                null, Instant.parse(Fixture.START).plusSeconds(1), null, null, 10)));

        sdk.documents().send(partner.manager(), second.id(), "Client@Example.test");
        fx.runDueWork();
        Notification mail = fx.mail.last(Templates.DOCUMENT_LICENSES, "client@example.test");
        assertEquals(2, mail.parameter("codes").split("\n").length);
        assertTrue(sdk.documents().documentLicenses(partner.manager(), second.id()).stream().allMatch(v ->
                v.license().sent()));
        assertTrue(sdk.documents().print(partner.manager(), second.id()).stream().allMatch(v -> v.license().printed()));
        refused(ErrorCode.DOCUMENT_NOT_FOUND, () -> sdk.documents().send(partner.manager(), first.id(),
                "x@example.test"));

        Partner other = fx.partner();
        refused(ErrorCode.DOCUMENT_NOT_FOUND, () -> sdk.documents().document(other.admin(), second.id()));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.licenses().licenses(other.manager(), partner.id(), null,
                null, 10));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.documents().documents(other.admin(), new DocumentSearch(
                partner.id(), null, null, null, null, null, null, null, 10)));
    }

    @Test
    public void aSaleToACompanyNamesTheFirmAndKeepsItsRequisitesAsTheyWereThen() {
        // "Продажа Зарегистрированной компании ... Реквизиты фирмы покупателя заполнятся автоматически."
        sdk.documents().mint(fx.operatorAdmin, 3);
        sell(fx.operatorAdmin, DocumentType.SALE_TO_PARTNER, partner.organization(), 3);
        Firm first = sdk.organizations().addFirm(companyAdmin, company.id(), new FirmDraft("ООО Ромашка",
                "7728168971", "Москва, ул. Цветочная, 1", "Иванов И. И."));
        Document sale = sdk.documents().post(partner.manager(), new DocumentRequest(DocumentType.SALE_TO_COMPANY,
                company.id(), first.id(), null, 1, null));
        assertEquals(first.id(), sale.buyerFirm());
        assertEquals(new BuyerRequisites("ООО Ромашка", "7728168971", "Москва, ул. Цветочная, 1", "Иванов И. И."),
                sale.buyerRequisites());
        sdk.organizations().updateFirm(companyAdmin, first.id(), new FirmDraft("ООО Ромашка Плюс", "7728168971",
                "Москва, ул. Садовая, 2", "Петров П. П."));
        assertEquals("ООО Ромашка", sdk.documents().document(partner.manager(), sale.id()).buyerRequisites().name(),
                "the document keeps the requisites of the day of sale");

        // With one firm it is the buyer; with two, the seller names one, and only one of the buyer's.
        Document second = sdk.documents().post(partner.manager(), new DocumentRequest(DocumentType.SALE_TO_COMPANY,
                company.id(), null, null, 1, null));
        assertEquals("ООО Ромашка Плюс", second.buyerRequisites().name());
        sdk.organizations().addFirm(companyAdmin, company.id(), new FirmDraft("ИП Петров", "500100732259", null,
                "Петров П. П."));
        refused(ErrorCode.FIELD_REQUIRED, "buyerFirmId", () -> sdk.documents().post(partner.manager(),
                new DocumentRequest(DocumentType.SALE_TO_COMPANY, company.id(), null, null, 1, null)));
        Organization elsewhere = sdk.organizations().createOrganization(partner.admin(), new OrganizationDraft(
                OrgKind.COMPANY, "ООО Лютик", null, null, null));
        refused(ErrorCode.FIRM_NOT_FOUND, "buyerFirmId", () -> sdk.documents().post(partner.manager(),
                new DocumentRequest(DocumentType.SALE_TO_COMPANY, elsewhere.id(), first.id(), null, 1, null)));
    }

    @Test
    public void aPartnerSellsToAnyPartnerOnTheListOfPartners() {
        // "Продажа Партнеру оформляется из списка Партнеров": the list is every partner's, not only those below.
        Partner other = fx.partner();
        sdk.documents().mint(fx.operatorAdmin, 3);
        sell(fx.operatorAdmin, DocumentType.SALE_TO_PARTNER, partner.organization(), 3);
        assertTrue(sdk.organizations().searchPartners(partner.manager(), null, null, 100).stream()
                .anyMatch(o -> o.id().equals(other.id())));
        Document sideways = sell(partner.manager(), DocumentType.SALE_TO_PARTNER, other.organization(), 2);
        assertEquals(other.id(), sideways.buyer());
        assertEquals(2, sdk.licenses().licenses(other.manager(), null, LicenseState.SEALED, null, 10).size());
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, "buyerOrgId", () -> sell(other.manager(),
                DocumentType.SALE_TO_COMPANY, company, 1));
        refused(ErrorCode.BUYER_INVALID, "buyerOrgId", () -> sell(partner.manager(), DocumentType.SALE_TO_PARTNER,
                partner.organization(), 1));
    }

    @Test
    public void theLicensorSeesEveryPartnersHoldingsAndTheCompaniesOfOtherPartners() {
        // "количество находящихся в настоящее время у него лицензий (доступно только лицензиату)";
        // "В личном кабинете MyPOS отдельным списком отображаются все Компании, подключенные к другим Партнерам."
        sdk.documents().mint(fx.operatorAdmin, 5);
        sell(fx.operatorAdmin, DocumentType.SALE_TO_PARTNER, partner.organization(), 4);
        sell(partner.manager(), DocumentType.SALE_TO_COMPANY, company, 1);
        sdk.organizations().addFirm(companyAdmin, company.id(), new FirmDraft("ООО Ромашка-2", "7728168971", null,
                null));
        sdk.organizations().addSite(companyAdmin, company.id(), "Магазин", "Москва");

        List<OrganizationSummary> partners = sdk.licenses().partners(fx.operatorAdmin, partner.organization().name(),
                null, 10);
        assertEquals(List.of(new OrganizationSummary(sdk.organizations().organization(fx.operatorAdmin,
                partner.id()), 0, 0, 3)), partners);
        List<OrganizationSummary> others = sdk.licenses().companiesOfOtherPartners(fx.operatorAdmin, "ромаш", null,
                10);
        assertEquals(List.of(company.id()), others.stream().map(s -> s.organization().id()).toList());
        assertEquals(List.of(1, 1, 1), List.of(others.get(0).firms(), others.get(0).sites(),
                others.get(0).licenses()));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.licenses().partners(partner.admin(), null, null, 10));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.licenses().companiesOfOtherPartners(partner.admin(), null,
                null, 10));
        assertEquals(List.of(company), sdk.organizations().companies(partner.manager(), null, "ромаш", null, 10));
        assertEquals(List.of(), sdk.organizations().companies(fx.operatorAdmin, null, "ромаш", null, 10),
                "the licensor's own companies are another list");
    }

    @Test
    public void aSourceOfAnyLengthIsKeptShortEnoughForTheJournal() {
        sdk.documents().mint(fx.operatorAdmin, 1);
        sell(fx.operatorAdmin, DocumentType.REVEAL_TO_SELF, null, 1);
        String code = codeOf(sdk.licenses().licenses(fx.operatorAdmin, null, null, null, 1).get(0));
        String forwardedFor = "203.0.113.7, ".repeat(2_000) + "\r\n10.0.0.1";

        assertEquals("pos-1", sdk.activations().activate(code, "pos-1", forwardedFor).fingerprint());
        assertEquals(Actor.MAX_SOURCE, Actor.source(forwardedFor).length());
        assertFalse(Actor.source(forwardedFor).chars().anyMatch(Character::isISOControl));
        assertEquals("unknown", Actor.source(" \u0000 "));
    }

    @Test
    public void aLicenseIsActiveOnOneDeviceAtATimeAndItsFileVerifiesOffline() {
        sdk.documents().mint(fx.operatorAdmin, 1);
        sell(fx.operatorAdmin, DocumentType.SALE_TO_PARTNER, partner.organization(), 1);
        sell(partner.manager(), DocumentType.REVEAL_TO_SELF, null, 1);
        String code = codeOf(sdk.licenses().licenses(partner.manager(), null, null, null, 1).get(0));

        ActivationFile file = sdk.activations().activate(code.toLowerCase(java.util.Locale.ROOT), "pos-1", "10.0.0.1");
        assertEquals("pos-1", file.fingerprint());
        assertEquals(file, ActivationFile.verify(file.encoded(), fx.latchkey.keys().verificationKeys(), "pos-1",
                fx.clock.instant()).orElseThrow());
        assertTrue(sdk.licenses().licenses(partner.manager(), null, null, null, 1).get(0).activated());
        assertEquals("pos-1", sdk.activations().activate(code, "pos-1", "10.0.0.1").fingerprint(),
                "again on the same device");
        refused(ErrorCode.LICENSE_ALREADY_ACTIVATED, () -> sdk.activations().activate(code, "pos-2", "10.0.0.2"));
        refused(ErrorCode.LICENSE_NOT_ACTIVATED_HERE, () -> sdk.activations().deactivate(code, "pos-2", "10.0.0.2"));
        sdk.activations().deactivate(code, "pos-1", "10.0.0.1");
        assertFalse(sdk.licenses().licenses(partner.manager(), null, null, null, 1).get(0).activated());
        assertEquals("pos-2", sdk.activations().activate(code, "pos-2", "10.0.0.2").fingerprint());
    }

    @Test
    public void mistypedAndGuessedCodesAreRefusedAndRateLimited() {
        sdk.documents().mint(fx.operatorAdmin, 1);
        String typo = "ABCD-EFGH-JKM";
        refused(ErrorCode.LICENSE_CODE_INVALID, "code", () -> sdk.activations().activate(typo, "pos", "10.0.0.9"));
        String wellFormed = CodeFormat.NUMERIC_12.generate(io.latchkey.crypto.RandomSource.seeded(99));
        for (int i = 0; i < 9; i++) {
            refused(ErrorCode.LICENSE_CODE_INVALID, "code", () -> sdk.activations().activate(wellFormed, "pos",
                    "10.0.0.9"));
        }
        LatchkeyException limited = refused(ErrorCode.TOO_MANY_ATTEMPTS,
                () -> sdk.activations().activate(wellFormed, "pos", "10.0.0.9"));
        assertEquals(ErrorCategory.RATE_LIMITED, limited.category());
        refused(ErrorCode.FIELD_REQUIRED, "fingerprint", () -> sdk.activations().activate(wellFormed, " ", "10.0.0.8"));
        refused(ErrorCode.FIELD_MALFORMED, "fingerprint", () -> sdk.activations().activate(wellFormed, "a\nb",
                "10.0.0.8"));
        refused(ErrorCode.FIELD_MALFORMED, "fingerprint", () -> sdk.activations().activate(wellFormed, "pos\uD800",
                "10.0.0.8"));
    }

    @Test
    public void guessingSpreadOverManySourcesIsBoundedAndTheOperatorIsTold() {
        sdk.documents().mint(fx.operatorAdmin, 1);
        RandomSource random = RandomSource.seeded(5);
        for (int source = 0; source < 100; source++) {
            String from = "10.1.0." + source;
            for (int i = 0; i < 10; i++) {
                String guess = CodeFormat.NUMERIC_12.generate(random);
                refused(ErrorCode.LICENSE_CODE_INVALID, "code", () -> sdk.activations().activate(guess, "pos", from));
            }
        }
        String fresh = CodeFormat.NUMERIC_12.generate(random);
        // The budget of all sources is used up: a new source has one attempt, and then waits with the rest.
        refused(ErrorCode.LICENSE_CODE_INVALID, "code", () -> sdk.activations().activate(fresh, "pos", "10.2.0.1"));
        LatchkeyException waiting = refused(ErrorCode.TOO_MANY_ATTEMPTS,
                () -> sdk.activations().activate(fresh, "pos", "10.2.0.1"));
        assertEquals(Duration.ofHours(1), waiting.retryAfter().orElseThrow());
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.activations().activate(fresh, "pos", "10.1.0.7"));
        // A device that has not failed still activates a real code.
        sell(fx.operatorAdmin, DocumentType.SALE_TO_PARTNER, partner.organization(), 1);
        sell(partner.manager(), DocumentType.REVEAL_TO_SELF, null, 1);
        String code = codeOf(sdk.licenses().licenses(partner.manager(), null, null, null, 1).get(0));
        assertEquals("pos-1", sdk.activations().activate(code, "pos-1", "10.3.0.1").fingerprint());

        fx.runDueWork();
        List<Notification> alerts = fx.mail.deliveredTo("admin@operator.test").stream()
                .filter(n -> n.template().equals(Templates.LICENSE_GUESSING)).toList();
        assertEquals(1, alerts.size(), "told once");
        assertEquals("1000", alerts.get(0).parameter("attempts"));
        assertEquals("60", alerts.get(0).parameter("minutes"));
        fx.clock.advance(Duration.ofHours(1));
        refused(ErrorCode.LICENSE_CODE_INVALID, "code", () -> sdk.activations().activate(fresh, "pos", "10.2.0.1"));
    }

    @Test
    public void aCodeThatNamesALicenseIsNoGuessWhateverHappensNext() {
        sdk.documents().mint(fx.operatorAdmin, 1);
        sell(fx.operatorAdmin, DocumentType.SALE_TO_PARTNER, partner.organization(), 1);
        sell(partner.manager(), DocumentType.REVEAL_TO_SELF, null, 1);
        String code = codeOf(sdk.licenses().licenses(partner.manager(), null, null, null, 1).get(0));
        sdk.activations().activate(code, "pos-1", "10.0.0.1");
        for (int i = 0; i < 15; i++) {
            refused(ErrorCode.LICENSE_ALREADY_ACTIVATED, () -> sdk.activations().activate(code, "pos-2", "10.0.0.2"));
        }
        sdk.activations().deactivate(code, "pos-1", "10.0.0.1");
        assertEquals("pos-2", sdk.activations().activate(code, "pos-2", "10.0.0.2").fingerprint());
    }

    @Test
    public void anOfflineDeviceLearnsOfAReleaseFromTheSignedRevocationList() {
        sdk.documents().mint(fx.operatorAdmin, 1);
        sell(fx.operatorAdmin, DocumentType.SALE_TO_PARTNER, partner.organization(), 1);
        sell(partner.manager(), DocumentType.REVEAL_TO_SELF, null, 1);
        String code = codeOf(sdk.licenses().licenses(partner.manager(), null, null, null, 1).get(0));
        var published = fx.latchkey.keys().verificationKeys();
        ActivationFile kept = sdk.activations().activate(code, "pos-1", "10.0.0.1");
        assertEquals(fx.clock.instant().plus(Duration.ofDays(30)), kept.validUntil());
        assertTrue(sdk.activations().revocationList().revoked().isEmpty());

        fx.clock.advance(Duration.ofHours(1));
        sdk.activations().deactivate(code, "pos-1", "10.0.0.1");
        fx.clock.advance(Duration.ofHours(1));
        ActivationFile moved = sdk.activations().activate(code, "pos-2", "10.0.0.2");

        RevocationList list = RevocationList.verify(sdk.activations().revocationList().encoded(), published,
                fx.clock.instant()).orElseThrow();
        // pos-1 kept its file after releasing the license: the list tells it (and anyone checking) it is void.
        assertTrue(ActivationFile.verify(kept.encoded(), published, "pos-1", fx.clock.instant()).isPresent());
        assertTrue(list.revokes(kept));
        assertFalse(list.revokes(moved));
        // Once every file issued before the release has expired, the release leaves the list.
        fx.clock.advance(Duration.ofDays(30));
        assertTrue(sdk.activations().revocationList().revoked().isEmpty());
    }
}
