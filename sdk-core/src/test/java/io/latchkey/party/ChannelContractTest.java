package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import io.latchkey.license.DocumentRequest;
import io.latchkey.license.DocumentType;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.TemplateRenderer;
import io.latchkey.notify.Templates;
import io.latchkey.party.Members.MemberDetails;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.Organizations.FirmDraft;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.store.Store;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.Fixture;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The channel's people and requests as the MyPOS and Ajax manuals describe them (seeds 002, 004), on any store. */
public abstract class ChannelContractTest {

    protected Fixture fx;
    protected Latchkey sdk;
    protected Partner partner;

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    @BeforeEach
    public void setUp() {
        fx = new Fixture(newStore());
        sdk = fx.latchkey;
        partner = fx.partner();
    }

    private Member stored(Member member) {
        return fx.store.inTransaction(() -> fx.partyStore().members().find(member.id()).orElseThrow());
    }

    private List<JournalEntry> history(Member member) {
        return fx.store.inTransaction(() -> fx.store.port(JournalRepository.class).history(MemberLifecycle.AGGREGATE,
                member.id().toString(), null, 100));
    }

    /** A company of the partner, with its first administrator signed in. */
    private record Company(Organization organization, Member member, Actor admin) {
    }

    private Company company() {
        Organization company = sdk.organizations().createOrganization(partner.admin(),
                new OrganizationDraft(OrgKind.COMPANY, "ООО Ромашка", null, null, null));
        Member boss = sdk.members().addMember(partner.admin(), company.id(), new MemberDraft("boss@romashka.test",
                "Директор", null, Set.of(Role.ADMIN)));
        return new Company(company, boss, fx.confirmed(boss, Fixture.MEMBER_PASSWORD));
    }

    private String emailOf(Actor member) {
        return fx.store.inTransaction(() -> fx.partyStore().members().find(member.memberId().orElseThrow())
                .orElseThrow().email());
    }

    private String token(String template, String email) {
        fx.runDueWork();
        return Fixture.token(fx.mail.last(template, email).parameter("link"));
    }

    @Test
    public void usersEditTheirOwnDetailsAndAnAdministratorItsUsers() {
        // "Пользователь имеет право редактировать реквизиты своей учетной записи"; "Администратор имеет право
        // добавлять новых Пользователей и редактировать их реквизиты."
        Member manager = partner.managerMember();
        Member own = sdk.members().updateDetails(partner.manager(), manager.id(),
                new MemberDetails("Пётр Иванов", "ru", "8 (912) 345-67-89"));
        assertEquals(List.of("Пётр Иванов", Language.RU, "+79123456789"), List.of(own.fullName(), own.language(),
                own.phone()));
        assertEquals("fullName, language, phone", history(manager).get(history(manager).size() - 1).reason());
        Member byAdmin = sdk.members().updateDetails(partner.admin(), manager.id(), new MemberDetails(null, null,
                " "));
        assertEquals(List.of("Пётр Иванов", Language.RU), List.of(byAdmin.fullName(), byAdmin.language()));
        assertEquals(null, stored(manager).phone(), "a blank phone removes it");
        List<String> events = history(manager).stream().map(JournalEntry::event).toList();
        assertEquals(List.of("EDIT_OWN_DETAILS", "EDIT_DETAILS"), events.subList(events.size() - 2, events.size()));

        Partner other = fx.partner();
        refused(ErrorCode.MEMBER_NOT_FOUND, () -> sdk.members().updateDetails(other.admin(), manager.id(),
                new MemberDetails("Stranger", null, null)));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().updateDetails(partner.manager(),
                partner.admin().memberId().orElseThrow(), new MemberDetails("Not mine", null, null)));
        refused(ErrorCode.PHONE_INVALID, "phone", () -> sdk.members().updateDetails(partner.manager(),
                manager.id(), new MemberDetails(null, null, "12")));
        refused(ErrorCode.FIELD_TOO_LONG, "fullName", () -> sdk.members().updateDetails(partner.manager(),
                manager.id(), new MemberDetails("x".repeat(201), null, null)));
    }

    @Test
    public void theLicensorCorrectsAPartnerUsersAddressAndTheNewAddressConfirmsIt() {
        // "Лицензиату с правами администратора доступен функционал по редактированию реквизитов Пользователя
        // Партнера ... в первую очередь связанных с неверным вводом e-mail."
        Member manager = partner.managerMember();
        sdk.members().changeEmail(fx.operatorAdmin, manager.id(), "Manager.New@Partner.test");
        assertEquals(manager.email(), stored(manager).email(), "nothing changes until the new address confirms");
        fx.runDueWork();
        assertEquals("manager.new@partner.test", fx.mail.last(Templates.MEMBER_EMAIL_CHANGING, manager.email())
                .parameter("email"), "the old address is told");
        String token = token(Templates.MEMBER_EMAIL_CHANGE, "manager.new@partner.test");

        Member moved = sdk.accounts().confirmEmail(token);
        assertEquals("manager.new@partner.test", moved.email());
        assertEquals(manager.email() + " -> manager.new@partner.test",
                history(manager).get(history(manager).size() - 1).reason());
        refused(ErrorCode.TOKEN_USED, "token", () -> sdk.accounts().confirmEmail(token));
        Actor signedIn = sdk.accounts().authenticate("manager.new@partner.test",
                Fixture.MEMBER_PASSWORD.toCharArray(), "10.0.0.1");
        assertEquals(manager.id(), signedIn.memberId().orElseThrow());

        // A member changes its own; an address someone else holds is refused when confirmed.
        sdk.members().changeEmail(partner.manager(), manager.id(), "admin@operator.test");
        refused(ErrorCode.MEMBER_EMAIL_TAKEN, "email", () -> sdk.accounts().confirmEmail(token(
                Templates.MEMBER_EMAIL_CHANGE, "admin@operator.test")));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().changeEmail(partner.manager(),
                partner.admin().memberId().orElseThrow(), "elsewhere@partner.test"));
    }

    @Test
    public void changingAddressesMailsAnAddressOnlySoOftenAndAMemberOnlySoMuch() {
        Member manager = partner.managerMember();
        for (int i = 0; i < 5; i++) {
            sdk.members().changeEmail(partner.manager(), manager.id(), "target@victim.test");
        }
        LatchkeyException toAddress = refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.members().changeEmail(
                partner.manager(), manager.id(), "target@victim.test"));
        assertEquals(ErrorCategory.RATE_LIMITED, toAddress.category());
        for (int i = 0; i < 15; i++) {
            sdk.members().changeEmail(partner.manager(), manager.id(), "other" + i + "@partner.test");
        }
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> sdk.members().changeEmail(partner.manager(), manager.id(),
                "one-more@partner.test"));
        // A refused change spends nothing: the licensor's administrator still corrects the address.
        sdk.members().changeEmail(fx.operatorAdmin, manager.id(), "manager.fixed@partner.test");
        fx.runDueWork();
        assertEquals(1, fx.mail.deliveredTo("target@victim.test").size(), "the same change asked again is one message");
    }

    @Test
    public void aCompanysPeopleAreItsOwnToEditNotItsPartners() {
        Company romashka = company();
        Member boss = romashka.member();
        Actor bossActor = romashka.admin();
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().updateDetails(partner.admin(), boss.id(),
                new MemberDetails("Renamed", null, null)));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.members().changeEmail(partner.admin(), boss.id(),
                "partner-choice@romashka.test"));
        assertEquals("Генеральный директор", sdk.members().updateDetails(bossActor, boss.id(),
                new MemberDetails("Генеральный директор", null, null)).fullName());
    }

    @Test
    public void aNewUserGetsALinkToSetAPasswordNeverAPassword() {
        // The seed mails a password ("На указанный адрес будет автоматически выслано письмо с паролем"); a link
        // that sets one is the safer equivalent, and the mail says so.
        Member added = sdk.members().addMember(partner.admin(), partner.id(), new MemberDraft("new@partner.test",
                "Новый", "ru", Set.of(Role.MANAGER)));
        fx.runDueWork();
        Notification invited = fx.mail.last(Templates.MEMBER_INVITED, added.email());
        assertTrue(invited.parameter("link").contains("token="));
        Map<Language, String> says = Map.of(Language.EN, "rather than a password", Language.RU, "а не пароль",
                Language.PL, "zamiast hasła");
        for (Language language : Language.values()) {
            String body = TemplateRenderer.render(new Notification(Templates.MEMBER_INVITED, language,
                    added.email(), added.fullName(), invited.parameters(), List.of())).body();
            assertTrue(body.contains(says.get(language)), language + ": " + body);
        }
    }

    @Test
    public void partnersAreFoundByAnyPartOfNameInnOrAddressByWhoeverChoosesOne() {
        // "В качестве значений для поиска можно вводить любую известную информацию (Наименование, ИНН, адрес)."
        Company romashka = company();
        Organization company = romashka.organization();
        Actor companyAdmin = romashka.admin();
        Partner other = fx.partner();
        for (String part : List.of(other.organization().name().substring(3), "770708", "ул. примерная")) {
            assertTrue(sdk.organizations().searchPartners(companyAdmin, part, null, 100).stream()
                    .anyMatch(o -> o.id().equals(other.id())), part);
        }
        assertEquals(List.of(), sdk.organizations().searchPartners(companyAdmin, "нет такого", null, 100));
        List<Organization> firstPage = sdk.organizations().searchPartners(companyAdmin, null, null, 1);
        assertEquals(1, firstPage.size());
        assertTrue(sdk.organizations().searchPartners(companyAdmin, null, firstPage.get(0).id(), 100).stream()
                .noneMatch(o -> o.id().equals(firstPage.get(0).id())), "the next page starts after the last");
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.organizations().searchPartners(Actor.anonymous("10.0.0.1"),
                null, null, 10));
        // "найти интересующую компанию по любой части её наименования или ИНН"
        assertEquals(List.of(company), sdk.organizations().companies(partner.manager(), null, "ромаш", null, 10));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().companies(other.manager(), partner.id(),
                null, null, 10));
    }

    @Test
    public void firmsAndTradeObjectsAreEditedAndMoreAddedAtAnyTime() {
        // "В дальнейшем пользователь может добавлять в свою компанию любое число собственных фирм и редактировать
        // их" — and the same of trade objects.
        Company romashka = company();
        Organization company = romashka.organization();
        Actor boss = romashka.admin();
        Firm firm = sdk.organizations().addFirm(boss, company.id(), new FirmDraft("ООО Ромашка", "7728168971",
                "Москва", "Иванов И. И."));
        Firm edited = sdk.organizations().updateFirm(boss, firm.id(), new FirmDraft("ООО Ромашка Плюс",
                "7707083893", "Москва, ул. Садовая, 2", null));
        assertEquals(List.of("ООО Ромашка Плюс", "7707083893", "Москва, ул. Садовая, 2"), List.of(edited.name(),
                edited.inn(), edited.address()));
        assertEquals(null, edited.director());
        assertEquals(List.of(edited), sdk.organizations().firms(boss, company.id(), null, 10));
        Firm second = sdk.organizations().addFirm(boss, company.id(), new FirmDraft("ИП Петров", "500100732259",
                null, "Петров П. П."));
        refused(ErrorCode.DUPLICATE, () -> sdk.organizations().updateFirm(boss, second.id(), new FirmDraft("Copy",
                "7707083893", null, null)));
        refused(ErrorCode.INN_INVALID, "inn", () -> sdk.organizations().updateFirm(boss, second.id(),
                new FirmDraft("Bad", "7707083894", null, null)));

        Site site = sdk.organizations().addSite(boss, company.id(), "Магазин", "Москва");
        Site moved = sdk.organizations().updateSite(boss, site.id(), "Магазин №1", "Москва, ул. Садовая, 3");
        assertEquals(List.of("Магазин №1", "Москва, ул. Садовая, 3"), List.of(moved.name(), moved.address()));
        Partner other = fx.partner();
        refused(ErrorCode.FIRM_NOT_FOUND, "id", () -> sdk.organizations().updateFirm(other.admin(), firm.id(),
                new FirmDraft("Mine now", "7707083893", null, null)));
        refused(ErrorCode.SITE_NOT_FOUND, "id", () -> sdk.organizations().updateSite(other.admin(), site.id(), "X",
                null));
        refused(ErrorCode.PERMISSION_DENIED, () -> sdk.organizations().updateSite(partner.manager(), site.id(), "X",
                null));
    }

    @Test
    public void aRegistrationRecordsTheUserAgreementItAcceptedAndIsRefusedWithoutIt() {
        // "ознакомиться с Пользовательским соглашением и установить галочку Согласен"
        refused(ErrorCode.AGREEMENT_REQUIRED, "agreement", () -> sdk.registrations().registerCompany(
                new CompanyRegistration("ООО Лютик", "ООО Лютик", "7707083893", "Склад", null, "owner@lutik.test",
                        "Владелец", "ru", null, null, " "), "10.0.0.1"));
        assertTrue(fx.store.inTransaction(() -> fx.partyStore().members().findByEmail("owner@lutik.test")).isEmpty(),
                "nothing is made");
        fx.runDueWork();
        assertEquals(List.of(), fx.mail.deliveredTo("owner@lutik.test"));

        sdk.registrations().registerCompany(new CompanyRegistration("ООО Лютик", "ООО Лютик", "7707083893", "Склад",
                null, "owner@lutik.test", "Владелец", "ru", null, null, "2016-04-26"), "10.0.0.1");
        Organization registered = fx.organizationOf("owner@lutik.test");
        Member owner = fx.store.inTransaction(() -> fx.partyStore().members().findByEmail("owner@lutik.test")
                .orElseThrow());
        assertEquals(new Agreement("2016-04-26", fx.clock.instant(), "member:" + owner.id()), registered.agreement());

        Organization byPartner = sdk.registrations().createCompany(partner.admin(), new CompanyRegistration(
                "ООО Ромашка", "ООО Ромашка", "7728168971", "Магазин", null, "owner@romashka.test", "Владелец", "ru",
                null, null, "1.3"));
        assertEquals(new Agreement("1.3", fx.clock.instant(), partner.admin().describe()), byPartner.agreement());
        assertEquals(byPartner.agreement(), sdk.organizations().organization(fx.operatorAdmin, byPartner.id())
                .agreement(), "kept");
    }

    @Test
    public void aPartnerSeesTheCardOfACompanyConnectedToIt() {
        // "В ней отображаются список Фирм данной компании, контактные данные Пользователей, ответственных за работу
        // с MyPOS" — and, in the license contract test, its licenses partly masked.
        Company romashka = company();
        sdk.members().updateDetails(romashka.admin(), romashka.member().id(), new MemberDetails(null, null,
                "+7 912 345-67-89"));
        Firm firm = sdk.organizations().addFirm(romashka.admin(), romashka.organization().id(), new FirmDraft(
                "ООО Ромашка", "7728168971", "Москва", "Иванов И. И."));
        assertEquals(List.of(firm), sdk.organizations().firms(partner.manager(), romashka.organization().id(), null,
                10));
        Member contact = sdk.members().members(partner.manager(), romashka.organization().id(), null, 10).get(0);
        assertEquals(List.of("boss@romashka.test", "Директор", "+79123456789"), List.of(contact.email(),
                contact.fullName(), contact.phone()));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> sdk.organizations().firms(fx.partner().manager(),
                romashka.organization().id(), null, 10));
    }

    @Test
    public void aConfirmationActivatesOnlyAPendingPartnerAndOnlyByAnAdministrator() {
        // "После нажатия кнопки Создать, на указанный почтовый адрес будет автоматически отправлено письмо с
        // предложением подтвердить создаваемый аккаунт партнера. Как только Партнер подтвердит создание аккаунта,
        // он может пользоваться своим личным кабинетом с правами администратора."
        Organization dealer = sdk.organizations().createOrganization(fx.operatorAdmin, new OrganizationDraft(
                OrgKind.PARTNER, "Dealer", null, null, null, new Requisites("7707083893", "Москва", null, null)));
        assertEquals(OrganizationState.PENDING, dealer.state());
        Member head = sdk.members().addMember(fx.operatorAdmin, dealer.id(), new MemberDraft("head@dealer.test",
                "Head", null, Set.of(Role.ADMIN)));
        Member manager = sdk.members().addMember(fx.operatorAdmin, dealer.id(), new MemberDraft(
                "manager@dealer.test", "Manager", null, Set.of(Role.MANAGER)));
        fx.runDueWork();
        String link = fx.mail.last(Templates.MEMBER_INVITED, manager.email()).parameter("link");
        char[] password = Fixture.MEMBER_PASSWORD.toCharArray();
        sdk.accounts().confirm(Fixture.token(link), password, password);
        assertEquals(OrganizationState.PENDING, storedOrganization(dealer.id()).state(), "a manager does not open it");
        refused(ErrorCode.CREDENTIALS_INVALID, () -> sdk.accounts().authenticate(manager.email(), password, "ip"));
        // Not on the list, not sold to, until then.
        assertEquals(List.of(), sdk.organizations().searchPartners(partner.admin(), "Dealer", null, 10));
        sdk.documents().mint(fx.operatorAdmin, 1);
        refused(ErrorCode.BUYER_INVALID, "buyerOrgId", () -> sdk.documents().post(fx.operatorAdmin,
                new DocumentRequest(DocumentType.SALE_TO_PARTNER, dealer.id(), null, null, 1, null)));
        refused(ErrorCode.ORGANIZATION_NOT_APPROVED, () -> sdk.organizations().createOrganization(fx.operatorAdmin,
                new OrganizationDraft(OrgKind.PARTNER, "Sub-dealer", dealer.id(), null, null, new Requisites(
                        "7728168971", null, null, null))));

        fx.confirmed(head, Fixture.MEMBER_PASSWORD);
        assertEquals(OrganizationState.OPEN, storedOrganization(dealer.id()).state());
        assertEquals(1, sdk.organizations().searchPartners(partner.admin(), "Dealer", null, 10).size());
        int journaled = journaled(partner.id());
        fx.confirmed(sdk.members().addMember(partner.admin(), partner.id(), new MemberDraft("second@partner.test",
                "Second Admin", null, Set.of(Role.ADMIN))), Fixture.MEMBER_PASSWORD);
        assertEquals(journaled, journaled(partner.id()), "an open partner is not activated again");
    }

    private Organization storedOrganization(OrgId id) {
        return fx.store.inTransaction(() -> fx.partyStore().organizations().find(id).orElseThrow());
    }

    private int journaled(OrgId organization) {
        return fx.store.inTransaction(() -> fx.store.port(JournalRepository.class).history(
                OrganizationLifecycle.AGGREGATE, organization.toString(), null, 100)).size();
    }

    @Test
    public void aCompanyMayGoBackToTheLicensorAndThePartnerAskedIsEmailed() {
        // "Выберите из списка желаемого Партнера и нажмите кнопку Подключиться. Партнеру автоматически
        // направляется запрос на подтверждение согласия работать с данной Компанией."
        Partner newPartner = fx.partner();
        Company romashka = company();
        Organization company = romashka.organization();
        Actor companyAdmin = romashka.admin();
        Connection pending = sdk.connections().requestConnection(companyAdmin, company.id(), newPartner.id(),
                ConnectionKind.COMPANY_TO_PARTNER);
        fx.runDueWork();
        Notification told = fx.mail.last(Templates.CONNECTION_REQUESTED, emailOf(newPartner.admin()));
        assertEquals(List.of("ООО Ромашка", newPartner.organization().name()), List.of(told.parameter("requester"),
                told.parameter("organization")));
        sdk.connections().withdrawConnection(companyAdmin, pending.id());

        // "При создании новой Компании она автоматически подключается к Партнеру по умолчанию с именем MyPOS":
        // the licensor is the default partner, and a company may go back to it.
        Connection back = sdk.connections().requestConnection(companyAdmin, company.id(), fx.operator.id(),
                ConnectionKind.COMPANY_TO_PARTNER);
        sdk.connections().approveConnection(fx.operatorAdmin, back.id());
        assertEquals(fx.operator.id(), sdk.organizations().organization(companyAdmin, company.id()).parentId());
        refused(ErrorCode.CONNECTION_EXISTS, "toOrgId", () -> sdk.connections().requestConnection(companyAdmin,
                company.id(), fx.operator.id(), ConnectionKind.COMPANY_TO_PARTNER));
    }
}
